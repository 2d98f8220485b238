package data

import (
	"context"
	"sort"
	"strings"
	"time"
)

// Who has sent what (issue 18): a county's or a city's database learns of a township's
// submission when it imports its workbook, and of a signed PDF when it verifies it. The
// store keeps both (data/sqlite/submissions.go); BuildSubmissions puts them beside the
// round's figures and checks, one row per township.

// Submission is one township's part of one imported file.
type Submission struct {
	ID       int64     `json:"id"`
	Township string    `json:"township"`
	File     string    `json:"file"`
	At       time.Time `json:"imported_at"`
	By       string    `json:"imported_by"`
	Declared string    `json:"declared_print,omitempty"` // the fingerprint the workbook carried
	Actual   string    `json:"print"`                    // the fingerprint of its rows
	// Returned is set when the county sent the submission back (退回), with why and by whom.
	Returned     bool      `json:"returned"`
	ReturnedAt   time.Time `json:"returned_at,omitzero"`
	ReturnedBy   string    `json:"returned_by,omitempty"`
	ReturnReason string    `json:"return_reason,omitempty"`
}

// PrintState is the workbook's fingerprint state: 一致, 已修改 or 无指纹.
func (s Submission) PrintState() string {
	return FilePrint{Township: s.Township, Declared: s.Declared, Actual: s.Actual}.State()
}

// Verification is one township's result of verifying a PDF against the database.
type Verification struct {
	Township string    `json:"township"`
	File     string    `json:"file"`
	At       time.Time `json:"verified_at"`
	By       string    `json:"verified_by"`
	Kind     string    `json:"kind"` // the report's CLI name
	Round    int       `json:"round"`
	Result   string    `json:"result"` // VerifyMatch or VerifyMismatch
	Detail   string    `json:"detail,omitempty"`
}

// The results of a verification.
const (
	VerifyMatch    = "一致"
	VerifyMismatch = "不一致"
)

// SubmissionStore is the store's record of submissions and verifications. data/sqlite
// implements it; it is apart from Store so that fakes of Store need not.
type SubmissionStore interface {
	// Submissions lists every township's part of every imported file, newest first.
	Submissions(ctx context.Context) ([]Submission, error)
	// Verifications lists the PDFs verified, newest first.
	Verifications(ctx context.Context) ([]Verification, error)
	// RecordVerifications keeps the results of verifying one PDF.
	RecordVerifications(ctx context.Context, vs []Verification) error
	// ReturnSubmission marks the township's latest submission 退回 with a reason (required),
	// in the audit log too. A township with no submission is refused.
	ReturnSubmission(ctx context.Context, township, reason string) error
}

// SubmissionRow is one township of the 汇总 screen and the submissions command.
type SubmissionRow struct {
	Township string        `json:"township"`
	Latest   *Submission   `json:"latest"` // nil: nothing received yet
	Files    int           `json:"files"`  // files received from it
	Villages int           `json:"villages"`
	Party    BodyStats     `json:"party_org"`
	Comm     BodyStats     `json:"committee"`
	Errors   int           `json:"errors"`   // check errors of the round
	Warnings int           `json:"warnings"` // check warnings of the round
	Verified *Verification `json:"verified"` // the last PDF verified, nil if none
}

// Received reports whether anything was received from the township.
func (r SubmissionRow) Received() bool { return r.Latest != nil }

// StatusText is the row's state in a word: 未报送, 已退回, 已修改 (the workbook was changed
// after export), 有错误, 已报送.
func (r SubmissionRow) StatusText() string {
	switch {
	case r.Latest == nil:
		return "未报送"
	case r.Latest.Returned:
		return "已退回"
	case r.Latest.PrintState() == PrintModified:
		return "已修改"
	case r.Errors > 0:
		return "有错误"
	}
	return "已报送"
}

// BuildSubmissions is one row per township known to the database: from the 乡镇 records of
// l (the round's ledger) and from every file imported (subs, newest first); with the latest
// file, the round's completion rates, the check errors and warnings of the round and the
// last verified PDF (vers, newest first). Rows are sorted by township.
func BuildSubmissions(l Ledger, round int, today time.Time, subs []Submission, vers []Verification) []SubmissionRow {
	rows := map[string]*SubmissionRow{}
	row := func(t string) *SubmissionRow {
		r := rows[t]
		if r == nil {
			r = &SubmissionRow{Township: t}
			rows[t] = r
		}
		return r
	}
	for _, t := range l.Townships {
		row(t.Name)
	}
	for i := range subs {
		r := row(subs[i].Township)
		r.Files++
		if r.Latest == nil {
			r.Latest = &subs[i]
		}
	}
	for i := range vers {
		if r, ok := rows[vers[i].Township]; ok && r.Verified == nil {
			r.Verified = &vers[i]
		}
	}
	for _, s := range BuildSummary(l, round, today).Rows {
		if r, ok := rows[s.Township]; ok {
			r.Villages, r.Party, r.Comm = s.Villages, s.PartyOrg, s.Committee
		}
	}
	for _, f := range CheckLedger(l, round, today) {
		t, _, _ := strings.Cut(f.Where, "/")
		if r, ok := rows[t]; ok {
			if f.Level == LevelError {
				r.Errors++
			} else {
				r.Warnings++
			}
		}
	}
	out := make([]SubmissionRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Township < out[j].Township })
	return out
}
