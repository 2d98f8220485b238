package sqlite

import (
	"errors"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// snapshot is everything the store lists, to compare before and after.
type snapshot struct {
	townships []data.Township
	villages  []data.Village
	elections []data.Election
	audit     int
	updated   string // max(updated_at) over the record tables
}

func snap(t *testing.T, s *Store) snapshot {
	t.Helper()
	var sn snapshot
	var err error
	if sn.townships, err = s.Townships(ctx); err != nil {
		t.Fatal(err)
	}
	if sn.villages, err = s.Villages(ctx); err != nil {
		t.Fatal(err)
	}
	if sn.elections, err = s.Elections(ctx, 0); err != nil {
		t.Fatal(err)
	}
	sn.audit = len(mustAudit(t, s))
	if err := s.db.QueryRow(`SELECT coalesce(max(u), '') FROM (SELECT max(updated_at) u FROM townships
		UNION ALL SELECT max(updated_at) FROM villages UNION ALL SELECT max(updated_at) FROM elections)`).Scan(&sn.updated); err != nil {
		t.Fatal(err)
	}
	return sn
}

func sameSnapshot(a, b snapshot) bool {
	if len(a.townships) != len(b.townships) || len(a.villages) != len(b.villages) || a.audit != b.audit || a.updated != b.updated {
		return false
	}
	for i := range a.townships {
		if a.townships[i] != b.townships[i] {
			return false
		}
	}
	for i := range a.villages {
		if a.villages[i] != b.villages[i] {
			return false
		}
	}
	return equalElections(a.elections, b.elections)
}

// tick moves the store's clock on by a second per call, so a rewritten row would show a
// new updated_at.
func tick(s *Store) {
	t := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { t = t.Add(time.Second); return t }
}

func TestImportIdempotent(t *testing.T) {
	s := openTest(t)
	tick(s)
	b := genBatch(200) // 3 townships, 200 villages, 400 elections
	res, err := s.Import(ctx, b, "全市.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Inserted: b.Len()}); res != want {
		t.Errorf("first import = %+v, want %+v", res, want)
	}
	audit := mustAudit(t, s)
	if len(audit) != b.Len()+1 {
		t.Errorf("first import wrote %d audit rows, want %d (one per record and one for the file)", len(audit), b.Len()+1)
	}
	if a := audit[0]; a.Action != ActionImport || a.Kind != string(data.SubjectFile) || a.Record != "全市.xlsx" || a.NewValue != `{"新增":603,"更新":0,"未变":0}` {
		t.Errorf("file audit row = %+v", a)
	}
	if a := audit[1]; a.Source != "全市.xlsx" || a.Action != ActionCreate {
		t.Errorf("record audit row = %+v", a)
	}
	first := snap(t, s)
	if len(first.villages) != 200 || len(first.elections) != 400 || len(first.townships) != 3 {
		t.Fatalf("after import: %d townships, %d villages, %d elections", len(first.townships), len(first.villages), len(first.elections))
	}

	res, err = s.Import(ctx, b, "全市.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Unchanged: b.Len()}); res != want {
		t.Errorf("second import = %+v, want %+v", res, want)
	}
	second := snap(t, s)
	if second.audit != first.audit+1 {
		t.Errorf("second import wrote %d audit rows, want only the file row", second.audit-first.audit)
	}
	second.audit = first.audit
	if !sameSnapshot(first, second) {
		t.Errorf("second import changed the data (updated_at %s → %s)", first.updated, second.updated)
	}

	// A newer file of one township: one village and one election changed, one election new.
	b2 := data.Batch{Villages: []data.Village{b.Villages[0]}, Elections: []data.Election{b.Elections[0], b.Elections[1]}}
	b2.Villages[0].Population = 999
	b2.Elections[0].Participants = 95
	b2.Elections = append(b2.Elections, completed(b.Villages[0].Township, b.Villages[0].Name, data.BodyParty))
	b2.Elections[2].Round = 2021
	b2.Elections[2].CompletedOn = day("2021-04-02")
	res, err = s.Import(ctx, b2, "第1镇.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Inserted: 1, Updated: 2, Unchanged: 1}); res != want {
		t.Errorf("partial import = %+v, want %+v", res, want)
	}
	audit = mustAudit(t, s)
	if got := []string{audit[0].Action, audit[1].Action, audit[2].Action, audit[3].Action}; strings.Join(got, ",") != "import,create,update,update" {
		t.Errorf("partial import audit actions = %v", got)
	}
	if rounds, _ := s.Rounds(ctx); len(rounds) != 2 || rounds[0] != 2026 || rounds[1] != 2021 {
		t.Errorf("Rounds = %v, want [2026 2021]", rounds)
	}
	if es, _ := s.Elections(ctx, 2021); len(es) != 1 || es[0].CompletedOn != day("2021-04-02") {
		t.Errorf("Elections(2021) = %+v", es)
	}
}

func TestImportUnknownVillageWritesNothing(t *testing.T) {
	s := openTest(t)
	if _, err := s.Import(ctx, genBatch(10), "a.xlsx"); err != nil {
		t.Fatal(err)
	}
	deleted := genBatch(10).Villages[9]
	vs, _ := s.Villages(ctx)
	for _, v := range vs {
		if v.Name == deleted.Name {
			if err := s.DeleteVillage(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	good := genBatch(12) // changes nothing of the first ten, adds two villages
	tests := []struct {
		name    string
		b       data.Batch
		wantErr string
		wantIs  error
	}{
		{"unknown village", data.Batch{
			Villages:  good.Villages,
			Elections: append(append([]data.Election(nil), good.Elections...), completed("第1镇", "无此村", data.BodyParty)),
		}, "村庄“第1镇/无此村”不存在", data.ErrUnknownVillage},
		{"unknown township", data.Batch{
			Villages:  good.Villages,
			Elections: []data.Election{completed("第9镇", "1号村", data.BodyParty)},
		}, "村庄“第9镇/1号村”不存在", data.ErrUnknownVillage},
		{"village in the recycle bin", data.Batch{
			Elections: []data.Election{completed(deleted.Township, deleted.Name, data.BodyCommittee)},
		}, "在回收站中", data.ErrUnknownVillage},
		{"village twice", data.Batch{Villages: []data.Village{good.Villages[11], good.Villages[11]}}, "出现了不止一次", data.ErrDuplicate},
		{"invalid election", data.Batch{Villages: good.Villages, Elections: []data.Election{{Township: "第1镇", Village: "1号村", Round: 2026,
			Body: data.BodyCommittee, Status: data.StatusCompleted, CompletedOn: day("2026-03-01"), Eligible: 10, Participants: 11}}},
			"不能多于应参加人数", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snap(t, s)
			res, err := s.Import(ctx, tt.b, "坏文件.xlsx")
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Import error = %v, want %q", err, tt.wantErr)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if res != (data.ImportResult{}) {
				t.Errorf("a failed import reported %+v", res)
			}
			if after := snap(t, s); !sameSnapshot(before, after) {
				t.Errorf("a failed import changed the database")
			}
		})
	}
}

func TestSoftDeleteAndRevive(t *testing.T) {
	s := openTest(t)
	b := genBatch(3)
	if _, err := s.Import(ctx, b, "a.xlsx"); err != nil {
		t.Fatal(err)
	}
	vs, _ := s.Villages(ctx)
	gone := vs[0]
	if err := s.DeleteVillage(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVillage(ctx, gone.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting twice = %v, want ErrNotFound", err)
	}
	es, _ := s.Elections(ctx, 2026)
	if len(es) != 4 {
		t.Errorf("after deleting a village %d elections listed, want 4", len(es))
	}
	for _, e := range es {
		if e.Village == gone.Name {
			t.Errorf("election of the deleted village still listed: %+v", e)
		}
	}
	if bin, _ := s.DeletedVillages(ctx); len(bin) != 1 || bin[0] != gone {
		t.Errorf("DeletedVillages = %+v, want [%+v]", bin, gone)
	}
	if vs2, _ := s.Villages(ctx); len(vs2) != 2 {
		t.Errorf("Villages after delete = %d, want 2", len(vs2))
	}
	// A deleted village's election can't be saved.
	e := completed(gone.Township, gone.Name, data.BodyParty)
	if err := s.SaveElection(ctx, &e, today); !errors.Is(err, data.ErrUnknownVillage) {
		t.Errorf("saving an election of a deleted village = %v, want data.ErrUnknownVillage", err)
	}
	// Saving a new village with the deleted one's key restores it (same ID).
	again := village(gone.Township, gone.Name)
	again.Population = 7
	if err := s.SaveVillage(ctx, &again); err != nil || again.ID != gone.ID {
		t.Fatalf("re-saving the deleted village: id %d (want %d), %v", again.ID, gone.ID, err)
	}
	if a := mustAudit(t, s)[0]; a.Action != ActionRestore || a.Kind != string(data.CodeVillage) {
		t.Errorf("audit after revive = %+v", a)
	}
	if es, _ := s.Elections(ctx, 2026); len(es) != 6 {
		t.Errorf("after reviving %d elections listed, want 6", len(es))
	}

	// Delete an election and the village again; a re-import revives both.
	es, _ = s.Elections(ctx, 2026)
	if err := s.DeleteElection(ctx, es[1].ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.DeletedElections(ctx); len(bin) != 1 || bin[0] != es[1] {
		t.Errorf("DeletedElections = %+v, want [%+v]", bin, es[1])
	}
	if err := s.DeleteVillage(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreElection(ctx, es[0].ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("restoring an election that is not deleted = %v", err)
	}
	res, err := s.Import(ctx, b, "a.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	// The village (deleted) and the deleted election come back; the village's population
	// returns to the file's value.
	if want := (data.ImportResult{Inserted: 2, Unchanged: b.Len() - 2}); res != want {
		t.Errorf("re-import = %+v, want %+v", res, want)
	}
	after := snap(t, s)
	if len(after.villages) != 3 || len(after.elections) != 6 || after.villages[0].Population != b.Villages[0].Population {
		t.Errorf("after re-import: %+v", after.villages)
	}
	if bin, _ := s.DeletedVillages(ctx); len(bin) != 0 {
		t.Errorf("recycle bin still holds %+v", bin)
	}
	// Restore by hand.
	if err := s.DeleteVillage(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreVillage(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.Villages(ctx); len(vs) != 3 {
		t.Errorf("after RestoreVillage %d villages", len(vs))
	}
}

func BenchmarkImport(b *testing.B) {
	batch := genBatch(5000) // 5,000 villages, 10,000 elections, 63 townships
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openTest(b)
		b.StartTimer()
		res, err := s.Import(ctx, batch, "全市.xlsx")
		if err != nil || res.Inserted != batch.Len() {
			b.Fatalf("Import = %+v, %v", res, err)
		}
	}
}

func BenchmarkReimport(b *testing.B) {
	batch := genBatch(5000)
	s := openTest(b)
	if _, err := s.Import(ctx, batch, "全市.xlsx"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res, err := s.Import(ctx, batch, "全市.xlsx"); err != nil || res.Unchanged != batch.Len() {
			b.Fatalf("Import = %+v, %v", res, err)
		}
	}
}

func BenchmarkElections(b *testing.B) {
	s := openTest(b)
	if _, err := s.Import(ctx, genBatch(5000), "全市.xlsx"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if es, err := s.Elections(ctx, 2026); err != nil || len(es) != 10000 {
			b.Fatalf("Elections = %d, %v", len(es), err)
		}
		if vs, err := s.Villages(ctx); err != nil || len(vs) != 5000 {
			b.Fatalf("Villages = %d, %v", len(vs), err)
		}
	}
}
