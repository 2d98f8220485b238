package data

import (
	"strings"
	"testing"
	"time"
)

// TestParsers checks each enumeration parser on its usual spellings, the empty cell and a
// value it must refuse.
func TestParsers(t *testing.T) {
	type parser = func(string) (string, error)
	parsers := map[string]parser{
		"gender":    func(s string) (string, error) { v, err := ParseGender(s); return string(v), err },
		"education": func(s string) (string, error) { v, err := ParseEducation(s); return string(v), err },
		"political": func(s string) (string, error) { v, err := ParsePolitical(s); return string(v), err },
		"party":     func(s string) (string, error) { v, err := ParsePartyPost(s); return string(v), err },
		"committee": func(s string) (string, error) { v, err := ParseCommitteePost(s); return string(v), err },
		"tenure":    func(s string) (string, error) { v, err := ParseTenure(s); return string(v), err },
		"orgtype":   func(s string) (string, error) { v, err := ParseOrgType(s); return string(v), err },
		"rect":      func(s string) (string, error) { v, err := ParseRectification(s); return string(v), err },
		"channel":   func(s string) (string, error) { v, err := ParseChannel(s); return string(v), err },
		"category":  func(s string) (string, error) { v, err := ParseComplaintCategory(s); return string(v), err },
		"result":    func(s string) (string, error) { v, err := ParseComplaintResult(s); return string(v), err },
		"mode":      func(s string) (string, error) { v, err := ParseTalkMode(s); return string(v), err },
		"talkcat":   func(s string) (string, error) { v, err := ParseTalkCategory(s); return string(v), err },
	}
	const bad = "\x00bad" // want marks a refusal
	cases := []struct{ parser, in, want string }{
		{"gender", "男", "男"}, {"gender", " 女性 ", "女"}, {"gender", "f", "女"}, {"gender", "", ""}, {"gender", "未知", bad},
		{"education", "初中", "初中及以下"}, {"education", "中专", "高中中专"}, {"education", "专科", "大专"},
		{"education", "研究生", "本科及以上"}, {"education", "本科及以上", "本科及以上"}, {"education", "", ""}, {"education", "幼儿园", bad},
		{"political", "党员", "中共党员"}, {"political", "中共预备党员", "预备党员"}, {"political", "群众", "群众"},
		{"political", "共青团员", "其他"}, {"political", "", ""}, {"political", "党外", bad},
		{"party", "", ""}, {"party", "—", ""}, {"party", "无", ""}, {"party", "党支部书记", "书记"}, {"party", "副书记", "副书记"},
		{"party", "支委", "委员"}, {"party", "主任", bad},
		{"committee", "-", ""}, {"committee", "村委会主任", "主任"}, {"committee", "副主任", "副主任"}, {"committee", "村委委员", "委员"},
		{"committee", "书记", bad},
		{"tenure", "新任", "新任"}, {"tenure", "连选连任", "连任"}, {"tenure", "", ""}, {"tenure", "调任", bad},
		{"orgtype", "", "党支部"}, {"orgtype", "总支", "党总支"}, {"orgtype", "党委", "党委"}, {"orgtype", "工委", bad},
		{"rect", "", ""}, {"rect", "整改中", "整顿中"}, {"rect", "销号", "已销号"}, {"rect", "完成", bad},
		{"channel", "来信", "来信"}, {"channel", "走访", "来访"}, {"channel", "来电", "电话"}, {"channel", "网上", "网络"},
		{"channel", "短信", "短信"}, {"channel", "交办", "上级交办"}, {"channel", "", ""}, {"channel", "传真", bad},
		{"category", "贿选", "拉票贿选"}, {"category", "资格争议", "资格争议"}, {"category", "程序", "程序违规"},
		{"category", "其它", "其他"}, {"category", "", ""}, {"category", "经济", bad},
		{"result", "", "办理中"}, {"result", "属实", "属实"}, {"result", "基本属实", "部分属实"}, {"result", "失实", "不属实"},
		{"result", "驳回", bad},
		{"mode", "申请", "申请约谈"}, {"mode", "主动约谈", "主动约谈"}, {"mode", "下访", "下访约谈"}, {"mode", "", ""}, {"mode", "电话", bad},
		{"talkcat", "个人诉求", "个人诉求"}, {"talkcat", "汇报工作", "汇报工作和思想"}, {"talkcat", "建议", "意见建议"},
		{"talkcat", "", ""}, {"talkcat", "批评", bad},
	}
	for _, c := range cases {
		t.Run(c.parser+"/"+c.in, func(t *testing.T) {
			got, err := parsers[c.parser](c.in)
			if c.want == bad {
				if err == nil {
					t.Fatalf("got %q, want an error", got)
				}
				if !strings.Contains(err.Error(), "不是有效的值") {
					t.Errorf("message %q", err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12.5", 12.5, true}, {"", 0, true}, {" 0 ", 0, true}, {"1,234.5", 1234.5, true}, {"120平方米", 120, true},
		{"8.6万元", 8.6, true}, {"150㎡", 150, true},
		{"-1", 0, false}, {"abc", 0, false}, {"1e3", 0, false}, {"NaN", 0, false}, {"万元", 0, false}, {"1.2.3", 0, false}, {"1e13", 0, false},
	} {
		got, err := ParseAmount(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}

// goodOrg is a party organization meeting all four guarantees.
func goodOrg() PartyOrg {
	return PartyOrg{Township: "城关镇", Village: "东关村", Year: 2026, Type: OrgBranch, Members: 40, Women: 8, Probationary: 2,
		Developed: 1, HasTeam: true, HasVenue: true, VenueArea: 120, HasActivity: true, Activities: 12, HasIncome: true, Income: 8.5}
}

func TestPartyOrgValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*PartyOrg)
		want   string
	}{
		{"good", func(p *PartyOrg) {}, ""},
		{"women equal members", func(p *PartyOrg) { p.Women = 40 }, ""},
		{"more women than members", func(p *PartyOrg) { p.Women = 41 }, "错误:女党员数"},
		{"more probationary than members", func(p *PartyOrg) { p.Probationary = 41 }, "错误:预备党员数"},
		{"negative members", func(p *PartyOrg) { p.Members, p.Women, p.Probationary = -1, 0, 0 }, "错误:党员数"},
		{"negative development", func(p *PartyOrg) { p.Developed = -1 }, "错误:年度发展党员数"},
		{"venue without area", func(p *PartyOrg) { p.VenueArea = 0 }, "错误:场所面积"},
		{"income without amount", func(p *PartyOrg) { p.Income = 0 }, "错误:集体经济收入"},
		{"negative area", func(p *PartyOrg) { p.HasVenue, p.VenueArea = false, -5 }, "错误:场所面积,警告:有场所"},
		{"no venue, no area", func(p *PartyOrg) { p.HasVenue, p.VenueArea = false, 0 }, "警告:有场所"},
		{"two of four missing", func(p *PartyOrg) { p.HasTeam, p.HasIncome, p.Income = false, false, 0 }, "警告:有班子"},
		{"bad type", func(p *PartyOrg) { p.Type = "" }, "错误:党组织类型"},
		{"bad year", func(p *PartyOrg) { p.Year = 0 }, "错误:年度"},
		{"weak without measures", func(p *PartyOrg) { p.Weak = true }, "警告:整顿措施"},
		{"weak with measures", func(p *PartyOrg) { p.Weak, p.Measures, p.Result = true, "选派第一书记", RectClosed }, ""},
		{"result when not weak", func(p *PartyOrg) { p.Result = RectClosed }, "警告:整顿结果"},
		{"bad result", func(p *PartyOrg) { p.Weak, p.Measures, p.Result = true, "x", "好了" }, "错误:整顿结果"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodOrg()
			c.change(&p)
			if got := fields(p.Validate()); got != c.want {
				t.Errorf("got %q, want %q (%v)", got, c.want, p.Validate())
			}
		})
	}
	p := goodOrg()
	p.HasTeam, p.HasIncome, p.Income = false, false, 0
	if msg := p.Validate()[0].Message; !strings.Contains(msg, "有班子、有收入") {
		t.Errorf("四有 message should list what is missing: %q", msg)
	}
}

func TestEffectiveResult(t *testing.T) {
	for _, c := range []struct {
		weak bool
		in   Rectification
		want Rectification
	}{{true, RectNone, RectInProgress}, {true, RectClosed, RectClosed}, {true, RectInProgress, RectInProgress}, {false, RectClosed, RectNone}, {false, RectNone, RectNone}} {
		if got := (PartyOrg{Weak: c.weak, Result: c.in}).EffectiveResult(); got != c.want {
			t.Errorf("weak=%v %q: got %q, want %q", c.weak, c.in, got, c.want)
		}
	}
}

// goodComplaint is a closed complaint that breaks no rule.
func goodComplaint() Complaint {
	return Complaint{Township: "城关镇", No: "XF2026-001", Received: d("2026-03-02"), Channel: ChanVisit, Village: "东关村",
		Complainant: "匿名", Subject: "张某", Category: CatBribery, Summary: "反映拉票", Handler: "李明",
		Deadline: d("2026-03-31"), Result: ResUnfounded, Handling: "经核查不属实", Replied: d("2026-03-20")}
}

func TestComplaintValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Complaint)
		want   string
	}{
		{"good", func(c *Complaint) {}, ""},
		{"no result means 办理中", func(c *Complaint) { c.Result, c.Deadline = "", d("2026-12-31") }, ""},
		{"no number", func(c *Complaint) { c.No = " " }, "错误:编号"},
		{"no township", func(c *Complaint) { c.Township = "" }, "错误:乡镇"},
		{"no date", func(c *Complaint) { c.Received = time.Time{} }, "错误:受理日期"},
		{"no channel", func(c *Complaint) { c.Channel = "" }, "错误:渠道"},
		{"bad channel", func(c *Complaint) { c.Channel = "传真" }, "错误:渠道"},
		{"no category", func(c *Complaint) { c.Category = "" }, "错误:类别"},
		{"bad result", func(c *Complaint) { c.Result = "驳回" }, "错误:办理结果"},
		{"reply before receipt", func(c *Complaint) { c.Replied = d("2026-03-01") }, "错误:回复日期"},
		{"reply on the day of receipt", func(c *Complaint) { c.Replied = d("2026-03-02") }, ""},
		{"deadline before receipt", func(c *Complaint) { c.Deadline = d("2026-03-01") }, "错误:办结时限"},
		{"pending past the deadline", func(c *Complaint) { c.Result = ResPending }, "警告:办结时限"},
		{"closed past the deadline", func(c *Complaint) { c.Result = ResTrue }, ""},
		{"no village is fine", func(c *Complaint) { c.Village = "" }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := goodComplaint()
			c.change(&x)
			if got := fields(x.Validate(today)); got != c.want {
				t.Errorf("got %q, want %q (%v)", got, c.want, x.Validate(today))
			}
		})
	}
}

func TestComplaintOverdue(t *testing.T) {
	c := Complaint{Result: ResPending, Deadline: d("2026-03-31")}
	for _, x := range []struct {
		name   string
		result ComplaintResult
		ref    time.Time
		want   bool
	}{
		{"the day before", ResPending, d("2026-03-30"), false},
		{"the deadline day", ResPending, d("2026-03-31"), false},
		{"the deadline day, late evening", ResPending, d("2026-03-31").Add(23 * time.Hour), false},
		{"the day after", ResPending, d("2026-04-01"), true},
		{"empty result is pending", "", d("2026-04-01"), true},
		{"closed", ResTrue, d("2026-04-01"), false},
		{"partly true", ResPartlyTrue, d("2027-01-01"), false},
	} {
		t.Run(x.name, func(t *testing.T) {
			c.Result = x.result
			if got := c.Overdue(x.ref); got != x.want {
				t.Errorf("got %v, want %v", got, x.want)
			}
		})
	}
	if (Complaint{Result: ResPending}).Overdue(d("2099-01-01")) {
		t.Error("a complaint without a deadline is never overdue")
	}
}

func TestTalkValidate(t *testing.T) {
	good := Talk{Township: "城关镇", No: "YT-001", Date: d("2026-05-06"), Mode: ModeInitiated, Interviewer: "组织委员",
		Interviewee: "赵喆", Unit: "东关村", Post: "书记", Category: TalkReport}
	cases := []struct {
		name   string
		change func(*Talk)
		want   string
	}{
		{"good", func(t *Talk) {}, ""},
		{"no number", func(t *Talk) { t.No = "" }, "错误:编号"},
		{"no township", func(t *Talk) { t.Township = "" }, "错误:乡镇"},
		{"no date", func(t *Talk) { t.Date = time.Time{} }, "错误:日期"},
		{"no mode", func(t *Talk) { t.Mode = "" }, "错误:约谈方式"},
		{"bad mode", func(t *Talk) { t.Mode = "电话" }, "错误:约谈方式"},
		{"no interviewee", func(t *Talk) { t.Interviewee = "" }, "错误:被约谈人"},
		{"no category", func(t *Talk) { t.Category = "" }, "错误:类别"},
		{"bad category", func(t *Talk) { t.Category = "批评" }, "错误:类别"},
		{"no interviewer is fine", func(t *Talk) { t.Interviewer = "" }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := good
			c.change(&x)
			if got := fields(x.Validate()); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
