package data

import (
	"strings"
	"testing"
	"time"
)

var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func d(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// goodElection is a completed committee election that breaks no rule.
func goodElection() Election {
	return Election{Township: "城关镇", Village: "东关村", Round: 2026, Body: BodyCommittee, Status: StatusCompleted,
		CompletedOn: d("2026-04-12"), OneTime: true, Eligible: 1200, Participants: 1100, Seats: 5, Candidates: 7, Elected: 5}
}

// fields lists "level:field" of each problem, for compact comparison.
func fields(ps Problems) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Level.String()+":"+p.Field)
	}
	return strings.Join(out, ",")
}

func TestElectionValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Election)
		want   string
	}{
		{"good", func(e *Election) {}, ""},
		{"turnout above register", func(e *Election) { e.Participants = 1201 }, "错误:实参加人数"},
		{"elected above seats", func(e *Election) { e.Elected = 6 }, "错误:当选人数"},
		{"completed without date", func(e *Election) { e.CompletedOn = time.Time{} }, "错误:完成日期"},
		{"date in the future", func(e *Election) { e.CompletedOn = d("2026-11-26") }, "错误:完成日期"},
		{"date today is fine", func(e *Election) { e.CompletedOn = today }, ""},
		{"date before the round", func(e *Election) { e.CompletedOn = d("2025-12-31") }, "错误:完成日期"},
		{"date in the year after", func(e *Election) { e.Round = 2025; e.CompletedOn = d("2026-03-01") }, ""},
		{"date two years after", func(e *Election) { e.Round = 2024; e.CompletedOn = d("2026-03-01") }, "错误:完成日期"},
		{"committee half turnout is void", func(e *Election) { e.Participants = 600 }, "错误:实参加人数"},
		{"committee just over half", func(e *Election) { e.Participants = 601 }, ""},
		{"committee with no register", func(e *Election) { e.Eligible, e.Participants = 0, 0 }, "错误:实参加人数"},
		{"failed needs reason", func(e *Election) { e.Status = StatusFailed }, "错误:未完成原因"},
		{"failed with reason", func(e *Election) { e.Status = StatusFailed; e.Reason = "选民登记争议" }, ""},
		{"in progress low turnout is fine", func(e *Election) { e.Status = StatusInProgress; e.Participants = 0 }, ""},
		{"no 差额 warns", func(e *Election) { e.Candidates = 5 }, "警告:候选人数"},
		// 党员大会: more than four fifths present (中国共产党基层组织选举工作条例); 80 of 100 is not.
		{"party 80 of 100 is void", func(e *Election) { e.Body = BodyParty; e.Eligible, e.Participants = 100, 80 }, "错误:实参加人数"},
		{"party 81 of 100 elects", func(e *Election) { e.Body = BodyParty; e.Eligible, e.Participants = 100, 81 }, ""},
		{"party 4 of 5 is void", func(e *Election) { e.Body = BodyParty; e.Eligible, e.Participants = 5, 4 }, "错误:实参加人数"},
		{"party under half is void", func(e *Election) { e.Body = BodyParty; e.Eligible, e.Participants = 100, 40 }, "错误:实参加人数"},
		{"party in progress at 80 is fine", func(e *Election) {
			e.Body, e.Status = BodyParty, StatusInProgress
			e.Eligible, e.Participants = 100, 80
		}, ""},
		{"negative count", func(e *Election) { e.Seats = -1; e.Elected = -1 }, "错误:应选职数,错误:当选人数"},
		{"bad round", func(e *Election) { e.Round = 26 }, "错误:届次"},
		{"bad body", func(e *Election) { e.Body = "妇联" }, "错误:组织"},
		{"bad status", func(e *Election) { e.Status = "完了" }, "错误:状态"},
		{"no village", func(e *Election) { e.Village = "" }, "错误:村名"},
		{"long name", func(e *Election) { e.Village = strings.Repeat("村", 31) }, "错误:村名"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := goodElection()
			c.change(&e)
			ps := e.Validate(today)
			if got := fields(ps); got != c.want {
				t.Fatalf("got %q, want %q (%v)", got, c.want, ps)
			}
			if ps.HasErrors() != strings.Contains(c.want, "错误") {
				t.Fatalf("HasErrors = %v", ps.HasErrors())
			}
		})
	}
}

func TestVillageValidate(t *testing.T) {
	good := Village{Township: "城关镇", Name: "东关村", Kind: KindVillage, Households: 420, Population: 1530, Code: "371702101201", Status: VillageActive}
	cases := []struct {
		name   string
		change func(*Village)
		want   string
	}{
		{"good", func(v *Village) {}, ""},
		{"no code is fine", func(v *Village) { v.Code = "" }, ""},
		{"short code", func(v *Village) { v.Code = "37170210120" }, "错误:区划代码"},
		{"letters in code", func(v *Village) { v.Code = "37170210120A" }, "错误:区划代码"},
		{"empty name", func(v *Village) { v.Name = "" }, "错误:村名"},
		{"30 chars ok", func(v *Village) { v.Name = strings.Repeat("村", 30) }, ""},
		{"negative households", func(v *Village) { v.Households = -3 }, "错误:户数"},
		{"no township", func(v *Village) { v.Township = "" }, "错误:乡镇"},
		{"bad kind", func(v *Village) { v.Kind = "" }, "错误:类型"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := good
			c.change(&v)
			if got := fields(v.Validate()); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
	if got := fields(Township{Name: ""}.Validate()); got != "错误:乡镇" {
		t.Errorf("township: %q", got)
	}
}
