package sqlite

import (
	"context"
	"database/sql"
	"strconv"

	"liangwei/data"
)

// settingFields maps the settings keys stored in the database to the fields of data.Settings.
func settingFields(s *data.Settings) []struct {
	key string
	val *string
} {
	return []struct {
		key string
		val *string
	}{
		{"township", &s.Township},
		{"county", &s.County},
		{"leader", &s.Leader},
		{"reviewer", &s.Reviewer},
		{"preparer", &s.Preparer},
		{"phone", &s.Phone},
		{"data_folder", &s.DataFolder},
	}
}

// Settings reads the clerk's settings; an empty database gives zero Settings.
func (s *Store) Settings(ctx context.Context) (data.Settings, error) {
	var out data.Settings
	err := s.read(ctx, func(q *sql.Tx) error {
		m, err := readSettings(ctx, q)
		if err != nil {
			return err
		}
		for _, f := range settingFields(&out) {
			*f.val = m[f.key]
		}
		out.Round, _ = strconv.Atoi(m["round"])
		return nil
	})
	return out, err
}

func readSettings(ctx context.Context, q *sql.Tx) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, rows.Err()
}

// SaveSettings stores the settings; each changed setting gets an audit row under the 设置
// screen's label of it (data.SettingName), so the log reads the same on the screen and in
// the CLI.
func (s *Store) SaveSettings(ctx context.Context, st data.Settings) error {
	return s.write(ctx, func(w *tx) error {
		old, err := readSettings(w.ctx, w.tx)
		if err != nil {
			return err
		}
		kv := map[string]string{}
		var keys []string
		for _, f := range settingFields(&st) {
			kv[f.key] = *f.val
			keys = append(keys, f.key)
		}
		kv["round"] = ""
		if st.Round != 0 {
			kv["round"] = strconv.Itoa(st.Round)
		}
		keys = append(keys, "round")
		for _, k := range keys {
			v := kv[k]
			prev, had := old[k]
			if prev == v && (had || v == "") {
				continue
			}
			if _, err := w.exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
			var o any
			if had {
				o = prev
			}
			if err := w.log(ActionUpdate, data.SubjectSettings, data.SettingName(k), o, v, ""); err != nil {
				return err
			}
		}
		return nil
	})
}
