package sqlite

import (
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// twoVillages stores a township with two villages and their 2026 elections, returning the
// batch it imported.
func twoVillages(t *testing.T, s *Store) data.Batch {
	t.Helper()
	b := data.Batch{Villages: []data.Village{village("城关镇", "东村"), village("城关镇", "西村")}}
	for _, v := range b.Villages {
		for _, body := range data.Bodies {
			b.Elections = append(b.Elections, completed(v.Township, v.Name, body))
		}
	}
	if _, err := s.Import(ctx, b, "城关镇.xlsx"); err != nil {
		t.Fatal(err)
	}
	return b
}

// withoutTurnout is b's elections as read from a sheet with no 应参加人数 and 实参加人数
// columns: those fields empty, and named as absent.
func withoutTurnout(b data.Batch) data.Batch {
	out := data.Batch{Absent: map[data.KindCode][]string{data.CodeElection: {"应参加人数", "实参加人数"}}}
	for _, e := range b.Elections {
		e.Eligible, e.Participants = 0, 0
		out.Elections = append(out.Elections, e)
	}
	return out
}

func TestImportKeepsAbsentColumns(t *testing.T) {
	s := openTest(t)
	tick(s)
	b := twoVillages(t, s)

	// The same file without the two columns changes nothing.
	res, err := s.Import(ctx, withoutTurnout(b), "城关镇-换届.csv")
	if err != nil {
		t.Fatalf("import without the columns: %v", err)
	}
	if want := (data.ImportResult{Unchanged: 4}); res != want {
		t.Errorf("import without the columns = %+v, want %+v", res, want)
	}
	es, _ := s.Elections(ctx, 2026)
	for _, e := range es {
		if e.Eligible != 100 || e.Participants != 92 {
			t.Errorf("%s/%s: 应参加 %d 实参加 %d after importing a file without them, want 100 and 92 as stored", e.Village, e.Body, e.Eligible, e.Participants)
		}
	}

	// Another field changed: only it changes; a new record has the absent fields empty.
	b2 := withoutTurnout(b)
	b2.Elections[0].Candidates = 6
	fresh := completed("城关镇", "东村", data.BodyParty)
	fresh.Round, fresh.Status, fresh.CompletedOn = 2029, data.StatusInProgress, time.Time{}
	fresh.Eligible, fresh.Participants = 0, 0
	b2.Elections = append(b2.Elections, fresh)
	res, err = s.Import(ctx, b2, "城关镇-换届.csv")
	if err != nil {
		t.Fatalf("second import: %v", err)
	}
	if want := (data.ImportResult{Inserted: 1, Updated: 1, Unchanged: 3}); res != want {
		t.Errorf("second import = %+v, want %+v", res, want)
	}
	es, _ = s.Elections(ctx, 2026)
	if e := es[0]; e.Candidates != 6 || e.Eligible != 100 || e.Participants != 92 {
		t.Errorf("updated election = 候选 %d 应参加 %d 实参加 %d, want 6, 100, 92", e.Candidates, e.Eligible, e.Participants)
	}
	a := mustAudit(t, s)
	if !strings.Contains(a[2].NewValue, `"候选人数":6`) || a[2].Action != ActionUpdate || len(data.AuditDiff(a[2].OldValue, a[2].NewValue)) != 1 {
		t.Errorf("audit of the update = %+v, want one field changed (候选人数)", a[2])
	}
	if es, _ := s.Elections(ctx, 2029); len(es) != 1 || es[0].Eligible != 0 || es[0].Participants != 0 {
		t.Errorf("new election = %+v, want its absent fields empty", es)
	}
}

// The rules judge the record as it will be stored: a file without 实参加人数 whose 应参加人数
// falls below the stored 实参加人数 is refused, and one that does not is accepted.
func TestImportChecksRecordWithKeptFields(t *testing.T) {
	s := openTest(t)
	b := twoVillages(t, s)
	b2 := data.Batch{Absent: map[data.KindCode][]string{data.CodeElection: {"实参加人数"}}}
	e := b.Elections[0]
	e.Participants, e.Eligible = 0, 90 // stored: 92 took part
	b2.Elections = []data.Election{e}
	before := len(mustAudit(t, s))
	if _, err := s.Import(ctx, b2, "x.csv"); err == nil || !strings.Contains(err.Error(), "实参加") {
		t.Errorf("import lowering 应参加人数 below the kept 实参加人数: err = %v, want a refusal naming 实参加", err)
	}
	if after := len(mustAudit(t, s)); after != before {
		t.Errorf("refused import wrote %d audit rows", after-before)
	}
	b2.Elections[0].Eligible = 95
	if res, err := s.Import(ctx, b2, "x.csv"); err != nil || res.Updated != 1 {
		t.Fatalf("import = %+v, %v; want one update", res, err)
	}
	if es, _ := s.Elections(ctx, 2026); es[0].Eligible != 95 || es[0].Participants != 92 {
		t.Errorf("election = 应参加 %d 实参加 %d, want 95 and the kept 92", es[0].Eligible, es[0].Participants)
	}
}

func TestKeepStored(t *testing.T) {
	s := openTest(t)
	b := twoVillages(t, s)
	in := withoutTurnout(b)
	got, err := s.KeepStored(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range got.Elections {
		if e.Eligible != 100 || e.Participants != 92 {
			t.Errorf("KeepStored election %d: 应参加 %d 实参加 %d, want the stored 100 and 92", i, e.Eligible, e.Participants)
		}
		if in.Elections[i].Eligible != 0 {
			t.Errorf("KeepStored changed its argument's election %d", i)
		}
	}
	if plain, _ := s.KeepStored(ctx, b); plain.Elections[0].Eligible != b.Elections[0].Eligible {
		t.Errorf("KeepStored of a batch lacking no column changed it")
	}
}

func TestPlanImportWritesNothing(t *testing.T) {
	s := openTest(t)
	tick(s)
	b := twoVillages(t, s)
	before := snap(t, s)

	b2 := data.Batch{Villages: b.Villages, Elections: append([]data.Election(nil), b.Elections...)}
	b2.Elections[1].Participants = 80 // 东村 村委会: a figure changed
	// 西村 党组织: stored values blanked, as by a column left empty.
	b2.Elections[2].Status, b2.Elections[2].CompletedOn = data.StatusInProgress, time.Time{}
	b2.Elections[2].Eligible, b2.Elections[2].Participants = 0, 0
	b2.Villages = append(b2.Villages, village("城关镇", "南村"))
	plan, err := s.PlanImport(ctx, b2, "城关镇.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Inserted: 1, Updated: 2, Unchanged: 4}); plan.ImportResult != want {
		t.Errorf("plan = %+v, want %+v", plan.ImportResult, want)
	}
	var lines []string
	for _, c := range plan.Changes {
		lines = append(lines, c.String())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"城关镇/东村/2026/村委会 实参加人数：92 → 80",
		"城关镇/西村/2026/党组织 应参加人数：100 → 0",
		"城关镇/西村/2026/党组织 状态：已完成 → 进行中",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("plan changes lack %q; got:\n%s", want, got)
		}
	}
	var blanks []string
	for _, c := range plan.Blanked() {
		blanks = append(blanks, c.Header)
	}
	if strings.Join(blanks, ",") != "完成日期,应参加人数,实参加人数" {
		t.Errorf("plan blanks = %v, want 完成日期, 应参加人数 and 实参加人数 of 西村", blanks)
	}
	if after := snap(t, s); !sameSnapshot(before, after) {
		t.Errorf("PlanImport wrote: audit rows %d → %d, updated_at %s → %s", before.audit, after.audit, before.updated, after.updated)
	}

	// A plan of a file the import would refuse is refused the same way, writing nothing.
	bad := data.Batch{Elections: []data.Election{completed("城关镇", "北村", data.BodyParty)}}
	if _, err := s.PlanImport(ctx, bad, "bad.xlsx"); err == nil {
		t.Error("PlanImport of an election of an unknown village succeeded")
	}
	if after := snap(t, s); !sameSnapshot(before, after) {
		t.Error("refused PlanImport wrote")
	}
}

func TestImportIf(t *testing.T) {
	s := openTest(t)
	tick(s)
	b := twoVillages(t, s)
	b2 := data.Batch{Elections: append([]data.Election(nil), b.Elections...)}
	b2.Elections[0].Candidates = 0 // a stored 7 blanked
	before := snap(t, s)
	var asked data.ImportPlan
	plan, committed, err := s.ImportIf(ctx, b2, "x.xlsx", func(p data.ImportPlan) bool { asked = p; return len(p.Blanked()) == 0 })
	if err != nil || committed || plan.Updated != 1 || len(asked.Blanked()) != 1 {
		t.Fatalf("ImportIf refusing blanks = %+v, committed %v, %v; asked with %+v", plan, committed, err, asked)
	}
	if after := snap(t, s); !sameSnapshot(before, after) {
		t.Error("ImportIf wrote what its ok refused")
	}
	plan, committed, err = s.ImportIf(ctx, b2, "x.xlsx", nil)
	if err != nil || !committed || plan.Updated != 1 {
		t.Fatalf("ImportIf(nil) = %+v, committed %v, %v", plan, committed, err)
	}
	if es, _ := s.Elections(ctx, 2026); es[0].Candidates != 0 {
		t.Errorf("committed import left 候选人数 %d", es[0].Candidates)
	}
}

// Members from a sheet without the post columns keep their posts: the record rules (at
// least one post) and the village's one 书记 are judged on the kept posts, and a new member
// without a post is refused as it would be anyway.
func TestImportMembersWithoutPostColumns(t *testing.T) {
	s := openTest(t)
	twoVillages(t, s)
	sec := member("城关镇", "东村", "王珺", idNumber("19800101", 1), data.PartySecretary, data.CommitteeNone)
	dir := member("城关镇", "东村", "李玥", idNumber("19850101", 2), data.PartyNone, data.CommitteeDirector)
	if _, err := s.Import(ctx, data.Batch{Members: []data.Member{sec, dir}}, "成员.xlsx"); err != nil {
		t.Fatal(err)
	}
	absent := map[data.KindCode][]string{data.CodeMember: {"党组织职务", "村委会职务"}}
	noPosts := func(ms ...data.Member) data.Batch {
		b := data.Batch{Absent: absent}
		for _, m := range ms {
			m.PartyPost, m.CommitteePost = data.PartyNone, data.CommitteeNone
			b.Members = append(b.Members, m)
		}
		return b
	}
	sec.Phone = "13900000000"
	res, err := s.Import(ctx, noPosts(sec, dir), "成员-电话.xlsx")
	if err != nil {
		t.Fatalf("import without the post columns: %v", err)
	}
	if res.Updated != 1 || res.Unchanged != 1 {
		t.Errorf("result = %+v, want 王珺's phone updated and 李玥 unchanged", res)
	}
	ms, _ := s.Members(ctx, 2026)
	for _, m := range ms {
		if (m.Name == "王珺" && (m.PartyPost != data.PartySecretary || m.Phone != "13900000000")) || (m.Name == "李玥" && m.CommitteePost != data.CommitteeDirector) {
			t.Errorf("member %s = %s/%s %s, want the posts kept", m.Name, m.PartyPost, m.CommitteePost, m.Phone)
		}
	}
	fresh := member("城关镇", "东村", "赵赟", idNumber("19900101", 3), data.PartyMember, data.CommitteeNone)
	if _, err := s.Import(ctx, noPosts(fresh), "新成员.xlsx"); err == nil {
		t.Error("a new member without posts (their columns absent) was accepted")
	}
}
