package sqlite

import (
	"errors"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

// partyWorkBatch is one village with a person at each of three stages, and a commendation of
// the village's branch and of the township's own secretary (no 村名).
func partyWorkBatch() data.Batch {
	const t, v = "城关镇", "东关村"
	return data.Batch{
		Villages: []data.Village{village(t, v)},
		Developments: []data.Development{
			devRecord2(t, v, "韩一", idNumber("20000101", 1), "2023-03-01", "2023-09-01", "2024-10-08", "2025-01-10", "2026-01-10"),
			devRecord2(t, v, "杨二", idNumber("19990202", 2), "2024-03-01", "2024-06-01", "2025-06-02", "2025-11-20", ""),
			devRecord2(t, v, "朱三", idNumber("19970303", 3), "2025-04-01", "", "", "", ""),
		},
		Commendations: []data.Commendation{
			{Year: 2026, Township: t, Village: v, Category: data.CommendOrg, Subject: "东关村党支部", Level: data.ByCity, Date: day("2026-06-28")},
			{Year: 2026, Township: t, Category: data.CommendTownSecretary, Subject: "王志刚", IDNumber: idNumber("19750101", 9), Level: data.ByCity, Date: day("2026-06-28")},
		},
	}
}

func devRecord2(t, v, name, id, applied, activist, candidate, admitted, full string) data.Development {
	d := data.Development{Township: t, Village: v, Name: name, IDNumber: id, Education: data.EduCollege, Contact: "赵一", Vetting: "合格", Sponsors: "赵一、钱二"}
	set := func(s string) (r time.Time) {
		if s != "" {
			return day(s)
		}
		return r
	}
	d.Applied, d.Activist, d.Candidate, d.Admitted, d.Full = set(applied), set(activist), set(candidate), set(admitted), set(full)
	return d
}

func TestPartyWorkImportLedgerAndTrash(t *testing.T) {
	s := openTest(t)
	b := partyWorkBatch()
	if _, err := s.Import(ctx, b, "党建.xlsx"); err != nil {
		t.Fatalf("Import: %v", err)
	}
	// A second import of the same file changes nothing.
	res, err := s.Import(ctx, b, "党建.xlsx")
	if err != nil || res.Unchanged != b.Len() {
		t.Fatalf("re-import: %+v, %v; want all %d unchanged", res, err, b.Len())
	}
	// 2026's ledger: 韩一 (转正 in 2026) and 杨二 (预备党员), 朱三 (申请人); all three.
	l, err := s.Ledger(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Developments) != 3 || len(l.Commendations) != 2 {
		t.Fatalf("2026: %d developments, %d commendations; want 3, 2", len(l.Developments), len(l.Commendations))
	}
	if l.Developments[0].Gender == "" || l.Developments[0].Birth.IsZero() {
		t.Errorf("性别 and 出生日期 not filled from the ID: %+v", l.Developments[0])
	}
	// 2027 (not yet): 韩一 became a full member in 2026, so only two.
	l27, err := s.Ledger(ctx, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(l27.Developments) != 2 || len(l27.Commendations) != 0 {
		t.Errorf("2027: %d developments, %d commendations; want 2, 0", len(l27.Developments), len(l27.Commendations))
	}
	if l.Commendations[1].Village != "" && l.Commendations[0].Village != "" {
		t.Errorf("the township's own commendation got a village: %+v", l.Commendations)
	}
	// Delete and restore through the recycle bin.
	if err := s.DeleteDevelopment(ctx, l.Developments[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCommendation(ctx, l.Commendations[0].ID); err != nil {
		t.Fatal(err)
	}
	items, err := s.Trash(ctx)
	if err != nil || len(items) != 2 {
		t.Fatalf("Trash = %+v, %v; want 2 items", items, err)
	}
	for _, it := range items {
		if err := s.Restore(ctx, it.Kind, it.ID); err != nil {
			t.Fatalf("Restore %s: %v", it.Record, err)
		}
	}
	if ds, _ := s.Developments(ctx, 0); len(ds) != 3 {
		t.Errorf("after restore: %d developments, want 3", len(ds))
	}
}

func TestPartyWorkSaveRefusals(t *testing.T) {
	s := openTest(t)
	if _, err := s.Import(ctx, data.Batch{Villages: []data.Village{village("城关镇", "东关村")}}, "村庄.xlsx"); err != nil {
		t.Fatal(err)
	}
	// 发展对象 less than a year after 积极分子: refused naming 确定发展对象日期.
	d := devRecord2("城关镇", "东关村", "韩一", idNumber("20000101", 1), "2024-03-01", "2025-03-01", "2026-01-10", "", "")
	err := s.SaveDevelopment(ctx, &d)
	var ps data.Problems
	if !errors.As(err, &ps) || !ps.HasErrors() || ps[0].Field != "确定发展对象日期" {
		t.Fatalf("err = %v, want a problem on 确定发展对象日期", err)
	}
	// An unknown village.
	d = devRecord2("城关镇", "西山村", "韩一", idNumber("20000101", 1), "2024-03-01", "", "", "", "")
	if err := s.SaveDevelopment(ctx, &d); err == nil {
		t.Fatal("a development in an unknown village was saved")
	}
	// A commendation naming a village not of its township.
	c := data.Commendation{Year: 2026, Township: "城关镇", Village: "西山村", Category: data.CommendOrg, Subject: "西山村党支部", Level: data.ByCounty}
	if err := s.SaveCommendation(ctx, &c); err == nil || !strings.Contains(err.Error(), "西山村") {
		t.Fatalf("err = %v, want the unknown village named", err)
	}
	// A person's commendation without an ID number.
	c = data.Commendation{Year: 2026, Township: "城关镇", Category: data.CommendMember, Subject: "王五", Level: data.ByCounty}
	if err := s.SaveCommendation(ctx, &c); !errors.As(err, &ps) || ps[0].Field != "身份证号" {
		t.Fatalf("err = %v, want a problem on 身份证号", err)
	}
}

// TestDevelopmentLockByYear: a lock of 2025 keeps what 2025's figures read of a person and
// lets the clerk record the person's later stages.
func TestDevelopmentLockByYear(t *testing.T) {
	s := openTest(t)
	b := data.Batch{Villages: []data.Village{village("城关镇", "东关村")},
		Developments: []data.Development{devRecord2("城关镇", "东关村", "杨二", idNumber("19990202", 2), "2024-03-01", "2025-03-01", "", "", "")}}
	if _, err := s.Import(ctx, b, "党建.xlsx"); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, 2025, "年报已上报"); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Developments(ctx, 0)
	if err != nil || len(ds) != 1 {
		t.Fatalf("Developments = %v, %v", ds, err)
	}
	d := ds[0]
	d.Candidate = day("2026-03-05")
	if err := s.SaveDevelopment(ctx, &d); err != nil {
		t.Fatalf("recording 2026's stage under a lock of 2025: %v", err)
	}
	d.Activist = day("2025-02-01")
	if err := s.SaveDevelopment(ctx, &d); !errors.Is(err, data.ErrLocked) {
		t.Fatalf("moving a 2025 date under a lock of 2025: %v, want ErrLocked", err)
	}
	if err := s.DeleteDevelopment(ctx, d.ID); !errors.Is(err, data.ErrLocked) {
		t.Fatalf("deleting a record with a 2025 date under a lock of 2025: %v, want ErrLocked", err)
	}
}
