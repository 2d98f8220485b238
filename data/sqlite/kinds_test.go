package sqlite

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"liangwei/data"
)

func TestSaveLeadership(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	a := data.Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}
	if err := s.SaveLeadership(ctx, &a); err != nil || a.ID == 0 {
		t.Fatalf("insert: id %d, %v", a.ID, err)
	}
	old := data.Leadership{Township: "城关镇", Round: 2021, PartyCommittee: 8, Government: 4, Cross: 1}
	if err := s.SaveLeadership(ctx, &old); err != nil {
		t.Fatal(err)
	}
	updated := a
	updated.Cross = 3
	tooMany := a
	tooMany.Cross = 5
	dup := data.Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4}
	onto := old
	onto.Round = 2026
	unknown := data.Leadership{Township: "柳埠街道", Round: 2026}
	save := func(l data.Leadership) func() error { return func() error { return s.SaveLeadership(ctx, &l) } }
	runSaves(t, s, []saveCase{
		{"update", save(updated), "", "", nil},
		{"cross above the smaller body", save(tooMany), "不能多于", "交叉任职数", nil},
		{"new duplicate", save(dup), "乡镇“城关镇”2026年的班子记录已存在", "", data.ErrDuplicate},
		{"change key onto another", save(onto), "已存在", "", data.ErrDuplicate},
		{"unknown township", save(unknown), "找不到乡镇“柳埠街道”", "", data.ErrUnknownTownship},
	})
	if got, err := s.Leaderships(ctx, 2026); err != nil || len(got) != 1 || got[0] != updated {
		t.Errorf("Leaderships(2026) = %+v, %v; want [%+v]", got, err, updated)
	}
	if got, _ := s.Leaderships(ctx, 0); len(got) != 2 || got[0].Round != 2021 {
		t.Errorf("Leaderships(0) = %+v", got)
	}
	if err := s.DeleteLeadership(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Leaderships(ctx, 2026); len(got) != 0 {
		t.Errorf("after delete: %+v", got)
	}
	if bin, _ := s.DeletedLeaderships(ctx); len(bin) != 1 || bin[0] != updated {
		t.Errorf("DeletedLeaderships = %+v", bin)
	}
	if err := s.RestoreLeadership(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Leaderships(ctx, 2026); len(got) != 1 {
		t.Errorf("after restore: %+v", got)
	}
}

func TestSavePartyOrg(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村", "西关村")
	a := partyOrg("城关镇", "东关村", 2026)
	if err := s.SavePartyOrg(ctx, &a); err != nil || a.ID == 0 {
		t.Fatalf("insert: id %d, %v", a.ID, err)
	}
	b := partyOrg("城关镇", "西关村", 2026)
	b.Weak, b.Measures, b.Progress, b.Result = true, "选派第一书记", "已整改过半", data.RectInProgress
	b.HasIncome, b.Income = false, 0
	if err := s.SavePartyOrg(ctx, &b); err != nil {
		t.Fatal(err)
	}
	updated := a
	updated.Income, updated.VenueArea, updated.Developed = 12.75, 99.5, 3
	women := a
	women.Women = 41
	noArea := a
	noArea.VenueArea = 0
	noIncome := a
	noIncome.Income = 0
	dup := partyOrg("城关镇", "东关村", 2026)
	onto := b
	onto.Village = "东关村"
	unknown := partyOrg("城关镇", "南关村", 2026)
	save := func(p data.PartyOrg) func() error { return func() error { return s.SavePartyOrg(ctx, &p) } }
	runSaves(t, s, []saveCase{
		{"update", save(updated), "", "", nil},
		{"more women than members", save(women), "不能多于党员数", "女党员数", nil},
		{"venue without area", save(noArea), "场所面积", "场所面积", nil},
		{"income without amount", save(noIncome), "集体经济收入", "集体经济收入", nil},
		{"new duplicate", save(dup), "村庄“城关镇/东关村”2026年度党组织台账已存在", "", data.ErrDuplicate},
		{"change key onto another", save(onto), "已存在", "", data.ErrDuplicate},
		{"unknown village", save(unknown), "找不到村庄“城关镇/南关村”", "", data.ErrUnknownVillage},
	})
	got, err := s.PartyOrgs(ctx, 2026)
	if err != nil || len(got) != 2 || got[0] != updated || got[1] != b {
		t.Errorf("PartyOrgs(2026) = %+v, %v\nwant %+v and %+v", got, err, updated, b)
	}
	if got, _ := s.PartyOrgs(ctx, 2025); len(got) != 0 {
		t.Errorf("PartyOrgs(2025) = %+v", got)
	}
	// A deleted village hides its party ledger.
	vs, _ := s.Villages(ctx)
	if err := s.DeleteVillage(ctx, vs[1].ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PartyOrgs(ctx, 0); len(got) != 1 || got[0].Village != "东关村" {
		t.Errorf("after deleting 西关村: %+v", got)
	}
	if err := s.RestorePartyOrg(ctx, b.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("restoring a row only hidden by its village = %v, want ErrNotFound", err)
	}
	if err := s.DeletePartyOrg(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PartyOrgs(ctx, 0); len(got) != 0 {
		t.Errorf("after delete: %+v", got)
	}
	if err := s.RestorePartyOrg(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.DeletedPartyOrgs(ctx); len(bin) != 0 {
		t.Errorf("DeletedPartyOrgs after restore = %+v", bin)
	}
}

func TestSaveComplaint(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	saveVillages(t, s, "柳埠街道", "南坡村")
	a := complaint("城关镇", "XF-001", day("2026-03-02"))
	a.Village = "东关村"
	if err := s.SaveComplaint(ctx, &a); err != nil || a.ID == 0 {
		t.Fatalf("insert: id %d, %v", a.ID, err)
	}
	b := complaint("城关镇", "XF-002", day("2026-04-02")) // no village
	if err := s.SaveComplaint(ctx, &b); err != nil {
		t.Fatal(err)
	}
	updated := a
	updated.Result, updated.Replied, updated.Handling = data.ResPartlyTrue, day("2026-03-20"), "已约谈当事人"
	early := a
	early.Replied = day("2026-03-01")
	dup := complaint("城关镇", "XF-001", day("2026-05-01"))
	onto := b
	onto.No = "XF-001"
	otherTownVillage := complaint("城关镇", "XF-003", day("2026-05-01"))
	otherTownVillage.Village = "南坡村"
	unknownTown := complaint("仲宫镇", "XF-001", day("2026-05-01"))
	moved := b
	moved.Village = "东关村"
	save := func(c data.Complaint) func() error { return func() error { return s.SaveComplaint(ctx, &c) } }
	runSaves(t, s, []saveCase{
		{"update", save(updated), "", "", nil},
		{"reply before receipt", save(early), "早于受理日期", "回复日期", nil},
		{"new duplicate", save(dup), "乡镇“城关镇”编号为“XF-001”的信访举报已存在", "", data.ErrDuplicate},
		{"change key onto another", save(onto), "已存在", "", data.ErrDuplicate},
		{"village of another township", save(otherTownVillage), "找不到村庄“城关镇/南坡村”", "", data.ErrUnknownVillage},
		{"unknown township", save(unknownTown), "找不到乡镇“仲宫镇”", "", data.ErrUnknownTownship},
		{"give a village", save(moved), "", "", nil},
	})
	got, err := s.Complaints(ctx, 2026)
	if err != nil || len(got) != 2 || !reflect.DeepEqual(got[0], updated) || !reflect.DeepEqual(got[1], moved) {
		t.Errorf("Complaints(2026) = %+v, %v\nwant %+v and %+v", got, err, updated, moved)
	}
	// A complaint stays listed when its village is deleted.
	vs, _ := s.Villages(ctx)
	for _, v := range vs {
		if v.Name == "东关村" {
			if err := s.DeleteVillage(ctx, v.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, _ := s.Complaints(ctx, 0); len(got) != 2 || got[0].Village != "东关村" {
		t.Errorf("after deleting the village: %+v", got)
	}
	if err := s.DeleteComplaint(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if bin, _ := s.DeletedComplaints(ctx); len(bin) != 1 || bin[0].No != "XF-001" {
		t.Errorf("DeletedComplaints = %+v", bin)
	}
	again := updated
	again.ID = 0
	again.Village = ""
	if err := s.SaveComplaint(ctx, &again); err != nil || again.ID != a.ID {
		t.Errorf("re-saving the deleted complaint: id %d (want %d), %v", again.ID, a.ID, err)
	}
}

func TestSaveTalk(t *testing.T) {
	s := openTest(t)
	saveVillages(t, s, "城关镇", "东关村")
	a := talk("城关镇", "YT-001", day("2026-03-02"))
	if err := s.SaveTalk(ctx, &a); err != nil || a.ID == 0 {
		t.Fatalf("insert: id %d, %v", a.ID, err)
	}
	b := talk("城关镇", "YT-002", day("2025-12-31"))
	if err := s.SaveTalk(ctx, &b); err != nil {
		t.Fatal(err)
	}
	updated := a
	updated.Mode, updated.Category, updated.Handling = data.ModeVisiting, data.TalkPersonal, "已答复"
	noName := a
	noName.Interviewee = ""
	dup := talk("城关镇", "YT-001", day("2026-05-01"))
	onto := b
	onto.No = "YT-001"
	unknown := talk("仲宫镇", "YT-001", day("2026-05-01"))
	save := func(k data.Talk) func() error { return func() error { return s.SaveTalk(ctx, &k) } }
	runSaves(t, s, []saveCase{
		{"update", save(updated), "", "", nil},
		{"no interviewee", save(noName), "被约谈人", "被约谈人", nil},
		{"new duplicate", save(dup), "乡镇“城关镇”编号为“YT-001”的约谈记录已存在", "", data.ErrDuplicate},
		{"change key onto another", save(onto), "已存在", "", data.ErrDuplicate},
		{"unknown township", save(unknown), "找不到乡镇“仲宫镇”", "", data.ErrUnknownTownship},
	})
	if got, err := s.Talks(ctx, 2026); err != nil || len(got) != 1 || got[0] != updated {
		t.Errorf("Talks(2026) = %+v, %v; want [%+v]", got, err, updated)
	}
	if got, _ := s.Talks(ctx, 2025); len(got) != 1 || got[0] != b {
		t.Errorf("Talks(2025) = %+v", got)
	}
	if err := s.DeleteTalk(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Talks(ctx, 0); len(got) != 1 {
		t.Errorf("Talks(0) after delete = %+v", got)
	}
	if err := s.RestoreTalk(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Talks(ctx, 0); len(got) != 2 {
		t.Errorf("Talks(0) after restore = %+v", got)
	}
	if e := mustAudit(t, s)[0]; e.Action != ActionRestore || e.Kind != string(data.CodeTalk) || !strings.Contains(e.Record, "YT-002") {
		t.Errorf("audit row = %+v", e)
	}
}
