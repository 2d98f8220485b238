package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"liangwei/data"
)

func partyWorkLedger() data.Ledger {
	d := func(s string) time.Time { t, _ := data.ParseDate(s); return t }
	return data.Ledger{
		Villages: []data.Village{{Township: "城关镇", Name: "东关村", Kind: data.KindVillage, Status: data.VillageActive}},
		Developments: []data.Development{
			{Township: "城关镇", Village: "东关村", Name: "王镕", IDNumber: "110105200001010017", Gender: data.Male, Education: data.EduCollege,
				Applied: d("2024-01-10"), Activist: d("2024-03-01"), Candidate: d("2025-03-01"), Admitted: d("2026-03-01"), Contact: "赵一", Vetting: "合格"},
			{Township: "城关镇", Village: "东关村", Name: "李堃", IDNumber: "110105199901010026", Gender: data.Female,
				Applied: d("2026-02-10"), Activist: d("2026-04-01")},
		},
		PartyOrgs: []data.PartyOrg{{Township: "城关镇", Village: "东关村", Year: 2026, Developed: 2}},
		Commendations: []data.Commendation{
			{Year: 2026, Township: "城关镇", Village: "东关村", Category: data.CommendOrg, Subject: "东关村党支部", Level: data.ByCity, Date: d("2026-06-28"), DocNo: "青市发〔2026〕12号"},
			{Year: 2026, Township: "城关镇", Category: data.CommendWorker, Subject: "赵赟", IDNumber: "110105198001010013", Level: data.ByCounty, Date: d("2026-06-28")},
		},
	}
}

func TestWriteDevelopmentContent(t *testing.T) {
	r := data.BuildDevelopment(partyWorkLedger(), 2026, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	r.Township = "城关镇"
	var a, b bytes.Buffer
	if err := WriteDevelopment(&a, r, testMeta); err != nil {
		t.Fatal(err)
	}
	if err := WriteDevelopment(&b, r, testMeta); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("not deterministic: %v", err)
	}
	var text string
	for _, p := range pdfPages(t, a.Bytes()) {
		text += flatText(p) + " "
	}
	for _, want := range []string{
		"城关镇发展党员工作情况统计表（2026年）",
		"东关村 0 1 0 1 0 2 1 0 2",
		"王镕 男 大专 2024-01-10 2024-03-01 2025-03-01 2026-03-01 预备党员 转为正式党员：预备期满 2027-03-01",
		"李堃 女",
		"确定发展对象：最早 2027-04-01",
		"年度发展党员数",
		"发展党员工作细则",
		"第 1 页 共",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}

func TestWriteCommendationsContent(t *testing.T) {
	r := data.BuildCommendations(partyWorkLedger(), 2026)
	r.Township = "城关镇"
	var buf bytes.Buffer
	if err := WriteCommendations(&buf, r, testMeta); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, buf.Bytes())
	text := flatText(pages[0])
	for _, want := range []string{
		"城关镇创先争优表彰情况表（2026年）",
		"先进基层党组织 0 1 0 0 1",
		"优秀党务工作者 1 0 0 0 1",
		"合计 1 1 0 0 2",
		"1 先进基层党组织 东关村党支部 东关村 市级 2026-06-28 青市发〔2026〕12号",
		"1101**********0013",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q; got:\n%s", want, text)
		}
	}
}
