package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"liangwei/data"
)

// tagsText is the stored form of 身份标签: joined with 、 as read back (without empty or
// repeated tags), so that a re-saved member compares equal to what was stored.
func tagsText(tags []string) string {
	if len(tags) == 0 {
		return ""
	}
	return data.FormatTags(data.ParseTags(data.FormatTags(tags)))
}

// memberArgs are the values of the members columns after village_id.
func memberArgs(villageID int64, m data.Member) []any {
	return []any{villageID, m.Round, m.Name, m.IDNumber, string(m.Gender), nullDate(m.Birth), m.Ethnicity, string(m.Education),
		string(m.Political), string(m.PartyPost), string(m.CommitteePost), string(m.Tenure), tagsText(m.Tags), m.Phone}
}

func scanMember(sc scanner) (data.Member, error) {
	return scanMemberWith(sc, newMemberScan)
}

// scanMemberWith scans a member into the destinations newScan makes (the columns of
// memberKind or of memberFiguresKind).
func scanMemberWith(sc scanner, newScan func() *memberScan) (data.Member, error) {
	d := scratchOf(sc, newScan)
	if err := sc.Scan(d.dest...); err != nil {
		return data.Member{}, err
	}
	m := d.m
	m.Gender, m.Education, m.Political = data.Gender(d.gender), data.Education(d.edu), data.Political(d.pol)
	m.PartyPost, m.CommitteePost, m.Tenure = data.PartyPost(d.pp), data.CommitteePost(d.cp), data.Tenure(d.tenure)
	if d.tags != "" {
		m.Tags = data.ParseTags(d.tags)
	}
	var err error
	m.Birth, err = parseDate(d.birth)
	return m, err
}

// memberScan is where scanMember scans a row: the destinations are made once per query on
// the fast read path (scratchOf), not per member.
type memberScan struct {
	m                                      data.Member // the columns scanned as they are
	gender, edu, pol, pp, cp, tenure, tags string
	birth                                  sql.NullString
	dest                                   []any
}

func newMemberScan() *memberScan {
	d := &memberScan{}
	m := &d.m
	d.dest = []any{&m.ID, &m.Township, &m.Village, &m.Round, &m.Name, &m.IDNumber, &d.gender, &d.birth, &m.Ethnicity,
		&d.edu, &d.pol, &d.pp, &d.cp, &d.tenure, &d.tags, &m.Phone}
	return d
}

// memberFiguresKind reads members as memberKind does but only the columns the figures of
// data.StatsSum read, for stats, which reads a province's every member: not the record's ID
// nor 姓名, 民族, 身份标签 and 联系电话 (left empty). Every column read costs SQLite calls and,
// for the values that differ member by member, a string (data's TestStatsIgnoreMemberColumns
// holds the figures to the columns left out). The 身份证号 is read: the figures take 性别 and
// 出生日期 from it where they are missing, and the 职务变动 find their member by it.
var memberFiguresKind = func() *kindSpec[data.Member] {
	k := *memberKind
	k.sel = `SELECT t.name, v.name, m.round,
m.id_number, m.gender, m.birth, m.education, m.political, m.party_post, m.committee_post, m.tenure
		FROM members m JOIN villages v ON v.id = m.village_id JOIN townships t ON t.id = v.township_id`
	k.scan = func(sc scanner) (data.Member, error) { return scanMemberWith(sc, newMemberFiguresScan) }
	return &k
}()

// newMemberFiguresScan is where memberFiguresKind's columns are scanned.
func newMemberFiguresScan() *memberScan {
	d := &memberScan{}
	m := &d.m
	d.dest = []any{&m.Township, &m.Village, &m.Round, &m.IDNumber, &d.gender, &d.birth,
		&d.edu, &d.pol, &d.pp, &d.cp, &d.tenure}
	return d
}

// memberKeyText shows the ID number masked: the audit log's record column is listed on
// screen.
func memberKeyText(m data.Member) string {
	return m.Township + "/" + m.Village + "/" + strconv.Itoa(m.Round) + "/" + m.Name + "/" + data.MaskID(m.IDNumber)
}

func memberLabel(m data.Member) string {
	return fmt.Sprintf("村庄“%s/%s”%d年两委成员%s（身份证号 %s）", m.Township, m.Village, m.Round, m.Name, data.MaskID(m.IDNumber))
}

var memberKind = &kindSpec[data.Member]{
	code:    data.CodeMember,
	table:   "members",
	alias:   "m",
	up:      inVillage,
	names:   func(m data.Member) (string, string) { return m.Township, m.Village },
	keyCols: [2]string{"id_number", "round"},
	key:     func(m data.Member) (string, int) { return m.IDNumber, m.Round },
	sel: `SELECT m.id, t.name, v.name, m.round, m.name, m.id_number, m.gender, m.birth, m.ethnicity, m.education,
		m.political, m.party_post, m.committee_post, m.tenure, m.tags, m.phone
		FROM members m JOIN villages v ON v.id = m.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "m.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, m.round, m.id",
	insert: `INSERT INTO members (village_id, round, name, id_number, gender, birth, ethnicity, education, political,
		party_post, committee_post, tenure, tags, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE members SET village_id = ?, round = ?, name = ?, id_number = ?, gender = ?, birth = ?, ethnicity = ?,
		education = ?, political = ?, party_post = ?, committee_post = ?, tenure = ?, tags = ?, phone = ?,
		updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan:    scanMember,
	id:      func(m data.Member) int64 { return m.ID },
	args:    func(_ refs, villageID int64, m data.Member) ([]any, error) { return memberArgs(villageID, m), nil },
	desc:    data.MemberDesc,
	keyText: memberKeyText,
	label:   memberLabel,
	round:   func(m data.Member) int { return m.Round },
	check: func(w *tx, villageID int64, m data.Member, self int64) error {
		if err := w.checkPosts(villageID, m, self); err != nil {
			return err
		}
		return w.vettingProblems(nil, []data.Member{m}, nil, m.Round, "身份证号")
	},
}

// Members lists the members of a round (every round when round is 0) that are not deleted
// and whose village is not deleted, by township, village, round and entry order.
func (s *Store) Members(ctx context.Context, round int) ([]data.Member, error) {
	if round == 0 {
		return listRead(ctx, s, memberKind, memberKind.live)
	}
	return listRead(ctx, s, memberKind, "m.round = ? AND "+memberKind.live, round)
}

// DeletedMembers lists the members in the recycle bin (deleted themselves, not only hidden
// by a deleted village).
func (s *Store) DeletedMembers(ctx context.Context) ([]data.Member, error) {
	return listRead(ctx, s, memberKind, deletedWhere(memberKind))
}

// SaveMember fills 性别 and 出生日期 from the ID number when absent, then inserts a member
// (ID 0; a deleted one with the same key is restored) or updates one. Its village must exist
// and not be deleted; a second 书记 or 主任 of the village and round is refused with a
// data.Problems on 党组织职务 or 村委会职务 naming who holds the post.
func (s *Store) SaveMember(ctx context.Context, m *data.Member) error {
	m.FillFromID()
	return save(ctx, s, memberKind, *m, &m.ID, m.Validate())
}

// DeleteMember moves a member to the recycle bin.
func (s *Store) DeleteMember(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, memberKind, id)
}

// RestoreMember takes a member out of the recycle bin. Its village must not be deleted, and
// its 书记 or 主任 post must not have been given to someone else meanwhile.
func (s *Store) RestoreMember(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, memberKind, id)
}

// uniquePosts are the posts a village has at most one holder of per round.
var uniquePosts = []struct {
	field, column, post string
	holds               func(data.Member) bool
}{
	{data.MemberDesc.FieldAt(func(m *data.Member) any { return &m.PartyPost }).Header, "party_post", string(data.PartySecretary), func(m data.Member) bool { return m.PartyPost == data.PartySecretary }},
	{data.MemberDesc.FieldAt(func(m *data.Member) any { return &m.CommitteePost }).Header, "committee_post", string(data.CommitteeDirector), func(m data.Member) bool { return m.CommitteePost == data.CommitteeDirector }},
}

// checkPosts refuses m's 书记 or 主任 post when another listed member of the village and
// round (other than the row self) holds it, with a problem on the field concerned.
func (w *tx) checkPosts(villageID int64, m data.Member, self int64) error {
	var ps data.Problems
	for _, p := range uniquePosts {
		if !p.holds(m) {
			continue
		}
		var name, idn string
		err := w.queryRow(`SELECT name, id_number FROM members WHERE village_id = ? AND round = ? AND `+p.column+` = ?
			AND deleted_at IS NULL AND id <> ? ORDER BY id LIMIT 1`, villageID, m.Round, p.post, self).Scan(&name, &idn)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		ps = append(ps, data.Problem{Field: p.field, Level: data.LevelError, Message: fmt.Sprintf(
			"村庄“%s/%s”%d年已有%s：%s（身份证号 %s），每村每届只能有一名%s",
			m.Township, m.Village, m.Round, p.post, name, data.MaskID(idn), p.post)})
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}
