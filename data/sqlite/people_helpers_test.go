package sqlite

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"liangwei/data"
)

// idNumber builds a valid 身份证号 of area 370112 with the given birth date (YYYYMMDD) and
// sequence (3 digits; odd last digit is 男), adding the GB 11643 check digit.
func idNumber(birth string, seq int) string {
	body := fmt.Sprintf("370112%s%03d", birth, seq%1000)
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * weights[i]
	}
	return body + string("10X98765432"[sum%11])
}

// member is a valid 2026 member holding the given posts (a party post makes them 中共党员).
func member(township, village, name, id string, pp data.PartyPost, cp data.CommitteePost) data.Member {
	m := data.Member{Township: township, Village: village, Round: 2026, Name: name, IDNumber: id, Ethnicity: "汉族",
		Education: data.EduCollege, Political: data.PolMasses, PartyPost: pp, CommitteePost: cp, Tenure: data.TenureNew,
		Phone: "13800000000"}
	if pp != data.PartyNone {
		m.Political = data.PolParty
	}
	return m
}

func partyOrg(township, village string, year int) data.PartyOrg {
	return data.PartyOrg{Township: township, Village: village, Year: year, Type: data.OrgBranch, Members: 40, Women: 9,
		Probationary: 2, Developed: 1, HasTeam: true, HasVenue: true, VenueArea: 120.5, HasActivity: true, Activities: 12,
		HasIncome: true, Income: 8.25}
}

func complaint(township, no string, received time.Time) data.Complaint {
	return data.Complaint{Township: township, No: no, Received: received, Channel: data.ChanLetter, Complainant: "匿名",
		Subject: "张某", Category: data.CatBribery, Summary: "反映拉票", Handler: "王珺", Deadline: received.AddDate(0, 0, 30),
		Result: data.ResPending}
}

func talk(township, no string, date time.Time) data.Talk {
	return data.Talk{Township: township, No: no, Date: date, Mode: data.ModeRequested, Interviewer: "李堃", Interviewee: "赵喆",
		Unit: "东关村", Post: "书记", Category: data.TalkReport, Cause: "汇报换届工作"}
}

// genCity extends genBatch(nv) with perVillage members of round 2026 in every village (the
// first one 书记 and 主任), a 2026 party ledger row per village, and a leadership, two
// complaints and two talks per township.
func genCity(nv, perVillage int) data.Batch {
	b := genBatch(nv)
	for i, v := range b.Villages {
		for j := 0; j < perVillage; j++ {
			pp, cp := data.PartyMember, data.CommitteeMember
			switch j {
			case 0:
				pp, cp = data.PartySecretary, data.CommitteeDirector
			case 1:
				pp, cp = data.PartyDeputy, data.CommitteeNone
			case 2:
				pp, cp = data.PartyNone, data.CommitteeDeputy
			}
			birth := fmt.Sprintf("19%02d%02d%02d", 60+(i+j)%40, 1+j%12, 1+i%28)
			m := member(v.Township, v.Name, fmt.Sprintf("成员%d", j), idNumber(birth, i*perVillage+j), pp, cp)
			if j%3 == 1 {
				m.Tags = []string{"退役军人", "致富能手"}
			}
			b.Members = append(b.Members, m)
		}
		p := partyOrg(v.Township, v.Name, 2026)
		if i%25 == 0 {
			p.Weak, p.Measures, p.Result = true, "选派第一书记", data.RectInProgress
		}
		b.PartyOrgs = append(b.PartyOrgs, p)
	}
	for i, t := range b.Townships {
		b.Leaderships = append(b.Leaderships, data.Leadership{Township: t.Name, Round: 2026, PartyCommittee: 9, Government: 4, Cross: 2})
		for k := 0; k < 2; k++ {
			d := time.Date(2026, time.Month(3+k), 1+i%28, 0, 0, 0, 0, time.UTC)
			b.Complaints = append(b.Complaints, complaint(t.Name, fmt.Sprintf("XF-%d", k+1), d))
			b.Talks = append(b.Talks, talk(t.Name, fmt.Sprintf("YT-%d", k+1), d))
		}
	}
	return b
}

// fullSnap is everything the store lists plus the audit count and the newest updated_at,
// to tell whether anything changed.
type fullSnap struct {
	ledger  data.Ledger
	audit   int
	updated string
}

func takeSnap(t *testing.T, s *Store) fullSnap {
	t.Helper()
	l, err := s.Ledger(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	sn := fullSnap{ledger: l, audit: len(mustAudit(t, s))}
	q := ""
	for i, tb := range []string{"townships", "villages", "elections", "members", "leaderships", "party_orgs", "complaints", "talks",
		"candidates", "supervisors", "changes", "departure_audits"} {
		if i > 0 {
			q += " UNION ALL "
		}
		q += "SELECT max(updated_at) u FROM " + tb
	}
	if err := s.db.QueryRow("SELECT coalesce(max(u), '') FROM (" + q + ")").Scan(&sn.updated); err != nil {
		t.Fatal(err)
	}
	return sn
}

func sameFullSnap(a, b fullSnap) bool {
	return a.audit == b.audit && a.updated == b.updated && reflect.DeepEqual(a.ledger, b.ledger)
}

// withoutIDs clears the database IDs of a ledger, to compare it with a batch.
func withoutIDs(l data.Ledger) data.Ledger {
	for i := range l.Townships {
		l.Townships[i].ID = 0
	}
	for i := range l.Villages {
		l.Villages[i].ID = 0
	}
	for i := range l.Elections {
		l.Elections[i].ID = 0
	}
	for i := range l.Members {
		l.Members[i].ID = 0
	}
	for i := range l.Leaderships {
		l.Leaderships[i].ID = 0
	}
	for i := range l.PartyOrgs {
		l.PartyOrgs[i].ID = 0
	}
	for i := range l.Complaints {
		l.Complaints[i].ID = 0
	}
	for i := range l.Talks {
		l.Talks[i].ID = 0
	}
	for i := range l.Candidates {
		l.Candidates[i].ID = 0
	}
	for i := range l.Supervisors {
		l.Supervisors[i].ID = 0
	}
	for i := range l.Changes {
		l.Changes[i].ID = 0
	}
	for i := range l.Audits {
		l.Audits[i].ID = 0
	}
	return l
}
