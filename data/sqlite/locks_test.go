package sqlite

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// lockFixture is a township with records of round 2026 (to be locked) and of round 2021 /
// year 2025 (left open), some of each kind of 2026 in the recycle bin.
type lockFixture struct {
	e26, e21           data.Election
	m26, m21           data.Member
	l26                data.Leadership
	p26, p25           data.PartyOrg
	c26, c25           data.Complaint
	k26, k25           data.Talk
	binE, binM, binL   int64
	binP, binC, binK   int64
	binVillage, binTwn int64
	vil                data.Village  // 城关镇/东关村
	town               data.Township // 城关镇
}

func newLockFixture(t *testing.T, s *Store) *lockFixture {
	t.Helper()
	f := &lockFixture{}
	saveVillages(t, s, "城关镇", "东关村", "西关村", "南关村")
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	f.e26 = completed("城关镇", "东关村", data.BodyParty)
	must("election 2026", s.SaveElection(ctx, &f.e26, today))
	f.e21 = completed("城关镇", "东关村", data.BodyParty)
	f.e21.Round, f.e21.CompletedOn = 2021, day("2021-03-15")
	must("election 2021", s.SaveElection(ctx, &f.e21, today))
	f.m26 = member("城关镇", "东关村", "王镕", idNumber("19750101", 11), data.PartySecretary, data.CommitteeDirector)
	must("member 2026", s.SaveMember(ctx, &f.m26))
	f.m21 = member("城关镇", "东关村", "李堃", idNumber("19700202", 21), data.PartyMember, data.CommitteeNone)
	f.m21.Round = 2021
	must("member 2021", s.SaveMember(ctx, &f.m21))
	f.l26 = data.Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}
	must("leadership", s.SaveLeadership(ctx, &f.l26))
	f.p26, f.p25 = partyOrg("城关镇", "东关村", 2026), partyOrg("城关镇", "东关村", 2025)
	must("party 2026", s.SavePartyOrg(ctx, &f.p26))
	must("party 2025", s.SavePartyOrg(ctx, &f.p25))
	f.c26, f.c25 = complaint("城关镇", "XF-1", day("2026-03-01")), complaint("城关镇", "XF-2", day("2025-05-01"))
	must("complaint 2026", s.SaveComplaint(ctx, &f.c26))
	must("complaint 2025", s.SaveComplaint(ctx, &f.c25))
	f.k26, f.k25 = talk("城关镇", "YT-1", day("2026-04-01")), talk("城关镇", "YT-2", day("2025-04-01"))
	must("talk 2026", s.SaveTalk(ctx, &f.k26))
	must("talk 2025", s.SaveTalk(ctx, &f.k25))

	// One record of each kind of 2026 in the recycle bin.
	be := completed("城关镇", "西关村", data.BodyCommittee)
	must("bin election", s.SaveElection(ctx, &be, today))
	must("delete election", s.DeleteElection(ctx, be.ID))
	bm := member("城关镇", "西关村", "赵喆", idNumber("19800303", 31), data.PartyNone, data.CommitteeMember)
	must("bin member", s.SaveMember(ctx, &bm))
	must("delete member", s.DeleteMember(ctx, bm.ID))
	bl := data.Leadership{Township: "新城镇", Round: 2026, PartyCommittee: 1}
	must("bin township", s.SaveTownship(ctx, &data.Township{Name: "新城镇"}))
	must("bin leadership", s.SaveLeadership(ctx, &bl))
	must("delete leadership", s.DeleteLeadership(ctx, bl.ID))
	bp := partyOrg("城关镇", "西关村", 2026)
	must("bin party", s.SavePartyOrg(ctx, &bp))
	must("delete party", s.DeletePartyOrg(ctx, bp.ID))
	bc := complaint("城关镇", "XF-9", day("2026-05-01"))
	must("bin complaint", s.SaveComplaint(ctx, &bc))
	must("delete complaint", s.DeleteComplaint(ctx, bc.ID))
	bk := talk("城关镇", "YT-9", day("2026-05-01"))
	must("bin talk", s.SaveTalk(ctx, &bk))
	must("delete talk", s.DeleteTalk(ctx, bk.ID))
	f.binE, f.binM, f.binL, f.binP, f.binC, f.binK = be.ID, bm.ID, bl.ID, bp.ID, bc.ID, bk.ID
	vs, _ := s.Villages(ctx)
	for _, v := range vs {
		if v.Name == "南关村" {
			f.binVillage = v.ID
		}
		if v.Name == "东关村" {
			f.vil = v
		}
	}
	must("delete village", s.DeleteVillage(ctx, f.binVillage))
	// A township in the recycle bin (the store has no DeleteTownship; an older version had).
	if _, err := s.db.Exec(`UPDATE townships SET deleted_at = ? WHERE name = '新城镇'`, s.stamp()); err != nil {
		t.Fatal(err)
	}
	ts, _ := s.Townships(ctx)
	for _, w := range ts {
		if w.Name == "城关镇" {
			f.town = w
		}
	}
	return f
}

func TestLockRefusesEveryChangeOfTheRound(t *testing.T) {
	s := openTest(t)
	f := newLockFixture(t, s)
	rr := newRoundRestLocks(t, s)
	pw := newPartyWorkLocks(t, s)
	if err := s.Lock(ctx, 2026, "换届完成情况汇总表已上报"); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, 2026, "again"); err != nil {
		t.Fatalf("locking a locked round again: %v", err)
	}
	locks, err := s.Locks(ctx)
	if err != nil || len(locks) != 1 || locks[0].Round != 2026 || locks[0].Note != "换届完成情况汇总表已上报" ||
		locks[0].By == "" || locks[0].LockedAt.IsZero() {
		t.Fatalf("Locks = %+v, %v", locks, err)
	}
	tests := lockCasesOfRound(s, f)
	tests = append(tests, lockCasesOfEveryRound(t, s, f)...)
	tests = append(tests, rr.cases(s)...)
	tests = append(tests, pw.cases(s)...)
	checkEveryWriteMethod(t, tests)
	before := takeSnap(t, s)
	figures := roundFigures(t, s, 2026)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if !errors.Is(err, data.ErrLocked) {
				t.Fatalf("err = %v, want data.ErrLocked", err)
			}
			var le *data.LockedError
			if !errors.As(err, &le) || le.Round != 2026 {
				t.Errorf("err = %#v, want a *data.LockedError of round 2026", err)
			}
			if !strings.Contains(err.Error(), "2026年届次已上报锁定") {
				t.Errorf("message = %q, want it to name the locked round", err)
			}
		})
	}
	if after := takeSnap(t, s); !sameFullSnap(before, after) {
		t.Errorf("refused changes changed the database")
	}
	if got := roundFigures(t, s, 2026); !reflect.DeepEqual(got, figures) {
		t.Errorf("the locked round's figures changed:\n%+v\nwant\n%+v", got, figures)
	}

	// What no round's figures read of townships and villages, and the open rounds and
	// years, stay editable.
	allowed := []struct {
		name string
		do   func() error
	}{
		{"village households", func() error { v := f.vil; v.Households += 10; v.Code = "370101001001"; return s.SaveVillage(ctx, &v) }},
		{"township contact", func() error {
			w := f.town
			w.Contact, w.Phone = "张三", "0531-1234567"
			return s.SaveTownship(ctx, &w)
		}},
		{"import a village's population", func() error {
			v := f.vil
			v.ID, v.Population = 0, 2345
			_, err := s.Import(ctx, data.Batch{Villages: []data.Village{v}}, "村庄.xlsx")
			return err
		}},
		{"election of 2021", func() error { e := f.e21; e.Eligible++; return s.SaveElection(ctx, &e, today) }},
		{"member of 2021", func() error { m := f.m21; m.Phone = "13900000000"; return s.SaveMember(ctx, &m) }},
		{"party org of 2025", func() error { p := f.p25; p.Members++; return s.SavePartyOrg(ctx, &p) }},
		{"complaint of 2025", func() error { c := f.c25; c.Handling = "已答复"; return s.SaveComplaint(ctx, &c) }},
		{"talk of 2025", func() error { k := f.k25; k.Handling = "已答复"; return s.SaveTalk(ctx, &k) }},
		{"import of 2021 and 2025", func() error {
			b := villageBatch()
			e := f.e21
			e.ID, e.Elected = 0, 4
			b.Elections = []data.Election{e}
			b.Complaints = []data.Complaint{complaint("城关镇", "XF-8", day("2025-09-01"))}
			_, err := s.Import(ctx, b, "2021.xlsx")
			return err
		}},
	}
	for _, tt := range allowed {
		t.Run("allowed "+tt.name, func(t *testing.T) {
			if err := tt.do(); err != nil {
				t.Errorf("err = %v, want nil", err)
			}
		})
	}

	// Unlocking needs a reason; then the round can be changed again.
	for _, reason := range []string{"", "  \t"} {
		if err := s.Unlock(ctx, 2026, reason); err == nil || errors.Is(err, data.ErrLocked) || !strings.Contains(err.Error(), "原因") {
			t.Errorf("Unlock(%q) = %v, want a refusal asking for a reason", reason, err)
		}
	}
	if locks, _ := s.Locks(ctx); len(locks) != 1 {
		t.Errorf("a refused unlock lifted the lock: %+v", locks)
	}
	if err := s.Unlock(ctx, 2026, "发现东关村实参加人数录入错误，需更正"); err != nil {
		t.Fatal(err)
	}
	if err := s.Unlock(ctx, 2026, "再次解锁"); err == nil {
		t.Errorf("unlocking an unlocked round succeeded")
	}
	if locks, err := s.Locks(ctx); err != nil || len(locks) != 0 {
		t.Errorf("Locks after unlock = %+v, %v", locks, err)
	}
	e := f.e26
	e.Eligible++
	if err := s.SaveElection(ctx, &e, today); err != nil {
		t.Errorf("saving after unlock: %v", err)
	}

	rounds, err := s.AuditLog(ctx, data.AuditFilter{Kind: string(data.SubjectRound)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rounds) != 2 {
		t.Fatalf("round audit rows = %+v, want unlock and lock", rounds)
	}
	if u := rounds[0]; u.Action != ActionUnlock || u.Record != "2026" || !strings.Contains(u.NewValue, "发现东关村实参加人数录入错误") ||
		!strings.Contains(u.OldValue, "换届完成情况汇总表已上报") || u.OSUser == "" {
		t.Errorf("unlock audit = %+v", u)
	}
	if l := rounds[1]; l.Action != ActionLock || l.Record != "2026" || !strings.Contains(l.NewValue, "换届完成情况汇总表已上报") {
		t.Errorf("lock audit = %+v", l)
	}
}

// villageBatch is a batch of the fixture's 城关镇/东关村.
func villageBatch() data.Batch {
	return data.Batch{Villages: []data.Village{village("城关镇", "东关村")}}
}

// lockCasesOfRound are the changes of round 2026's records (of every kind but the rest of
// the round and the party work, see roundrest and partywork) a lock of the round must
// refuse.
func lockCasesOfRound(s *Store, f *lockFixture) []lockCase {
	return []lockCase{
		{"SaveElection", "new election", func() error {
			e := completed("城关镇", "西关村", data.BodyParty)
			return s.SaveElection(ctx, &e, today)
		}},
		{"SaveElection", "edit election", func() error { e := f.e26; e.Eligible++; return s.SaveElection(ctx, &e, today) }},
		{"SaveElection", "unchanged election", func() error { e := f.e26; return s.SaveElection(ctx, &e, today) }},
		{"SaveElection", "election moved into the round", func() error {
			e := f.e21
			e.Round, e.CompletedOn = 2026, day("2026-04-01")
			return s.SaveElection(ctx, &e, today)
		}},
		{"SaveElection", "election moved out of the round", func() error {
			e := f.e26
			e.Round, e.CompletedOn = 2027, time.Time{}
			e.Status = data.StatusNotStarted
			return s.SaveElection(ctx, &e, today)
		}},
		{"DeleteElection", "delete election", func() error { return s.DeleteElection(ctx, f.e26.ID) }},
		{"Restore", "restore election", func() error { return s.Restore(ctx, string(data.CodeElection), f.binE) }},
		{"SaveMember", "new member", func() error {
			m := member("城关镇", "西关村", "孙昇", idNumber("19850505", 51), data.PartyNone, data.CommitteeMember)
			return s.SaveMember(ctx, &m)
		}},
		{"SaveMember", "edit member", func() error { m := f.m26; m.Phone = "13900000000"; return s.SaveMember(ctx, &m) }},
		{"SaveMember", "member moved into the round", func() error { m := f.m21; m.Round = 2026; return s.SaveMember(ctx, &m) }},
		{"SaveMember", "member moved out of the round", func() error { m := f.m26; m.Round = 2021; return s.SaveMember(ctx, &m) }},
		{"DeleteMember", "delete member", func() error { return s.DeleteMember(ctx, f.m26.ID) }},
		{"Restore", "restore member", func() error { return s.Restore(ctx, string(data.CodeMember), f.binM) }},
		{"SaveLeadership", "edit leadership", func() error { l := f.l26; l.Government = 5; return s.SaveLeadership(ctx, &l) }},
		{"DeleteLeadership", "delete leadership", func() error { return s.DeleteLeadership(ctx, f.l26.ID) }},
		{"Restore", "restore leadership", func() error { return s.Restore(ctx, string(data.CodeLeadership), f.binL) }},
		{"SavePartyOrg", "new party org", func() error { p := partyOrg("城关镇", "西关村", 2026); return s.SavePartyOrg(ctx, &p) }},
		{"SavePartyOrg", "edit party org", func() error { p := f.p26; p.Members++; return s.SavePartyOrg(ctx, &p) }},
		{"SavePartyOrg", "party org moved into the year", func() error { p := f.p25; p.Year = 2026; return s.SavePartyOrg(ctx, &p) }},
		{"DeletePartyOrg", "delete party org", func() error { return s.DeletePartyOrg(ctx, f.p26.ID) }},
		{"Restore", "restore party org", func() error { return s.Restore(ctx, string(data.CodePartyOrg), f.binP) }},
		{"SaveComplaint", "new complaint", func() error {
			c := complaint("城关镇", "XF-3", day("2026-06-01"))
			return s.SaveComplaint(ctx, &c)
		}},
		{"SaveComplaint", "edit complaint", func() error { c := f.c26; c.Handling = "已核实"; return s.SaveComplaint(ctx, &c) }},
		{"SaveComplaint", "complaint moved into the year", func() error {
			c := f.c25
			c.Received, c.Deadline = day("2026-01-05"), day("2026-02-05")
			return s.SaveComplaint(ctx, &c)
		}},
		{"SaveComplaint", "complaint moved out of the year", func() error {
			c := f.c26
			c.Received, c.Deadline = day("2025-12-01"), day("2025-12-31")
			return s.SaveComplaint(ctx, &c)
		}},
		{"DeleteComplaint", "delete complaint", func() error { return s.DeleteComplaint(ctx, f.c26.ID) }},
		{"Restore", "restore complaint", func() error { return s.Restore(ctx, string(data.CodeComplaint), f.binC) }},
		{"SaveTalk", "new talk", func() error { k := talk("城关镇", "YT-3", day("2026-07-01")); return s.SaveTalk(ctx, &k) }},
		{"SaveTalk", "edit talk", func() error { k := f.k26; k.Handling = "已答复"; return s.SaveTalk(ctx, &k) }},
		{"SaveTalk", "talk moved into the year", func() error { k := f.k25; k.Date = day("2026-02-01"); return s.SaveTalk(ctx, &k) }},
		{"SaveTalk", "talk moved out of the year", func() error { k := f.k26; k.Date = day("2025-02-01"); return s.SaveTalk(ctx, &k) }},
		{"DeleteTalk", "delete talk", func() error { return s.DeleteTalk(ctx, f.k26.ID) }},
		{"Restore", "restore talk", func() error { return s.Restore(ctx, string(data.CodeTalk), f.binK) }},
		{"Import", "import an election", func() error {
			b := villageBatch()
			b.Elections = []data.Election{f.e21, completed("城关镇", "东关村", data.BodyCommittee)}
			b.Elections[0].ID = 0
			_, err := s.Import(ctx, b, "换届.xlsx")
			return err
		}},
		{"Import", "import an unchanged member", func() error {
			b := villageBatch()
			m := f.m26
			m.ID = 0
			b.Members = []data.Member{m}
			_, err := s.Import(ctx, b, "成员.xlsx")
			return err
		}},
		{"Import", "import a leadership", func() error {
			_, err := s.Import(ctx, data.Batch{Leaderships: []data.Leadership{{Township: "城关镇", Round: 2026, PartyCommittee: 8}}}, "班子.csv")
			return err
		}},
		{"Import", "import a party org", func() error {
			b := villageBatch()
			b.PartyOrgs = []data.PartyOrg{f.p25, partyOrg("城关镇", "东关村", 2026)}
			b.PartyOrgs[0].ID = 0
			_, err := s.Import(ctx, b, "党组织.xlsx")
			return err
		}},
		{"Import", "import a complaint", func() error {
			_, err := s.Import(ctx, data.Batch{Complaints: []data.Complaint{complaint("城关镇", "XF-7", day("2026-08-01"))}}, "信访.xlsx")
			return err
		}},
		{"Import", "import a complaint moved out of the year", func() error {
			c := f.c26
			c.ID, c.Received, c.Deadline = 0, day("2025-12-01"), day("2025-12-31")
			_, err := s.Import(ctx, data.Batch{Complaints: []data.Complaint{c}}, "信访.xlsx")
			return err
		}},
		{"Import", "import a talk", func() error {
			_, err := s.Import(ctx, data.Batch{Talks: []data.Talk{talk("城关镇", "YT-7", day("2026-08-01"))}}, "约谈.xlsx")
			return err
		}},
		{"ImportIf", "import an election, agreed", func() error {
			b := villageBatch()
			b.Elections = []data.Election{completed("城关镇", "东关村", data.BodyCommittee)}
			_, _, err := s.ImportIf(ctx, b, "换届.xlsx", nil)
			return err
		}},
		{"Import", "import a talk moved out of the year", func() error {
			k := f.k26
			k.ID, k.Date = 0, day("2025-08-01")
			_, err := s.Import(ctx, data.Batch{Talks: []data.Talk{k}}, "约谈.xlsx")
			return err
		}},
	}
}

// A lock taken by another program (another Store on the file) is seen by the next change.
func TestLockSeenByAnotherStore(t *testing.T) {
	s := openTest(t)
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	saveVillages(t, s, "城关镇", "东关村")
	if err := other.Lock(ctx, 2026, ""); err != nil {
		t.Fatal(err)
	}
	e := completed("城关镇", "东关村", data.BodyParty)
	if err := s.SaveElection(ctx, &e, today); !errors.Is(err, data.ErrLocked) {
		t.Errorf("SaveElection after another program locked = %v, want data.ErrLocked", err)
	}
	if err := s.Lock(ctx, 0, ""); err == nil {
		t.Errorf("Lock(0) succeeded")
	}
}
