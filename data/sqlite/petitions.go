package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"liangwei/data"
)

// complaintArgs are the complaints columns; villageID 0 (no 村名) is stored as NULL.
func complaintArgs(townshipID, villageID int64, c data.Complaint) []any {
	var vid any
	if villageID != 0 {
		vid = villageID
	}
	return []any{townshipID, c.No, nullDate(c.Received), string(c.Channel), vid, c.Complainant, c.Subject, string(c.Category),
		c.Summary, c.Handler, nullDate(c.Deadline), string(c.Result), c.Handling, nullDate(c.Replied), nullDate(c.ExtendedTo), c.Extension}
}

func scanComplaint(sc scanner) (data.Complaint, error) {
	var c data.Complaint
	var channel, category, result string
	var received, deadline, replied, extended sql.NullString
	if err := sc.Scan(&c.ID, &c.Township, &c.No, &received, &channel, &c.Village, &c.Complainant, &c.Subject, &category,
		&c.Summary, &c.Handler, &deadline, &result, &c.Handling, &replied, &extended, &c.Extension); err != nil {
		return c, err
	}
	c.Channel, c.Category, c.Result = data.Channel(channel), data.ComplaintCategory(category), data.ComplaintResult(result)
	var err error
	if c.Received, err = parseDate(received); err != nil {
		return c, err
	}
	if c.Deadline, err = parseDate(deadline); err != nil {
		return c, err
	}
	if c.Replied, err = parseDate(replied); err != nil {
		return c, err
	}
	c.ExtendedTo, err = parseDate(extended)
	return c, err
}

func complaintLabel(c data.Complaint) string {
	return fmt.Sprintf("乡镇“%s”编号为“%s”的信访举报", c.Township, c.No)
}

var complaintKind = &kindSpec[data.Complaint]{
	code:    data.CodeComplaint,
	table:   "complaints",
	alias:   "c",
	up:      inTownship,
	names:   func(c data.Complaint) (string, string) { return c.Township, "" },
	keyCols: [2]string{"no", ""},
	key:     func(c data.Complaint) (string, int) { return c.No, 0 },
	sel: `SELECT c.id, t.name, c.no, c.received, c.channel, coalesce(v.name, ''), c.complainant, c.subject, c.category,
		c.summary, c.handler, c.deadline, c.result, c.handling, c.replied, c.extended_to, c.extension
		FROM complaints c JOIN townships t ON t.id = c.township_id LEFT JOIN villages v ON v.id = c.village_id`,
	// A complaint stays listed when the village it names is deleted: the village is only
	// where it happened.
	live:  "c.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, c.received, c.no",
	insert: `INSERT INTO complaints (township_id, no, received, channel, village_id, complainant, subject, category, summary,
		handler, deadline, result, handling, replied, extended_to, extension, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE complaints SET township_id = ?, no = ?, received = ?, channel = ?, village_id = ?, complainant = ?,
		subject = ?, category = ?, summary = ?, handler = ?, deadline = ?, result = ?, handling = ?, replied = ?,
		extended_to = ?, extension = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanComplaint,
	id:   func(c data.Complaint) int64 { return c.ID },
	// A complaint's 村名, when given, must be a listed village of its township.
	args: func(p refs, townshipID int64, c data.Complaint) ([]any, error) {
		var vid int64
		if c.Village != "" {
			var err error
			if vid, err = p.village(c.Township, c.Village, complaintLabel(c)); err != nil {
				return nil, err
			}
		}
		return complaintArgs(townshipID, vid, c), nil
	},
	desc:    data.ComplaintDesc,
	keyText: func(c data.Complaint) string { return c.Township + "/" + c.No },
	label:   complaintLabel,
	round:   func(c data.Complaint) int { return yearOf(c.Received) },
}

// Complaints lists the complaints received in a year (every complaint when year is 0) that
// are not deleted, by township, 受理日期 and 编号.
func (s *Store) Complaints(ctx context.Context, year int) ([]data.Complaint, error) {
	if year == 0 {
		return listRead(ctx, s, complaintKind, complaintKind.live)
	}
	cond, args := yearRange("c.received", year)
	return listRead(ctx, s, complaintKind, cond+" AND "+complaintKind.live, args...)
}

// DeletedComplaints lists the complaints in the recycle bin.
func (s *Store) DeletedComplaints(ctx context.Context) ([]data.Complaint, error) {
	return listRead(ctx, s, complaintKind, deletedWhere(complaintKind))
}

// SaveComplaint inserts a complaint (ID 0; a deleted one with the same key is restored) or
// updates one. Its township must exist and not be deleted; its 村名, when given, must be a
// village of that township that is not deleted.
func (s *Store) SaveComplaint(ctx context.Context, c *data.Complaint) error {
	return save(ctx, s, complaintKind, *c, &c.ID, c.Validate(s.now()))
}

// DeleteComplaint moves a complaint to the recycle bin.
func (s *Store) DeleteComplaint(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, complaintKind, id)
}

// RestoreComplaint takes a complaint out of the recycle bin.
func (s *Store) RestoreComplaint(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, complaintKind, id)
}

func talkArgs(townshipID int64, t data.Talk) []any {
	return []any{townshipID, t.No, nullDate(t.Date), string(t.Mode), t.Interviewer, t.Interviewee, t.Unit, t.Post,
		string(t.Category), t.Cause, t.Handling}
}

func scanTalk(sc scanner) (data.Talk, error) {
	var t data.Talk
	var mode, category string
	var date sql.NullString
	if err := sc.Scan(&t.ID, &t.Township, &t.No, &date, &mode, &t.Interviewer, &t.Interviewee, &t.Unit, &t.Post,
		&category, &t.Cause, &t.Handling); err != nil {
		return t, err
	}
	t.Mode, t.Category = data.TalkMode(mode), data.TalkCategory(category)
	var err error
	t.Date, err = parseDate(date)
	return t, err
}

func talkLabel(t data.Talk) string {
	return fmt.Sprintf("乡镇“%s”编号为“%s”的约谈记录", t.Township, t.No)
}

var talkKind = &kindSpec[data.Talk]{
	code:    data.CodeTalk,
	table:   "talks",
	alias:   "k",
	up:      inTownship,
	names:   func(t data.Talk) (string, string) { return t.Township, "" },
	keyCols: [2]string{"no", ""},
	key:     func(t data.Talk) (string, int) { return t.No, 0 },
	sel: `SELECT k.id, t.name, k.no, k.date, k.mode, k.interviewer, k.interviewee, k.unit, k.post, k.category, k.cause, k.handling
		FROM talks k JOIN townships t ON t.id = k.township_id`,
	live:  "k.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, k.date, k.no",
	insert: `INSERT INTO talks (township_id, no, date, mode, interviewer, interviewee, unit, post, category, cause, handling,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE talks SET township_id = ?, no = ?, date = ?, mode = ?, interviewer = ?, interviewee = ?, unit = ?, post = ?,
		category = ?, cause = ?, handling = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan:    scanTalk,
	id:      func(t data.Talk) int64 { return t.ID },
	args:    func(_ refs, townshipID int64, t data.Talk) ([]any, error) { return talkArgs(townshipID, t), nil },
	desc:    data.TalkDesc,
	keyText: func(t data.Talk) string { return t.Township + "/" + t.No },
	label:   talkLabel,
	round:   func(t data.Talk) int { return yearOf(t.Date) },
}

// Talks lists the talks held in a year (every talk when year is 0) that are not deleted, by
// township, 日期 and 编号.
func (s *Store) Talks(ctx context.Context, year int) ([]data.Talk, error) {
	if year == 0 {
		return listRead(ctx, s, talkKind, talkKind.live)
	}
	cond, args := yearRange("k.date", year)
	return listRead(ctx, s, talkKind, cond+" AND "+talkKind.live, args...)
}

// DeletedTalks lists the talks in the recycle bin.
func (s *Store) DeletedTalks(ctx context.Context) ([]data.Talk, error) {
	return listRead(ctx, s, talkKind, deletedWhere(talkKind))
}

// SaveTalk inserts a talk (ID 0; a deleted one with the same key is restored) or updates
// one. Its township must exist and not be deleted.
func (s *Store) SaveTalk(ctx context.Context, t *data.Talk) error {
	return save(ctx, s, talkKind, *t, &t.ID, t.Validate())
}

// DeleteTalk moves a talk to the recycle bin.
func (s *Store) DeleteTalk(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, talkKind, id)
}

// RestoreTalk takes a talk out of the recycle bin.
func (s *Store) RestoreTalk(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, talkKind, id)
}
