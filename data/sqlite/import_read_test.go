package sqlite

import (
	"errors"
	"reflect"
	"testing"

	"liangwei/data"
)

// byTownship splits a batch into one batch per township, as the city's township files are.
func byTownship(b data.Batch) []data.Batch {
	var out []data.Batch
	for _, t := range b.Townships {
		f := data.Batch{Townships: []data.Township{t}}
		for _, v := range b.Villages {
			if v.Township == t.Name {
				f.Villages = append(f.Villages, v)
			}
		}
		for _, e := range b.Elections {
			if e.Township == t.Name {
				f.Elections = append(f.Elections, e)
			}
		}
		for _, m := range b.Members {
			if m.Township == t.Name {
				f.Members = append(f.Members, m)
			}
		}
		for _, l := range b.Leaderships {
			if l.Township == t.Name {
				f.Leaderships = append(f.Leaderships, l)
			}
		}
		for _, p := range b.PartyOrgs {
			if p.Township == t.Name {
				f.PartyOrgs = append(f.PartyOrgs, p)
			}
		}
		for _, c := range b.Complaints {
			if c.Township == t.Name {
				f.Complaints = append(f.Complaints, c)
			}
		}
		for _, k := range b.Talks {
			if k.Township == t.Name {
				f.Talks = append(f.Talks, k)
			}
		}
		out = append(out, f)
	}
	return out
}

// The importer reads only the rows under the townships a batch names: a city merged file by
// file must end up exactly as the same city imported as one batch, and every key of an
// earlier file must still be found (unchanged, restored) when its file comes again.
func TestImportFileByFile(t *testing.T) {
	city := genCity(200, 3) // 第1镇, 第2镇 (80 villages each), 第3镇 (40)
	files := byTownship(city)
	one, merged := openTest(t), openTest(t)
	if _, err := one.Import(ctx, city, "全市.xlsx"); err != nil {
		t.Fatal(err)
	}
	var sum data.ImportResult
	for _, f := range files {
		res, err := merged.Import(ctx, f, f.Townships[0].Name+".xlsx")
		if err != nil {
			t.Fatal(err)
		}
		sum.Inserted += res.Inserted
		sum.Updated += res.Updated
		sum.Unchanged += res.Unchanged
	}
	if want := (data.ImportResult{Inserted: city.Len()}); sum != want {
		t.Errorf("file by file = %+v, want %+v", sum, want)
	}
	l1, err := one.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	l2, err := merged.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withoutIDs(l1), withoutIDs(l2)) {
		t.Errorf("the city merged file by file differs from the city imported at once")
	}

	// Re-import: nothing changes.
	before := takeSnap(t, merged)
	for _, f := range files {
		res, err := merged.Import(ctx, f, "again.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if want := (data.ImportResult{Unchanged: f.Len()}); res != want {
			t.Errorf("re-import of %s = %+v, want %+v", f.Townships[0].Name, res, want)
		}
	}
	after := takeSnap(t, merged)
	if before.updated != after.updated || !reflect.DeepEqual(before.ledger, after.ledger) {
		t.Errorf("re-importing unchanged files rewrote rows")
	}

	// A member of 第3镇 and a village of 第2镇 go to the recycle bin; their files bring them
	// back, and the other townships' files do not see them.
	ms, err := merged.MembersIn(ctx, 2026, []string{"第3镇"})
	if err != nil || len(ms) == 0 {
		t.Fatalf("MembersIn = %d, %v", len(ms), err)
	}
	if err := merged.DeleteMember(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	vs, err := merged.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Township == "第2镇" && v.Name == "5号村" {
			if err := merged.DeleteVillage(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		file int
		want data.ImportResult
	}{
		{0, data.ImportResult{Unchanged: files[0].Len()}},
		{1, data.ImportResult{Inserted: 1, Unchanged: files[1].Len() - 1}},
		{2, data.ImportResult{Inserted: 1, Unchanged: files[2].Len() - 1}},
	}
	for _, tt := range tests {
		res, err := merged.Import(ctx, files[tt.file], "restore.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if res != tt.want {
			t.Errorf("import of %s after the deletes = %+v, want %+v", files[tt.file].Townships[0].Name, res, tt.want)
		}
	}
	if l3, err := merged.Ledger(ctx, 0); err != nil || !reflect.DeepEqual(withoutIDs(l1), withoutIDs(l3)) {
		t.Errorf("after restoring by import the ledger differs from the city (%v)", err)
	}

	// The post rule still counts the members of the database in the villages a file touches.
	sec := member("第2镇", "3号村", "吴堃", idNumber("19820707", 990), data.PartySecretary, data.CommitteeNone)
	if _, err := merged.Import(ctx, data.Batch{Members: []data.Member{sec}}, "b.xlsx"); !errors.Is(err, data.ErrPostTaken) {
		t.Errorf("second 书记 of 第2镇/3号村 = %v, want data.ErrPostTaken", err)
	}
}

// A 书记 conflict already in the database (here written behind the store's back) belongs to
// its own village: it does not refuse a file about other villages, but does refuse one
// touching that village.
func TestImportPostsOnlyInTouchedVillages(t *testing.T) {
	s := openTest(t)
	city := genCity(160, 3) // 第1镇, 第2镇
	if _, err := s.Import(ctx, city, "全市.xlsx"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE members SET party_post = '书记' WHERE name = '成员1' AND village_id =
		(SELECT v.id FROM villages v JOIN townships t ON t.id = v.township_id WHERE t.name = '第1镇' AND v.name = '1号村')`); err != nil {
		t.Fatal(err)
	}
	add := func(township, village string, seq int) data.Batch {
		return data.Batch{Members: []data.Member{member(township, village, "新成员", idNumber("19900101", seq), data.PartyNone, data.CommitteeMember)}}
	}
	tests := []struct {
		name    string
		b       data.Batch
		wantErr error
	}{
		{"other township", add("第2镇", "1号村", 1), nil},
		{"other village of the same township", add("第1镇", "2号村", 2), nil},
		{"the village with two 书记", add("第1镇", "1号村", 3), data.ErrPostTaken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Import(ctx, tt.b, "x.xlsx")
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Import = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestMembersIn(t *testing.T) {
	s := openTest(t)
	city := genCity(200, 3)
	old := genCity(200, 2)
	for i := range old.Members {
		old.Members[i].Round = 2023
	}
	if _, err := s.Import(ctx, city, "全市.xlsx"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, data.Batch{Members: old.Members}, "2023.xlsx"); err != nil {
		t.Fatal(err)
	}
	// A deleted member and the members of a deleted village are not listed.
	ms, err := s.Members(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, ms[len(ms)-1].ID); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteVillage(ctx, vs[0].ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		round     int
		townships []string
	}{
		{2026, []string{"第1镇"}},
		{2026, []string{"第3镇", "第1镇"}},
		{2023, []string{"第2镇"}},
		{0, []string{"第2镇", "第3镇"}},
		{2026, []string{"无此镇"}},
		{2026, nil},
		{2020, []string{"第1镇"}},
	}
	for _, tt := range tests {
		all, err := s.Members(ctx, tt.round)
		if err != nil {
			t.Fatal(err)
		}
		var want []data.Member
		for _, m := range all {
			for _, tn := range tt.townships {
				if m.Township == tn {
					want = append(want, m)
				}
			}
		}
		got, err := s.MembersIn(ctx, tt.round, tt.townships)
		if err != nil {
			t.Fatalf("MembersIn(%d, %v): %v", tt.round, tt.townships, err)
		}
		if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("MembersIn(%d, %v) = %d members, want %d (the Members of those townships, in order)", tt.round, tt.townships, len(got), len(want))
		}
	}
}
