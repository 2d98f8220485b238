package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"liangwei/data"
)

// Names of the city: 6 counties of 62 townships; village names from a surname and a feature.
var (
	cityCounties = []struct{ name, code string }{
		{"青山县", "130229"}, {"临河县", "130230"}, {"东平县", "130231"},
		{"西岭县", "130232"}, {"南湖区", "130202"}, {"北塘区", "130203"},
	}
	cityTownshipNames = []string{
		"城关镇", "柳河镇", "石桥镇", "马坊镇", "杨庄镇", "大营镇", "小店镇", "王集乡", "李屯乡", "高庄镇", "黄坡乡",
		"新集镇", "白塔镇", "清河镇", "北洼乡", "南店镇", "西湖镇", "龙泉镇", "凤山乡", "金沟镇", "桃园镇", "杏林乡",
		"梨树镇", "枣园乡", "松岭镇", "柏树乡", "槐店镇", "榆林镇", "杨桥乡", "双河镇", "三合镇", "四方乡", "五龙镇",
		"六合镇", "七里乡", "八角镇", "九龙镇", "十里铺镇", "东风镇", "红星乡", "胜利镇", "团结乡", "和平镇", "永安镇",
		"长乐镇", "太平乡", "兴隆镇", "丰收乡", "富民镇", "安定镇", "宁远乡", "常青镇", "新华街道", "东城街道", "西城街道",
		"南关街道", "北关街道", "文昌街道", "振兴街道", "幸福街道", "建设街道", "人民街道",
	}
	villageFeatures = []string{"庄", "洼", "屯", "沟", "岭", "寨", "湾", "坡", "店", "营", "铺", "河"}
	communityNames  = []string{"新华", "东城", "西城", "文化路", "建设路", "人民路", "解放路", "胜利", "幸福", "和平", "朝阳", "光明"}
	complaintTexts  = []struct{ summary, handling string }{
		{"反映候选人请吃请喝拉票", "经查属实，取消其候选人资格，移交纪委处理"},
		{"反映一名候选人户籍不在本村", "经查户籍在本村，已当面答复反映人"},
		{"反映选民登记未张榜公布", "榜单已公布但时间不足，责令补足公示期"},
		{"网络反映有人发放购物卡拉票", "经走访核查，未发现拉票行为"},
		{"反映唱票计票未当众进行", "责令重新公开计票，结果不变"},
		{"反映委托投票手续不全", "查阅委托书，手续齐全"},
	}
	talkCauses = map[data.TalkCategory][]string{
		data.TalkPersonal:   {"申请调整分工", "反映个人待遇问题", "申请辞去职务"},
		data.TalkReport:     {"换届后新班子工作思路", "村集体经济发展计划", "任期目标和承诺事项", "软弱涣散整顿进展"},
		data.TalkSuggestion: {"对村务监督工作的建议", "建议增加村干部培训", "对镇村道路规划的意见"},
	}
)

// townshipName is township t's name, unique for any t.
func townshipName(t int) string {
	if t < len(cityTownshipNames) {
		return cityTownshipNames[t]
	}
	return fmt.Sprintf("第%d镇", t+1)
}

// villageName is the i-th village name of township t (unique within the township for
// i < 240), rotated by township so neighbouring townships differ.
func villageName(t, i int) string {
	k := (i + t*17) % (len(surnames) * len(villageFeatures))
	return surnames[k%len(surnames)] + "家" + villageFeatures[k/len(surnames)] + "村"
}

// cityGen carries the running indices of a city's generation: the g-th active village,
// the k-th roster, the j-th complaint and talk, and the counters of completed elections.
type cityGen struct {
	plan                cityPlan
	round               int
	first, last         time.Time
	span                int
	g, k, kp, j, talk   int
	seq                 int
	partyDone, commDone int
	talkRest, modeRest  int // talks seen that are not 个人诉求, not 申请约谈
}

// person is a 书记 and the village they lead.
type person struct{ name, village string }

func (c *cityGen) township(t, n int) data.Batch {
	rnd := rand.New(rand.NewPCG(2026, uint64(100+t)))
	p := c.plan
	county := cityCounties[t*len(cityCounties)/max(p.s.Townships, 1)%len(cityCounties)]
	name := townshipName(t)
	b := data.Batch{Townships: []data.Township{{
		Name: name, County: county.name,
		Contact: surnames[rnd.IntN(len(surnames))] + maleNames[rnd.IntN(len(maleNames))],
		Phone:   fmt.Sprintf("0537-5%03d%03d", t, rnd.IntN(1000)),
	}}}
	communities := n / 12
	merged := mergedIn(t)
	var secretaries []person
	var active []data.Village
	for i := 0; i < n+merged; i++ {
		v := data.Village{Township: name, Kind: data.KindVillage, Status: data.VillageActive,
			Code: fmt.Sprintf("%s%03d%03d", county.code, 100+t%900, i+1)}
		switch {
		case i >= n:
			v.Name, v.Status = villageName(t, i-communities), data.VillageMerged
		case i >= n-communities:
			v.Name, v.Kind = communityNames[(i-(n-communities))%len(communityNames)]+"社区", data.KindCommunity
		default:
			v.Name = villageName(t, i)
		}
		pop := 900 + rnd.IntN(3600)
		v.Population, v.Households = pop, pop*10/(29+rnd.IntN(6))
		b.Villages = append(b.Villages, v)
		if !v.Active() {
			continue
		}
		active = append(active, v)
		sec := c.village(&b, v, rnd)
		if sec != "" {
			secretaries = append(secretaries, person{sec, v.Name})
		}
	}
	b.Leaderships = []data.Leadership{{Township: name, Round: c.round,
		PartyCommittee: spread(p.leadParty, t, p.s.Townships),
		Government:     spread(p.leadGov, t, p.s.Townships),
		Cross:          spread(p.leadCross, t, p.s.Townships)}}
	short := []rune(name)[:2]
	for x := 0; x < complaintsIn(t); x++ {
		b.Complaints = append(b.Complaints, c.complaint(rnd, name, string(short), x+1, active))
	}
	for x := 0; x < spread(p.talks, t, p.s.Townships); x++ {
		b.Talks = append(b.Talks, c.talkOf(rnd, name, string(short), x+1, active, secretaries))
	}
	c.commendations(&b, t, active)
	return b
}

// spread is township t's share of total over n townships: total/n, one more for the
// townships pick chooses, so the shares sum to total.
func spread(total, t, n int) int {
	s := total / n
	if pick(t, total%n, n) {
		s++
	}
	return s
}

// village adds the elections, the party ledger row and (when both elections are complete)
// the members of the village, the city's c.g-th active village. It returns the new 书记.
func (c *cityGen) village(b *data.Batch, v data.Village, rnd *rand.Rand) string {
	p, g := c.plan, c.g
	c.g++
	n := p.s.Villages
	partyUndone, commUndone := p.undone(g)
	// Each election elects its roster: 5 to the 党组织, 6 or 7 to the 村委会 as the roster this
	// village takes (index c.k when its committee is complete).
	partySeats, commSeats := rosterSize(c.k)
	partyDay := c.first.AddDate(0, 0, (g*13)%(c.span*2/3+1))
	for _, body := range data.Bodies {
		e := data.Election{Township: v.Township, Village: v.Name, Round: c.round, Body: body,
			Status: data.StatusCompleted, OneTime: true}
		undone := partyUndone
		if body == data.BodyParty {
			e.Eligible, e.Participants = partyEligible(g), partyVoted(g)
			e.Seats, e.CompletedOn = partySeats, partyDay
		} else {
			undone = commUndone
			e.Eligible, e.Participants = committeeEligible(g), committeeVoted(g)
			e.Seats = commSeats
			e.CompletedOn = partyDay.AddDate(0, 0, 10+g%40)
			if e.CompletedOn.After(c.last) {
				e.CompletedOn = c.last
			}
		}
		e.Candidates, e.Elected = e.Seats+1+g%2, e.Seats
		switch {
		case undone:
			e.CompletedOn, e.Participants, e.Elected, e.OneTime = time.Time{}, 0, 0, false
			switch {
			case body == data.BodyCommittee && partyUndone:
				e.Status, e.Reason = data.StatusNotStarted, "待村党组织换届完成后启动"
			case g%2 == 0:
				e.Status, e.Reason = data.StatusFailed, "候选人资格争议未解决，选举暂缓，待重新组织选举"
			default:
				e.Status, e.Reason = data.StatusInProgress, "正在组织选民登记和候选人提名"
			}
		case body == data.BodyParty:
			e.OneTime = !pick(c.partyDone, p.notOneTimeParty, n-p.partyUndone)
			c.partyDone++
		default:
			e.OneTime = !pick(c.commDone, p.notOneTimeComm, n-p.committeeUndone)
			c.commDone++
		}
		b.Elections = append(b.Elections, e)
	}
	b.PartyOrgs = append(b.PartyOrgs, c.partyOrg(v, g, rnd))
	switch {
	case partyUndone:
		return ""
	case commUndone:
		c.partyRoster(b, v, rnd)
		return ""
	}
	return c.roster(b, v, rnd)
}

// partyRoster adds the new 党组织 of a village whose 村委会 is still electing: slots 0–4 of
// people.go with their party posts only, the city's c.kp-th such roster.
func (c *cityGen) partyRoster(b *data.Batch, v data.Village, rnd *rand.Rand) {
	kp := c.kp
	c.kp++
	for s := 0; s < 5; s++ {
		c.seq++
		m := member(rnd, slots[s], kp, c.seq, c.round)
		m.Township, m.Village, m.Round = v.Township, v.Name, c.round
		m.PartyPost, _ = posts(s, kp)
		m.Political = data.PolParty
		b.Members = append(b.Members, m)
	}
}

// partyOrg is the party ledger row of the g-th active village.
func (c *cityGen) partyOrg(v data.Village, g int, rnd *rand.Rand) data.PartyOrg {
	p, n := c.plan, c.plan.s.Villages
	members := partyEligible(g)
	o := data.PartyOrg{Township: v.Township, Village: v.Name, Year: c.round, Type: data.OrgBranch,
		Members: members, Women: members * (15 + g%11) / 100, Developed: g % 4,
		HasTeam: true, HasVenue: true, HasActivity: true, HasIncome: true,
		VenueArea: float64(80 + 10*rnd.IntN(33)), Activities: 12 + rnd.IntN(13),
		Income: float64(50+rnd.IntN(750)) / 10}
	o.Probationary = o.Developed + g%2
	if members >= 100 {
		o.Type = data.OrgGeneralBranch
	}
	if pick((g+n/5)%n, p.notFourHaves, n) {
		switch g % 4 {
		case 0:
			o.HasTeam = false
		case 1:
			o.HasVenue, o.VenueArea = false, 0
		case 2:
			o.HasActivity, o.Activities = false, 0
		default:
			o.HasIncome, o.Income = false, 0
		}
	}
	if w := (g + n/7) % n; pick(w, p.weak, n) {
		o.Weak = true
		o.Measures = "选派第一书记，调整充实班子，规范“三会一课”"
		o.Progress, o.Result = "第一书记已到岗，正在整顿", data.RectInProgress
		// Of the weak ones (numbered in order of w), the first p.rectified are 已销号.
		if w*p.weak/n < p.rectified {
			o.Progress, o.Result = "整顿完成，经县委组织部验收销号", data.RectClosed
		}
	}
	return o
}

// roster adds the members of the village, the city's c.k-th complete roster (the slots of
// people.go, roster index k), and returns the 书记's name.
func (c *cityGen) roster(b *data.Batch, v data.Village, rnd *rand.Rand) string {
	k := c.k
	c.k++
	var secretary string
	for s := range slots {
		if s == 9 && k%4 != 1 {
			continue
		}
		c.seq++
		m := member(rnd, slots[s], k, c.seq, c.round)
		m.Township, m.Village, m.Round = v.Township, v.Name, c.round
		m.PartyPost, m.CommitteePost = posts(s, k)
		if m.PartyPost != data.PartyNone {
			m.Political = data.PolParty
		}
		if s == 0 {
			secretary = m.Name
		}
		b.Members = append(b.Members, m)
	}
	return secretary
}

// complaint is township name's x-th complaint, the city's c.j-th.
func (c *cityGen) complaint(rnd *rand.Rand, township, short string, x int, vs []data.Village) data.Complaint {
	j := c.j
	c.j++
	txt := complaintTexts[j%len(complaintTexts)]
	k := data.Complaint{Township: township, No: fmt.Sprintf("%s信〔%d〕%02d号", short, c.round, x),
		Channel: data.Channels[(j*5)%len(data.Channels)], Category: data.ComplaintCategories[(j/3)%len(data.ComplaintCategories)],
		Result: complaintResult(j), Complainant: []string{"匿名", "王某", "村民代表", "李某某"}[j%4],
		Subject: surnames[rnd.IntN(len(surnames))] + "某", Summary: txt.summary, Handler: staff[j%len(staff)]}
	if len(vs) > 0 && j%5 != 3 {
		k.Village = vs[(j*7)%len(vs)].Name
	}
	if k.Pending() {
		// Received 40–60 days before last: the 30-day deadline passed before today.
		k.Received = c.last.AddDate(0, 0, -40-(j%3)*10)
	} else {
		k.Received = c.first.AddDate(0, 0, (j*11)%(c.span-30))
		k.Replied = k.Received.AddDate(0, 0, 8+j%13)
		k.Handling = txt.handling
	}
	k.Deadline = k.Received.AddDate(0, 0, 30)
	return k
}

// talkOf is township name's x-th talk, the city's c.talk-th: its category and mode are
// chosen so the city's counts are the plan's.
func (c *cityGen) talkOf(rnd *rand.Rand, township, short string, x int, vs []data.Village, secretaries []person) data.Talk {
	p, i := c.plan, c.talk
	c.talk++
	// Categories: the plan's 个人诉求 picked among all talks, then 意见建议 among the rest;
	// modes likewise, 申请约谈 then 下访约谈. Each count is exact.
	cat := data.TalkReport
	if pick(i, p.talksPersonal, p.talks) {
		cat = data.TalkPersonal
	} else {
		if pick(c.talkRest, p.talksSugg, p.talks-p.talksPersonal) {
			cat = data.TalkSuggestion
		}
		c.talkRest++
	}
	mode := data.ModeInitiated
	if r := p.talks - 1 - i; pick(r, p.talksRequested, p.talks) {
		mode = data.ModeRequested
	} else {
		if pick(c.modeRest, p.talksVisiting, p.talks-p.talksRequested) {
			mode = data.ModeVisiting
		}
		c.modeRest++
	}
	causes := talkCauses[cat]
	t := data.Talk{Township: township, No: fmt.Sprintf("%s谈〔%d〕%02d号", short, c.round, x),
		Date: c.first.AddDate(0, 0, (i*17)%c.span), Mode: mode, Category: cat,
		Cause: causes[i%len(causes)], Interviewer: []string{"王志刚", "李红梅", "刘建华"}[i%3],
		Handling: "已谈话并记录在案"}
	if len(secretaries) > 0 {
		sec := secretaries[i%len(secretaries)]
		t.Interviewee, t.Unit, t.Post = sec.name, sec.village, "党组织书记"
	} else {
		t.Interviewee, t.Post = surnames[rnd.IntN(len(surnames))]+maleNames[rnd.IntN(len(maleNames))], "村委会委员"
		if len(vs) > 0 {
			t.Unit = vs[i%len(vs)].Name
		}
	}
	if cat == data.TalkPersonal {
		t.Handling = "已记录诉求，转党委研究答复"
	}
	return t
}
