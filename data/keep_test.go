package data

import (
	"slices"
	"testing"
)

func TestKeepStored(t *testing.T) {
	stored := []Member{{Township: "城关镇", Village: "东村", Round: 2026, Name: "王珺", IDNumber: "A",
		PartyPost: PartySecretary, Tags: []string{"退役军人"}, Phone: "138"}}
	rs := []Member{
		{Township: "城关镇", Village: "东村", Round: 2026, Name: "王珺", IDNumber: "A", Phone: "139"},
		{Township: "城关镇", Village: "东村", Round: 2026, Name: "李玥", IDNumber: "B"},
	}
	MemberDesc.KeepStored(rs, stored, []string{"党组织职务", "身份标签", "乡镇", "无此列"})
	if got := rs[0]; got.PartyPost != PartySecretary || !slices.Equal(got.Tags, []string{"退役军人"}) || got.Phone != "139" {
		t.Errorf("kept record = %+v, want the stored post and tags and the file's phone", got)
	}
	if got := rs[1]; got.PartyPost != "" || got.Tags != nil {
		t.Errorf("new record = %+v, want the absent fields empty", got)
	}
	rs[0].Tags[0] = "致富能手"
	if stored[0].Tags[0] != "退役军人" {
		t.Error("KeepStored shares the tags with the stored record")
	}
}

func TestFieldChangeBlanks(t *testing.T) {
	for _, tt := range []struct {
		old, new string
		want     bool
	}{
		{"900", "0", true}, {"900", "", true}, {"2026-03-15", "", true}, {"138", "139", false},
		{"", "5", false}, {"0", "", false}, {"是", "否", false},
	} {
		c := FieldChange{Record: "城关镇/东村", AuditChange: AuditChange{"应参加人数", tt.old, tt.new}}
		if got := c.Blanks(); got != tt.want {
			t.Errorf("%s → %s: Blanks = %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
	c := FieldChange{Record: "城关镇/东村/2026/村委会", AuditChange: AuditChange{"应参加人数", "900", ""}}
	if got, want := c.String(), "城关镇/东村/2026/村委会 应参加人数：900 → （空）"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}

func TestImportPlanChanged(t *testing.T) {
	p := ImportPlan{Changes: []FieldChange{
		{Record: "a", AuditChange: AuditChange{Header: "x"}}, {Record: "a", AuditChange: AuditChange{Header: "y"}},
		{Record: "b", AuditChange: AuditChange{Header: "x"}}, {Record: "c", AuditChange: AuditChange{Header: "x"}},
	}}
	shown, more := p.Changed(2)
	if len(shown) != 3 || more != 1 {
		t.Errorf("Changed(2) = %d changes, %d more; want the 3 changes of a and b, 1 more", len(shown), more)
	}
	if shown, more := p.Changed(0); len(shown) != 4 || more != 0 {
		t.Errorf("Changed(0) = %d, %d; want all 4", len(shown), more)
	}
}
