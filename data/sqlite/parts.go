package sqlite

import (
	"context"
	"database/sql"
	"os"
	"time"

	"liangwei/data"
)

// Figures kept township by township (issue 19, migration 0011). The figure cache (cache.go)
// gives a figure again only while nothing at all has been written; a province's clerk
// imports one township's workbook and asks for the figures again, and with the cache alone
// every township is read once more (seconds at 10× the city). A figure that is a sum over
// townships (stats: data.StatsSum) keeps each township's share in figure_parts, and the
// next computation reads only the townships whose share is stale:
//
//   - every write transaction stamps, in figure_stamps, the ledger version it raises to: on
//     the townships it names when it names them (an import: only records of the townships
//     its file names are written), else on '' (any other write: it may change anything);
//   - a share computed at version v is read while v is at least its township's stamp and
//     the '' stamp, by the program that computed it (a SHA-256 of its executable), on the
//     day it was computed, under the same key (the figure, round and reference date);
//   - the shares and the stamps are read in the very transaction that reads the stale
//     townships, so a figure never mixes two states of the ledger; new shares are stored
//     only if the ledger's version has not moved since.

// partsMigration is the migration that creates figure_stamps and figure_parts.
const partsMigration = 11

// stampFigures stamps the townships t may have changed (t.scope; when it names none, the empty name, which stands for every township) with the
// ledger's new version; see above.
func (t *tx) stampFigures() error {
	if t.noStamps {
		return nil
	}
	var v int64
	if err := t.queryRow("SELECT version FROM ledger_version").Scan(&v); err != nil {
		return err
	}
	names := t.scope
	if names == nil {
		names = []string{""}
	}
	for _, n := range names {
		if _, err := t.exec(`INSERT INTO figure_stamps (township, version) VALUES (?, ?)
			ON CONFLICT (township) DO UPDATE SET version = excluded.version`, n, v); err != nil {
			return err
		}
	}
	return nil
}

// EachPart gives add, township by township in the order of EachTownship, each township's
// share of a figure: compute's of its ledger, or the share kept under key (see above) when
// it is still valid. New shares are kept for the next time. Without the cache
// (LIANGWEI_NOCACHE), or when the program cannot be read, every township is computed.
// compute runs on the goroutine that read the township (either core), so it must be safe
// to run on both at once; add runs on the caller's, in order. figures: compute reads no
// member's 姓名, 民族, 身份标签 or 联系电话 (data.StatsSum), which are then not read.
func EachPart[T any](ctx context.Context, s *Store, key string, round int, figures bool, compute func(data.Ledger) T, add func(T)) error {
	if os.Getenv(noCacheEnv) != "" {
		return eachTownshipRead(s, ctx, round, false, figures, nil, nil, compute, func(_ string, v *T) error { add(*v); return nil })
	}
	// The program is hashed on the second core while the townships are listed.
	progc := make(chan string, 1)
	go func() { progc <- programID() }()
	prog := ""
	day := time.Now().Format(time.DateOnly)
	kept := map[string]T{}
	var version int64
	fresh := map[string][]byte{}
	// pick reads the valid shares kept; a township without one, or whose share does not
	// decode, is read. Shares that cannot be read at all (an older ledger opened read-only)
	// are no error: every township is read.
	pick := func(q rowSource, names []string) ([]bool, error) {
		prog = <-progc
		v, raw, err := keptParts(ctx, q, key, prog, day)
		if err != nil || prog == "" {
			v, raw = 0, nil // every township read, nothing kept
		}
		version = v
		picked := make([]bool, len(names))
		for i, n := range names {
			var share T
			if b, ok := raw[n]; ok && readKept(b, &share) == nil {
				kept[n] = share
			} else {
				picked[i] = true
			}
		}
		return picked, nil
	}
	// A share is computed, and its kept bytes made, on the goroutine that read its township.
	type computed struct {
		v    T
		kept []byte // nil: not kept (its bytes do not give it back exactly)
	}
	prepare := func(l data.Ledger) computed {
		v := compute(l)
		b, _ := exactKept(v)
		return computed{v, b}
	}
	err := eachTownshipRead(s, ctx, round, false, figures, nil, pick, prepare, func(name string, c *computed) error {
		if c == nil {
			add(kept[name])
			return nil
		}
		if c.kept != nil {
			fresh[name] = c.kept
		}
		add(c.v)
		return nil
	})
	if err != nil || len(fresh) == 0 || version == 0 || s.readOnly || time.Now().Format(time.DateOnly) != day {
		return err
	}
	s.storeParts(ctx, key, prog, day, version, fresh) // not stored: computed again next time
	return nil
}

// keptParts reads, in q's transaction, the ledger's version and the valid shares kept under
// key by prog on day, by township.
func keptParts(ctx context.Context, q rowSource, key, prog, day string) (int64, map[string][]byte, error) {
	var version int64
	rows, err := q.query(ctx, "SELECT version FROM ledger_version")
	if err != nil {
		return 0, nil, err
	}
	for rows.Next() {
		if err := rows.Scan(&version); err != nil {
			rows.Close()
			return 0, nil, err
		}
	}
	if err := rows.Close(); err != nil {
		return 0, nil, err
	}
	rows, err = q.query(ctx, `SELECT p.township, p.value FROM figure_parts p
		LEFT JOIN figure_stamps t ON t.township = p.township
		WHERE p.key = ? AND p.program = ? AND p.day = ?
		AND p.version >= coalesce(t.version, 0)
		AND p.version >= (SELECT version FROM figure_stamps WHERE township = '')`, key, prog, day)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	kept := map[string][]byte{}
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return 0, nil, err
		}
		kept[name] = []byte(value)
	}
	return version, kept, rows.Err()
}

// storeParts keeps the shares computed at version, unless the ledger's version has moved
// on (keepAt); it drops the shares of other days and the stale ones.
func (s *Store) storeParts(ctx context.Context, key, prog, day string, version int64, parts map[string][]byte) error {
	return s.keepAt(ctx, version, func(q *sql.Tx) error {
		if _, err := q.ExecContext(ctx, "DELETE FROM figure_parts WHERE day <> ? OR version < (SELECT version FROM figure_stamps WHERE township = '')", day); err != nil {
			return err
		}
		ins, err := q.PrepareContext(ctx, "INSERT OR REPLACE INTO figure_parts (key, township, program, day, version, value) VALUES (?, ?, ?, ?, ?, ?)")
		if err != nil {
			return err
		}
		defer ins.Close()
		for name, b := range parts {
			if _, err := ins.ExecContext(ctx, key, name, prog, day, version, b); err != nil {
				return err
			}
		}
		return nil
	})
}
