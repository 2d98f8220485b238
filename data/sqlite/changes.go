package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"liangwei/data"
)

// Changes during the term (任职变动) and departure audits (离任审计).

func scanChange(sc scanner) (data.Change, error) {
	var c data.Change
	var date sql.NullString
	var body, post, cause, method string
	if err := sc.Scan(&c.ID, &c.Township, &c.Village, &c.Round, &date, &body, &post, &c.Leaver, &c.LeaverID, &cause,
		&c.Successor, &c.SuccessorID, &method, &c.Note); err != nil {
		return c, err
	}
	c.Body, c.Post, c.Cause, c.Method = data.Body(body), data.ChangePost(post), data.ChangeCause(cause), data.ChangeMethod(method)
	var err error
	c.Date, err = parseDate(date)
	return c, err
}

func changeLabel(c data.Change) string {
	return fmt.Sprintf("村庄“%s/%s”%s%s%s的任职变动", c.Township, c.Village, data.FormatDate(c.Date), c.Body, c.Post)
}

// changeKeyText is the change's key as the audit log and the recycle bin show it (the ID
// numbers masked): 乡镇/村名/届次/日期/组织职务/离任人→接任人.
func changeKeyText(c data.Change) string {
	return data.ChangeWhere(c) + "/" + c.Leaver + "→" + c.Successor
}

var changeKind = &kindSpec[data.Change]{
	code:    data.CodeChange,
	table:   "changes",
	alias:   "g",
	up:      inVillage,
	names:   func(c data.Change) (string, string) { return c.Township, c.Village },
	keyCols: [2]string{"change_key", "round"},
	key: func(c data.Change) (string, int) {
		return data.FormatDate(c.Date) + "/" + string(c.Body) + "/" + string(c.Post) + "/" + c.LeaverID + "/" + c.SuccessorID, c.Round
	},
	sel: `SELECT g.id, t.name, v.name, g.round, g.date, g.body, g.post, g.leaver, g.leaver_id, g.cause, g.successor,
		g.successor_id, g.method, g.note
		FROM changes g JOIN villages v ON v.id = g.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "g.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, g.round, g.date, g.id",
	insert: `INSERT INTO changes (village_id, round, date, body, post, leaver, leaver_id, cause, successor, successor_id, method,
		note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE changes SET village_id = ?, round = ?, date = ?, body = ?, post = ?, leaver = ?, leaver_id = ?, cause = ?,
		successor = ?, successor_id = ?, method = ?, note = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanChange,
	id:   func(c data.Change) int64 { return c.ID },
	args: func(_ refs, villageID int64, c data.Change) ([]any, error) {
		return []any{villageID, c.Round, data.FormatDate(c.Date), string(c.Body), string(c.Post), c.Leaver, c.LeaverID,
			string(c.Cause), c.Successor, c.SuccessorID, string(c.Method), c.Note}, nil
	},
	desc:    data.ChangeDesc,
	keyText: changeKeyText,
	label:   changeLabel,
	// A change happens any day of the five-year term: it is bound to the lock of the year it
	// is dated in, as complaints and talks are, so that reporting a round does not stop the
	// clerk recording the term's later changes.
	round: func(c data.Change) int { return yearOf(c.Date) },
}

// Changes lists the changes of a round's term (every round when round is 0) that are not
// deleted and whose village is not deleted, by township, village and date.
func (s *Store) Changes(ctx context.Context, round int) ([]data.Change, error) {
	if round == 0 {
		return listRead(ctx, s, changeKind, changeKind.live)
	}
	return listRead(ctx, s, changeKind, "g.round = ? AND "+changeKind.live, round)
}

// SaveChange inserts a change (ID 0; a deleted one with the same key is restored) or updates
// one. Its village must exist.
func (s *Store) SaveChange(ctx context.Context, c *data.Change) error {
	c.Normalize()
	return save(ctx, s, changeKind, *c, &c.ID, c.Validate())
}

// DeleteChange moves a change to the recycle bin.
func (s *Store) DeleteChange(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, changeKind, id)
}

func scanAudit(sc scanner) (data.DepartureAudit, error) {
	var a data.DepartureAudit
	var date sql.NullString
	var conclusion string
	if err := sc.Scan(&a.ID, &a.Township, &a.Village, &a.Round, &a.Subject, &a.Post, &a.Auditor, &date, &conclusion, &a.Findings); err != nil {
		return a, err
	}
	a.Conclusion = data.AuditConclusion(conclusion)
	var err error
	a.Date, err = parseDate(date)
	return a, err
}

var auditKind = &kindSpec[data.DepartureAudit]{
	code:    data.CodeAudit,
	table:   "departure_audits",
	alias:   "a",
	up:      inVillage,
	names:   func(a data.DepartureAudit) (string, string) { return a.Township, a.Village },
	keyCols: [2]string{"subject", "round"},
	key:     func(a data.DepartureAudit) (string, int) { return a.Subject, a.Round },
	sel: `SELECT a.id, t.name, v.name, a.round, a.subject, a.post, a.auditor, a.date, a.conclusion, a.findings
		FROM departure_audits a JOIN villages v ON v.id = a.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "a.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, a.round, a.id",
	insert: `INSERT INTO departure_audits (village_id, round, subject, post, auditor, date, conclusion, findings, created_at,
		updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE departure_audits SET village_id = ?, round = ?, subject = ?, post = ?, auditor = ?, date = ?, conclusion = ?,
		findings = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanAudit,
	id:   func(a data.DepartureAudit) int64 { return a.ID },
	args: func(_ refs, villageID int64, a data.DepartureAudit) ([]any, error) {
		return []any{villageID, a.Round, a.Subject, a.Post, a.Auditor, nullDate(a.Date), string(a.Conclusion), a.Findings}, nil
	},
	desc: data.AuditDesc,
	keyText: func(a data.DepartureAudit) string {
		return a.Township + "/" + a.Village + "/" + strconv.Itoa(a.Round) + "/" + a.Subject
	},
	label: func(a data.DepartureAudit) string {
		return fmt.Sprintf("村庄“%s/%s”%d年对%s的离任审计", a.Township, a.Village, a.Round, a.Subject)
	},
	round: func(a data.DepartureAudit) int { return a.Round },
}

// Audits lists the departure audits of a round (every round when round is 0) that are not
// deleted and whose village is not deleted.
func (s *Store) Audits(ctx context.Context, round int) ([]data.DepartureAudit, error) {
	if round == 0 {
		return listRead(ctx, s, auditKind, auditKind.live)
	}
	return listRead(ctx, s, auditKind, "a.round = ? AND "+auditKind.live, round)
}

// SaveAudit inserts a departure audit (ID 0; a deleted one with the same key is restored) or
// updates one. Its village must exist.
func (s *Store) SaveAudit(ctx context.Context, a *data.DepartureAudit) error {
	return save(ctx, s, auditKind, *a, &a.ID, a.Validate())
}

// DeleteAudit moves a departure audit to the recycle bin.
func (s *Store) DeleteAudit(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, auditKind, id)
}
