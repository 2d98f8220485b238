package sqlite

import (
	"reflect"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestCheckByTownship: check taken township by township (EachTownshipVetted feeding a
// data.LedgerCheck, each part's findings put one after the other) lists what CheckLedger
// lists for the whole round, in the same order — on a city with the demo township, where
// the store has been made to hold what only an older version or a hand edit could: people
// who failed the vetting in one township sitting on rosters of others, a second 书记 and a
// second supervision 主任, records with errors.
func TestCheckByTownship(t *testing.T) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	s := openTest(t)
	city := importCity(t, s, today, demo.Scale{Townships: 4, Villages: 200})
	if _, err := s.Import(ctx, demoIn(demo.Batch(today), "演示镇"), "demo"); err != nil {
		t.Fatal(err)
	}
	round := city.Round
	whole, err := s.Ledger(ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, tw := range whole.Townships {
		names[tw.Name] = true
	}
	// Candidates (the demo township's), and people of two other townships.
	cands := whole.Candidates
	other := func(tw string) bool { return len(cands) > 0 && tw != cands[0].Township }
	var committee, party data.Member
	for _, m := range whole.Members {
		if m.IsCommittee() && other(m.Township) && committee.ID == 0 {
			committee = m
		}
		if m.IsParty() && m.PartyPost != data.PartySecretary && other(m.Township) && m.Township != committee.Township && party.ID == 0 {
			party = m
		}
	}
	var sup data.Supervisor
	for _, x := range whole.Supervisors {
		if x.Post != data.SupChair {
			sup = x
			break
		}
	}
	last := whole.Townships[len(whole.Townships)-1].Name
	if committee.ID == 0 || party.ID == 0 || sup.ID == 0 || len(cands) < 3 {
		t.Fatalf("the fixture lacks people: %v %v %v, %d candidates", committee.ID, party.ID, sup.ID, len(cands))
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	fail := `UPDATE candidates SET id_number = ?, body = ?, verdict = '不通过', reason = '违法用地' WHERE id = ?`
	exec(fail, committee.IDNumber, string(data.VetCommittee), cands[0].ID) // another township's 村委会 member
	exec(fail, party.IDNumber, string(data.VetParty), cands[1].ID)         // a third township's 党组织 member
	supCand := cands[2].ID
	for _, c := range cands {
		if c.IDNumber == sup.IDNumber && c.Body == data.VetSupervision {
			supCand = c.ID // vetted in the village already
		}
	}
	exec(fail, sup.IDNumber, string(data.VetSupervision), supCand) // a supervisor
	exec(`UPDATE members SET party_post = '书记', political = '中共党员' WHERE id = ?`, party.ID)
	exec(`UPDATE supervisors SET post = '主任' WHERE id = ?`, sup.ID)
	exec(`UPDATE members SET id_number = '110105198001010011' WHERE id = ?`, committee.ID+1) // a wrong check digit
	exec(`UPDATE townships SET phone = '电话' WHERE name = ?`, last)
	// In the township of the 村委会 member: an election with more participants than
	// eligible voters, a village without its 党组织 election, one whose 书记 stepped down,
	// one electing more than its roster holds; a leadership with too many crossed posts.
	var done []data.Election
	for _, e := range whole.Elections {
		if e.Township == committee.Township && e.Status == data.StatusCompleted && e.Body == data.BodyParty {
			done = append(done, e)
		}
	}
	if len(done) < 4 {
		t.Fatalf("%d completed elections", len(done))
	}
	exec(`UPDATE elections SET participants = eligible + 1 WHERE id = ?`, done[0].ID)
	exec(`UPDATE elections SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?`, done[1].ID)
	exec(`UPDATE members SET party_post = '委员' WHERE party_post = '书记' AND round = ? AND village_id =
		(SELECT village_id FROM elections WHERE id = ?)`, round, done[2].ID)
	exec(`UPDATE elections SET elected = elected + 1 WHERE id = ?`, done[3].ID)
	exec(`UPDATE leaderships SET cross_posts = party_committee + 1 WHERE round = ?`, round)
	// In the demo township: a candidate still 待审 after the election, a supervision
	// committee of one, a change whose leaver held no post.
	exec(`UPDATE candidates SET verdict = '待审' WHERE id = ?`, cands[3].ID)
	var small data.Supervisor
	for _, x := range whole.Supervisors {
		if x.Village != sup.Village {
			small = x
			break
		}
	}
	exec(`UPDATE supervisors SET deleted_at = '2026-01-01T00:00:00Z' WHERE id <> ? AND village_id = (SELECT village_id FROM supervisors WHERE id = ?)`,
		small.ID, small.ID)
	exec(`UPDATE changes SET leaver_id = ? WHERE id = (SELECT MIN(id) FROM changes WHERE leaver_id <> '')`, committee.IDNumber)
	exec(`UPDATE villages SET code = 'X' WHERE id = (SELECT MAX(id) FROM villages)`)

	if whole, err = s.Ledger(ctx, round); err != nil {
		t.Fatal(err)
	}
	want := data.CheckLedger(whole, round, today)
	var parts [data.CheckParts][]data.LedgerFinding
	chk := data.NewLedgerCheck(round, today, func(part int, f data.LedgerFinding) { parts[part] = append(parts[part], f) })
	adds := 0
	if err := s.EachTownshipVetted(ctx, round, chk.Vetted, func(l data.Ledger) error {
		chk.Add(l)
		adds++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var got []data.LedgerFinding
	empty := []int{}
	for i, p := range parts {
		got = append(got, p...)
		if len(p) == 0 {
			empty = append(empty, i)
		}
	}
	if adds != len(names) {
		t.Errorf("%d townships added, the round has %d", adds, len(names))
	}
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < max(len(got), len(want)); i++ {
			var g, w data.LedgerFinding
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Fatalf("finding %d of %d/%d: by township %q, whole %q", i, len(got), len(want), g, w)
			}
		}
	}
	// Not a test unless the parts that hold findings of several townships, and the vetting
	// rule across townships, have some.
	t.Logf("%d findings; parts without any: %v", len(want), empty)
	for _, p := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 16, 17, 18} {
		if len(parts[p]) == 0 {
			t.Errorf("part %d has no finding: not a test", p)
		}
	}
	if len(parts[13]) < 2 || len(parts[14]) != 1 {
		t.Errorf("vetting conflicts: %d members, %d supervisors", len(parts[13]), len(parts[14]))
	}
}
