package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"liangwei/data"
)

// Candidates' joint vetting (候选人) and the 村务监督委员会, and the rule between them and the
// rosters: a person 不通过 in a round's vetting for a body is on none of that round's rosters
// of that body. A save is refused from either side; an import after its records are written.

func scanCandidate(sc scanner) (data.Candidate, error) {
	var c data.Candidate
	var body, verdict string
	var checked sql.NullString
	if err := sc.Scan(&c.ID, &c.Township, &c.Village, &c.Round, &c.Name, &c.IDNumber, &body, &c.Post, &verdict, &c.Reason, &checked); err != nil {
		return c, err
	}
	c.Body, c.Verdict = data.VetBody(body), data.Verdict(verdict)
	var err error
	c.Checked, err = parseDate(checked)
	return c, err
}

func candidateLabel(c data.Candidate) string {
	return fmt.Sprintf("村庄“%s/%s”%d年候选人%s（身份证号 %s，拟任%s）", c.Township, c.Village, c.Round, c.Name, data.MaskID(c.IDNumber), c.Body)
}

var candidateKind = &kindSpec[data.Candidate]{
	code:    data.CodeCandidate,
	table:   "candidates",
	alias:   "c",
	up:      inVillage,
	names:   func(c data.Candidate) (string, string) { return c.Township, c.Village },
	keyCols: [2]string{"vet_key", "round"},
	key:     func(c data.Candidate) (string, int) { return string(c.Body) + "/" + c.IDNumber, c.Round },
	sel: `SELECT c.id, t.name, v.name, c.round, c.name, c.id_number, c.body, c.post, c.verdict, c.reason, c.checked
		FROM candidates c JOIN villages v ON v.id = c.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "c.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, c.round, c.id",
	insert: `INSERT INTO candidates (village_id, round, name, id_number, body, post, verdict, reason, checked, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE candidates SET village_id = ?, round = ?, name = ?, id_number = ?, body = ?, post = ?, verdict = ?, reason = ?,
		checked = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanCandidate,
	id:   func(c data.Candidate) int64 { return c.ID },
	args: func(_ refs, villageID int64, c data.Candidate) ([]any, error) {
		return []any{villageID, c.Round, c.Name, c.IDNumber, string(c.Body), c.Post, string(c.Verdict), c.Reason, nullDate(c.Checked)}, nil
	},
	desc: data.CandidateDesc,
	keyText: func(c data.Candidate) string {
		return c.Township + "/" + c.Village + "/" + strconv.Itoa(c.Round) + "/" + c.Name + "/" + data.MaskID(c.IDNumber) + "/" + string(c.Body)
	},
	label: candidateLabel,
	round: func(c data.Candidate) int { return c.Round },
	check: func(w *tx, _ int64, c data.Candidate, _ int64) error {
		if !c.Failed() {
			return nil
		}
		return w.vettingProblems([]data.Candidate{c}, nil, nil, c.Round, "联审结论")
	},
}

// Candidates lists the candidates of a round (every round when round is 0) that are not
// deleted and whose village is not deleted.
func (s *Store) Candidates(ctx context.Context, round int) ([]data.Candidate, error) {
	if round == 0 {
		return listRead(ctx, s, candidateKind, candidateKind.live)
	}
	return listRead(ctx, s, candidateKind, "c.round = ? AND "+candidateKind.live, round)
}

// SaveCandidate inserts a candidate (ID 0; a deleted one with the same key is restored) or
// updates one. Its village must exist. A 不通过 of someone already on that round's roster of
// the body is refused, naming both records.
func (s *Store) SaveCandidate(ctx context.Context, c *data.Candidate) error {
	c.IDNumber = data.NormalizeID(c.IDNumber)
	return save(ctx, s, candidateKind, *c, &c.ID, c.Validate())
}

// DeleteCandidate moves a candidate to the recycle bin.
func (s *Store) DeleteCandidate(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, candidateKind, id)
}

func scanSupervisor(sc scanner) (data.Supervisor, error) {
	var p data.Supervisor
	var gender, post, method string
	var birth, elected sql.NullString
	if err := sc.Scan(&p.ID, &p.Township, &p.Village, &p.Round, &p.Name, &p.IDNumber, &gender, &birth, &post, &p.InLiangwei,
		&method, &elected); err != nil {
		return p, err
	}
	p.Gender, p.Post, p.Method = data.Gender(gender), data.SupervisorPost(post), data.SupervisorMethod(method)
	var err error
	if p.Birth, err = parseDate(birth); err != nil {
		return p, err
	}
	p.Elected, err = parseDate(elected)
	return p, err
}

func supervisorLabel(p data.Supervisor) string {
	return fmt.Sprintf("村庄“%s/%s”%d年村务监督委员会成员%s（身份证号 %s）", p.Township, p.Village, p.Round, p.Name, data.MaskID(p.IDNumber))
}

var supervisorKind = &kindSpec[data.Supervisor]{
	code:    data.CodeSupervisor,
	table:   "supervisors",
	alias:   "s",
	up:      inVillage,
	names:   func(p data.Supervisor) (string, string) { return p.Township, p.Village },
	keyCols: [2]string{"id_number", "round"},
	key:     func(p data.Supervisor) (string, int) { return p.IDNumber, p.Round },
	sel: `SELECT s.id, t.name, v.name, s.round, s.name, s.id_number, s.gender, s.birth, s.post, s.in_liangwei, s.method, s.elected
		FROM supervisors s JOIN villages v ON v.id = s.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "s.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, s.round, s.id",
	insert: `INSERT INTO supervisors (village_id, round, name, id_number, gender, birth, post, in_liangwei, method, elected,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE supervisors SET village_id = ?, round = ?, name = ?, id_number = ?, gender = ?, birth = ?, post = ?,
		in_liangwei = ?, method = ?, elected = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanSupervisor,
	id:   func(p data.Supervisor) int64 { return p.ID },
	args: func(_ refs, villageID int64, p data.Supervisor) ([]any, error) {
		return []any{villageID, p.Round, p.Name, p.IDNumber, string(p.Gender), nullDate(p.Birth), string(p.Post), boolInt(p.InLiangwei),
			string(p.Method), nullDate(p.Elected)}, nil
	},
	desc: data.SupervisorDesc,
	keyText: func(p data.Supervisor) string {
		return p.Township + "/" + p.Village + "/" + strconv.Itoa(p.Round) + "/" + p.Name + "/" + data.MaskID(p.IDNumber)
	},
	label: supervisorLabel,
	round: func(p data.Supervisor) int { return p.Round },
	check: func(w *tx, villageID int64, p data.Supervisor, self int64) error {
		if p.Post == data.SupChair {
			var name string
			err := w.queryRow(`SELECT name FROM supervisors WHERE village_id = ? AND round = ? AND post = '主任'
				AND deleted_at IS NULL AND id <> ? ORDER BY id LIMIT 1`, villageID, p.Round, self).Scan(&name)
			if err == nil {
				return data.Problems{{Field: "职务", Level: data.LevelError, Message: fmt.Sprintf(
					"村庄“%s/%s”%d年村务监督委员会已有主任：%s，只能有一名主任", p.Township, p.Village, p.Round, name)}}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		return w.vettingProblems(nil, nil, []data.Supervisor{p}, p.Round, "身份证号")
	},
}

// Supervisors lists the 村务监督委员会 members of a round (every round when round is 0) that
// are not deleted and whose village is not deleted.
func (s *Store) Supervisors(ctx context.Context, round int) ([]data.Supervisor, error) {
	if round == 0 {
		return listRead(ctx, s, supervisorKind, supervisorKind.live)
	}
	return listRead(ctx, s, supervisorKind, "s.round = ? AND "+supervisorKind.live, round)
}

// SaveSupervisor fills 性别 and 出生日期 from the ID when absent, then inserts or updates a
// supervision committee member. A second 主任 of the village and round, and a person 不通过
// in the round's vetting for the committee, are refused.
func (s *Store) SaveSupervisor(ctx context.Context, p *data.Supervisor) error {
	p.FillFromID()
	return save(ctx, s, supervisorKind, *p, &p.ID, p.Validate())
}

// DeleteSupervisor moves a supervision committee member to the recycle bin.
func (s *Store) DeleteSupervisor(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, supervisorKind, id)
}

// vettingProblems refuses, with Problems on field, the conflicts between failed vettings and
// the rosters of round that the given records take part in: the candidates against the
// stored rosters, the members and supervisors against the stored candidates.
func (w *tx) vettingProblems(cands []data.Candidate, ms []data.Member, sups []data.Supervisor, round int, field string) error {
	var ids []string
	for _, c := range cands {
		ids = append(ids, c.IDNumber)
	}
	for _, m := range ms {
		ids = append(ids, m.IDNumber)
	}
	for _, p := range sups {
		ids = append(ids, p.IDNumber)
	}
	stored, err := w.vettingRecords(ids, round, len(cands) > 0)
	if err != nil {
		return err
	}
	// The records being saved stand in for their stored versions.
	stored.cands = append(without(stored.cands, cands, func(c data.Candidate) int64 { return c.ID }), cands...)
	stored.ms = append(without(stored.ms, ms, func(m data.Member) int64 { return m.ID }), ms...)
	stored.sups = append(without(stored.sups, sups, func(p data.Supervisor) int64 { return p.ID }), sups...)
	var ps data.Problems
	for _, f := range data.VettingConflicts(stored.cands, stored.ms, stored.sups, round) {
		ps = append(ps, data.Problem{Field: field, Level: data.LevelError, Message: f.Message})
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// without drops from rs the records whose ID one of saving has (0 never matches).
func without[R any](rs, saving []R, id func(R) int64) []R {
	out := rs[:0:0]
	for _, r := range rs {
		drop := false
		for _, s := range saving {
			if id(s) != 0 && id(s) == id(r) {
				drop = true
			}
		}
		if !drop {
			out = append(out, r)
		}
	}
	return out
}

// The kinds vettingRecords reads, set in init: the kinds' own checks call it, and Go refuses
// a variable whose initialisation refers back to itself.
var vetKinds struct {
	cands *kindSpec[data.Candidate]
	ms    *kindSpec[data.Member]
	sups  *kindSpec[data.Supervisor]
}

func init() { vetKinds.cands, vetKinds.ms, vetKinds.sups = candidateKind, memberKind, supervisorKind }

// vettingSet is what the vetting rule reads of some people in one round.
type vettingSet struct {
	cands []data.Candidate
	ms    []data.Member
	sups  []data.Supervisor
}

// vettingRecords reads the listed failed candidates, members and supervisors of round (every
// round when 0) whose ID number is one of ids; the rosters only when a candidate is found or
// always is set (a failed candidate being saved).
func (w *tx) vettingRecords(ids []string, round int, always bool) (vettingSet, error) {
	var v vettingSet
	if len(ids) == 0 {
		return v, nil
	}
	js, err := json.Marshal(ids)
	if err != nil {
		return v, err
	}
	cond := func(k string) string {
		c := k + ".id_number IN (SELECT value FROM json_each(?))"
		if round != 0 {
			c += " AND " + k + ".round = " + strconv.Itoa(round)
		}
		return c
	}
	k := vetKinds
	if !always {
		// Most ledgers hold no failed vetting at all: then nobody of ids has one, and the
		// IDs (every member of a file) need not be matched.
		var failed bool
		if err := w.queryRow(`SELECT EXISTS (SELECT 1 FROM candidates WHERE verdict = '不通过' AND deleted_at IS NULL)`).Scan(&failed); err != nil {
			return v, err
		}
		if !failed {
			return v, nil
		}
	}
	if v.cands, err = list(w.ctx, w.tx, k.cands, cond("c")+" AND c.verdict = '不通过' AND "+k.cands.live, string(js)); err != nil {
		return v, err
	}
	if len(v.cands) == 0 && !always {
		return v, nil
	}
	if v.ms, err = list(w.ctx, w.tx, k.ms, cond("m")+" AND "+k.ms.live, string(js)); err != nil {
		return v, err
	}
	v.sups, err = list(w.ctx, w.tx, k.sups, cond("s")+" AND "+k.sups.live, string(js))
	return v, err
}

// checkVetting refuses an import when, with its records written, someone the batch names
// (as candidate, member or supervisor) failed a round's vetting for a body whose roster of
// that round holds them; every conflict is named.
func (im *importer) checkVetting(b data.Batch) error {
	var ids []string
	for _, c := range b.Candidates {
		ids = append(ids, c.IDNumber)
	}
	for _, m := range b.Members {
		ids = append(ids, m.IDNumber)
	}
	for _, p := range b.Supervisors {
		ids = append(ids, p.IDNumber)
	}
	if len(ids) == 0 {
		return nil
	}
	v, err := im.w.vettingRecords(ids, 0, false)
	if err != nil || len(v.cands) == 0 {
		return err
	}
	rounds := map[int]bool{}
	var msgs []string
	for _, c := range v.cands {
		if rounds[c.Round] {
			continue
		}
		rounds[c.Round] = true
		for _, f := range data.VettingConflicts(v.cands, v.ms, v.sups, c.Round) {
			msgs = append(msgs, f.Where+"："+f.Message)
		}
	}
	if len(msgs) > 0 {
		return refuse(data.ErrVettingFailed, "%s", strings.Join(msgs, "；"))
	}
	return nil
}

// checkChairs refuses an import when, with its supervisors written, one of the villages
// (IDs) has more than one listed 主任 of its supervision committee in a round.
func (im *importer) checkChairs(villages []int64) error {
	js, err := json.Marshal(villages)
	if err != nil {
		return err
	}
	rows, err := im.w.tx.QueryContext(im.w.ctx, `SELECT t.name, v.name, s.round, group_concat(s.name, '、')
		FROM supervisors s JOIN villages v ON v.id = s.village_id JOIN townships t ON t.id = v.township_id
		WHERE s.village_id IN (SELECT value FROM json_each(?)) AND s.post = '主任' AND `+vetKinds.sups.live+`
		GROUP BY s.village_id, s.round HAVING count(*) > 1 ORDER BY t.name, v.name, s.round`, string(js))
	if err != nil {
		return err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var town, vill, names string
		var round int
		if err := rows.Scan(&town, &vill, &round, &names); err != nil {
			return err
		}
		msgs = append(msgs, fmt.Sprintf("村庄“%s/%s”%d年村务监督委员会有不止一名主任：%s（只能有一名主任）", town, vill, round, names))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(msgs) > 0 {
		return refuse(data.ErrPostTaken, "%s", strings.Join(msgs, "；"))
	}
	return nil
}
