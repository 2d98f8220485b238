package sqlite

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// saveCase is one save of a record and what should come of it.
type saveCase struct {
	name      string
	save      func() error
	wantErr   string // "" for success
	wantField string // the field of a refusal returned as data.Problems; "" for another error
	wantIs    error
}

// runSaves runs the cases in order; a success must write one audit row, a refusal none.
func runSaves(t *testing.T, s *Store, tests []saveCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(mustAudit(t, s))
			err := tt.save()
			after := len(mustAudit(t, s))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("save: %v", err)
				}
				if after != before+1 {
					t.Errorf("audit rows %d → %d, want one more", before, after)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("save error = %v, want %q", err, tt.wantErr)
			}
			var ps data.Problems
			if got := errors.As(err, &ps); got != (tt.wantField != "") {
				t.Errorf("errors.As(Problems) = %v, want %v (%v)", got, tt.wantField != "", err)
			} else if got && len(ps.For(tt.wantField).Errors()) == 0 {
				t.Errorf("problems %v have no error on %s", ps, tt.wantField)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if after != before {
				t.Errorf("a refused save wrote %d audit rows", after-before)
			}
		})
	}
}

func saveVillages(t *testing.T, s *Store, township string, names ...string) {
	t.Helper()
	for _, n := range names {
		v := village(township, n)
		if err := s.SaveVillage(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSaveMember(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村", "西关村")
	secID := idNumber("19760229", 11) // a leap-day birth, 男
	sec := member("城关镇", "东关村", "王镕", secID, data.PartySecretary, data.CommitteeDirector)
	sec.Tags = []string{"退役军人", "致富能手"}
	if err := s.SaveMember(ctx, &sec); err != nil || sec.ID == 0 {
		t.Fatalf("insert: id %d, %v", sec.ID, err)
	}
	// 性别 and 出生日期 come from the ID number.
	if sec.Gender != data.Male || sec.Birth != day("1976-02-29") {
		t.Errorf("FillFromID: gender %q, birth %v", sec.Gender, sec.Birth)
	}
	woman := member("城关镇", "东关村", "李玥", strings.ToLower(idNumber("19900512", 22)), data.PartyNone, data.CommitteeMember)
	if err := s.SaveMember(ctx, &woman); err != nil {
		t.Fatal(err)
	}
	if woman.Gender != data.Female || strings.ContainsRune(woman.IDNumber, 'x') {
		t.Errorf("woman after save: %+v", woman)
	}

	updated := woman
	updated.Phone, updated.Education, updated.Tags = "13900001111", data.EduBachelor, []string{"大学生村官"}
	badCheck := member("城关镇", "西关村", "赵赟", idNumber("19800101", 33)[:17]+"0", data.PartyNone, data.CommitteeMember)
	if badCheck.IDNumber == idNumber("19800101", 33) {
		badCheck.IDNumber = idNumber("19800101", 33)[:17] + "1"
	}
	minor := member("城关镇", "西关村", "钱昇", idNumber("20080102", 44), data.PartyNone, data.CommitteeMember)
	notParty := member("城关镇", "西关村", "孙彧", idNumber("19850303", 55), data.PartyMember, data.CommitteeNone)
	notParty.Political = data.PolMasses
	wrongGender := member("城关镇", "西关村", "周喆", idNumber("19850303", 65), data.PartyNone, data.CommitteeMember)
	wrongGender.Gender = data.Female
	secondSec := member("城关镇", "东关村", "吴堃", idNumber("19820707", 71), data.PartySecretary, data.CommitteeNone)
	secondDir := member("城关镇", "东关村", "郑珺", idNumber("19820707", 82), data.PartyNone, data.CommitteeDirector)
	both := member("城关镇", "东关村", "冯某", idNumber("19820707", 93), data.PartySecretary, data.CommitteeDirector)
	dup := member("城关镇", "东关村", "王镕", secID, data.PartyMember, data.CommitteeNone)
	onto := woman
	onto.IDNumber, onto.Gender, onto.Birth = secID, "", time.Time{}
	unknown := member("城关镇", "南关村", "陈某", idNumber("19800101", 13), data.PartyNone, data.CommitteeMember)
	otherVillageSec := member("城关镇", "西关村", "吴堃", idNumber("19820707", 71), data.PartySecretary, data.CommitteeNone)
	otherRoundSec := secondSec
	otherRoundSec.Round = 2021
	sameRecordSec := sec // the 书记 saving again, with a new phone: not a second 书记
	sameRecordSec.Phone = "13700000000"

	save := func(m data.Member) func() error { return func() error { return s.SaveMember(ctx, &m) } }
	runSaves(t, s, []saveCase{
		{"update", save(updated), "", "", nil},
		{"check digit", save(badCheck), "校验位", "身份证号", nil},
		{"under 18", save(minor), "未满18周岁", "身份证号", nil},
		{"party post without 党员", save(notParty), "须为中共党员", "党组织职务", nil},
		{"gender against the ID", save(wrongGender), "与身份证号不符", "性别", nil},
		{"second 书记", save(secondSec), "已有书记：王镕", "党组织职务", nil},
		{"second 主任", save(secondDir), "已有主任：王镕", "村委会职务", nil},
		{"second of both", save(both), "已有主任", "村委会职务", nil},
		{"new duplicate", save(dup), "两委成员王镕", "", data.ErrDuplicate},
		{"change key onto another", save(onto), "已存在", "", data.ErrDuplicate},
		{"unknown village", save(unknown), "找不到村庄“城关镇/南关村”", "", data.ErrUnknownVillage},
		{"书记 of another village", save(otherVillageSec), "", "", nil},
		{"书记 of another round", save(otherRoundSec), "", "", nil},
		{"the 书记 saved again", save(sameRecordSec), "", "", nil},
	})

	got, err := s.Members(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	sameRecordSec.Gender, sameRecordSec.Birth = data.Male, day("1976-02-29")
	updated.ID = woman.ID
	wantNames := []string{"王镕", "李玥", "吴堃"} // 东关村 by entry, then 西关村
	if len(got) != 3 {
		t.Fatalf("Members(2026) = %+v", got)
	}
	for i, m := range got {
		if m.Name != wantNames[i] {
			t.Errorf("Members(2026)[%d] = %s, want %s", i, m.Name, wantNames[i])
		}
	}
	if !reflect.DeepEqual(got[0], sameRecordSec) {
		t.Errorf("stored 书记 =\n%+v\nwant\n%+v", got[0], sameRecordSec)
	}
	if got[1].Phone != "13900001111" || !reflect.DeepEqual(got[1].Tags, []string{"大学生村官"}) || got[1].Education != data.EduBachelor {
		t.Errorf("updated member = %+v", got[1])
	}
	if all, _ := s.Members(ctx, 0); len(all) != 4 {
		t.Errorf("Members(0) = %d, want 4", len(all))
	}
	if a := mustAudit(t, s)[0]; a.Kind != string(data.CodeMember) || a.Action != ActionUpdate || strings.Contains(a.Record, secID) ||
		!strings.Contains(a.Record, data.MaskID(secID)) {
		t.Errorf("audit row = %+v (the record column must show the ID masked)", a)
	} else {
		var nv map[string]any
		if err := json.Unmarshal([]byte(a.NewValue), &nv); err != nil || nv["联系电话"] != "13700000000" || nv["身份标签"] != "退役军人、致富能手" {
			t.Errorf("audit new value = %s, %v", a.NewValue, err)
		}
	}
	// Saving unchanged values writes nothing.
	before := len(mustAudit(t, s))
	same := got[0]
	if err := s.SaveMember(ctx, &same); err != nil {
		t.Fatal(err)
	}
	if after := len(mustAudit(t, s)); after != before {
		t.Errorf("an unchanged save wrote %d audit rows", after-before)
	}
}

func TestMemberRecycleBin(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村", "西关村")
	a := member("城关镇", "东关村", "王镕", idNumber("19700101", 11), data.PartySecretary, data.CommitteeNone)
	b := member("城关镇", "东关村", "李玥", idNumber("19800101", 22), data.PartyNone, data.CommitteeDirector)
	c := member("城关镇", "西关村", "赵喆", idNumber("19800101", 31), data.PartySecretary, data.CommitteeDirector)
	for _, m := range []*data.Member{&a, &b, &c} {
		if err := s.SaveMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteMember(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting twice = %v, want ErrNotFound", err)
	}
	if ms, _ := s.Members(ctx, 2026); len(ms) != 2 {
		t.Errorf("after delete %d members listed, want 2", len(ms))
	}
	if bin, _ := s.DeletedMembers(ctx); len(bin) != 1 || bin[0].ID != a.ID {
		t.Errorf("DeletedMembers = %+v", bin)
	}
	// The post is free once its holder is deleted; the deleted 书记 cannot come back then.
	d := member("城关镇", "东关村", "吴堃", idNumber("19820707", 71), data.PartySecretary, data.CommitteeNone)
	if err := s.SaveMember(ctx, &d); err != nil {
		t.Fatalf("a new 书记 after deleting the old one: %v", err)
	}
	var ps data.Problems
	if err := s.RestoreMember(ctx, a.ID); !errors.As(err, &ps) || len(ps.For("党组织职务")) == 0 || !strings.Contains(err.Error(), "吴堃") {
		t.Errorf("restoring the old 书记 = %v, want a problem on 党组织职务 naming 吴堃", err)
	}
	// Saving a new record with the deleted one's key revives it (same ID).
	if err := s.DeleteMember(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	again := a
	again.ID, again.Phone = 0, "13512345678"
	if err := s.SaveMember(ctx, &again); err != nil || again.ID != a.ID {
		t.Fatalf("re-saving the deleted member: id %d (want %d), %v", again.ID, a.ID, err)
	}
	if e := mustAudit(t, s)[0]; e.Action != ActionRestore || e.Kind != string(data.CodeMember) {
		t.Errorf("audit after revive = %+v", e)
	}
	if err := s.RestoreMember(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("restoring a member that is not deleted = %v", err)
	}
	// A deleted village hides its members; they come back with it.
	vs, _ := s.Villages(ctx)
	if err := s.DeleteVillage(ctx, vs[1].ID); err != nil { // 西关村
		t.Fatal(err)
	}
	if ms, _ := s.Members(ctx, 0); len(ms) != 2 {
		t.Errorf("after deleting 西关村 %d members listed, want 2", len(ms))
	}
	if err := s.DeleteMember(ctx, c.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting a member of a deleted village = %v, want ErrNotFound", err)
	}
	x := member("城关镇", "西关村", "孙某", idNumber("19800101", 51), data.PartyNone, data.CommitteeMember)
	if err := s.SaveMember(ctx, &x); !errors.Is(err, data.ErrUnknownVillage) || !strings.Contains(err.Error(), "回收站") {
		t.Errorf("saving a member of a deleted village = %v", err)
	}
	if err := s.RestoreVillage(ctx, vs[1].ID); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Members(ctx, 0); len(ms) != 3 {
		t.Errorf("after restoring 西关村 %d members listed, want 3", len(ms))
	}
}
