package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"liangwei/data"
)

// The township's leadership of the round: 9 on the party committee, 4 in the government,
// 2 of them in both.
const (
	leadParty      = 9
	leadGovernment = 4
	leadCross      = 2
)

// areaCode is the first six digits of every demo 身份证号 (the county of the 区划代码).
const areaCode = "130229"

// Surnames and given names, with the rare characters clerks meet (镕 堃 赟 喆 昇 珺 玥 彧).
var (
	surnames    = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "高", "郑", "韩", "杜", "石", "郭", "何", "田"}
	maleNames   = []string{"建国", "志强", "海涛", "国栋", "永胜", "立新", "德昇", "子堃", "文镕", "赟", "喆", "彧", "卫东", "庆丰", "宝山", "振华", "明", "兴旺", "春生", "长河"}
	femaleNames = []string{"秀英", "玉兰", "桂芳", "丽娟", "红梅", "珺", "玥", "晓燕", "淑珍", "春梅", "海霞", "彩云", "雪莲", "慧敏", "凤英"}
	ethnicities = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族"}
	staff       = []string{"刘建华", "孙丽", "周海波", "陈静"}
)

// slot is one seat pattern of a village roster; the posts of slots 0–2 and 5 depend on
// whether the village has 一肩挑 (its 书记 is also 主任).
//
// A village without 一肩挑: 0 书记; 1 副书记 and 主任; 2 党组织委员 and 副主任; 3, 4 党组织委员;
// 5–8 村委会委员. With 一肩挑: 0 书记 and 主任; 1 副书记; 2 党组织委员 and 村委会委员; 3, 4
// 党组织委员; 5 副主任; 6–8 村委会委员. Every fourth village (i%4 == 1) has a tenth member,
// a 村委会委员. So each village has 5 on the party organization, 6 (or 7) on the committee
// and 2 交叉任职.
type slot struct {
	age    func(i int) int // full years on 1 January of the round, for village i (0–39)
	female func(i int) bool
	edu    func(i int) data.Education
	party  func(i int) bool // 中共党员 (else 群众); party posts are always 中共党员
	isNew  func(i int) bool // 新任 (else 连任)
	tags   func(i int) []string
}

func every(n, r int) func(int) bool { return func(i int) bool { return i%n == r } }

func edu(e data.Education) func(int) data.Education { return func(int) data.Education { return e } }

func tag(n, r int, t string) func(int) []string {
	return func(i int) []string {
		if i%n == r {
			return []string{t}
		}
		return nil
	}
}

var slots = []slot{
	{ // 0 书记 (一肩挑: also 主任): 46–55
		age:    func(i int) int { return 46 + i%10 },
		female: every(10, 7),
		edu: func(i int) data.Education {
			return [...]data.Education{data.EduCollege, data.EduBachelor, data.EduCollege, data.EduHigh}[i%4]
		},
		isNew: every(3, 2),
		tags:  tag(5, 0, "致富能手"),
	},
	{ // 1 副书记 (without 一肩挑: also 主任): 40–51
		age: func(i int) int { return 40 + i%12 },
		edu: func(i int) data.Education {
			return [...]data.Education{data.EduHigh, data.EduCollege}[i%2]
		},
		tags: tag(6, 1, "退役军人"),
	},
	{ // 2 党组织委员 and 副主任 / 村委会委员: 36–43
		age:    func(i int) int { return 36 + i%8 },
		female: every(4, 2),
		edu: func(i int) data.Education {
			if i%3 == 0 {
				return data.EduCollege
			}
			return data.EduHigh
		},
		tags: tag(4, 3, "专业合作组织负责人"),
	},
	{ // 3 党组织委员: 50–57
		age:    func(i int) int { return 50 + i%8 },
		female: every(2, 0),
		edu: func(i int) data.Education {
			return [...]data.Education{data.EduHigh, data.EduMiddle}[i%2]
		},
	},
	{ // 4 党组织委员: 58–65
		age:  func(i int) int { return 58 + i%8 },
		edu:  edu(data.EduMiddle),
		tags: tag(7, 4, "退役军人"),
	},
	{ // 5 村委会委员 (一肩挑: 副主任), 党员: 42–51
		age:   func(i int) int { return 42 + i%10 },
		edu:   edu(data.EduHigh),
		party: func(int) bool { return true },
		tags:  tag(4, 0, "外出务工经商返乡人员"),
	},
	{ // 6 村委会委员, the woman member: 30–39
		age:    func(i int) int { return 30 + i%10 },
		female: func(int) bool { return true },
		edu: func(i int) data.Education {
			return [...]data.Education{data.EduHigh, data.EduCollege}[i%2]
		},
		isNew: every(4, 0),
	},
	{ // 7 村委会委员, the young graduate: 26–33
		age:    func(i int) int { return 26 + i%8 },
		female: every(5, 0),
		edu:    edu(data.EduBachelor),
		isNew:  func(int) bool { return true },
		tags: func(i int) []string {
			if i%2 == 0 {
				return []string{"大学生村官"}
			}
			return []string{"返乡大中专毕业生"}
		},
	},
	{ // 8 村委会委员: 48–57, 党员 in every other village
		age:   func(i int) int { return 48 + i%10 },
		edu:   edu(data.EduMiddle),
		party: every(2, 0),
		tags: func(i int) []string {
			if i%3 == 1 {
				return []string{"致富能手", "退役军人"}
			}
			return nil
		},
	},
	{ // 9 村委会委员 in every fourth village (i%4 == 1): 28–32
		age:    func(i int) int { return 28 + i%5 },
		female: func(int) bool { return true },
		edu:    edu(data.EduCollege),
		isNew:  func(int) bool { return true },
		tags:   tag(1, 0, "返乡大中专毕业生"),
	},
}

// dualHead says whether the i-th active village has 一肩挑: all but one in seven (i%7 == 3),
// as most villages did after the 2021 round (the 民政部: “绝大多数村（社区）都实现党组织书记
// ‘一肩挑’”).
func dualHead(i int) bool { return i%7 != 3 }

// rosterSize is how many the i-th village elects: 5 to the 党组织 (slots 0–4) and 6 to the
// 村委会, 7 in every fourth village (slot 9).
func rosterSize(i int) (party, committee int) {
	if i%4 == 1 {
		return 5, 7
	}
	return 5, 6
}

// posts gives the posts of slot s in village i.
func posts(s, i int) (data.PartyPost, data.CommitteePost) { return postsOf(s, dualHead(i)) }

// postsOf gives the posts of slot s in a village with 一肩挑 (dual) or without.
func postsOf(s int, dual bool) (data.PartyPost, data.CommitteePost) {
	switch s {
	case 0:
		if dual {
			return data.PartySecretary, data.CommitteeDirector
		}
		return data.PartySecretary, data.CommitteeNone
	case 1:
		if dual {
			return data.PartyDeputy, data.CommitteeNone
		}
		return data.PartyDeputy, data.CommitteeDirector
	case 2:
		if dual {
			return data.PartyMember, data.CommitteeMember
		}
		return data.PartyMember, data.CommitteeDeputy
	case 3, 4:
		return data.PartyMember, data.CommitteeNone
	case 5:
		if dual {
			return data.PartyNone, data.CommitteeDeputy
		}
		return data.PartyNone, data.CommitteeMember
	default:
		return data.PartyNone, data.CommitteeMember
	}
}

// people adds the members, the leadership, the party ledger, the complaints and the talks of
// the round to b. Their dates lie between first and last (both in the round's year, last
// before today). A separate random source keeps the villages and elections as they were.
func people(b *data.Batch, round int, first, last time.Time) {
	rnd := rand.New(rand.NewPCG(2026, 12))
	var active []data.Village
	for _, v := range b.Villages {
		if v.Active() {
			active = append(active, v)
		}
	}
	// A body still electing has no new members yet: its posts are left off the roster, and a
	// person left without a post is not on it (the name is drawn all the same, so the other
	// villages keep theirs). The 书记 so drawn is still who the township talks to.
	done := map[string]map[data.Body]bool{}
	for _, e := range b.Elections {
		if e.Round == round && e.Status == data.StatusCompleted {
			if done[e.Village] == nil {
				done[e.Village] = map[data.Body]bool{}
			}
			done[e.Village][e.Body] = true
		}
	}
	secretaries := make([]string, len(active))
	seq := 0
	for i, v := range active {
		for s := range slots {
			if s == 9 && i%4 != 1 {
				continue
			}
			seq++
			m := member(rnd, slots[s], i, seq, round)
			m.Township, m.Village, m.Round = Township, v.Name, round
			m.PartyPost, m.CommitteePost = posts(s, i)
			if m.PartyPost != data.PartyNone {
				m.Political = data.PolParty
			}
			if s == 0 {
				secretaries[i] = m.Name
			}
			if !done[v.Name][data.BodyParty] {
				m.PartyPost = data.PartyNone
			}
			if !done[v.Name][data.BodyCommittee] {
				m.CommitteePost = data.CommitteeNone
			}
			if m.IsParty() || m.IsCommittee() {
				b.Members = append(b.Members, m)
			}
		}
	}

	b.Leaderships = []data.Leadership{{Township: Township, Round: round,
		PartyCommittee: leadParty, Government: leadGovernment, Cross: leadCross}}

	partyMembers := map[string]int{}
	for _, e := range b.Elections {
		if e.Body == data.BodyParty {
			partyMembers[e.Village] = e.Eligible
		}
	}
	for _, v := range active {
		b.PartyOrgs = append(b.PartyOrgs, partyOrg(rnd, v.Name, round, partyMembers[v.Name]))
	}

	b.Complaints = complaints(rnd, active, round, first, last)
	b.Talks = talks(active, secretaries, round, first, last)
	roundRest(b, round, first, last)
}

// member builds slot s's person in village i: name, a valid 身份证号 whose birth date gives
// the slot's age on 1 January of the round, and the slot's attributes.
func member(rnd *rand.Rand, s slot, i, seq, round int) data.Member {
	female := s.female != nil && s.female(i)
	g := data.Male
	given := maleNames[rnd.IntN(len(maleNames))]
	if female {
		g = data.Female
		given = femaleNames[rnd.IntN(len(femaleNames))]
	}
	age := s.age(i)
	// Born between 2 January and 31 December of this year: exactly age full years on 1 January.
	birth := time.Date(round-age-1, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(364))
	m := data.Member{
		Name:      surnames[rnd.IntN(len(surnames))] + given,
		IDNumber:  idNumber(birth, seq, female),
		Gender:    g,
		Birth:     birth,
		Ethnicity: ethnicities[rnd.IntN(len(ethnicities))],
		Education: s.edu(i),
		Political: data.PolMasses,
		Tenure:    data.TenureReelected,
		Phone:     fmt.Sprintf("13%d%08d", 5+rnd.IntN(5), rnd.IntN(100000000)),
	}
	if s.party != nil && s.party(i) {
		m.Political = data.PolParty
	}
	if s.isNew != nil && s.isNew(i) {
		m.Tenure = data.TenureNew
	}
	if s.tags != nil {
		m.Tags = s.tags(i)
	}
	return m
}

// idNumber is a GB 11643 citizen number: area, birth date, a sequence whose last digit is
// odd for men and even for women, and the check digit.
func idNumber(birth time.Time, seq int, female bool) string {
	n := 2 * seq
	if !female {
		n++
	}
	body := fmt.Sprintf("%s%s%03d", areaCode, birth.Format("20060102"), n%1000)
	return body + string(checkDigit(body))
}

// checkDigit computes the 18th character of a 身份证号 from its first 17 digits.
func checkDigit(body string) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for k := 0; k < 17; k++ {
		sum += int(body[k]-'0') * weights[k]
	}
	return "10X98765432"[sum%11]
}

// notFourHaves are the villages missing one of the four guarantees; weak are the 软弱涣散
// ones with their rectification.
var (
	notFourHaves = map[string]string{
		"杜家沟村": "班子", // its party election failed
		"黄土岗村": "收入",
		"槐树底村": "场所",
		"十里河村": "收入",
	}
	weak = map[string]struct {
		measures, progress string
		result             data.Rectification
	}{
		"杜家沟村": {"镇党委派驻工作组，选派第一书记，整顿支部班子，重新组织选举", "工作组已进驻，完成党员谈心谈话，正在筹备支部换届选举", data.RectInProgress},
		"韩家坡村": {"调整支部书记，规范“三会一课”，发展村集体经济", "新班子运转正常，集体经济收入达标，经县委组织部验收", data.RectClosed},
	}
)

// partyOrg is a village's party ledger row of the year; members is the 应到会党员 of its
// party election.
func partyOrg(rnd *rand.Rand, village string, year, members int) data.PartyOrg {
	p := data.PartyOrg{
		Township: Township, Village: village, Year: year, Type: data.OrgBranch,
		Members: members, Women: members * (15 + rnd.IntN(11)) / 100,
		Developed: rnd.IntN(4),
		HasTeam:   true, HasVenue: true, HasActivity: true, HasIncome: true,
		VenueArea:  float64(80 + 10*rnd.IntN(33)),
		Activities: 12 + rnd.IntN(13),
		Income:     float64(50+rnd.IntN(750)) / 10,
	}
	if members >= 100 {
		p.Type = data.OrgGeneralBranch
	}
	p.Probationary = p.Developed + rnd.IntN(2)
	switch notFourHaves[village] {
	case "班子":
		p.HasTeam = false
	case "场所":
		p.HasVenue, p.VenueArea = false, 0
	case "收入":
		p.HasIncome, p.Income = false, 0
	}
	if w, ok := weak[village]; ok {
		p.Weak, p.Measures, p.Progress, p.Result = true, w.measures, w.progress, w.result
	}
	return p
}

// complaint is one line of the demo's complaint ledger.
type complaint struct {
	channel  data.Channel
	category data.ComplaintCategory
	result   data.ComplaintResult
	summary  string
	handling string
}

// complaintList: 12 complaints, 来信 2, 来访 3, 电话 2, 网络 2, 短信 1, 上级交办 2; 拉票贿选 4,
// 资格争议 3, 程序违规 3, 其他 2; 属实 3, 部分属实 2, 不属实 5, 办理中 2 (both 超期).
var complaintList = []complaint{
	{data.ChanLetter, data.CatBribery, data.ResTrue, "反映候选人以请吃请喝方式拉票", "经查属实，取消其候选人资格，移交镇纪委处理"},
	{data.ChanVisit, data.CatEligibility, data.ResUnfounded, "反映一名候选人户籍不在本村", "经查户籍在本村，已向反映人当面答复"},
	{data.ChanPhone, data.CatProcedure, data.ResPartlyTrue, "反映选民登记未张榜公布", "榜单已公布但时间不足，责令补足公示期"},
	{data.ChanOnline, data.CatBribery, data.ResUnfounded, "网络反映有人发放购物卡拉票", "经走访核查，未发现拉票行为"},
	{data.ChanReferred, data.CatBribery, data.ResTrue, "县委组织部转交：候选人亲属入户许诺好处", "经查属实，对候选人批评教育并公开承诺"},
	{data.ChanVisit, data.CatOther, data.ResUnfounded, "反映村集体账目不清", "已由镇经管站审计，账目清楚，已答复"},
	{data.ChanSMS, data.CatProcedure, data.ResUnfounded, "反映委托投票未经书面委托", "查阅委托书，手续齐全"},
	{data.ChanLetter, data.CatEligibility, data.ResPartlyTrue, "反映候选人曾受过党纪处分", "处分影响期已满，但资格审查记录不完整，已补正"},
	{data.ChanPhone, data.CatOther, data.ResUnfounded, "反映投票站设置过远", "投票站设置符合规定，已增设流动票箱"},
	{data.ChanOnline, data.CatProcedure, data.ResTrue, "反映唱票计票未当众进行", "经查属实，责令重新公开计票，结果不变"},
	{data.ChanVisit, data.CatBribery, data.ResPending, "反映有人组织宗族拉票", ""},
	{data.ChanReferred, data.CatEligibility, data.ResPending, "县纪委转交：反映候选人涉嫌违法占地", ""},
}

// complaints spreads the closed complaints over the round, each 办结时限 the category's default
// (5 working days for 拉票贿选 and 程序违规, 60 days otherwise) and each answered in time. Of the
// two pending ones, the 拉票贿选 one came 20 days before last, so its 5 working days ran out
// before today; the 资格争议 one came 95 days before last and was extended (延期, with its reason)
// to 10 days before last: both are 超期.
func complaints(rnd *rand.Rand, vs []data.Village, round int, first, last time.Time) []data.Complaint {
	span := int(last.Sub(first).Hours() / 24)
	complainants := []string{"匿名", "王某", "李某某", "村民代表", "匿名", "张某"}
	var out []data.Complaint
	for n, c := range complaintList {
		x := data.Complaint{
			Township: Township, No: fmt.Sprintf("城关信〔%d〕%02d号", round, n+1),
			Channel: c.channel, Category: c.category, Result: c.result,
			Complainant: complainants[n%len(complainants)],
			Subject:     surnames[rnd.IntN(len(surnames))] + "某",
			Summary:     c.summary, Handling: c.handling,
			Handler: staff[n%len(staff)],
		}
		if n%6 != 5 { // every sixth is about the township, not a village
			x.Village = vs[(n*7+3)%len(vs)].Name
		}
		wait := 8 + rnd.IntN(13) // days to the answer
		switch {
		case c.result == data.ResPending && c.category.Discipline():
			x.Received = last.AddDate(0, 0, -20)
		case c.result == data.ResPending:
			x.Received = last.AddDate(0, 0, -95)
			x.ExtendedTo = last.AddDate(0, 0, -10)
			x.Extension = "涉及土地权属认定，需国土所出具意见，经镇党委书记批准延期，已告知反映人"
		default:
			x.Received = first.AddDate(0, 0, (span-40)*n/10)
			x.Replied = x.Received.AddDate(0, 0, wait)
			if c.category.Discipline() {
				x.Replied = data.AddWorkdays(x.Received, 2+wait%4)
			}
		}
		x.Deadline = data.DefaultDeadline(x.Received, x.Category)
		out = append(out, x)
	}
	return out
}

// talk is one line of the demo's talk list.
type talk struct {
	mode     data.TalkMode
	category data.TalkCategory
	cause    string
}

// talkList: 20 talks; by mode 申请约谈 5, 主动约谈 10, 下访约谈 5; by category 个人诉求 4,
// 汇报工作和思想 13, 意见建议 3.
var talkList = []talk{
	{data.ModeRequested, data.TalkPersonal, "申请调整分工，照顾患病家属"},
	{data.ModeInitiated, data.TalkReport, "换届后新班子工作思路"},
	{data.ModeInitiated, data.TalkReport, "村集体经济发展计划"},
	{data.ModeVisiting, data.TalkReport, "走访了解班子团结情况"},
	{data.ModeRequested, data.TalkPersonal, "反映个人待遇问题"},
	{data.ModeInitiated, data.TalkReport, "任期目标和承诺事项"},
	{data.ModeInitiated, data.TalkSuggestion, "对村务监督委员会工作的建议"},
	{data.ModeVisiting, data.TalkPersonal, "了解家庭困难情况"},
	{data.ModeInitiated, data.TalkReport, "落实“四议两公开”情况"},
	{data.ModeRequested, data.TalkSuggestion, "建议增加村干部培训"},
	{data.ModeInitiated, data.TalkReport, "信访问题化解进展"},
	{data.ModeVisiting, data.TalkReport, "汇报软弱涣散整顿进展"},
	{data.ModeInitiated, data.TalkReport, "党员发展工作情况"},
	{data.ModeRequested, data.TalkPersonal, "申请辞去村委会委员职务"},
	{data.ModeInitiated, data.TalkReport, "人居环境整治工作"},
	{data.ModeVisiting, data.TalkSuggestion, "对镇村道路规划的意见"},
	{data.ModeInitiated, data.TalkReport, "思想状况和廉洁自律"},
	{data.ModeRequested, data.TalkReport, "汇报新任职后的思想状况"},
	{data.ModeInitiated, data.TalkReport, "防汛值班安排"},
	{data.ModeVisiting, data.TalkReport, "换届后交接工作情况"},
}

// talks dates the talks evenly between first and last, each with a village's 书记.
func talks(vs []data.Village, secretaries []string, round int, first, last time.Time) []data.Talk {
	span := int(last.Sub(first).Hours() / 24)
	interviewers := []string{"王志刚", "李红梅", "刘建华"}
	var out []data.Talk
	for n, tk := range talkList {
		i := (n * 11) % len(vs)
		t := data.Talk{
			Township: Township, No: fmt.Sprintf("城关谈〔%d〕%02d号", round, n+1),
			Date: first.AddDate(0, 0, span*n/len(talkList)),
			Mode: tk.mode, Category: tk.category, Cause: tk.cause,
			Interviewer: interviewers[n%len(interviewers)],
			Interviewee: secretaries[i], Unit: vs[i].Name, Post: "党组织书记",
			Handling: "已谈话并记录在案",
		}
		if tk.category == data.TalkPersonal {
			t.Handling = "已记录诉求，转镇党委研究答复"
		}
		out = append(out, t)
	}
	return out
}
