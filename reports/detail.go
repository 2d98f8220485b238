package reports

import (
	"fmt"
	"io"
	"strconv"

	"liangwei/data"
)

// detailColumns are the columns of the 换届情况明细表, sized for A4 landscape (273 mm
// between the margins); the township of each group of rows is a band above it when the
// report covers several townships.
var detailColumns = []Column{
	{Header: "序号", Width: 11, Align: "R"},
	{Header: "村名", Width: 0, Align: "L"},
	{Group: "村党组织", Header: "状态", Width: 16, Align: "C"},
	{Group: "村党组织", Header: "完成日期", Width: 20, Align: "C"},
	{Group: "村党组织", Header: "实到会/\n应到会", Width: 19, Align: "R"},
	{Group: "村党组织", Header: "到会率%", Width: 15, Align: "R"},
	{Group: "村党组织", Header: "应选/\n当选", Width: 15, Align: "R"},
	{Group: "村党组织", Header: "一次\n成功", Width: 11, Align: "C"},
	{Group: "村（居）民委员会", Header: "状态", Width: 16, Align: "C"},
	{Group: "村（居）民委员会", Header: "完成日期", Width: 20, Align: "C"},
	{Group: "村（居）民委员会", Header: "参加投票/\n登记选民", Width: 23, Align: "R"},
	{Group: "村（居）民委员会", Header: "参选率%", Width: 15, Align: "R"},
	{Group: "村（居）民委员会", Header: "应选/\n当选", Width: 15, Align: "R"},
	{Group: "村（居）民委员会", Header: "一次\n成功", Width: 11, Align: "C"},
	{Header: "书记", Width: 17, Align: "C"},
	{Header: "主任", Width: 17, Align: "C"},
}

// DetailTitle is the title of the detail report: {unit}村“两委”换届情况明细表（{round}年）,
// where the unit is the report's township, else m.Unit, else nothing.
func DetailTitle(r data.DetailReport, m Meta) string {
	return reportTitle(r.Township, m, "村“两委”换届情况明细表", r.Round)
}

// WriteDetail writes the 换届情况明细表 of SPEC §5 as an A4 landscape PDF: one row per
// village with both bodies' election status, 完成日期, turnout, seats and 一次选举成功, and
// its 书记 and 主任; when the report covers several townships, each township's villages
// sit under a band and end with a 小计 row. A 合计 row, the completion rates and the
// signature block close it. No row is split across pages and the two-level header repeats
// on every page. The same r and m give byte-identical output.
func WriteDetail(w io.Writer, r data.DetailReport, m Meta) error {
	title := DetailTitle(r, m)
	return render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.line("填报单位（盖章）："+m.Unit, detailCount(len(r.Rows)))
		t := d.beginTable(detailColumns)
		// Bands and subtotals only help when there is more than one township.
		rs := detailRows{grouped: len(r.Townships) > 1}
		rs.draw(d, t, r)
		rs.close(d, t, r.Total)
	})
}

// WriteDetailEach is the Each of the 换届情况明细表: WriteDetail of o.Round over the
// townships of src, their villages drawn as they are read (their members as on o.Date), so
// that only one township's rows are in memory; the count of villages under the title is
// drawn last, once known.
func WriteDetailEach(w io.Writer, src Townships, o Options, m Meta) (string, error) {
	title := DetailTitle(data.DetailReport{Round: o.Round, Township: o.Township}, m)
	var srcErr error
	var towns, villages int
	err := render(w, Landscape, title, m, func(d *doc) {
		d.title(title)
		d.deferLine("填报单位（盖章）："+m.Unit, detailCount(0))
		t := d.beginTable(detailColumns)
		var rs detailRows
		sum := data.NewDetailSum(o.Round)
		// The first township with villages waits for a second one: only then are there
		// bands and subtotals.
		var first *data.DetailReport
		towns = 0
		seal, err := eachPart(src, detailKind, o, func(l data.Ledger) data.DetailReport {
			l.Members = data.RosterOn(l.Members, l.Changes, o.Round, o.Date) // 书记 and 主任 on the date, as Write
			return sum.Add(l)
		}, func(p data.DetailReport) {
			if len(p.Rows) == 0 {
				return
			}
			towns++
			switch {
			case first == nil && !rs.grouped:
				first = &p
			case first != nil:
				rs.grouped = true
				rs.draw(d, t, *first)
				first = nil
				fallthrough
			default:
				rs.draw(d, t, p)
			}
		})
		if err != nil {
			srcErr = err
			panic(err)
		}
		if first != nil {
			rs.draw(d, t, *first)
		}
		if d.meta.Seal == nil {
			d.meta.Seal = seal
		}
		d.pending.right = detailCount(rs.seq)
		villages = rs.seq
		rs.close(d, t, sum.Total())
	})
	if srcErr != nil {
		return "", srcErr
	}
	if err != nil {
		return "", err
	}
	return detailAccount(o.Round, towns, villages), nil
}

// detailCount is the detail's count of villages, right of its unit.
func detailCount(villages int) string { return fmt.Sprintf("共%d个村（社区）", villages) }

// detailAccount is what a detail report holds, as Kind.Write returns it.
func detailAccount(round, towns, villages int) string {
	return fmt.Sprintf("%d年，%d 个乡镇，%d 个村（社区）", round, towns, villages)
}

// detailRows draws the rows of a detail report, township after township.
type detailRows struct {
	grouped bool // bands and subtotals: the report covers several townships
	seq     int  // rows drawn
	cells   []string
}

// draw draws r's rows, numbered on from earlier ones, each township under its band and
// closed by its 小计 when grouped.
func (rs *detailRows) draw(d *doc, t *table, r data.DetailReport) {
	if rs.cells == nil {
		rs.cells = make([]string, len(detailColumns))
	}
	cells := rs.cells
	next := 0 // index into r.Townships of the township whose rows come next
	for i, row := range r.Rows {
		if rs.grouped && next < len(r.Townships) && row.Township == r.Townships[next].Township && (i == 0 || r.Rows[i-1].Township != row.Township) {
			tt := r.Townships[next]
			t.band(fmt.Sprintf("%s（%d个村）", tt.Township, tt.Villages), t.rowHeight())
		}
		lastOfTownship := rs.grouped && next < len(r.Townships) && (i+1 == len(r.Rows) || r.Rows[i+1].Township != row.Township)
		if lastOfTownship {
			// Keep the township's last village with its 小计, so that no page holds a
			// subtotal alone under a repeated band.
			d.setSize(bodySize)
			d.ensure(2 * t.rowHeight())
		}
		rs.seq++
		t.row(detailCells(cells, rs.seq, row), colorWhite)
		if lastOfTownship {
			t.row(detailTotalCells(t, cells, "小计", r.Townships[next]), colorTotal)
			next++
		}
	}
}

// close ends the table with the 合计 row of tot, the completion rates and the signature
// block; a report without rows says so instead.
func (rs *detailRows) close(d *doc, t *table, tot data.DetailTotal) {
	if rs.seq == 0 {
		t.span("暂无数据")
		t.end()
		d.signature()
		return
	}
	t.carry = ""
	t.row(detailTotalCells(t, make([]string, len(detailColumns)), "合计", tot), colorTotal)
	t.end()
	d.pdf.Ln(2)
	d.line(fmt.Sprintf("应换届村%d个。村党组织完成换届%d个，完成率%s%%，一次选举成功率%s%%，到会率%s%%；村（居）民委员会完成换届%d个，完成率%s%%，一次选举成功率%s%%，参选率%s%%。",
		tot.Villages,
		tot.PartyOrg.Completed, pct(tot.PartyOrg.Rate), pct(tot.PartyOrg.OneTimeRate), pct(tot.PartyOrg.Turnout),
		tot.Committee.Completed, pct(tot.Committee.Rate), pct(tot.Committee.OneTimeRate), pct(tot.Committee.Turnout)), "")
	d.signature()
}

// detailCells fills cells with one village's line and returns it.
func detailCells(cells []string, seq int, row data.DetailRow) []string {
	cells = cells[:0]
	cells = append(cells, strconv.Itoa(seq), row.Village)
	cells = appendElection(cells, row.PartyOrg)
	cells = appendElection(cells, row.Committee)
	return append(cells, dash(row.Secretary), dash(row.Director))
}

// appendElection appends one body's six cells. Figures are shown for a completed
// election only: those of one still running or failed are not results.
func appendElection(cells []string, e data.DetailElection) []string {
	switch {
	case !e.Recorded:
		return append(cells, "无记录", "", "", "", "", "")
	case !e.Completed():
		return append(cells, string(e.Status), "", "", "", "", "")
	}
	date, turnout := "", ""
	if !e.CompletedOn.IsZero() {
		date = data.FormatDate(e.CompletedOn)
	}
	if e.Eligible > 0 {
		turnout = pct(e.Turnout)
	}
	return append(cells, string(e.Status), date,
		ratio(e.Participants, e.Eligible), turnout, ratio(e.Seats, e.Elected), yesNo(e.OneTime))
}

// detailTotalCells fills cells with a 小计 or 合计 line of tbl: the completed elections of
// each body, the turnout over them, their seats and one-time successes.
func detailTotalCells(tbl *table, cells []string, label string, t data.DetailTotal) []string {
	cells = cells[:0]
	cells = append(cells, "", fmt.Sprintf("%s（%d个村）", label, t.Villages))
	body := func(b data.BodyStats, seats, elected int) {
		turnout := ""
		if b.Eligible > 0 {
			turnout = pct(b.Turnout)
		}
		n := len(cells)
		cells = append(cells, "完成"+strconv.Itoa(b.Completed), "",
			tbl.fitRatio(n+2, b.Voted, b.Eligible), turnout, tbl.fitRatio(n+4, seats, elected), strconv.Itoa(b.OneTime))
	}
	body(t.PartyOrg, t.PartySeats, t.PartyElected)
	body(t.Committee, t.CommitteeSeats, t.CommitteeElected)
	return append(cells, "", "")
}

// ratio prints a/b, the way the county's forms write 实参加/应参加.
func ratio(a, b int) string { return strconv.Itoa(a) + "/" + strconv.Itoa(b) }

// fitRatio prints a/b for column col, breaking the line after the slash when a city's sums
// are too wide for the column (the wrapper would otherwise cut a number in two).
func (t *table) fitRatio(col, a, b int) string {
	s := ratio(a, b)
	t.d.setSize(bodySize)
	if t.d.textWidth(s) > t.cols[col].Width-2*cellMargin {
		return strconv.Itoa(a) + "/\n" + strconv.Itoa(b)
	}
	return s
}
