package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// membersColumns are the columns of the 两委成员花名册, sized for A4 landscape; the
// village of each group of rows is a band above it.
var membersColumns = []Column{
	{Header: "序号", Width: 12, Align: "R"},
	{Header: "姓名", Width: 19, Align: "L"},
	{Header: "性别", Width: 10, Align: "C"},
	{Header: "年龄", Width: 10, Align: "R"},
	{Header: "民族", Width: 14, Align: "C"},
	{Header: "学历", Width: 24, Align: "C"}, // 本科及以上, 初中及以下 on one line
	{Header: "政治面貌", Width: 22, Align: "C"},
	{Header: "党组织\n职务", Width: 15, Align: "C"},
	{Header: "村（居）委\n会职务", Width: 19, Align: "C"},
	{Header: "新任或\n连任", Width: 14, Align: "C"},
	{Header: "身份标签", Width: 0, Align: "L"}, // what the others leave: ~52 mm, two tags a line
	{Header: "身份证号", Width: 35, Align: "L"},
	{Header: "联系电话", Width: 27, Align: "L"},
}

// MembersTitle is the title of the roster: {unit}村“两委”成员花名册（{round}年）, where the
// unit is the report's township, else m.Unit, else nothing.
func MembersTitle(r data.MembersReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”成员花名册", r.Round)
}

// WriteMembers writes the 两委成员花名册 of SPEC §5 as an A4 landscape PDF: the members
// village by village with their posts, gender, age on 1 January of the round, education,
// tags, masked 身份证号 and phone, then the structure figures and the signature block. The
// full 身份证号 never reaches the PDF. The same r and m give byte-identical output.
func WriteMembers(w io.Writer, r data.MembersReport, m Meta) error {
	title := MembersTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) { drawMembers(d, r, m, title) })
}

// drawMembers draws the roster on d, a landscape doc.
func drawMembers(d *doc, r data.MembersReport, m Meta, title string) {
	d.title(title)
	n := 0
	for _, v := range r.Villages {
		n += len(v.Members)
	}
	d.line("填报单位（盖章）："+m.Unit, membersCount(len(r.Villages), n))
	t := d.beginTable(membersColumns)
	var rs rosterRows
	rs.draw(t, r)
	rs.close(d, t, r)
}

// membersCount is the roster's count of villages and members, right of its unit.
func membersCount(villages, members int) string {
	return fmt.Sprintf("共%d个村（社区）、%d人", villages, members)
}

// rosterRows draws the rows of a roster, township after township, and counts what they
// hold for the figures under them.
type rosterRows struct {
	seq, villages int
	tags          map[string]int
}

// draw draws r's villages, each under its band, numbering the members on from earlier
// ones.
func (rs *rosterRows) draw(t *table, r data.MembersReport) {
	if rs.tags == nil {
		rs.tags = make(map[string]int, len(data.MemberTags))
	}
	for _, v := range r.Villages {
		if len(v.Members) == 0 {
			continue
		}
		rs.villages++
		band := v.Village
		if r.Township == "" && v.Township != "" {
			band = v.Township + " " + v.Village
		}
		t.band(fmt.Sprintf("%s（%d人）", band, len(v.Members)), t.rowHeight())
		for _, mb := range v.Members {
			rs.seq++
			t.row(memberCells(rs.seq, mb, r.Round), colorWhite)
			for _, tag := range mb.Tags {
				rs.tags[tag]++
			}
		}
	}
}

// close ends the table and draws the figures of totals (r.Stats, the heads) and the
// signature block; a roster without members says so instead of figures.
func (rs *rosterRows) close(d *doc, t *table, totals data.MembersReport) {
	if rs.seq == 0 {
		t.span("暂无数据")
		t.end()
		d.signature()
		return
	}
	t.end()
	d.figures("班子结构情况（仅计已完成换届的组织）", memberFigures(totals, rs.tags))
	drawHeads(d, totals.Secretaries, totals.Directors)
	d.signature()
}

// WriteMembersEach is the Each of the 两委成员花名册: WriteMembers of o.Round over the
// townships of src, their villages drawn as they are read, so that only one township's
// members are in memory; the count of villages and members under the title is drawn last,
// once known.
func WriteMembersEach(w io.Writer, src Townships, o Options, m Meta) (string, error) {
	title := MembersTitle(data.MembersReport{Round: o.Round, Township: o.Township}, m)
	var srcErr error
	var villages, members int
	err := render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.deferLine("填报单位（盖章）："+m.Unit, membersCount(0, 0))
		t := d.beginTable(membersColumns)
		var rs rosterRows
		sum := data.NewMembersSum(o.Round)
		seal, err := eachPart(src, membersKind, o, func(l data.Ledger) data.MembersReport {
			l.Members = data.RosterOn(l.Members, l.Changes, o.Round, o.Date) // the roster on the date, as Write
			return sum.Add(l)
		}, func(part data.MembersReport) {
			part.Township = o.Township
			rs.draw(t, part)
		})
		if err != nil {
			srcErr = err
			panic(err)
		}
		if d.meta.Seal == nil {
			d.meta.Seal = seal
		}
		d.pending.right = membersCount(rs.villages, rs.seq)
		villages, members = rs.villages, rs.seq
		rs.close(d, t, sum.Totals())
	})
	if srcErr != nil {
		return "", srcErr
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d年，%d 个村（社区），%d 人", o.Round, villages, members), nil
}

// memberCells are one member's cells; the 身份证号 is masked.
func memberCells(seq int, m data.Member, round int) []string {
	age := ""
	if !m.Birth.IsZero() {
		age = strconv.Itoa(data.AgeOn(m.Birth, round))
	}
	return []string{
		strconv.Itoa(seq), m.Name, string(m.Gender), age, m.Ethnicity, string(m.Education),
		string(m.Political), dash(string(m.PartyPost)), dash(string(m.CommitteePost)), string(m.Tenure),
		data.FormatTags(m.Tags), data.MaskID(m.IDNumber), m.Phone,
	}
}

// memberFigures are the structure figures of SPEC §4 from r.Stats, plus the members of
// each identity tag the county counts (致富能手, 退役军人, 大学生村官…), tags, counted from
// the roster's rows.
func memberFigures(r data.MembersReport, tags map[string]int) []figure {
	s := r.Stats
	const ofAll = "占两委成员总数"
	fs := []figure{
		{name: "两委成员总数", value: strconv.Itoa(s.Total), basis: "党组织成员＋村委会成员－交叉任职"},
		share("党组织成员", s.Party, s.Total, ofAll),
		share("村委会成员", s.Committee, s.Total, ofAll),
		share("交叉任职", s.Cross, s.Total, ofAll),
		{name: "书记、主任“一肩挑”村数", value: strconv.Itoa(s.DualHead), share: pct(s.DualHeadRate),
			basis: fmt.Sprintf("占应换届的%d个村（社区）", s.DualHeadBase)},
		share("女性成员", s.Women, s.Total, ofAll),
		{name: "平均年龄（岁）", value: strconv.FormatFloat(s.AvgAge, 'f', 1, 64), basis: fmt.Sprintf("按%d年1月1日计算周岁", r.Round)},
		share("35岁及以下", s.Under35, s.Total, ofAll),
		share("60岁及以上", s.Age60Plus, s.Total, ofAll),
		share("大专及以上学历", s.College, s.Total, ofAll),
		share("村委会成员中的党员", s.CommitteeParty, s.Committee, "占村委会成员"),
		share("新任成员", s.New, s.Total, ofAll),
	}
	for _, tag := range data.MemberTags {
		fs = append(fs, share(tag, tags[tag], s.Total, ofAll))
	}
	return fs
}
