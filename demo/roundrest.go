package demo

import (
	"math/rand/v2"
	"time"

	"liangwei/data"
)

// roundRest adds the rest of the round, consistent with the roster already in b: every
// member vetted 通过 for the bodies they sit on, and three people 不通过 who are on no
// roster; a 村务监督委员会 of 3 (every fourth village 5) in each village whose 村委会 election
// is complete, chaired by one of its 两委 members; three changes during the term dated
// before last (a 委员 resigns, a 主任 resigns, a 书记 is adjusted); and a departure audit of
// the outgoing 书记 in every village whose election is complete but one.
func roundRest(b *data.Batch, round int, first, last time.Time) {
	rnd := rand.New(rand.NewPCG(2026, 15))
	done := map[string]map[data.Body]time.Time{}
	for _, e := range b.Elections {
		if e.Status == data.StatusCompleted {
			if done[e.Village] == nil {
				done[e.Village] = map[data.Body]time.Time{}
			}
			done[e.Village][e.Body] = e.CompletedOn
		}
	}
	vetted := first.AddDate(0, 0, -20)
	byVillage := map[string][]data.Member{}
	var order []string
	for _, m := range b.Members {
		if byVillage[m.Village] == nil {
			order = append(order, m.Village)
		}
		byVillage[m.Village] = append(byVillage[m.Village], m)
		for _, body := range []data.VetBody{data.VetParty, data.VetCommittee} {
			c := data.Candidate{Township: Township, Village: m.Village, Round: round, Name: m.Name, IDNumber: m.IDNumber,
				Body: body, Verdict: data.VerdictPassed, Checked: vetted}
			switch {
			case body == data.VetParty && m.IsParty():
				c.Post = string(m.PartyPost)
			case body == data.VetCommittee && m.IsCommittee():
				c.Post = string(m.CommitteePost)
			default:
				continue
			}
			b.Candidates = append(b.Candidates, c)
		}
	}
	seq := 450
	person := func() (string, string, bool) {
		seq++
		female := rnd.IntN(3) == 0
		given := maleNames[rnd.IntN(len(maleNames))]
		if female {
			given = femaleNames[rnd.IntN(len(femaleNames))]
		}
		birth := time.Date(round-30-rnd.IntN(30), 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(360))
		return surnames[rnd.IntN(len(surnames))] + given, idNumber(birth, seq, female), female
	}
	// Three failed the vetting and stood nowhere.
	for i, f := range []struct {
		body   data.VetBody
		post   string
		reason string
	}{
		{data.VetCommittee, "委员", "违法用地"},
		{data.VetParty, "委员", "受过刑事处罚"},
		{data.VetCommittee, "主任", "其他：长期缠访闹访，扰乱换届秩序"},
	} {
		name, id, _ := person()
		b.Candidates = append(b.Candidates, data.Candidate{Township: Township, Village: order[3+i*11], Round: round, Name: name,
			IDNumber: id, Body: f.body, Post: f.post, Verdict: data.VerdictFailed, Reason: f.reason, Checked: vetted})
	}

	for i, v := range order {
		day, ok := done[v][data.BodyCommittee]
		if !ok {
			continue
		}
		elected := day.AddDate(0, 0, 1+rnd.IntN(5))
		if elected.After(last) {
			elected = last
		}
		method := data.SupByRepresentative
		if i%5 == 0 {
			method = data.SupByAssembly
		}
		// The chair: a party 委员 without a committee post (the village's 纪检委员).
		for _, m := range byVillage[v] {
			if m.PartyPost == data.PartyMember && !m.IsCommittee() {
				b.Supervisors = append(b.Supervisors, data.Supervisor{Township: Township, Village: v, Round: round, Name: m.Name,
					IDNumber: m.IDNumber, Gender: m.Gender, Birth: m.Birth, Post: data.SupChair, InLiangwei: true, Method: method, Elected: elected})
				break
			}
		}
		n := 2
		if i%4 == 0 {
			n = 4
		}
		for range n {
			name, id, _ := person()
			s := data.Supervisor{Township: Township, Village: v, Round: round, Name: name, IDNumber: id, Post: data.SupMember,
				Method: method, Elected: elected}
			s.FillFromID()
			b.Supervisors = append(b.Supervisors, s)
			b.Candidates = append(b.Candidates, data.Candidate{Township: Township, Village: v, Round: round, Name: name,
				IDNumber: id, Body: data.VetSupervision, Post: string(data.SupMember), Verdict: data.VerdictPassed, Checked: vetted})
		}
	}

	// Three changes, in villages whose elections were over a month before last.
	type want struct {
		body  data.Body
		holds func(data.Member) bool
		post  data.ChangePost
		cause data.ChangeCause
		how   data.ChangeMethod
		note  string
	}
	wants := []want{
		{data.BodyCommittee, func(m data.Member) bool { return m.CommitteePost == data.CommitteeMember && !m.IsParty() }, data.PostMember,
			data.CauseResigned, data.MethodByElection, "外出务工，本人书面申请辞职，经村民代表会议补选"},
		{data.BodyCommittee, func(m data.Member) bool {
			return m.CommitteePost == data.CommitteeDirector && m.PartyPost != data.PartySecretary
		}, data.PostDirector, data.CauseResigned, data.MethodByElection, "因身体原因辞去村委会主任职务（仍任党组织副书记），村民会议补选"},
		{data.BodyParty, func(m data.Member) bool { return m.PartyPost == data.PartySecretary && m.IsCommittee() }, data.PostSecretary,
			data.CauseAdjusted, data.MethodAppointed, "镇党委届中调整，选派第一书记任书记"},
	}
	next := 0
	for _, v := range order[1:] {
		if next == len(wants) {
			break
		}
		pd, ok1 := done[v][data.BodyParty]
		cd, ok2 := done[v][data.BodyCommittee]
		if !ok1 || !ok2 || cd.AddDate(0, 1, 0).After(last) || pd.AddDate(0, 1, 0).After(last) {
			continue
		}
		w := wants[next]
		for _, m := range byVillage[v] {
			if !w.holds(m) {
				continue
			}
			name, id, _ := person()
			b.Changes = append(b.Changes, data.Change{Township: Township, Village: v, Round: round,
				Date: last.AddDate(0, 0, -3-7*next), Body: w.body, Post: w.post, Leaver: m.Name, LeaverID: m.IDNumber, Cause: w.cause,
				Successor: name, SuccessorID: id, Method: w.how, Note: w.note})
			next++
			break
		}
	}

	conclusions := []data.AuditConclusion{data.AuditClean, data.AuditClean, data.AuditClean, data.AuditClean, data.AuditClean,
		data.AuditClean, data.AuditRectified}
	skipped := false
	for i, v := range order {
		if _, ok := done[v][data.BodyParty]; !ok {
			continue
		}
		if !skipped && i > 20 {
			skipped = true // one village still owes its audit: check warns of it
			continue
		}
		a := data.DepartureAudit{Township: Township, Village: v, Round: round, Subject: byVillage[v][0].Name, Post: "书记",
			Auditor: "城关镇农村经济经营管理站", Date: first.AddDate(0, 0, -40-rnd.IntN(20)), Conclusion: conclusions[i%len(conclusions)]}
		if i == 9 {
			a.Conclusion = data.AuditRectifying
		}
		if a.Conclusion.HasProblems() {
			a.Findings = "白条入账、村级招待费超标，已责令退还"
			if a.Conclusion == data.AuditRectifying {
				a.Findings = "集体资产出租合同未经民主程序，正在重新签订"
			}
		}
		b.Audits = append(b.Audits, a)
	}
}
