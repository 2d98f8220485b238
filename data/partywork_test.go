package data

import "testing"

// dev is a person born 2000-01-01 with the five dates given (""= not yet).
func dev(applied, activist, candidate, admitted, full string) Development {
	return Development{Township: "城关镇", Village: "东关村", Name: "韩一", IDNumber: idFor("20000101", 1),
		Applied: d(applied), Activist: d(activist), Candidate: d(candidate), Admitted: d(admitted), Full: d(full),
		Contact: "赵一", Vetting: "政审合格"}
}

var devToday = d("2026-06-01")

func TestDevelopmentRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		d     Development
		field string // the first error's field; "" for none
	}{
		{"a full member on time", dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2024-05-01"), ""},
		{"发展对象 less than a year after 积极分子", dev("2024-01-10", "2024-06-01", "2025-05-31", "", ""), "确定发展对象日期"},
		{"发展对象 exactly a year after", dev("2024-01-10", "2024-06-01", "2025-06-01", "", ""), ""},
		{"under 18 on the application", dev("2017-12-31", "", "", "", ""), "申请入党日期"},
		{"18 on the day", dev("2018-01-01", "", "", "", ""), ""},
		{"no application date", dev("", "2024-06-01", "", "", ""), "申请入党日期"},
		{"out of order", dev("2024-06-02", "2024-06-01", "", "", ""), "确定积极分子日期"},
		{"a missing stage", dev("2022-01-10", "2022-03-01", "", "2023-05-01", ""), "确定发展对象日期"},
		{"转正 before the 预备期 ends", dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2024-04-30"), "转为正式党员日期"},
		{"转正 late without an extension", dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2024-11-01"), "转为正式党员日期"},
		{"转正 past two years", dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2025-05-02"), "转为正式党员日期"},
		{"a date in the future", dev("2026-06-02", "", "", "", ""), "申请入党日期"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			for _, p := range tc.d.Validate(devToday) {
				if p.Level == LevelError {
					got = p.Field
					break
				}
			}
			if got != tc.field {
				t.Errorf("first error on %q, want %q: %v", got, tc.field, tc.d.Validate(devToday))
			}
		})
	}
	late := dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2024-11-01")
	late.Note = "支部大会决定延长预备期半年"
	if ps := late.Validate(devToday); ps.HasErrors() {
		t.Errorf("an extended 预备期 noted in 备注: %v", ps)
	}
}

func TestDevelopmentWarnings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		d     Development
		field string
	}{
		{"预备党员 past a year", dev("2022-01-10", "2022-03-01", "2023-03-01", "2025-05-01", ""), "转为正式党员日期"},
		{"积极分子 without 培养联系人", func() Development { x := dev("2025-01-10", "2025-03-01", "", "", ""); x.Contact = ""; return x }(), "培养联系人"},
		{"发展对象 without 政审", func() Development {
			x := dev("2024-01-10", "2024-03-01", "2025-03-01", "", "")
			x.Vetting = ""
			return x
		}(), "政审情况"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := tc.d.Validate(devToday)
			if ps.HasErrors() || len(ps) != 1 || ps[0].Field != tc.field || ps[0].Level != LevelWarning {
				t.Errorf("problems = %v, want one warning on %s", ps, tc.field)
			}
		})
	}
}

func TestDevelopmentStageAndNext(t *testing.T) {
	for _, tc := range []struct {
		d        Development
		stage    DevStage
		next     DevStage
		earliest string
	}{
		{dev("2025-01-10", "", "", "", ""), StageApplicant, StageActivist, "2025-01-10"},
		{dev("2025-01-10", "2025-03-01", "", "", ""), StageActivist, StageCandidate, "2026-03-01"},
		{dev("2024-01-10", "2024-03-01", "2025-03-01", "", ""), StageCandidate, StageProbationary, "2025-03-01"},
		{dev("2024-01-10", "2024-03-01", "2025-03-01", "2025-06-01", ""), StageProbationary, StageFull, "2026-06-01"},
		{dev("2022-01-10", "2022-03-01", "2023-03-01", "2023-05-01", "2024-05-01"), StageFull, "", ""},
	} {
		next, earliest, _ := tc.d.Next()
		if tc.d.Stage() != tc.stage || next != tc.next || FormatDate(earliest) != tc.earliest {
			t.Errorf("%+v: stage %s, next %s from %s; want %s, %s from %s", tc.d, tc.d.Stage(), next, FormatDate(earliest), tc.stage, tc.next, tc.earliest)
		}
	}
	x := dev("2024-01-10", "2024-03-01", "2025-03-01", "2025-06-01", "")
	if got := x.StageOn(d("2025-05-31")); got != StageCandidate {
		t.Errorf("StageOn before 接收 = %s", got)
	}
}

func TestCommendationRules(t *testing.T) {
	ok := Commendation{Year: 2026, Township: "城关镇", Category: CommendMember, Subject: "王五", IDNumber: idFor("19800101", 3), Level: ByCity}
	for _, tc := range []struct {
		name  string
		edit  func(*Commendation)
		field string
	}{
		{"a person with a valid ID", func(*Commendation) {}, ""},
		{"a person without an ID", func(c *Commendation) { c.IDNumber = "" }, "身份证号"},
		{"a person with a bad ID", func(c *Commendation) { c.IDNumber = "370102198001010000" }, "身份证号"},
		{"an organization", func(c *Commendation) { c.Category, c.Subject, c.IDNumber = CommendOrg, "东关村党支部", "" }, ""},
		{"an organization named as a person", func(c *Commendation) { c.Category, c.Subject, c.IDNumber = CommendOrg, "王五", "" }, "对象"},
		{"no level", func(c *Commendation) { c.Level = "" }, "表彰单位"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			tc.edit(&c)
			var got string
			for _, p := range c.Validate() {
				if p.Level == LevelError {
					got = p.Field
					break
				}
			}
			if got != tc.field {
				t.Errorf("first error on %q, want %q", got, tc.field)
			}
		})
	}
	for in, want := range map[string]CommendLevel{"中共青山市委": ByCity, "县委组织部": ByCounty, "省委": ByProvince, "中共中央": ByNation, "市级": ByCity} {
		if got, err := ParseCommendLevel(in); err != nil || got != want {
			t.Errorf("ParseCommendLevel(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
}

func TestPartyWorkFigures(t *testing.T) {
	l := Ledger{
		Villages: []Village{{Township: "城关镇", Name: "东关村", Kind: KindVillage, Status: VillageActive}},
		Developments: []Development{
			dev("2022-01-10", "2022-03-01", "2023-03-01", "2024-05-01", "2025-05-01"), // 转正 2025
			func() Development {
				x := dev("2023-01-10", "2023-03-01", "2024-03-01", "2025-06-01", "")
				x.IDNumber, x.Education = idFor("19800202", 4), EduCollege // a woman of 45
				return x
			}(),
			func() Development {
				x := dev("2025-02-01", "", "", "", "")
				x.IDNumber = idFor("19990303", 5)
				return x
			}(),
			func() Development {
				x := dev("2026-02-01", "", "", "", "")
				x.IDNumber = idFor("19990303", 7)
				return x
			}(), // next year
		},
		PartyOrgs: []PartyOrg{{Township: "城关镇", Village: "东关村", Year: 2025, Developed: 2}},
		Commendations: []Commendation{
			{Year: 2025, Category: CommendOrg, Level: ByCity}, {Year: 2025, Category: CommendMember, Level: ByCounty},
			{Year: 2024, Category: CommendMember, Level: ByCounty},
		},
	}
	s := ComputeStats(l, 2025, d("2026-06-01"))
	g := s.Development
	if g.Total != 3 || g.ByStage["正式党员"] != 1 || g.ByStage["预备党员"] != 1 || g.ByStage["入党申请人"] != 1 ||
		g.NewProbationary != 1 || g.Developed != 1 || g.Confirmed != 1 || g.Women != 1 || g.Under35 != 0 || g.College != 1 ||
		g.PartyReported != 2 || g.Mismatched != 1 {
		t.Errorf("development = %+v", g)
	}
	c := s.Commendations
	if c.Total != 2 || c.ByCategory["先进基层党组织"] != 1 || c.ByLevel["县级"] != 1 || c.ByLevel["市级"] != 1 {
		t.Errorf("commendations = %+v", c)
	}
	found := false
	for _, f := range CheckLedger(l, 2025, d("2026-06-01")) {
		if f.Field == "年度发展党员数" && f.Level == LevelWarning {
			found = true
		}
	}
	if !found {
		t.Errorf("check does not warn of 年度发展党员数 2 against 1 in the ledger")
	}
}
