package sqlite

import (
	"context"
	"strings"
	"testing"

	"liangwei/data"
)

// TestSubmissionsRecordedWithTheImport: an import from a file records a row per township it
// holds records of, in the import's transaction (a dry run records none); a file of 乡镇 rows
// only, or a batch not from a file, records nothing; 退回 needs a reason and is logged.
func TestSubmissionsRecordedWithTheImport(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	b := data.Batch{Villages: []data.Village{village("城关镇", "东关村"), village("柳河镇", "西关村")}}
	b.Prints = data.FilePrints(b, map[string]string{"城关镇": "00"})
	if _, err := s.PlanImport(ctx, b, "预演.xlsx"); err != nil {
		t.Fatal(err)
	}
	if subs, _ := s.Submissions(ctx); len(subs) != 0 {
		t.Fatalf("a dry run recorded %v", subs)
	}
	if _, err := s.Import(ctx, b, "县里.xlsx"); err != nil {
		t.Fatal(err)
	}
	roster := data.Batch{Townships: []data.Township{{Name: "白云乡"}}}
	roster.Prints = data.FilePrints(roster, nil)
	if _, err := s.Import(ctx, roster, "乡镇名单.xlsx"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, data.Batch{Villages: []data.Village{village("黄山镇", "一村")}}, "演示数据"); err != nil {
		t.Fatal(err)
	}
	subs, err := s.Submissions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 || subs[0].File != "县里.xlsx" || subs[0].By == "" || subs[0].At.IsZero() {
		t.Fatalf("submissions = %+v", subs)
	}
	states := map[string]string{}
	for _, x := range subs {
		states[x.Township] = x.PrintState()
	}
	if states["城关镇"] != data.PrintModified || states["柳河镇"] != data.PrintNone {
		t.Errorf("states = %v", states)
	}

	if err := s.ReturnSubmission(ctx, "城关镇", "  "); err == nil || !strings.Contains(err.Error(), "必须填写原因") {
		t.Errorf("return without a reason: %v", err)
	}
	if err := s.ReturnSubmission(ctx, "城关镇", "缺主任"); err != nil {
		t.Fatal(err)
	}
	subs, _ = s.Submissions(ctx)
	for _, x := range subs {
		if x.Returned != (x.Township == "城关镇") || x.Returned && (x.ReturnReason != "缺主任" || x.ReturnedBy == "") {
			t.Errorf("after return: %+v", x)
		}
	}
	log := mustAudit(t, s)
	if log[0].Action != ActionReturn || log[0].KindText() != "报送" || log[0].ActionText() != "退回" || !strings.Contains(log[0].NewValue, "缺主任") {
		t.Errorf("audit = %+v", log[0])
	}

	v := data.Verification{Township: "城关镇", File: "a.pdf", Kind: "summary", Round: 2026, Result: data.VerifyMismatch, Detail: "城关镇：换届"}
	if err := s.RecordVerifications(ctx, []data.Verification{v}); err != nil {
		t.Fatal(err)
	}
	vs, err := s.Verifications(ctx)
	if err != nil || len(vs) != 1 || vs[0].Result != data.VerifyMismatch || vs[0].Detail != v.Detail || vs[0].At.IsZero() {
		t.Errorf("verifications = %+v, %v", vs, err)
	}
}
