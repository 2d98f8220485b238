package sqlite

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"liangwei/data"
)

func TestImportAllKindsIdempotent(t *testing.T) {
	s := openTest(t)
	tick(s)
	b := genCity(100, 4) // 2 townships, 100 villages, 200 elections, 400 members, 100 party rows, 2 leaderships, 4 complaints, 4 talks
	// A township named only by a talk is created.
	b.Talks = append(b.Talks, talk("柳埠街道", "YT-9", day("2026-07-01")))
	res, err := s.Import(ctx, b, "全市.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Inserted: b.Len()}); res != want {
		t.Errorf("first import = %+v, want %+v", res, want)
	}
	if got := len(mustAudit(t, s)); got != b.Len()+2 {
		t.Errorf("first import wrote %d audit rows, want %d (one per record, the created township and the file)", got, b.Len()+2)
	}
	first := takeSnap(t, s)
	l := withoutIDs(takeSnap(t, s).ledger) // a second read: withoutIDs changes the slices
	if len(l.Townships) != 3 || len(l.Members) != 400 || len(l.PartyOrgs) != 100 || len(l.Leaderships) != 2 ||
		len(l.Complaints) != 4 || len(l.Talks) != 5 {
		t.Fatalf("after import: %d townships, %d members, %d party rows, %d leaderships, %d complaints, %d talks",
			len(l.Townships), len(l.Members), len(l.PartyOrgs), len(l.Leaderships), len(l.Complaints), len(l.Talks))
	}
	// What is read back is what was imported (members with 性别 and 出生日期 from the ID).
	// The store lists by township and village name (byte order: 10号村 before 1号村), then
	// in entry order.
	want := make([]data.Member, len(b.Members))
	copy(want, b.Members)
	for i := range want {
		want[i].FillFromID()
	}
	sort.SliceStable(want, func(i, j int) bool {
		return want[i].Township+"/"+want[i].Village < want[j].Township+"/"+want[j].Village
	})
	if !reflect.DeepEqual(l.Members, want) {
		t.Errorf("members read back differ: first %+v, want %+v", l.Members[0], want[0])
	}
	orgs := append([]data.PartyOrg(nil), b.PartyOrgs...)
	sort.SliceStable(orgs, func(i, j int) bool {
		return orgs[i].Township+"/"+orgs[i].Village < orgs[j].Township+"/"+orgs[j].Village
	})
	if !reflect.DeepEqual(l.PartyOrgs, orgs) || !reflect.DeepEqual(l.Leaderships, b.Leaderships) {
		t.Errorf("party ledger or leaderships read back differ")
	}

	res, err = s.Import(ctx, b, "全市.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Unchanged: b.Len()}); res != want {
		t.Errorf("second import = %+v, want %+v", res, want)
	}
	second := takeSnap(t, s)
	if second.audit != first.audit+1 {
		t.Errorf("second import wrote %d audit rows, want only the file row", second.audit-first.audit)
	}
	second.audit = first.audit
	if !sameFullSnap(first, second) {
		t.Errorf("second import changed the data (updated_at %s → %s)", first.updated, second.updated)
	}

	// A newer file: one member changed, two members swap 书记 (allowed: the final state has
	// one 书记), one complaint closed, one talk new.
	v := b.Villages[0]
	m0, m1 := b.Members[0], b.Members[1] // 书记+主任, 副书记
	m0.PartyPost, m1.PartyPost = data.PartyDeputy, data.PartySecretary
	m1.Phone = "13999999999"
	c := b.Complaints[0]
	c.Result, c.Replied = data.ResUnfounded, c.Received.AddDate(0, 0, 10)
	b2 := data.Batch{Members: []data.Member{m1, m0}, Complaints: []data.Complaint{c},
		Talks: []data.Talk{talk(v.Township, "YT-3", day("2026-08-08"))}}
	res, err = s.Import(ctx, b2, "第1镇.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.ImportResult{Inserted: 1, Updated: 3}); res != want {
		t.Errorf("newer file = %+v, want %+v", res, want)
	}
	posts := map[string]data.Member{}
	ms, _ := s.Members(ctx, 2026)
	for _, m := range ms {
		if m.VillageKey() == v.Key() {
			posts[m.Name] = m
		}
	}
	if a, b := posts[m0.Name], posts[m1.Name]; a.PartyPost != data.PartyDeputy || b.PartyPost != data.PartySecretary || b.Phone != "13999999999" {
		t.Errorf("after the swap: %+v / %+v", a, b)
	}
	if a := mustAudit(t, s); a[0].Action != ActionImport || a[1].Kind != string(data.CodeTalk) || a[2].Kind != string(data.CodeComplaint) || a[3].Kind != string(data.CodeMember) ||
		a[3].Source != "第1镇.xlsx" || a[3].Action != ActionUpdate {
		t.Errorf("audit rows = %+v", a[:4])
	}
}

func TestImportAllOrNothing(t *testing.T) {
	s := openTest(t)
	base := genCity(10, 3)
	if _, err := s.Import(ctx, base, "a.xlsx"); err != nil {
		t.Fatal(err)
	}
	deleted := base.Villages[9] // 10号村
	vs, _ := s.Villages(ctx)
	for _, v := range vs {
		if v.Name == deleted.Name {
			if err := s.DeleteVillage(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The good batch: villages 1–9 unchanged, 10号村 left out (it stays in the recycle bin),
	// 11号村 new with its three members and party row.
	good := genCity(11, 3)
	with := func(f func(b *data.Batch)) data.Batch {
		b := data.Batch{Townships: good.Townships,
			Villages:    append(append([]data.Village(nil), good.Villages[:9]...), good.Villages[10]),
			Elections:   good.Elections[:18],
			Members:     append(append([]data.Member(nil), good.Members[:27]...), good.Members[30:33]...),
			PartyOrgs:   append(append([]data.PartyOrg(nil), good.PartyOrgs[:9]...), good.PartyOrgs[10]),
			Leaderships: good.Leaderships, Complaints: append([]data.Complaint(nil), good.Complaints...), Talks: good.Talks}
		f(&b)
		return b
	}
	badID := member("第1镇", "1号村", "坏号码", idNumber("19800101", 901)[:17]+"Y", data.PartyNone, data.CommitteeMember)
	secondSec := member("第1镇", "2号村", "吴堃", idNumber("19820707", 902), data.PartySecretary, data.CommitteeNone)
	tests := []struct {
		name    string
		b       data.Batch
		wantErr string
		wantIs  error
	}{
		{"bad member row", with(func(b *data.Batch) { b.Members = append(b.Members, badID) }), "身份证号", nil},
		{"member of an unknown village", with(func(b *data.Batch) {
			b.Members = append(b.Members, member("第1镇", "无此村", "某", idNumber("19800101", 903), data.PartyNone, data.CommitteeMember))
		}), "村庄“第1镇/无此村”不存在", data.ErrUnknownVillage},
		{"member of a village in the recycle bin", with(func(b *data.Batch) {
			b.Members = append(b.Members, member(deleted.Township, deleted.Name, "某", idNumber("19800101", 904), data.PartyNone, data.CommitteeMember))
		}), "在回收站中", data.ErrUnknownVillage},
		{"party row of an unknown village", with(func(b *data.Batch) { b.PartyOrgs = append(b.PartyOrgs, partyOrg("第2镇", "1号村", 2026)) }),
			"村庄“第2镇/1号村”不存在", data.ErrUnknownVillage},
		{"complaint naming a village of another township", with(func(b *data.Batch) {
			c := complaint("柳埠街道", "XF-1", day("2026-05-05"))
			c.Village = "1号村"
			b.Complaints = append(b.Complaints, c)
		}), "村庄“柳埠街道/1号村”不存在", data.ErrUnknownVillage},
		{"second 书记 against the database", with(func(b *data.Batch) { b.Members = append(b.Members, secondSec) }),
			"有不止一名书记", data.ErrPostTaken},
		{"member twice", with(func(b *data.Batch) { b.Members = append(b.Members, b.Members[0]) }), "出现了不止一次", data.ErrDuplicate},
		{"talk twice", with(func(b *data.Batch) { b.Talks = append(b.Talks, b.Talks[0]) }), "出现了不止一次", data.ErrDuplicate},
		{"invalid party row", with(func(b *data.Batch) { b.PartyOrgs[0].Women = 99 }), "不能多于党员数", nil},
		{"invalid leadership", with(func(b *data.Batch) {
			b.Leaderships = []data.Leadership{{Township: "第1镇", Round: 2026, PartyCommittee: 1, Government: 1, Cross: 2}}
		}), "交叉任职数", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := takeSnap(t, s)
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
			if after := takeSnap(t, s); !sameFullSnap(before, after) {
				t.Errorf("a failed import changed the database")
			}
		})
	}
	// The second-书记 message names both holders.
	_, err := s.Import(ctx, data.Batch{Members: []data.Member{secondSec}}, "b.xlsx")
	if err == nil || !strings.Contains(err.Error(), "成员0") || !strings.Contains(err.Error(), "吴堃") {
		t.Errorf("second 书记 error = %v, want both names", err)
	}
	// The good batch goes in.
	if res, err := s.Import(ctx, with(func(*data.Batch) {}), "c.xlsx"); err != nil || res.Inserted != 1+3+1 {
		t.Errorf("good import = %+v, %v; want 1 village, 3 members and 1 party row inserted", res, err)
	}
}

func TestLedgerRound(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村", "西关村", "老村")
	merged := village("城关镇", "并村")
	merged.Status = data.VillageMerged
	b := data.Batch{Villages: []data.Village{merged}}
	for _, round := range []int{2021, 2026} {
		b.Elections = append(b.Elections, completed("城关镇", "东关村", data.BodyParty))
		b.Elections[len(b.Elections)-1].Round = round
		b.Elections[len(b.Elections)-1].CompletedOn = day(itoa(round) + "-03-15")
		b.Members = append(b.Members,
			member("城关镇", "东关村", "王镕"+itoa(round), idNumber("19700101", round%100), data.PartySecretary, data.CommitteeDirector),
			member("城关镇", "老村", "李玥"+itoa(round), idNumber("19800101", round%100+2), data.PartyNone, data.CommitteeMember))
		b.Members[len(b.Members)-2].Round = round
		b.Members[len(b.Members)-1].Round = round
		b.Leaderships = append(b.Leaderships, data.Leadership{Township: "城关镇", Round: round, PartyCommittee: 9, Government: 4, Cross: 2})
		b.PartyOrgs = append(b.PartyOrgs, partyOrg("城关镇", "东关村", round), partyOrg("城关镇", "老村", round))
	}
	for i, d := range []string{"2025-12-31", "2026-01-01", "2026-12-31", "2027-01-01"} {
		b.Complaints = append(b.Complaints, complaint("城关镇", "XF-"+itoa(i), day(d)))
		b.Talks = append(b.Talks, talk("城关镇", "YT-"+itoa(i), day(d)))
	}
	if _, err := s.Import(ctx, b, "a.xlsx"); err != nil {
		t.Fatal(err)
	}
	// 老村 goes to the recycle bin: its members and party rows leave every ledger.
	vs, _ := s.Villages(ctx)
	for _, v := range vs {
		if v.Name == "老村" {
			if err := s.DeleteVillage(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	l, err := s.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	names := func(n int, f func(i int) string) string {
		var out []string
		for i := 0; i < n; i++ {
			out = append(out, f(i))
		}
		return strings.Join(out, ",")
	}
	checks := []struct{ what, got, want string }{
		{"villages", names(len(l.Villages), func(i int) string { return l.Villages[i].Name }), "东关村,并村,西关村"},
		{"elections", names(len(l.Elections), func(i int) string { return itoa(l.Elections[i].Round) }), "2026"},
		{"members", names(len(l.Members), func(i int) string { return l.Members[i].Name }), "王镕2026"},
		{"leaderships", names(len(l.Leaderships), func(i int) string { return itoa(l.Leaderships[i].Round) }), "2026"},
		{"party orgs", names(len(l.PartyOrgs), func(i int) string { return l.PartyOrgs[i].Village + itoa(l.PartyOrgs[i].Year) }), "东关村2026"},
		{"complaints", names(len(l.Complaints), func(i int) string { return l.Complaints[i].No }), "XF-1,XF-2"},
		{"talks", names(len(l.Talks), func(i int) string { return l.Talks[i].No }), "YT-1,YT-2"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("Ledger(2026) %s = %s, want %s", c.what, c.got, c.want)
		}
	}
	all, err := s.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Elections) != 2 || len(all.Members) != 2 || len(all.Leaderships) != 2 || len(all.PartyOrgs) != 2 ||
		len(all.Complaints) != 4 || len(all.Talks) != 4 || len(all.Townships) != 1 {
		t.Errorf("Ledger(0) = %d elections, %d members, %d leaderships, %d party rows, %d complaints, %d talks",
			len(all.Elections), len(all.Members), len(all.Leaderships), len(all.PartyOrgs), len(all.Complaints), len(all.Talks))
	}
	// The single-kind listings agree with the ledger.
	if cs, _ := s.Complaints(ctx, 2026); !reflect.DeepEqual(cs, l.Complaints) {
		t.Errorf("Complaints(2026) = %+v", cs)
	}
	if ts, _ := s.Talks(ctx, 2027); len(ts) != 1 || ts[0].No != "YT-3" {
		t.Errorf("Talks(2027) = %+v", ts)
	}
	if ms, _ := s.Members(ctx, 2026); !reflect.DeepEqual(ms, l.Members) {
		t.Errorf("Members(2026) = %+v", ms)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A database written by a program with only migration 0001 gets 0002 once, keeping its data.
func TestMigration0002OnOldDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", dsn(path, busyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		ms[0].sql,
		`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', '2025-01-01T00:00:00Z')`,
		`INSERT INTO townships (name, created_at, updated_at) VALUES ('城关镇', 'x', 'x')`,
		`INSERT INTO villages (township_id, name, created_at, updated_at) VALUES (1, '东关村', 'x', 'x')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		var versions string
		if err := s.db.QueryRow("SELECT group_concat(version) FROM (SELECT version FROM schema_migrations ORDER BY version)").Scan(&versions); err != nil {
			t.Fatal(err)
		}
		if versions != "1,2,3,4" {
			t.Errorf("open #%d: schema_migrations = %s, want 1,2,3,4", i+1, versions)
		}
		if i == 0 {
			m := member("城关镇", "东关村", "王镕", idNumber("19700101", 11), data.PartySecretary, data.CommitteeDirector)
			if err := s.SaveMember(ctx, &m); err != nil {
				t.Fatalf("saving a member on the migrated database: %v", err)
			}
		}
		if ms, err := s.Members(ctx, 2026); err != nil || len(ms) != 1 || ms[0].Village != "东关村" {
			t.Errorf("open #%d: members = %+v, %v", i+1, ms, err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkImportCity(b *testing.B) {
	batch := genCity(5000, 10) // 5,000 villages, 10,000 elections, 50,000 members, 5,000 party rows
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

func BenchmarkReimportCity(b *testing.B) {
	batch := genCity(5000, 10)
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

func BenchmarkLedger(b *testing.B) {
	s := openTest(b)
	if _, err := s.Import(ctx, genCity(5000, 10), "全市.xlsx"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := s.Ledger(ctx, 2026)
		if err != nil || len(l.Members) != 50000 || len(l.PartyOrgs) != 5000 || len(l.Villages) != 5000 {
			b.Fatalf("Ledger = %d members, %d party rows, %v", len(l.Members), len(l.PartyOrgs), err)
		}
	}
}
