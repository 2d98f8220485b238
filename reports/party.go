package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// partyGroup is the header group over the four guarantees' columns.
const partyGroup = "“四有”情况"

// partyColumns are the columns of the 村级党组织“四有”情况统计表, sized for A4 landscape.
// The 乡镇 column appears only when the report covers several townships.
func partyColumns(allTownships bool) []Column {
	cols := []Column{{Header: "序号", Width: 12, Align: "R"}}
	if allTownships {
		cols = append(cols, Column{Header: "乡镇", Width: 26, Align: "L"})
	}
	return append(cols,
		Column{Header: "村名", Width: 0, Align: "L"},
		Column{Header: "党组织\n类型", Width: 16, Align: "C"},
		Column{Group: "党员情况", Header: "党员数", Width: 15, Align: "R"},
		Column{Group: "党员情况", Header: "女党员", Width: 15, Align: "R"},
		Column{Group: "党员情况", Header: "预备\n党员", Width: 13, Align: "R"},
		Column{Group: "党员情况", Header: "年度发展\n党员", Width: 17, Align: "R"},
		Column{Group: partyGroup, Header: "有班子", Width: 13, Align: "C"},
		Column{Group: partyGroup, Header: "有场所", Width: 13, Align: "C"},
		Column{Group: partyGroup, Header: "场所面积\n（m²）", Width: 18, Align: "R"},
		Column{Group: partyGroup, Header: "有活动", Width: 13, Align: "C"},
		Column{Group: partyGroup, Header: "年度活动\n次数", Width: 17, Align: "R"},
		Column{Group: partyGroup, Header: "有收入", Width: 13, Align: "C"},
		Column{Group: partyGroup, Header: "集体经济收入\n（万元）", Width: 23, Align: "R"},
		Column{Group: partyGroup, Header: "“四有”\n齐全", Width: 16, Align: "C"},
		Column{Header: "软弱\n涣散", Width: 13, Align: "C"},
	)
}

// weakColumns list the 软弱涣散 organizations with their rectification.
func weakColumns(allTownships bool) []Column {
	cols := []Column{{Header: "序号", Width: 12, Align: "R"}}
	if allTownships {
		cols = append(cols, Column{Header: "乡镇", Width: 26, Align: "L"})
	}
	return append(cols,
		Column{Header: "村名", Width: 32, Align: "L"},
		Column{Header: "整顿措施", Width: 0, Align: "L"},
		Column{Header: "整顿进展", Width: 0, Align: "L"},
		Column{Header: "整顿结果", Width: 18, Align: "C"},
	)
}

// PartyTitle is the title of the party report: {unit}村级党组织“四有”情况统计表（{year}年）,
// where the unit is the report's township, else m.Unit, else nothing.
func PartyTitle(r data.PartyReport, m Meta) string {
	return reportTitle(r.Township, m, "村级党组织“四有”情况统计表", r.Year)
}

// WriteParty writes the 村级党组织“四有”情况统计表 of SPEC §5 as an A4 landscape PDF: one row
// per village organization with its members and the four guarantees, the totals row, the
// 软弱涣散 organizations with their measures, progress and result, the figures and the
// signature block. The same r and m give byte-identical output.
func WriteParty(w io.Writer, r data.PartyReport, m Meta) error {
	title := PartyTitle(r, m)
	all := r.Township == ""
	return render(w, Landscape, title, m, func(d *doc) {
		t := partyHead(d, title, m, all)
		rs := partyRows{all: all}
		rs.draw(t, r.Orgs)
		rs.close(d, t, r)
	})
}

// WritePartyEach is the Each of the 四有 table: WriteParty of o.Round over the townships of
// src, their organizations drawn as they are read, so that only one township's are in
// memory.
func WritePartyEach(w io.Writer, src Townships, o Options, m Meta) (string, error) {
	title := PartyTitle(data.PartyReport{Year: o.Round, Township: o.Township}, m)
	var srcErr error
	var r data.PartyReport
	var orgs int
	err := render(w, Landscape, title, m, func(d *doc) {
		rs := partyRows{all: o.Township == ""}
		t := partyHead(d, title, m, rs.all)
		sum := data.NewPartySum(o.Round)
		seal, err := eachPart(src, partyKind, o, sum.Add, func(p data.PartyReport) { rs.draw(t, p.Orgs) })
		if err != nil {
			srcErr = err
			panic(err)
		}
		if d.meta.Seal == nil {
			d.meta.Seal = seal
		}
		r, orgs = sum.Report()
		r.Township = o.Township
		rs.close(d, t, r)
	})
	if srcErr != nil {
		return "", srcErr
	}
	if err != nil {
		return "", err
	}
	return partyAccount(o.Round, orgs, len(r.Weak)), nil
}

// partyAccount is what a 四有 table holds, as Kind.Write returns it.
func partyAccount(year, orgs, weak int) string {
	return fmt.Sprintf("%d年度，党组织 %d 个，软弱涣散 %d 个", year, orgs, weak)
}

// partyHead draws the title and the unit and begins the table of organizations.
func partyHead(d *doc, title string, m Meta, all bool) *table {
	d.title(title)
	d.line("填报单位（盖章）："+m.Unit, "单位：个、人、次、m²、万元")
	return d.beginTable(partyColumns(all))
}

// partyRows draws the organizations of a 四有 table, township after township.
type partyRows struct {
	all bool // the report covers every township: a 乡镇 column
	seq int  // organizations drawn
}

// draw draws orgs, numbered on from earlier ones.
func (rs *partyRows) draw(t *table, orgs []data.PartyOrg) {
	for _, p := range orgs {
		rs.seq++
		t.row(partyCells(rs.seq, p, rs.all), colorWhite)
	}
}

// close ends the table with the totals of r (whose Orgs need not be set), then draws the
// 软弱涣散 organizations, the figures and the signature block; a table without
// organizations says so instead.
func (rs *partyRows) close(d *doc, t *table, r data.PartyReport) {
	all := rs.all
	if rs.seq == 0 {
		t.span("暂无数据")
		t.end()
		d.signature()
		return
	}
	t.row(partyTotals(r, rs.seq, all), colorTotal)
	t.end()

	d.heading(fmt.Sprintf("软弱涣散村党组织整顿情况（共%d个）", len(r.Weak)), 20)
	if len(r.Weak) == 0 {
		d.line("无", "")
	} else {
		t := d.beginTable(weakColumns(all))
		for i, p := range r.Weak {
			cells := []string{strconv.Itoa(i + 1)}
			if all {
				cells = append(cells, p.Township)
			}
			cells = append(cells, p.Village, dash(p.Measures), dash(p.Progress), dash(string(p.Result)))
			t.row(cells, colorWhite)
		}
		t.end()
	}

	s := r.Stats
	d.figures("统计", []figure{
		count("村级党组织数（个）", s.Orgs),
		count("党员数（人）", s.Members),
		share("“四有”齐全（个）", s.FourHaves, s.Orgs, "占村级党组织数"),
		share("软弱涣散（个）", s.Weak, s.Orgs, "占村级党组织数"),
		share("其中已销号（个）", s.WeakRectified, s.Weak, "占软弱涣散村党组织数"),
	})
	d.signature()
}

// partyCells are one organization's cells: the four as √/×, each with its figure when met.
func partyCells(seq int, p data.PartyOrg, all bool) []string {
	cells := []string{strconv.Itoa(seq)}
	if all {
		cells = append(cells, p.Township)
	}
	area, acts, income := "", "", ""
	if p.HasVenue || p.VenueArea > 0 {
		area = decimal(p.VenueArea, -1)
	}
	if p.HasActivity || p.Activities > 0 {
		acts = strconv.Itoa(p.Activities)
	}
	if p.HasIncome || p.Income > 0 {
		income = decimal(p.Income, 2)
	}
	return append(cells,
		p.Village, string(p.Type),
		strconv.Itoa(p.Members), strconv.Itoa(p.Women), strconv.Itoa(p.Probationary), strconv.Itoa(p.Developed),
		tick(p.HasTeam), tick(p.HasVenue), area, tick(p.HasActivity), acts, tick(p.HasIncome), income,
		tick(p.FourHaves()), yesNo(p.Weak),
	)
}

// partyTotals is the 合计 row of orgs organizations: sums of the counts, and for each guarantee how many
// organizations meet it.
func partyTotals(r data.PartyReport, orgs int, all bool) []string {
	x := r.Totals
	cells := []string{""}
	if all {
		cells = append(cells, "")
	}
	return append(cells,
		"合计", fmt.Sprintf("%d个", orgs),
		strconv.Itoa(x.Members), strconv.Itoa(x.Women), strconv.Itoa(x.Probationary), strconv.Itoa(x.Developed),
		strconv.Itoa(x.Team), strconv.Itoa(x.Venue), "", strconv.Itoa(x.Activity), strconv.Itoa(x.Activities),
		strconv.Itoa(x.IncomeOrgs), decimal(x.Income, 2),
		strconv.Itoa(r.Stats.FourHaves), strconv.Itoa(r.Stats.Weak),
	)
}

func tick(b bool) string {
	if b {
		return "√"
	}
	return "×"
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// dash shows an empty field as —.
func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// decimal prints v with prec decimals, or as few as needed when prec is -1.
func decimal(v float64, prec int) string { return strconv.FormatFloat(v, 'f', prec, 64) }
