package sqlite

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"liangwei/data"
)

func TestSaveTownship(t *testing.T) {
	s := openTest(t)
	a := data.Township{Name: "城关镇", County: "历城区", Contact: "李堃", Phone: "0531-88001234"}
	if err := s.SaveTownship(ctx, &a); err != nil || a.ID == 0 {
		t.Fatalf("insert: id %d, %v", a.ID, err)
	}
	b := data.Township{Name: "柳埠街道"}
	if err := s.SaveTownship(ctx, &b); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		t       data.Township
		wantErr string // "" for success
	}{
		{"update contact", data.Township{ID: a.ID, Name: "城关镇", County: "历城区", Contact: "张赟"}, ""},
		{"rename", data.Township{ID: a.ID, Name: "城关街道", County: "历城区", Contact: "张赟"}, ""},
		{"rename onto another", data.Township{ID: a.ID, Name: "柳埠街道"}, "已有乡镇“柳埠街道”"},
		{"new duplicate", data.Township{Name: "柳埠街道"}, "已有乡镇“柳埠街道”"},
		{"empty name", data.Township{Name: ""}, "乡镇不能为空"},
		{"long name", data.Township{Name: strings.Repeat("镇", 31)}, "不能超过30个字"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(mustAudit(t, s))
			rec := tt.t
			err := s.SaveTownship(ctx, &rec)
			after := len(mustAudit(t, s))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("SaveTownship: %v", err)
				}
				if after != before+1 {
					t.Errorf("audit rows %d → %d, want one more", before, after)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("SaveTownship error = %v, want %q", err, tt.wantErr)
			}
			if after != before {
				t.Errorf("a refused save wrote %d audit rows", after-before)
			}
		})
	}
	got, err := s.Townships(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Township{{ID: a.ID, Name: "城关街道", County: "历城区", Contact: "张赟"}, {ID: b.ID, Name: "柳埠街道"}}
	if len(got) != len(want) {
		t.Fatalf("Townships = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Townships[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSaveVillage(t *testing.T) {
	s := openTest(t)
	east := village("城关镇", "东关村")
	if err := s.SaveVillage(ctx, &east); err != nil || east.ID == 0 {
		t.Fatalf("insert: id %d, %v", east.ID, err)
	}
	west := village("城关镇", "西关村")
	if err := s.SaveVillage(ctx, &west); err != nil {
		t.Fatal(err)
	}
	// The township was created by name, once.
	if ts, _ := s.Townships(ctx); len(ts) != 1 || ts[0].Name != "城关镇" {
		t.Fatalf("Townships = %+v, want the one created by the village", ts)
	}
	badCode := village("城关镇", "南关村")
	badCode.Code = "12345"
	negative := village("城关镇", "南关村")
	negative.Population = -1
	tests := []struct {
		name      string
		v         data.Village
		wantErr   string
		wantField string // the Problems field, when refused by a rule
	}{
		{"update counts", data.Village{ID: east.ID, Township: "城关镇", Name: "东关村", Kind: data.KindCommunity, Households: 1, Population: 3, Status: data.VillageActive}, "", ""},
		{"rename", data.Village{ID: east.ID, Township: "城关镇", Name: "东关社区", Kind: data.KindCommunity, Status: data.VillageActive}, "", ""},
		{"move to a new township", data.Village{ID: west.ID, Township: "柳埠街道", Name: "西关村", Kind: data.KindVillage, Status: data.VillageMerged}, "", ""},
		{"rename onto another", data.Village{ID: east.ID, Township: "柳埠街道", Name: "西关村", Kind: data.KindVillage, Status: data.VillageActive}, "乡镇“柳埠街道”已有村庄“西关村”", ""},
		{"new duplicate", village("城关镇", "东关社区"), "乡镇“城关镇”已有村庄“东关社区”", ""},
		{"bad code", badCode, "区划代码应为12位数字", "区划代码"},
		{"negative population", negative, "人口不能为负数", "人口"},
		{"no name", village("城关镇", ""), "村名不能为空", "村名"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(mustAudit(t, s))
			rec := tt.v
			err := s.SaveVillage(ctx, &rec)
			after := len(mustAudit(t, s))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("SaveVillage: %v", err)
				}
				if after <= before {
					t.Errorf("no audit row for a successful save")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("SaveVillage error = %v, want %q", err, tt.wantErr)
			}
			var ps data.Problems
			if got := errors.As(err, &ps); got != (tt.wantField != "") {
				t.Errorf("errors.As(Problems) = %v, want %v", got, tt.wantField != "")
			} else if got && len(ps.For(tt.wantField)) == 0 {
				t.Errorf("problems %v name no %s", ps, tt.wantField)
			}
			if tt.wantField == "" && !errors.Is(err, data.ErrDuplicate) {
				t.Errorf("duplicate error %v is not data.ErrDuplicate", err)
			}
			if after != before {
				t.Errorf("a refused save wrote %d audit rows", after-before)
			}
		})
	}
	got, err := s.Villages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Village{
		{ID: east.ID, Township: "城关镇", Name: "东关社区", Kind: data.KindCommunity, Status: data.VillageActive},
		{ID: west.ID, Township: "柳埠街道", Name: "西关村", Kind: data.KindVillage, Status: data.VillageMerged},
	}
	if len(got) != len(want) {
		t.Fatalf("Villages = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Villages[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSaveElection(t *testing.T) {
	s := openTest(t)
	for _, n := range []string{"东关村", "西关村"} {
		v := village("城关镇", n)
		if err := s.SaveVillage(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	party := completed("城关镇", "东关村", data.BodyParty)
	if err := s.SaveElection(ctx, &party, today); err != nil || party.ID == 0 {
		t.Fatalf("insert: id %d, %v", party.ID, err)
	}
	failed := data.Election{Township: "城关镇", Village: "东关村", Round: 2026, Body: data.BodyCommittee, Status: data.StatusFailed, Reason: "选民登记争议"}
	if err := s.SaveElection(ctx, &failed, today); err != nil {
		t.Fatal(err)
	}

	moved := party
	moved.Village = "西关村"
	updated := party
	updated.Participants, updated.OneTime = 85, false
	future := completed("城关镇", "西关村", data.BodyParty)
	future.CompletedOn = day("2026-07-01")
	void := completed("城关镇", "西关村", data.BodyCommittee)
	void.Participants = 50 // exactly half: not more than half of the register
	over := completed("城关镇", "西关村", data.BodyCommittee)
	over.Participants = 101
	noReason := data.Election{Township: "城关镇", Village: "西关村", Round: 2026, Body: data.BodyCommittee, Status: data.StatusFailed}
	dup := completed("城关镇", "东关村", data.BodyParty)
	onto := failed
	onto.Body = data.BodyParty
	unknown := completed("城关镇", "南关村", data.BodyParty)
	unknownTown := completed("柳埠街道", "东关村", data.BodyParty)
	tests := []struct {
		name      string
		e         data.Election
		wantErr   string
		wantField string
		wantIs    error
	}{
		{"update figures", updated, "", "", nil},
		{"completed in the future", future, "晚于今天", "完成日期", nil},
		{"void vote", void, "选举无效", "实参加人数", nil},
		{"turnout above register", over, "不能多于应参加人数", "实参加人数", nil},
		{"failed without reason", noReason, "须填写未完成原因", "未完成原因", nil},
		{"new duplicate", dup, "村庄“城关镇/东关村”2026年党组织换届记录已存在", "", data.ErrDuplicate},
		{"change key onto another", onto, "村庄“城关镇/东关村”2026年党组织换届记录已存在", "", data.ErrDuplicate},
		{"unknown village", unknown, "找不到村庄“城关镇/南关村”", "", data.ErrUnknownVillage},
		{"unknown township", unknownTown, "找不到村庄“柳埠街道/东关村”", "", data.ErrUnknownVillage},
		{"move to another village", moved, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := mustAudit(t, s)
			rec := tt.e
			err := s.SaveElection(ctx, &rec, today)
			after := mustAudit(t, s)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("SaveElection: %v", err)
				}
				if len(after) != len(before)+1 {
					t.Fatalf("audit rows %d → %d, want one more", len(before), len(after))
				}
				a := after[0]
				if a.Action != ActionUpdate || a.Kind != string(data.CodeElection) || a.Record != electionKeyText(tt.e) || a.OldValue == "" {
					t.Errorf("audit row = %+v", a)
				}
				var nv map[string]any
				if err := json.Unmarshal([]byte(a.NewValue), &nv); err != nil || nv["实参加人数"] != float64(tt.e.Participants) || nv["村名"] != tt.e.Village {
					t.Errorf("audit new value = %s, %v", a.NewValue, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("SaveElection error = %v, want %q", err, tt.wantErr)
			}
			var ps data.Problems
			if got := errors.As(err, &ps); got != (tt.wantField != "") {
				t.Errorf("errors.As(Problems) = %v, want %v", got, tt.wantField != "")
			} else if got && len(ps.For(tt.wantField).Errors()) == 0 {
				t.Errorf("problems %v have no error on %s", ps, tt.wantField)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if len(after) != len(before) {
				t.Errorf("a refused save wrote %d audit rows", len(after)-len(before))
			}
		})
	}
	got, err := s.Elections(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Election{failed, moved} // 东关村 before 西关村
	if !equalElections(got, want) {
		t.Errorf("Elections(2026) =\n%+v\nwant\n%+v", got, want)
	}
	if rounds, err := s.Rounds(ctx); err != nil || len(rounds) != 1 || rounds[0] != 2026 {
		t.Errorf("Rounds = %v, %v; want [2026]", rounds, err)
	}
	// Saving unchanged values writes nothing.
	before := len(mustAudit(t, s))
	same := moved
	if err := s.SaveElection(ctx, &same, today); err != nil {
		t.Fatal(err)
	}
	if after := len(mustAudit(t, s)); after != before {
		t.Errorf("an unchanged save wrote %d audit rows", after-before)
	}
}

func TestAuditRows(t *testing.T) {
	s := openTest(t)
	v := village("城关镇", "东关村")
	if err := s.SaveVillage(ctx, &v); err != nil {
		t.Fatal(err)
	}
	e := completed("城关镇", "东关村", data.BodyCommittee)
	if err := s.SaveElection(ctx, &e, today); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteElection(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreElection(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	got := mustAudit(t, s)
	type row struct{ action, kind, record string }
	want := []row{ // newest first
		{ActionRestore, string(data.CodeElection), "城关镇/东关村/2026/村委会"},
		{ActionDelete, string(data.CodeElection), "城关镇/东关村/2026/村委会"},
		{ActionCreate, string(data.CodeElection), "城关镇/东关村/2026/村委会"},
		{ActionCreate, string(data.CodeVillage), "城关镇/东关村"},
		{ActionCreate, string(data.CodeTownship), "城关镇"},
	}
	if len(got) != len(want) {
		t.Fatalf("audit has %d rows, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if (row{g.Action, g.Kind, g.Record}) != w {
			t.Errorf("audit[%d] = %s %s %s, want %v", i, g.Action, g.Kind, g.Record, w)
		}
		if g.OSUser == "" || g.At.IsZero() || g.At.Location().String() != "UTC" {
			t.Errorf("audit[%d] user %q at %v", i, g.OSUser, g.At)
		}
	}
	if got[1].OldValue == "" || got[1].NewValue != "" || got[2].OldValue != "" || got[2].NewValue == "" {
		t.Errorf("delete/create values: %+v / %+v", got[1], got[2])
	}
	if !strings.Contains(got[2].NewValue, `"状态":"已完成"`) || !strings.Contains(got[2].NewValue, `"完成日期":"2026-03-15"`) {
		t.Errorf("create new value = %s", got[2].NewValue)
	}
	if limited, err := s.AuditLog(ctx, data.AuditFilter{Limit: 2}); err != nil || len(limited) != 2 || limited[0].ID != got[0].ID {
		t.Errorf("AuditLog(Limit 2) = %+v, %v", limited, err)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	s := openTest(t)
	got, err := s.Settings(ctx)
	if err != nil || got != (data.Settings{}) {
		t.Fatalf("empty Settings = %+v, %v; want zero", got, err)
	}
	tests := []data.Settings{
		{Township: "城关镇", County: "历城区", Leader: "王喆", Reviewer: "李昇", Preparer: "赵玥", Phone: "0531-88001234", Round: 2026, DataFolder: `C:\Users\clerk\Documents\两委台账`},
		{Township: "城关镇", Leader: "王喆"},
		{},
	}
	for i, want := range tests {
		if err := s.SaveSettings(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.Settings(ctx)
		if err != nil || got != want {
			t.Errorf("round trip %d: got %+v, %v; want %+v", i, got, err, want)
		}
	}
	before := len(mustAudit(t, s))
	if err := s.SaveSettings(ctx, data.Settings{}); err != nil {
		t.Fatal(err)
	}
	if after := len(mustAudit(t, s)); after != before {
		t.Errorf("saving unchanged settings wrote %d audit rows", after-before)
	}
}

// TestSettingsAuditNames checks that each changed setting is logged under the name the 设置
// screen gives it, with its old and new value.
func TestSettingsAuditNames(t *testing.T) {
	tests := []struct {
		name     string
		settings data.Settings
		record   string
		old, new string
	}{
		{"township", data.Settings{Township: "城关镇"}, "乡镇（填报单位）", `"旧镇"`, `"城关镇"`},
		{"county", data.Settings{County: "历城区"}, "县区", "", `"历城区"`},
		{"leader", data.Settings{Leader: "王喆"}, "负责人", "", `"王喆"`},
		{"reviewer", data.Settings{Reviewer: "李昇"}, "审核人", "", `"李昇"`},
		{"preparer", data.Settings{Preparer: "赵玥"}, "填表人", "", `"赵玥"`},
		{"phone", data.Settings{Phone: "0531-88001234"}, "联系电话", "", `"0531-88001234"`},
		{"round", data.Settings{Round: 2026}, "当前届次", "", `"2026"`},
		{"data_folder", data.Settings{DataFolder: `D:\台账`}, "报表文件夹", "", `"D:\\台账"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			if err := s.SaveSettings(ctx, data.Settings{Township: "旧镇"}); err != nil {
				t.Fatal(err)
			}
			before := len(mustAudit(t, s))
			st := tc.settings
			if st.Township == "" {
				st.Township = "旧镇" // unchanged: no row
			}
			if err := s.SaveSettings(ctx, st); err != nil {
				t.Fatal(err)
			}
			a := mustAudit(t, s)
			if got := len(a) - before; got != 1 {
				t.Fatalf("%d audit rows for one changed setting, want 1: %+v", got, a[:len(a)-before])
			}
			e := a[0] // newest first
			if e.Kind != string(data.SubjectSettings) || e.Action != ActionUpdate || e.Record != tc.record || e.OldValue != tc.old || e.NewValue != tc.new {
				t.Errorf("audit row = %s %s %q old %s new %s; want settings update %q old %s new %s",
					e.Action, e.Kind, e.Record, e.OldValue, e.NewValue, tc.record, tc.old, tc.new)
			}
		})
	}
}
