package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"liangwei/data"
)

// longMeasures is a 整顿措施 long enough to wrap over several lines.
const longMeasures = "镇党委书记包联，选派第一书记驻村，调整充实村党组织班子，建立“三会一课”台账，每月召开一次党员大会，开展矛盾纠纷集中排查化解，壮大村集体经济止"

// partyReport is a hand-made party ledger of four organizations in 城关镇, 2026:
//
//	东关村 党总支 62 members (15 women, 2 probationary, 3 developed), all four: area 320, 24 activities, income 35.5
//	西关村 党支部 28 (6, 1, 1): no venue, 10 activities, income 8 — weak, being rectified
//	南街村 党支部 45 (12, 0, 2), all four: area 150.5, 12 activities, income 12
//	北街村 党支部 19 (3, 1, 0): team only — weak, 已销号
//
// totals: 154 members, 36 women, 4 probationary, 6 developed; team 4, venue 2, activity 3
// (46 activities), income 3 (55.50); 四有 complete 2; weak 2 of which 1 已销号.
func partyReport() data.PartyReport {
	orgs := []data.PartyOrg{
		{Township: "城关镇", Village: "东关村", Year: 2026, Type: data.OrgGeneralBranch, Members: 62, Women: 15, Probationary: 2, Developed: 3,
			HasTeam: true, HasVenue: true, VenueArea: 320, HasActivity: true, Activities: 24, HasIncome: true, Income: 35.5},
		{Township: "城关镇", Village: "西关村", Year: 2026, Type: data.OrgBranch, Members: 28, Women: 6, Probationary: 1, Developed: 1,
			HasTeam: true, HasActivity: true, Activities: 10, HasIncome: true, Income: 8,
			Weak: true, Measures: "起" + longMeasures, Progress: "已完成班子调整，新建活动场所正在施工", Result: data.RectInProgress},
		{Township: "城关镇", Village: "南街村", Year: 2026, Type: data.OrgBranch, Members: 45, Women: 12, Developed: 2,
			HasTeam: true, HasVenue: true, VenueArea: 150.5, HasActivity: true, Activities: 12, HasIncome: true, Income: 12},
		{Township: "城关镇", Village: "北街村", Year: 2026, Type: data.OrgBranch, Members: 19, Women: 3, Probationary: 1,
			HasTeam: true, Weak: true, Measures: "县级领导联系，整顿软弱涣散", Progress: "经县委组织部验收合格", Result: data.RectClosed},
	}
	return data.PartyReport{
		Year: 2026, Township: "城关镇", Orgs: orgs, Weak: []data.PartyOrg{orgs[1], orgs[3]},
		Stats: data.PartyStats{Orgs: 4, Members: 154, FourHaves: 2, Weak: 2, WeakRectified: 1},
		Totals: data.PartyTotals{Members: 154, Women: 36, Probationary: 4, Developed: 6, Activities: 46, Income: 55.5,
			Team: 4, Venue: 2, Activity: 3, IncomeOrgs: 3},
	}
}

// renderParty writes the party PDF and fails the test on error.
func renderParty(t testing.TB, r data.PartyReport, m Meta) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteParty(&buf, r, m); err != nil {
		t.Fatalf("WriteParty: %v", err)
	}
	return buf.Bytes()
}

func TestWritePartyContent(t *testing.T) {
	pages := pdfPages(t, renderParty(t, partyReport(), testMeta))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := pages[0]
	for _, want := range []string{
		"城关镇村级党组织“四有”情况统计表（2026年）",
		"填报单位（盖章）：城关镇", "单位：个、人、次、m²、万元",
		"党员情况", "“四有”情况", "有班子", "有场所", "有活动", "有收入",
		// 序号 村名 类型 党员 女 预备 发展 班子 场所 面积 活动 次数 收入 万元 四有 软弱涣散
		"1 东关村 党总支 62 15 2 3 √ √ 320 √ 24 √ 35.50 √ 否",
		"2 西关村 党支部 28 6 1 1 √ × √ 10 √ 8.00 × 是",
		"3 南街村 党支部 45 12 0 2 √ √ 150.5 √ 12 √ 12.00 √ 否",
		"4 北街村 党支部 19 3 1 0 √ × × × × 是",
		"合计 4个 154 36 4 6 4 2 3 46 3 55.50 2 2",
		"软弱涣散村党组织整顿情况（共2个）",
		"序号 村名 整顿措施 整顿进展 整顿结果",
		"起镇党委书记包联", "1 西关村 “三会一课”台账", "已完成班子调整，新建活动场所正在施工 整顿中",
		"2 北街村 县级领导联系，整顿软弱涣散 经县委组织部验收合格 已销号",
		"统计", "村级党组织数（个） 4", "党员数（人） 154",
		"“四有”齐全（个） 2 50.00 占村级党组织数",
		"软弱涣散（个） 2 50.00 占村级党组织数",
		"其中已销号（个） 1 50.00 占软弱涣散村党组织数",
		"负责人：张卫国", "填报日期：2026年11月25日", "第 1 页 共 1 页",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	if strings.Contains(text, "乡镇 村名") {
		t.Errorf("a one-township report has a 乡镇 column:\n%s", text)
	}
}

// TestWritePartyMeasuresWrap: a long 整顿措施 wraps inside its cell and keeps every
// character.
func TestWritePartyMeasuresWrap(t *testing.T) {
	r := partyReport()
	r.Weak = r.Weak[:1]
	r.Weak[0].Progress = "正在整顿"
	text := pdfPages(t, renderParty(t, r, testMeta))[0]
	want := "起" + longMeasures
	i, j := strings.Index(text, "起镇党委"), strings.Index(text, "集体经济止")
	if i < 0 || j < 0 {
		t.Fatalf("the measures are not all in the PDF:\n%s", text)
	}
	cell := text[i : j+len("集体经济止")]
	if !strings.Contains(cell, "\n") {
		t.Errorf("the long measures are on one line; want them wrapped:\n%s", text)
	}
	// The other cells of the row sit on its middle line; drop them and join the rest.
	var got strings.Builder
	for _, f := range strings.Fields(cell) {
		switch f {
		case "1", "西关村", "正在整顿", "整顿中":
		default:
			got.WriteString(f)
		}
	}
	if got.String() != want {
		t.Errorf("wrapped measures read %q, want %q", got.String(), want)
	}
}

func TestWritePartyAllTownships(t *testing.T) {
	r := partyReport()
	r.Township = ""
	r.Orgs[3].Township = "河西乡"
	r.Weak[1].Township = "河西乡"
	text := pdfPages(t, renderParty(t, r, Meta{Unit: "县委组织部"}))[0]
	for _, want := range []string{
		"县委组织部村级党组织“四有”情况统计表（2026年）",
		"序号 乡镇 村名",
		"1 城关镇 东关村 党总支 62", "4 河西乡 北街村 党支部 19",
		"合计 4个 154", "2 河西乡 北街村 县级领导联系",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWritePartyNoWeak(t *testing.T) {
	r := partyReport()
	r.Weak = nil
	r.Stats.Weak, r.Stats.WeakRectified = 0, 0
	text := pdfPages(t, renderParty(t, r, testMeta))[0]
	for _, want := range []string{"软弱涣散村党组织整顿情况（共0个）", "\n无\n", "其中已销号（个） 0 0.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWritePartyEmpty(t *testing.T) {
	pages := pdfPages(t, renderParty(t, data.PartyReport{Year: 2026}, Meta{Unit: "河西乡"}))
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	text := pages[0]
	for _, want := range []string{"河西乡村级党组织“四有”情况统计表（2026年）", "暂无数据", "填报日期：年 月 日", "第 1 页 共 1 页"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	for _, bad := range []string{"合计", "软弱涣散村党组织整顿情况"} {
		if strings.Contains(text, bad) {
			t.Errorf("an empty report shows %q:\n%s", bad, text)
		}
	}
}

// bigParty is a city ledger of n organizations, every seventh weak with long measures.
func bigParty(n int) data.PartyReport {
	r := data.PartyReport{Year: 2026}
	for i := range n {
		p := data.PartyOrg{Township: fmt.Sprintf("第%02d镇", i/85+1), Village: fmt.Sprintf("试验%04d村", i+1), Year: 2026,
			Type: data.OrgBranch, Members: 30 + i%40, Women: 5 + i%7, Probationary: i % 3, Developed: i % 2,
			HasTeam: true, HasVenue: i%5 != 0, VenueArea: 120, HasActivity: true, Activities: 12, HasIncome: i%4 != 0, Income: 10.25}
		if i%5 == 0 {
			p.VenueArea = 0
		}
		if i%4 == 0 {
			p.Income = 0
		}
		if i%7 == 0 {
			p.Weak, p.Measures, p.Progress, p.Result = true, longMeasures, "正在整顿", data.RectInProgress
			r.Weak = append(r.Weak, p)
		}
		r.Orgs = append(r.Orgs, p)
	}
	r.Stats.Orgs = n
	return r
}

func TestWritePartyPages(t *testing.T) {
	r := bigParty(500)
	pages := pdfPages(t, renderParty(t, r, testMeta))
	if len(pages) < 15 {
		t.Fatalf("got %d pages for 500 organizations, want at least 15", len(pages))
	}
	org := regexp.MustCompile(`试验\d{4}村 党支部`)
	orgs, weaks := 0, 0
	for i, p := range pages {
		if footer := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)); !strings.Contains(p, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
		if n := len(org.FindAllString(p, -1)); n > 0 {
			orgs += n
			if !strings.Contains(p, "党员情况") || !strings.Contains(p, "序号 乡镇 村名") {
				t.Errorf("page %d has organizations but no header:\n%s", i+1, p)
			}
		}
		// Only the list's 整顿进展 cells say 正在整顿; a row is never split between pages.
		if n := strings.Count(p, "正在整顿"); n > 0 {
			weaks += n
			if !strings.Contains(p, "整顿措施 整顿进展 整顿结果") {
				t.Errorf("page %d lists weak organizations but has no list header:\n%s", i+1, p)
			}
			if a, b := strings.Count(p, "镇党委书记包联"), strings.Count(p, "集体经济止"); a != n || b != n {
				t.Errorf("page %d: %d rows, %d measures begin and %d end on it; want all equal", i+1, n, a, b)
			}
		}
	}
	if orgs != 500 || weaks != len(r.Weak) {
		t.Errorf("%d organizations and %d weak ones in the PDF, want 500 and %d", orgs, weaks, len(r.Weak))
	}
}

func TestPartyTitle(t *testing.T) {
	tests := []struct {
		name     string
		township string
		unit     string
		year     int
		want     string
	}{
		{"township of the report", "城关镇", "县委组织部", 2026, "城关镇村级党组织“四有”情况统计表（2026年）"},
		{"unit when all townships", "", "河西乡", 2025, "河西乡村级党组织“四有”情况统计表（2025年）"},
		{"neither", "", "", 2026, "村级党组织“四有”情况统计表（2026年）"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := PartyTitle(data.PartyReport{Year: tc.year, Township: tc.township}, Meta{Unit: tc.unit})
			if got != tc.want {
				t.Errorf("PartyTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWritePartyDeterministic(t *testing.T) {
	r := bigParty(500)
	a, b := renderParty(t, r, testMeta), renderParty(t, r, testMeta)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same report differ")
	}
	other := bigParty(500)
	other.Weak[3].Progress = "已销号"
	if bytes.Equal(a, renderParty(t, other, testMeta)) {
		t.Fatal("a different 整顿进展 gives the same bytes")
	}
}

func TestWritePartyWriteError(t *testing.T) {
	err := WriteParty(failWriter{}, partyReport(), testMeta)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("WriteParty to a failing writer: err = %v, want the write error", err)
	}
}

// TestWritePartyGolden compares the report with reports/testdata/party.pdf.
func TestWritePartyGolden(t *testing.T) {
	checkGolden(t, "party.pdf", renderParty(t, partyReport(), testMeta))
}

// TestWritePartyFromLedger builds the report from records with data.BuildParty and checks
// the hand counts of partyReport, the order by village name and the 软弱涣散 list; an
// organization of another year and one of a merged village stay out.
func TestWritePartyFromLedger(t *testing.T) {
	hand := partyReport()
	l := data.Ledger{Townships: []data.Township{{Name: "城关镇"}}}
	for _, p := range hand.Orgs {
		l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: p.Village, Kind: data.KindVillage, Status: data.VillageActive})
	}
	l.Villages = append(l.Villages, data.Village{Township: "城关镇", Name: "老城村", Kind: data.KindVillage, Status: data.VillageMerged})
	l.PartyOrgs = append(l.PartyOrgs, hand.Orgs...)
	old := hand.Orgs[0]
	old.Year, old.Members = 2025, 999
	merged := hand.Orgs[1]
	merged.Village, merged.Members = "老城村", 888
	l.PartyOrgs = append(l.PartyOrgs, old, merged)

	r := data.BuildParty(l, 2026)
	r.Township = "城关镇"
	if r.Stats != hand.Stats {
		t.Errorf("BuildParty stats = %+v, want %+v", r.Stats, hand.Stats)
	}
	if r.Totals != hand.Totals {
		t.Errorf("BuildParty totals = %+v, want %+v", r.Totals, hand.Totals)
	}
	text := strings.Join(pdfPages(t, renderParty(t, r, testMeta)), "\f")
	for _, want := range []string{
		"合计 4个 154 36 4 6 4 2 3 46 3 55.50 2 2",
		"软弱涣散村党组织整顿情况（共2个）",
		"县级领导联系，整顿软弱涣散 经县委组织部验收合格 已销号",
		"“四有”齐全（个） 2 50.00", "其中已销号（个） 1 50.00",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
	// Rows come in the builder's order: the official one, by pinyin here (no 区划代码).
	order := regexp.MustCompile(`\n ?(\d) (\S+村) 党`).FindAllStringSubmatch(text, -1)
	var got []string
	for _, m := range order {
		got = append(got, m[1]+m[2])
	}
	var want []string
	names := []string{"东关村", "西关村", "南街村", "北街村"}
	sorted := append([]string(nil), names...)
	slices.SortFunc(sorted, data.ComparePinyin)
	for i, n := range sorted {
		want = append(want, fmt.Sprint(i+1)+n)
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	for _, bad := range []string{"999", "888", "老城村"} {
		if strings.Contains(text, bad) {
			t.Errorf("the report shows %s, of another year or a merged village", bad)
		}
	}
}
