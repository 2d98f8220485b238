package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"liangwei/data"
)

// Submissions and verifications (issue 18): which township sent which file, and which PDFs
// were verified against the database. An import records its file's townships in its own
// transaction (recordSubmissions, called by runImport), so a file is listed exactly when its
// records were written.

// ActionReturn is the audit action of a submission sent back (退回) to its township.
const ActionReturn = "return"

// returnValue is the new value of a 退回 audit row.
type returnValue struct {
	File   string `json:"文件"`
	Reason string `json:"退回原因"`
}

// recordSubmissions writes a row per township of the imported batch b, with the file's
// fingerprints. A batch that did not come from a file (b.Prints nil: the demo) records
// nothing, nor does a township of which the file holds only the 乡镇 row.
func (w *tx) recordSubmissions(source string, b data.Batch) error {
	for _, p := range b.Prints {
		if p.Records == 0 {
			continue
		}
		if _, err := w.exec(`INSERT INTO submissions (township, file, imported_at, os_user, declared, actual)
			VALUES (?, ?, ?, ?, ?, ?)`, p.Township, source, w.now, w.s.osUser, p.Declared, p.Actual); err != nil {
			return err
		}
	}
	return nil
}

// Submissions lists every township's part of every imported file, newest first.
func (s *Store) Submissions(ctx context.Context) ([]data.Submission, error) {
	var out []data.Submission
	err := s.read(ctx, func(q *sql.Tx) error {
		rows, err := q.QueryContext(ctx, `SELECT id, township, file, imported_at, os_user, declared, actual,
			returned_at, returned_by, return_reason FROM submissions ORDER BY id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var x data.Submission
			var at string
			var ret sql.NullString
			if err := rows.Scan(&x.ID, &x.Township, &x.File, &at, &x.By, &x.Declared, &x.Actual, &ret, &x.ReturnedBy, &x.ReturnReason); err != nil {
				return err
			}
			x.At, _ = time.Parse(time.RFC3339, at)
			if ret.Valid {
				x.Returned = true
				x.ReturnedAt, _ = time.Parse(time.RFC3339, ret.String)
			}
			out = append(out, x)
		}
		return rows.Err()
	})
	return out, err
}

// Verifications lists the PDFs verified, per township, newest first.
func (s *Store) Verifications(ctx context.Context) ([]data.Verification, error) {
	var out []data.Verification
	err := s.read(ctx, func(q *sql.Tx) error {
		rows, err := q.QueryContext(ctx, `SELECT township, file, verified_at, os_user, kind, round, result, detail
			FROM verifications ORDER BY id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v data.Verification
			var at string
			if err := rows.Scan(&v.Township, &v.File, &at, &v.By, &v.Kind, &v.Round, &v.Result, &v.Detail); err != nil {
				return err
			}
			v.At, _ = time.Parse(time.RFC3339, at)
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// RecordVerifications keeps the results of verifying one PDF, a row per township.
func (s *Store) RecordVerifications(ctx context.Context, vs []data.Verification) error {
	return s.write(ctx, func(w *tx) error {
		for _, v := range vs {
			if _, err := w.exec(`INSERT INTO verifications (township, file, verified_at, os_user, kind, round, result, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, v.Township, v.File, w.now, w.s.osUser, v.Kind, v.Round, v.Result, v.Detail); err != nil {
				return err
			}
		}
		return nil
	})
}

// ReturnSubmission marks the township's latest submission 退回 with a reason, and logs it.
func (s *Store) ReturnSubmission(ctx context.Context, township, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return refuse(nil, "退回%s的报送必须填写原因（将记入操作日志）", township)
	}
	return s.write(ctx, func(w *tx) error {
		var id int64
		var file string
		err := w.queryRow(`SELECT id, file FROM submissions WHERE township = ? ORDER BY id DESC LIMIT 1`, township).Scan(&id, &file)
		if err == sql.ErrNoRows {
			return refuse(nil, "还没有收到%s报送的文件，无法退回", township)
		}
		if err != nil {
			return err
		}
		if _, err := w.exec(`UPDATE submissions SET returned_at = ?, returned_by = ?, return_reason = ? WHERE id = ?`,
			w.now, w.s.osUser, reason, id); err != nil {
			return err
		}
		return w.log(ActionReturn, data.SubjectSubmission, township, nil, returnValue{File: file, Reason: reason}, file)
	})
}
