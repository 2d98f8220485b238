package demo

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

func TestCheckDigit(t *testing.T) {
	// The examples of GB 11643, and one by hand: 1·7+3·9+0·10+2·5+2·8+9·4+1·2+9·1+8·6+0·3+0·7
	// +1·9+0·10+2·5+0·8+0·4+1·2 = 176 = 16·11, remainder 0 → "1".
	for _, id := range []string{"11010519491231002X", "440524188001010014", "130229198001020011"} {
		if got := checkDigit(id[:17]); got != id[17] {
			t.Errorf("checkDigit(%s) = %c, want %c", id[:17], got, id[17])
		}
	}
	if got, want := idNumber(day(1980, 1, 2), 0, false), "130229198001020011"; got != want {
		t.Errorf("idNumber = %s, want %s", got, want)
	}
}

// TestPeopleValid checks every new record of the demo against the rules, seen from each of
// the test days: no errors anywhere; the only warnings are the intended ones (four party
// organizations short of 四有, two overdue complaints).
func TestPeopleValid(t *testing.T) {
	for _, today := range todays {
		t.Run(data.FormatDate(today), func(t *testing.T) {
			b := Batch(today)
			round := Round(today)
			yearStart, yesterday := day(round, 1, 1), today.AddDate(0, 0, -1)
			inRound := func(what string, d time.Time) {
				if d.Before(yearStart) || d.After(yesterday) || d.Year() != round {
					t.Errorf("%s dated %s, want in %d and before %s", what, data.FormatDate(d), round, data.FormatDate(today))
				}
			}
			villages := map[string]bool{}
			for _, v := range b.Villages {
				if v.Active() {
					villages[v.Name] = true
				}
			}
			ids := map[string]bool{}
			byRound := map[int][]data.Member{}
			for _, m := range b.Members {
				if ps := m.Validate(); len(ps) > 0 {
					t.Errorf("member %s %s: %v", m.Village, m.Name, ps)
				}
				if (m.Round != round && m.Round != round-TermYears) || !villages[m.Village] {
					t.Errorf("member %s of %s round %d", m.Name, m.Village, m.Round)
				}
				byRound[m.Round] = append(byRound[m.Round], m)
				key := fmt.Sprint(m.Round, m.IDNumber)
				if ids[key] {
					t.Errorf("duplicate 身份证号 %s in %d", m.IDNumber, m.Round)
				}
				ids[key] = true
				if checkDigit(m.IDNumber[:17]) != m.IDNumber[17] || m.IDNumber[6:14] != m.Birth.Format("20060102") {
					t.Errorf("%s: 身份证号 %s does not match birth %s or its check digit", m.Name, m.IDNumber, data.FormatDate(m.Birth))
				}
				if odd := (m.IDNumber[16]-'0')%2 == 1; odd != (m.Gender == data.Male) {
					t.Errorf("%s: 身份证号 %s does not match gender %s", m.Name, m.IDNumber, m.Gender)
				}
				if a := ageOn(m.Birth, m.Round); a < 25 || a > 65 {
					t.Errorf("%s is %d on 1 January %d, want 25–65", m.Name, a, m.Round)
				}
			}
			// Both rounds' rosters pass the member rules and reconcile with 当选人数 body by body.
			for _, r := range []int{round, round - TermYears} {
				if fs := data.CheckElectedMembers(b, r, byRound[r]); len(fs) > 0 {
					t.Errorf("CheckElectedMembers %d: %v", r, fs)
				}
				if xs := data.RosterMismatches(b, r); len(xs) > 0 {
					t.Errorf("round %d: rosters differ from 当选人数: %+v", r, xs)
				}
			}
			for _, l := range b.Leaderships {
				if ps := l.Validate(); len(ps) > 0 {
					t.Errorf("leadership: %v", ps)
				}
			}
			var short []string
			for _, p := range b.PartyOrgs {
				ps := p.Validate()
				if ps.HasErrors() {
					t.Errorf("party org %s: %v", p.Village, ps)
				}
				if len(ps.Warnings()) > 0 {
					short = append(short, p.Village)
				}
				if p.Year != round || !villages[p.Village] {
					t.Errorf("party org %s year %d", p.Village, p.Year)
				}
			}
			sort.Strings(short)
			if want := []string{"十里河村", "杜家沟村", "槐树底村", "黄土岗村"}; !reflect.DeepEqual(short, want) {
				t.Errorf("party orgs with warnings %v, want those short of 四有 %v", short, want)
			}
			var overdue []string
			for _, c := range b.Complaints {
				ps := c.Validate(today)
				if ps.HasErrors() {
					t.Errorf("complaint %s: %v", c.No, ps)
				}
				if len(ps.Warnings()) > 0 {
					overdue = append(overdue, c.No)
				}
				inRound("complaint "+c.No, c.Received)
				if !c.Replied.IsZero() {
					inRound("reply to "+c.No, c.Replied)
				}
				if c.Village != "" && !villages[c.Village] {
					t.Errorf("complaint %s of unknown village %s", c.No, c.Village)
				}
			}
			if want := []string{fmt.Sprintf("城关信〔%d〕11号", round), fmt.Sprintf("城关信〔%d〕12号", round)}; !reflect.DeepEqual(overdue, want) {
				t.Errorf("complaints with warnings %v, want the overdue %v", overdue, want)
			}
			for _, tk := range b.Talks {
				if ps := tk.Validate(); len(ps) > 0 {
					t.Errorf("talk %s: %v", tk.No, ps)
				}
				inRound("talk "+tk.No, tk.Date)
			}
		})
	}
}

// ageOn is the age in full years on 1 January of round, computed here independently.
func ageOn(birth time.Time, round int) int {
	a := round - birth.Year()
	if birth.Month() != time.January || birth.Day() != 1 {
		a--
	}
	return a
}

// TestPeopleCounts states the demo's built-in figures, counted by hand from the slot table
// of people.go (40 active villages, i = 0…39). The full rosters would be 9 per village + a
// tenth where i%4 == 1 = 370 (party posts 200, committee posts 250, 交叉任职 80); a body still
// electing has no new members, so 杜家沟村 (i = 28, both bodies unfinished) has none, and
// 黄土岗村 (29) and 火车站社区 (39), whose 村委会 is unfinished, only their 党组织:
//
//   - members 370 − 9 − 5 − 4 = 352; party posts 200 − 5 = 195; committee 250 − 6 − 7 − 6 = 231;
//     交叉任职 80 − 3 × 2 = 74 (352 = 195 + 231 − 74). Rosters = 当选人数 (TestPeopleValid).
//   - 一肩挑: i%7 ≠ 3 → 34 villages, less 28, 29, 39 = 31 of the 40 due: 77.50%.
//   - women: 书记 i%10 == 7 (4) + slot 2 i%4 == 2 (10) + slot 3 i%2 == 0 (20) + slot 6 (40) +
//     slot 7 i%5 == 0 (8) + slot 9 (10) = 92, less slots 3, 6 of 28, 6, 9 of 29, 6 of 39 = 87.
//   - 35岁及以下 (35 included): slot 6 i%10 ≤ 5 (24) + slot 7 (40) + slot 9 (10) = 74, less
//     slot 7 of 28, 7 and 9 of 29, 7 of 39 = 70; 60岁及以上: slot 4 i%8 ≥ 2 (30), less 28 = 29.
//   - 大专及以上: slot 0 i%4 ≠ 3 (30) + slot 1 odd (20) + slot 2 i%3 == 0 (14) + slot 6 odd (20)
//   - slot 7 (40) + slot 9 (10) = 134, less 2 + 3 + 2 = 127.
//   - 党员 on the 村委会: 交叉 + slot 5 + slot 8 even = 140, less 4 + 3 + 3 = 130.
//   - 新任: 书记 i%3 == 2 (13) + slot 6 i%4 == 0 (10) + slot 7 (40) + slot 9 (10) = 73, less 5 = 68.
//   - 书记: 39 (not 杜家沟村), 4 women (i%10 == 7), ages 46–55; 主任: 37 (the 一肩挑 书记, else
//     slot 1), 3 women.
//
// The previous round (TermYears before) is stated in previous.go and checked here too.
func TestPeopleCounts(t *testing.T) {
	today := day(2026, 11, 25)
	b := Batch(today)
	round := Round(today)

	// Counted straight from the records, so these hold whatever the figures code does.
	type direct struct{ Members, Women, Leaderships, PartyOrgs, Complaints, Talks int }
	got := direct{Leaderships: len(b.Leaderships), PartyOrgs: len(b.PartyOrgs),
		Complaints: len(b.Complaints), Talks: len(b.Talks)}
	for _, m := range b.Members {
		if m.Round != round {
			continue
		}
		got.Members++
		if m.Gender == data.Female {
			got.Women++
		}
	}
	if want := (direct{352, 87, 1, 40, 12, 20}); got != want {
		t.Errorf("records = %+v, want %+v", got, want)
	}

	// The roster as elected: the changes during the term are TestRoundRest's.
	asElected := b
	asElected.Changes = nil
	s := data.ComputeStats(asElected, round, today)
	wantMembers := data.MemberStats{Total: 352, Party: 195, Committee: 231, Cross: 74, DualHead: 31,
		DualHeadBase: 40, DualHeadRate: 77.5, Women: 87, AvgAge: 45.5, Under35: 70, Age60Plus: 29, College: 127, CommitteeParty: 130, New: 68}
	if s.Members != wantMembers {
		t.Errorf("members = %+v\nwant      %+v", s.Members, wantMembers)
	}
	if want := (data.HeadStats{Count: 39, Women: 4, AvgAge: 50.4, College: 29}); s.Secretaries != want {
		t.Errorf("书记 = %+v, want %+v", s.Secretaries, want)
	}
	if want := (data.HeadStats{Count: 37, Women: 3, AvgAge: 49.3, College: 27}); s.Directors != want {
		t.Errorf("主任 = %+v, want %+v", s.Directors, want)
	}
	s.SetPrevious(b, round-TermYears)
	if want := (data.KeyRates{Round: round - TermYears, PartyRate: 100, CommitteeRate: 100, DualHeadRate: 50, CrossRate: 25,
		WomenRate: 23.13, Under35Rate: 7.5, CollegeRate: 26.25, AvgAge: 48}); s.Previous == nil || *s.Previous != want {
		t.Errorf("previous round = %+v, want %+v", s.Previous, want)
	}
	if want := (data.LeadershipStats{PartyCommittee: 9, Government: 4, Cross: 2}); s.Leadership != want {
		t.Errorf("leadership = %+v, want %+v", s.Leadership, want)
	}
	// The party members are the 应到会党员 of each village's party election.
	partyMembers := 0
	for _, e := range b.Elections {
		if e.Body == data.BodyParty && e.Round == round {
			partyMembers += e.Eligible
		}
	}
	// 四有: all but 杜家沟村, 黄土岗村, 槐树底村, 十里河村; 软弱涣散 杜家沟村 and 韩家坡村 (已销号).
	if want := (data.PartyStats{Orgs: 40, Members: partyMembers, FourHaves: 36, Weak: 2, WeakRectified: 1}); s.Party != want {
		t.Errorf("party = %+v, want %+v", s.Party, want)
	}
	// 属实 3 + 部分属实 2; the two 办理中 are past their deadline.
	if want := (data.PetitionStats{Total: 12, Substantiated: 5, Overdue: 2, Closed: 10}); s.Petitions != want {
		t.Errorf("petitions = %+v, want %+v", s.Petitions, want)
	}
	wantTalks := data.TalkStats{Total: 20,
		ByMode:     map[string]int{"申请约谈": 5, "主动约谈": 10, "下访约谈": 5},
		ByCategory: map[string]int{"个人诉求": 4, "汇报工作和思想": 13, "意见建议": 3}}
	if !reflect.DeepEqual(s.Talks, wantTalks) {
		t.Errorf("talks = %+v, want %+v", s.Talks, wantTalks)
	}

	// The rare characters of SPEC §1 appear in the names.
	var names strings.Builder
	for _, m := range b.Members {
		if m.Round == round {
			names.WriteString(m.Name)
		}
	}
	for _, r := range "镕堃赟喆昇珺玥彧" {
		if !strings.ContainsRune(names.String(), r) {
			t.Errorf("no member name has %c", r)
		}
	}
}

func TestPeopleUniqueKeys(t *testing.T) {
	b := Batch(day(2026, 11, 25))
	seen := map[string]bool{}
	for _, k := range func() []string {
		var ks []string
		for _, p := range b.PartyOrgs {
			ks = append(ks, "党组织/"+p.Village)
		}
		for _, c := range b.Complaints {
			ks = append(ks, "信访/"+c.No)
		}
		for _, tk := range b.Talks {
			ks = append(ks, "约谈/"+tk.No)
		}
		return ks
	}() {
		if seen[k] {
			t.Errorf("duplicate key %s", k)
		}
		seen[k] = true
	}
}
