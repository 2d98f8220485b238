package data

import (
	"testing"
	"time"
)

// checkKind checks a description against itself: unique headers and aliases, key headers
// that are fields, enum values that their own parser reads back, and Set(Get) keeping a
// record as it was.
func checkKind[R any](t *testing.T, k *Kind[R], sample R) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range k.Columns() {
		for _, h := range append([]string{c.Header}, c.Aliases...) {
			if seen[h] {
				t.Errorf("%s: header %s twice", k.Name, h)
			}
			seen[h] = true
		}
	}
	if len(k.KeyHeaders()) == 0 {
		t.Errorf("%s: no key", k.Name)
	}
	for _, h := range k.KeyHeaders() {
		if f := k.Field(h); f == nil || !f.Key {
			t.Errorf("%s: key %s is not a keyed field", k.Name, h)
		}
	}
	for i := range k.Fields {
		f := &k.Fields[i]
		var probe R
		for _, v := range f.Values {
			in := v
			if f.Type == YesNoType {
				continue
			}
			if v == NoneText {
				in = ""
			}
			if err := f.Set(&probe, v); err != nil {
				t.Errorf("%s.%s: its own value %q is refused: %v", k.Name, f.Header, v, err)
			} else if got := f.Text(&probe); got != in {
				t.Errorf("%s.%s: %q reads back as %q", k.Name, f.Header, v, got)
			}
		}
		copyOf := sample
		v := f.Get(&copyOf)
		if f.Type == EnumType {
			v = FormatValue(v)
		}
		if err := f.Set(&copyOf, v); err != nil {
			t.Errorf("%s.%s: Set(Get) = %v", k.Name, f.Header, err)
		}
		if k.AuditValue(&copyOf) != k.AuditValue(&sample) {
			t.Errorf("%s.%s: Set(Get) changed the record", k.Name, f.Header)
		}
	}
	if k.Records == nil || k.Validate == nil {
		t.Errorf("%s: Records or Validate missing", k.Name)
	}
}

func TestDescriptions(t *testing.T) {
	day := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	checkKind(t, TownshipDesc, Township{Name: "城关镇", County: "青山县", Contact: "张三", Phone: "0371-1234567"})
	checkKind(t, VillageDesc, Village{Township: "城关镇", Name: "王家庄村", Kind: KindVillage, Households: 300, Population: 1200, Code: "410101001001", Status: VillageActive})
	checkKind(t, ElectionDesc, Election{Township: "城关镇", Village: "王家庄村", Round: 2026, Body: BodyParty, Status: StatusCompleted, CompletedOn: day, OneTime: true, Eligible: 40, Participants: 38, Seats: 5, Candidates: 6, Elected: 5})
	checkKind(t, MemberDesc, Member{Township: "城关镇", Village: "王家庄村", Round: 2026, Name: "李四", IDNumber: "11010519491231002X", Gender: Female, Birth: day, Ethnicity: "汉族", Education: EduCollege, Political: PolParty, PartyPost: PartySecretary, Tenure: TenureNew, Tags: []string{"退役军人"}, Phone: "13800000000"})
	checkKind(t, PartyOrgDesc, PartyOrg{Township: "城关镇", Village: "王家庄村", Year: 2026, Type: OrgTypes[0], Members: 40, HasTeam: true, VenueArea: 120.5, Income: 3})
	checkKind(t, LeadershipDesc, Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 7, Cross: 3})
	checkKind(t, ComplaintDesc, Complaint{Township: "城关镇", No: "城关信〔2026〕1号", Received: day, Channel: ChanLetter, Category: CatBribery, Result: ResPending})
	checkKind(t, TalkDesc, Talk{Township: "城关镇", No: "城关谈〔2026〕1号", Date: day, Mode: ModeRequested, Category: TalkPersonal})
	checkKind(t, DevelopmentDesc, Development{Township: "城关镇", Village: "王家庄村", Name: "李四", IDNumber: "11010519491231002X", Gender: Female, Birth: day, Ethnicity: "汉族", Education: EduCollege, Applied: day, Activist: day, Contact: "王五", Note: "无"})
	checkKind(t, CommendationDesc, Commendation{Year: 2026, Township: "城关镇", Village: "王家庄村", Category: CommendVillSecretary, Subject: "李四", IDNumber: "11010519491231002X", Level: ByCity, Date: day, DocNo: "青市发〔2026〕1号"})
	if len(Kinds) != 18 || len(RecordKinds()) != 14 {
		t.Errorf("Kinds = %d, record kinds = %d; want 18 and 14", len(Kinds), len(RecordKinds()))
	}
}

// TestAuditValue: the audit log's value of a record is its fields in order, numbers as
// numbers, dates, yes/no and posts as text — the JSON the log has always stored.
func TestAuditValue(t *testing.T) {
	e := Election{Township: "城关镇", Village: "王家庄村", Round: 2026, Body: BodyCommittee, Status: StatusCompleted,
		CompletedOn: time.Date(2026, 5, 8, 0, 0, 0, 0, time.UTC), OneTime: true, Eligible: 812, Participants: 700, Seats: 5, Candidates: 7, Elected: 5, Reason: "<a&b>"}
	got := ElectionDesc.AuditValue(&e)
	want := `{"乡镇":"城关镇","村名":"王家庄村","届次":2026,"组织":"村委会","状态":"已完成","完成日期":"2026-05-08","一次选举成功":"是","应参加人数":812,"实参加人数":700,"应选职数":5,"候选人数":7,"当选人数":5,"未完成原因":"\u003ca\u0026b\u003e"}`
	if got != want {
		t.Errorf("AuditValue =\n%s\nwant\n%s", got, want)
	}
	p := PartyOrg{Township: "城关镇", Village: "王家庄村", Year: 2026, VenueArea: 120.5, Income: 0}
	if got := PartyOrgDesc.AuditValue(&p); !contains(got, `"场所面积":120.5`) || !contains(got, `"集体经济收入":0`) || !contains(got, `"有班子":"否"`) {
		t.Errorf("PartyOrg AuditValue = %s", got)
	}
	m := Member{Tags: []string{"退役军人", "退役军人", "致富能手"}}
	if got := MemberDesc.AuditValue(&m); !contains(got, `"身份标签":"退役军人、致富能手"`) || !contains(got, `"党组织职务":""`) {
		t.Errorf("Member AuditValue = %s", got)
	}
}

// TestCell: what the workbook gets — numbers as numbers, an amount of 0 blank, a post of
// none as —, other empty enums blank.
func TestCell(t *testing.T) {
	m := Member{Round: 2026}
	for h, want := range map[string]any{"届次": 2026, "党组织职务": NoneText, "学历": "", "出生日期": ""} {
		if got := MemberDesc.Field(h).Cell(&m); got != want {
			t.Errorf("Cell(%s) = %#v, want %#v", h, got, want)
		}
	}
	p := PartyOrg{VenueArea: 12.5}
	if got := PartyOrgDesc.Field("场所面积").Cell(&p); got != 12.5 {
		t.Errorf("Cell(场所面积) = %#v", got)
	}
	if got := PartyOrgDesc.Field("集体经济收入").Cell(&p); got != "" {
		t.Errorf("Cell(集体经济收入) of 0 = %#v, want blank", got)
	}
	if got := MemberDesc.KeyParts(&Member{Township: "城关镇", Village: "王家庄村"}); len(got) != 4 || got[2] != "" {
		t.Errorf("KeyParts with no round = %q", got)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestFieldAt(t *testing.T) {
	if f := TalkDesc.FieldAt(func(t *Talk) any { return &t.Interviewee }); f.Header != "被约谈人" {
		t.Errorf("FieldAt(Interviewee) = %s", f.Header)
	}
	if f := MemberDesc.FieldAt(func(m *Member) any { return &m.PartyPost }); f.Header != "党组织职务" || f.Type != EnumType {
		t.Errorf("FieldAt(PartyPost) = %s", f.Header)
	}
	defer func() {
		if recover() == nil {
			t.Error("FieldAt of a field the description lacks did not panic")
		}
	}()
	TalkDesc.FieldAt(func(t *Talk) any { return &t.ID })
}

// TestVillageHeader: every kind that names a village names it under VillageHeader, where the
// village rule places its problems.
func TestVillageHeader(t *testing.T) {
	for _, h := range []string{
		ElectionDesc.FieldAt(func(e *Election) any { return &e.Village }).Header,
		MemberDesc.FieldAt(func(m *Member) any { return &m.Village }).Header,
		PartyOrgDesc.FieldAt(func(p *PartyOrg) any { return &p.Village }).Header,
		ComplaintDesc.FieldAt(func(c *Complaint) any { return &c.Village }).Header,
	} {
		if h != VillageHeader {
			t.Errorf("village header %s, want %s", h, VillageHeader)
		}
	}
}

// TestSetText: every type reads text as the workbook and the forms write it, and says why
// it cannot.
func TestSetText(t *testing.T) {
	var e Election
	for h, in := range map[string]string{"届次": "2026年", "组织": "村民委员会", "完成日期": "2026年5月8日", "一次选举成功": "是", "应参加人数": "1,200", "未完成原因": "无"} {
		if err := ElectionDesc.Field(h).SetText(&e, in); err != nil {
			t.Errorf("SetText(%s, %q) = %v", h, in, err)
		}
	}
	want := Election{Round: 2026, Body: BodyCommittee, CompletedOn: time.Date(2026, 5, 8, 0, 0, 0, 0, time.UTC), OneTime: true, Eligible: 1200, Reason: "无"}
	if ElectionDesc.AuditValue(&e) != ElectionDesc.AuditValue(&want) {
		t.Errorf("read %+v, want %+v", e, want)
	}
	var p PartyOrg
	for h, in := range map[string]string{"年度": "二〇二六", "场所面积": "-3", "党员数": "十二", "有班子": "也许"} {
		if err := PartyOrgDesc.Field(h).SetText(&p, in); err == nil {
			t.Errorf("SetText(%s, %q) took it", h, in)
		}
	}
	if err := PartyOrgDesc.Field("年度").SetText(&p, "1900"); err == nil || !contains(err.Error(), "年度") {
		t.Errorf("a year out of range: %v, want the 年度 message", err)
	}
	var m Member
	if err := MemberDesc.Field("身份标签").SetText(&m, "退役军人、致富能手，退役军人"); err != nil || len(m.Tags) != 2 {
		t.Errorf("tags = %v, %v", m.Tags, err)
	}
}

// TestEveryKindNamesItsTownship: every kind has a text field headed TownshipHeader, which
// ForTownship and the importer read.
func TestEveryKindNamesItsTownship(t *testing.T) {
	for _, k := range Descriptions {
		var l Ledger
		if k.Count(&l) != 0 {
			t.Errorf("%s: an empty ledger counts records", k.Info().Name)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: no text field %s: %v", k.Info().Name, TownshipHeader, r)
				}
			}()
			k.CopyTownship(&l, &Ledger{}, "城关镇")
		}()
	}
	if len(Descriptions)+4 != len(Kinds) { // and the log's four other subjects
		t.Errorf("Kinds = %d, Descriptions = %d", len(Kinds), len(Descriptions))
	}
}

// TestOptionalFieldLeftOut: an optional field (选举方式) left empty is not in the audit value,
// so records written before it existed keep their value and fingerprint; set, it is.
func TestOptionalFieldLeftOut(t *testing.T) {
	e := Election{Township: "城关镇", Village: "新华社区", Round: 2026, Body: BodyCommittee}
	if got := ElectionDesc.AuditValue(&e); contains(got, "选举方式") {
		t.Errorf("empty 选举方式 in %s", got)
	}
	e.Method = VoteDelegates
	if got := ElectionDesc.AuditValue(&e); !contains(got, `"选举方式":"居民代表"}`) {
		t.Errorf("选举方式 missing from %s", got)
	}
}
