package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// idFor builds a valid 身份证号 in 371602 for a birth date (YYYYMMDD) and a 3-digit sequence
// whose last digit is odd for a man, even for a woman.
func idFor(birth string, seq int) string {
	b17 := fmt.Sprintf("371602%s%03d", birth, seq)
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(b17[i]-'0') * idWeights[i]
	}
	return b17 + string("10X98765432"[sum%11])
}

func TestParseIDNumber(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		birth  string // "" when an error is wanted
		gender Gender
	}{
		{"man", "371602198006151237", "1980-06-15", Male},
		{"woman", "371602198006151245", "1980-06-15", Female},
		{"check digit X", "37160219800615100X", "1980-06-15", Female},
		{"lower-case x", "37160219800615100x", "1980-06-15", Female},
		{"spaces around", " 11010519491001100X ", "1949-10-01", Female},
		{"full-width digits", "３７１６０２１９８００６１５１２３７", "1980-06-15", Male},
		{"29 February of a leap year", "371602199602291230", "1996-02-29", Male},
		{"29 February of a leap year, X", "37160219960229102X", "1996-02-29", Female},
		{"29 February of a common year", "371602199702291238", "", ""},
		{"29 February of a common year, X", "37160219970229106X", "", ""},
		{"wrong check digit", "371602198006151238", "", ""},
		{"X where a digit belongs", "37160219800615123X", "", ""},
		{"17 characters", "37160219800615123", "", ""},
		{"19 characters", "3716021980061512370", "", ""},
		{"letter inside", "3716021980A6151237", "", ""},
		{"empty", "", "", ""},
		{"born in the future", "371602209001011236", "", ""},
		{"born before 1900", "371602189912311234", "", ""},
		{"month 13", idFor("19801315", 123), "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			birth, g, err := ParseIDNumber(c.in)
			if c.birth == "" {
				if err == nil {
					t.Fatalf("ParseIDNumber(%q) = %v, %v; want an error", c.in, birth, g)
				}
				return
			}
			if err != nil || FormatDate(birth) != c.birth || g != c.gender {
				t.Fatalf("ParseIDNumber(%q) = %s, %q, %v; want %s, %q", c.in, FormatDate(birth), g, err, c.birth, c.gender)
			}
		})
	}
	// The message of a wrong check digit says which digit is right.
	if _, _, err := ParseIDNumber("371602198006151238"); err == nil || !strings.Contains(err.Error(), "校验位") || !strings.Contains(err.Error(), "7") {
		t.Errorf("check-digit message: %v", err)
	}
}

func TestNormalizeAndMaskID(t *testing.T) {
	for _, c := range []struct{ in, norm, mask string }{
		{"37160219800615100x", "37160219800615100X", "3716**********100X"},
		{" 371602198006151237", "371602198006151237", "3716**********1237"},
		{"", "", ""},
		{"12345678", "12345678", "********"},
		{"123456789", "123456789", "1234*6789"},
	} {
		if got := NormalizeID(c.in); got != c.norm {
			t.Errorf("NormalizeID(%q) = %q, want %q", c.in, got, c.norm)
		}
		if got := MaskID(NormalizeID(c.in)); got != c.mask {
			t.Errorf("MaskID(%q) = %q, want %q", c.in, got, c.mask)
		}
	}
}

func TestAgeOn(t *testing.T) {
	for _, c := range []struct {
		birth string
		round int
		want  int
	}{
		{"2008-01-01", 2026, 18}, // turns 18 on 1 January itself
		{"2008-01-02", 2026, 17},
		{"2007-12-31", 2026, 18},
		{"1980-06-15", 2026, 45},
		{"1966-01-01", 2026, 60},
		{"1966-01-02", 2026, 59},
		{"1996-02-29", 2026, 29},
	} {
		if got := AgeOn(d(c.birth), c.round); got != c.want {
			t.Errorf("AgeOn(%s, %d) = %d, want %d", c.birth, c.round, got, c.want)
		}
	}
	if got := AgeOn(time.Time{}, 2026); got != 0 {
		t.Errorf("unknown birth: %d", got)
	}
}

// goodMember is a 书记 who breaks no rule.
func goodMember() Member {
	return Member{Township: "城关镇", Village: "东关村", Round: 2026, Name: "王镕", IDNumber: "371602198006151237",
		Gender: Male, Birth: d("1980-06-15"), Ethnicity: "汉族", Education: EduCollege, Political: PolParty,
		PartyPost: PartySecretary, CommitteePost: CommitteeDirector, Tenure: TenureReelected, Tags: []string{"致富能手"}, Phone: "13800000000"}
}

func TestMemberValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Member)
		want   string
	}{
		{"good", func(m *Member) {}, ""},
		{"gender and birth absent", func(m *Member) { m.Gender, m.Birth = "", time.Time{} }, ""},
		{"ID ending in X", func(m *Member) { m.IDNumber, m.Gender = "37160219800615100X", Female }, ""},
		{"lower-case x", func(m *Member) { m.IDNumber, m.Gender = "37160219800615100x", Female }, ""},
		{"born 29 February of a leap year", func(m *Member) { m.IDNumber, m.Birth = "371602199602291230", d("1996-02-29") }, ""},
		{"born 29 February of a common year", func(m *Member) { m.IDNumber, m.Birth = "371602199702291238", time.Time{} }, "错误:身份证号"},
		{"17 on 1 January of the round", func(m *Member) { m.IDNumber, m.Birth = "371602200801021239", time.Time{} }, "错误:身份证号"},
		{"18 exactly on 1 January of the round", func(m *Member) { m.IDNumber, m.Birth = "371602200801011233", time.Time{} }, ""},
		{"17-year-old is fine in a later round", func(m *Member) { m.IDNumber, m.Birth, m.Round = "371602200801021239", time.Time{}, 2027 }, ""},
		{"wrong check digit", func(m *Member) { m.IDNumber = "371602198006151238" }, "错误:身份证号"},
		{"no ID", func(m *Member) { m.IDNumber = "" }, "错误:身份证号"},
		{"gender does not match", func(m *Member) { m.Gender = Female }, "错误:性别"},
		{"birth does not match", func(m *Member) { m.Birth = d("1980-06-16") }, "错误:出生日期"},
		{"bad gender", func(m *Member) { m.Gender = "未知" }, "错误:性别"},
		{"party post held by a 群众", func(m *Member) { m.Political = PolMasses }, "错误:党组织职务"},
		{"party post held by a 预备党员", func(m *Member) { m.Political = PolProbationary }, "错误:党组织职务"},
		{"party post without political status", func(m *Member) { m.Political = "" }, "错误:党组织职务"},
		{"committee post held by a 群众", func(m *Member) { m.Political, m.PartyPost = PolMasses, PartyNone }, ""},
		{"no post", func(m *Member) { m.PartyPost, m.CommitteePost = PartyNone, CommitteeNone }, "错误:党组织职务"},
		{"bad party post", func(m *Member) { m.PartyPost = "组长" }, "错误:党组织职务"},
		{"bad committee post", func(m *Member) { m.CommitteePost = "会计" }, "错误:村委会职务"},
		{"empty name", func(m *Member) { m.Name = "" }, "错误:姓名"},
		{"30-character name", func(m *Member) { m.Name = strings.Repeat("堃", 30) }, ""},
		{"31-character name", func(m *Member) { m.Name = strings.Repeat("堃", 31) }, "错误:姓名"},
		{"no village", func(m *Member) { m.Village = "" }, "错误:村名"},
		{"round out of range", func(m *Member) { m.Round = 1900 }, "错误:届次"},
		{"bad education", func(m *Member) { m.Education = "小学" }, "错误:学历"},
		{"bad political", func(m *Member) { m.Political, m.PartyPost = "团员", PartyNone }, "错误:政治面貌"},
		{"bad tenure", func(m *Member) { m.Tenure = "新" }, "错误:新任或连任"},
		{"long phone", func(m *Member) { m.Phone = strings.Repeat("1", 31) }, "错误:联系电话"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := goodMember()
			c.change(&m)
			if got := fields(m.Validate()); got != c.want {
				t.Errorf("got %q, want %q (%v)", got, c.want, m.Validate())
			}
		})
	}
}

func TestFillFromID(t *testing.T) {
	cases := []struct {
		name       string
		in         Member
		wantID     string
		wantGender Gender
		wantBirth  string
	}{
		{"both filled", Member{IDNumber: " 37160219800615100x"}, "37160219800615100X", Female, "1980-06-15"},
		{"given values kept", Member{IDNumber: "371602198006151237", Gender: Female, Birth: d("1981-01-01")}, "371602198006151237", Female, "1981-01-01"},
		{"invalid ID fills nothing", Member{IDNumber: "371602198006151238"}, "371602198006151238", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.in
			m.FillFromID()
			if m.IDNumber != c.wantID || m.Gender != c.wantGender || FormatDate(m.Birth) != c.wantBirth {
				t.Errorf("got %q %q %s, want %q %q %s", m.IDNumber, m.Gender, FormatDate(m.Birth), c.wantID, c.wantGender, c.wantBirth)
			}
		})
	}
}

func TestCheckMembers(t *testing.T) {
	mk := func(village string, round int, name, id string, pp PartyPost, cp CommitteePost) Member {
		return Member{Township: "城关镇", Village: village, Round: round, Name: name, IDNumber: id, Political: PolParty, PartyPost: pp, CommitteePost: cp}
	}
	ms := []Member{
		// 东关村 2026: two 书记 (second is an error), a 主任, a woman on the 村委会: no warning.
		0: mk("东关村", 2026, "甲", idFor("19800101", 101), PartySecretary, CommitteeNone),
		1: mk("东关村", 2026, "乙", idFor("19800101", 102), PartyMember, CommitteeDirector),
		2: mk("东关村", 2026, "丙", idFor("19800101", 103), PartySecretary, CommitteeNone),
		// 西关村 2026: 一肩挑 man, another man on the 村委会, two 主任: error; no woman: warning.
		3: mk("西关村", 2026, "丁", idFor("19800101", 105), PartySecretary, CommitteeDirector),
		4: mk("西关村", 2026, "戊", idFor("19800101", 107), PartyNone, CommitteeDirector),
		// 南关村 2026: a party 委员 only: no 书记, no 主任; no committee members, so no woman warning.
		5: mk("南关村", 2026, "己", idFor("19800101", 109), PartyMember, CommitteeNone),
		// 东关村 2021: another round, its own 书记 and a woman 主任 (gender given, not from the ID).
		6: mk("东关村", 2021, "庚", idFor("19800101", 111), PartySecretary, CommitteeNone),
		7: mk("东关村", 2021, "辛", idFor("19800101", 113), PartyNone, CommitteeDirector),
	}
	ms[1].IDNumber = idFor("19800101", 102) // woman (even 17th digit)
	ms[7].Gender = Female
	got := CheckMembers(ms)
	want := []string{
		"2 城关镇/东关村 2026 错误:党组织职务",
		"4 城关镇/西关村 2026 错误:村委会职务",
		"-1 城关镇/南关村 2026 警告:党组织职务",
		"-1 城关镇/南关村 2026 警告:村委会职务",
		"-1 城关镇/西关村 2026 警告:性别",
	}
	var gs []string
	for _, f := range got {
		gs = append(gs, fmt.Sprintf("%d %s/%s %d %s:%s", f.Index, f.Key.Township, f.Key.Village, f.Round, f.Level, f.Field))
	}
	if strings.Join(gs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(gs, "\n"), strings.Join(want, "\n"))
	}
	if len(got) > 0 && !strings.Contains(got[0].Message, "甲") {
		t.Errorf("the duplicate-书记 message should name the first: %q", got[0].Message)
	}
}

func TestLeadershipValidate(t *testing.T) {
	cases := []struct {
		name string
		l    Leadership
		want string
	}{
		{"good", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2}, ""},
		{"cross equals the smaller", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 4}, ""},
		{"cross above the government", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 9, Government: 4, Cross: 5}, "错误:交叉任职数"},
		{"cross above the party committee", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 3, Government: 4, Cross: 4}, "错误:交叉任职数"},
		{"negative", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: -1, Government: 4}, "错误:党委班子成员数"},
		{"negative cross", Leadership{Township: "城关镇", Round: 2026, PartyCommittee: 1, Government: 4, Cross: -1}, "错误:交叉任职数"},
		{"no township", Leadership{Round: 2026}, "错误:乡镇"},
		{"bad round", Leadership{Township: "城关镇", Round: 26}, "错误:届次"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fields(c.l.Validate()); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseTags(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"退役军人", "退役军人"},
		{"退役军人、致富能手", "退役军人、致富能手"},
		{" 大学生村官，退役军人; 致富能手 / 退役军人 ", "大学生村官、退役军人、致富能手"},
		{"、、", ""},
	} {
		tags := ParseTags(c.in)
		if got := FormatTags(tags); got != c.want {
			t.Errorf("ParseTags(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if ParseTags("") != nil {
		t.Error("ParseTags(\"\") should be nil")
	}
}

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{"371602198006151237", "37160219800615100x", "371602199702291238", "", "３７１６０２１９８００６１５１２３７", "00000000000000000X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		birth, g, err := ParseIDNumber(s)
		if err != nil {
			if !birth.IsZero() || g != "" {
				t.Fatalf("%q: error with values", s)
			}
			return
		}
		id := NormalizeID(s)
		if len(id) != 18 || FormatDate(birth) != id[6:10]+"-"+id[10:12]+"-"+id[12:14] {
			t.Fatalf("%q: birth %v does not match %q", s, birth, id)
		}
		if (g == Male) != ((id[16]-'0')%2 == 1) {
			t.Fatalf("%q: gender %q", s, g)
		}
		// A valid ID stays valid once normalised, and its mask keeps its length and ends.
		if _, _, err := ParseIDNumber(id); err != nil {
			t.Fatalf("%q normalised to %q: %v", s, id, err)
		}
		if m := MaskID(id); len(m) != 18 || m[:4] != id[:4] || m[14:] != id[14:] {
			t.Fatalf("MaskID(%q) = %q", id, m)
		}
	})
}
