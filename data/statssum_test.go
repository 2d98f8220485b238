package data_test

import (
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestStatsSumByTownship: the figures, the summary and the detail report added township by
// township (as stats and those reports read a province) are those of the whole ledger — for a generated city, and for the demo
// township with the rest of the round (candidates, supervisors, changes, audits) merged in.
func TestStatsSumByTownship(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	city := demo.CityOf(today, demo.Scale{Townships: 7, Villages: 600})
	whole := withDemo(city, today)
	b := demo.Batch(today)
	if len(b.Candidates) == 0 || len(b.Changes) == 0 || len(b.Audits) == 0 || len(b.Supervisors) == 0 {
		t.Fatal("the demo township lacks the rest of the round")
	}
	if len(b.Developments) == 0 || len(b.Commendations) == 0 {
		t.Fatal("the demo township lacks the party work")
	}
	// A report made township by township is sealed with the prints of each township joined.
	var prints []data.TownshipPrint
	for _, tw := range whole.Townships {
		prints = append(prints, data.TakePrint(whole.ForTownship(tw.Name), []string{tw.Name}).Townships...)
	}
	if got, want := data.JoinPrints(prints), data.TakePrint(whole, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("prints by township joined: %s, whole: %s", got.Sum, want.Sum)
	}
	// An export takes the print sheet by sheet, township by township (the townships in
	// reverse: the order of the adds does not count).
	var ps data.PrintSum
	for _, k := range data.Descriptions {
		for i := len(whole.Townships) - 1; i >= 0; i-- {
			var one data.Ledger
			k.CopyTownship(&one, &whole, whole.Townships[i].Name)
			ps.Add(one)
		}
	}
	if got, want := ps.Print(), data.TakePrint(whole, nil); !reflect.DeepEqual(got, want) || len(want.Townships) != 8 {
		t.Errorf("prints by sheet and township: %s, whole: %s (%d townships)", got.Sum, want.Sum, len(want.Townships))
	}
	for _, ref := range []time.Time{today, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)} {
		want := data.ComputeStats(whole, city.Round, ref)
		a := data.NewStatsSum(city.Round, ref)
		for _, tw := range whole.Townships {
			a.Add(whole.ForTownship(tw.Name))
		}
		if want.Development.Total == 0 || want.Commendations.Total == 0 {
			t.Errorf("on %s, no party work counted: not a test", ref.Format("2006-01-02"))
		}
		if got := a.Stats(); !reflect.DeepEqual(got, want) {
			t.Errorf("on %s, by township:\n%+v\nwhole:\n%+v", ref.Format("2006-01-02"), got, want)
		}
	}
	for _, ref := range []time.Time{today, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)} {
		want := data.BuildSummary(whole, city.Round, ref)
		a := data.NewSummarySum(city.Round, ref)
		// In reverse: the report's order is its own, not the order of the adds.
		for i := len(whole.Townships) - 1; i >= 0; i-- {
			a.Add(whole.ForTownship(whole.Townships[i].Name))
		}
		if got := a.Report(); !reflect.DeepEqual(got, want) {
			t.Errorf("summary on %s, by township:\n%+v\nwhole:\n%+v", ref.Format("2006-01-02"), got, want)
		}
		if len(want.Unfinished) == 0 || len(want.Rows) != 8 {
			t.Errorf("summary of %d rows, %d unfinished: not a test", len(want.Rows), len(want.Unfinished))
		}
	}
	wantDetail := data.BuildDetail(whole, city.Round)
	// In the official order of the townships, the order the parts are drawn in.
	d := data.NewDetailSum(city.Round)
	got := data.DetailReport{Round: city.Round}
	for _, name := range data.TownshipsInOrder(whole.Villages) {
		p := d.Add(whole.ForTownship(name))
		got.Rows = append(got.Rows, p.Rows...)
		got.Townships = append(got.Townships, p.Townships...)
	}
	got.Total = d.Total()
	if !reflect.DeepEqual(got, wantDetail) {
		t.Errorf("detail by township: total %+v, %d rows; whole: total %+v, %d rows", got.Total, len(got.Rows), wantDetail.Total, len(wantDetail.Rows))
	}
	if len(wantDetail.Townships) != 8 {
		t.Errorf("detail of %d townships: not a test", len(wantDetail.Townships))
	}
	if got := data.ComputeStats(city.Merged(), city.Round, today); !reflect.DeepEqual(got, city.Expected) {
		t.Errorf("city figures %+v, want %+v", got, city.Expected)
	}
}

// renameTownship moves every record of b to the township name.
// withDemo is the ledger of city with the demo township's records (merged villages, the
// rest of the round, the party work) as a township of its own, 演示镇 (a city has a 城关镇
// of its own).
func withDemo(city demo.CityData, today time.Time) data.Ledger {
	b := demo.Batch(today)
	renameTownship(&b, "演示镇")
	city.Townships = append(slices.Clone(city.Townships), b)
	return city.Merged()
}

func renameTownship(b *data.Batch, name string) {
	for i := range b.Townships {
		b.Townships[i].Name = name
	}
	for i := range b.Villages {
		b.Villages[i].Township = name
	}
	for i := range b.Elections {
		b.Elections[i].Township = name
	}
	for i := range b.Members {
		b.Members[i].Township = name
	}
	for i := range b.Leaderships {
		b.Leaderships[i].Township = name
	}
	for i := range b.PartyOrgs {
		b.PartyOrgs[i].Township = name
	}
	for i := range b.Complaints {
		b.Complaints[i].Township = name
	}
	for i := range b.Talks {
		b.Talks[i].Township = name
	}
	for i := range b.Candidates {
		b.Candidates[i].Township = name
	}
	for i := range b.Supervisors {
		b.Supervisors[i].Township = name
	}
	for i := range b.Changes {
		b.Changes[i].Township = name
	}
	for i := range b.Audits {
		b.Audits[i].Township = name
	}
	for i := range b.Developments {
		b.Developments[i].Township = name
	}
	for i := range b.Commendations {
		b.Commendations[i].Township = name
	}
}

// TestStatsIgnoreMemberColumns: the figures of a round are the same whatever the members'
// names, ethnic groups, identity tags and phone numbers — blank, as stats reads them, or
// anything else. A figure that comes to count one of them fails here: stats must then read
// it (data/sqlite: memberFiguresKind).
func TestStatsIgnoreMemberColumns(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	city := demo.CityOf(today, demo.Scale{Townships: 3, Villages: 300})
	whole := withDemo(city, today)
	stats := func(l data.Ledger) data.Stats {
		sum := data.NewStatsSum(city.Round, today)
		sum.Add(l)
		return sum.Stats()
	}
	want := stats(whole)
	for _, change := range []func(i int, m *data.Member){
		func(_ int, m *data.Member) { m.Name, m.Ethnicity, m.Tags, m.Phone = "", "", nil, "" },
		func(i int, m *data.Member) {
			m.Name, m.Ethnicity, m.Phone = "某"+strconv.Itoa(i), []string{"汉族", "回族", "满族"}[i%3], "1390000"+strconv.Itoa(i)
			m.Tags = [][]string{nil, {"致富能手"}, {"退役军人", "大学生村官"}}[i%3]
		},
		func(_ int, m *data.Member) { m.ID = 0 },
	} {
		l := whole
		l.Members = slices.Clone(whole.Members)
		for i := range l.Members {
			change(i, &l.Members[i])
		}
		if got := stats(l); !reflect.DeepEqual(got, want) {
			t.Fatalf("the figures change with the members' ID, 姓名, 民族, 身份标签 or 联系电话:\n%+v\nwant\n%+v", got, want)
		}
	}
}
