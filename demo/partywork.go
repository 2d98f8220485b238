package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"liangwei/data"
)

// The party work beyond 四有 (issue 16): the demo township's member development and
// commendations, and the city's commendations in the yearbook's 100/100/50/10/50 split.

// partyWork adds the demo township's development ledger and commendations of the round's
// year, consistent with its party ledger: each village's people admitted as 预备党员 in the
// year are exactly its 年度发展党员数. Every third village also has someone admitted the year
// before who became a full member a year later to the day; some villages have people still
// on the way (申请人, 积极分子, 发展对象). Three records show the warnings: a 预备党员 past the
// year without 转正, an 积极分子 with no 培养联系人, a 发展对象 whose 政审 is not recorded.
// Every date lies on or before today; whoever's 预备期 ended by today is a full member, but
// for the one warned of.
func partyWork(b *data.Batch, round int, today time.Time) {
	rnd := rand.New(rand.NewPCG(2026, 16))
	seq := 700
	person := func(village string, age int) data.Development {
		seq++
		female := rnd.IntN(3) == 0
		given := maleNames[rnd.IntN(len(maleNames))]
		if female {
			given = femaleNames[rnd.IntN(len(femaleNames))]
		}
		birth := time.Date(round-age, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(360))
		d := data.Development{Township: Township, Village: village, Name: surnames[rnd.IntN(len(surnames))] + given,
			IDNumber: idNumber(birth, seq, female), Ethnicity: "汉族", Education: data.Educations[rnd.IntN(len(data.Educations))]}
		d.FillFromID()
		return d
	}
	day := func(year int, month time.Month, d int) time.Time {
		return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
	}
	// admitted sets the dates of someone admitted on a: 发展对象 2–4 months before, 积极分子
	// 12–15 months before that (培养考察一年以上), the application 3–8 months before that.
	admitted := func(d *data.Development, a time.Time) {
		d.Admitted = a
		d.Candidate = a.AddDate(0, -2-rnd.IntN(3), 0)
		d.Activist = d.Candidate.AddDate(-1, -rnd.IntN(4), 0)
		d.Applied = d.Activist.AddDate(0, -3-rnd.IntN(6), 0)
	}
	contacts := func(d *data.Development, v string) {
		d.Contact = contactsOf(b, v)
		d.Sponsors = d.Contact
		d.Vetting = "政审合格"
	}
	warned := [3]bool{}
	for i, p := range b.PartyOrgs {
		if p.Year != round {
			continue
		}
		v := p.Village
		for j := 0; j < p.Developed; j++ {
			d := person(v, 22+rnd.IntN(20))
			contacts(&d, v)
			admitted(&d, day(round, time.Month(1+rnd.IntN(6)), 1+rnd.IntN(20)))
			if end := d.Admitted.AddDate(1, 0, 0); !end.After(today) {
				d.Full = end
			}
			b.Developments = append(b.Developments, d)
		}
		if i%3 == 0 {
			d := person(v, 25+rnd.IntN(15))
			contacts(&d, v)
			admitted(&d, day(round-1, time.Month(1+rnd.IntN(5)), 1+rnd.IntN(20)))
			if !warned[0] && i >= 6 {
				warned[0] = true // past the 预备期, not yet discussed
				d.Note = "预备期满，待支部大会讨论转正"
			} else {
				d.Full = d.Admitted.AddDate(1, 0, 0) // 党龄 from the end of the 预备期
			}
			b.Developments = append(b.Developments, d)
		}
		switch i % 4 {
		case 1: // an 积极分子 since last year
			d := person(v, 20+rnd.IntN(10))
			contacts(&d, v)
			d.Sponsors, d.Vetting = "", ""
			d.Activist = day(round-1, time.Month(3+rnd.IntN(8)), 1+rnd.IntN(25))
			d.Applied = d.Activist.AddDate(0, -2-rnd.IntN(5), 0)
			if !warned[1] {
				warned[1] = true
				d.Contact = ""
			}
			b.Developments = append(b.Developments, d)
		case 2: // an applicant of this year
			d := person(v, 19+rnd.IntN(15))
			d.Applied = day(round, time.Month(2+rnd.IntN(4)), 1+rnd.IntN(25))
			b.Developments = append(b.Developments, d)
		case 3: // a 发展对象 of this year
			d := person(v, 23+rnd.IntN(12))
			contacts(&d, v)
			d.Sponsors = ""
			d.Candidate = day(round, time.Month(1+rnd.IntN(5)), 1+rnd.IntN(25))
			d.Activist = d.Candidate.AddDate(-1, -1-rnd.IntN(3), 0)
			d.Applied = d.Activist.AddDate(0, -4, 0)
			if !warned[2] {
				warned[2] = true
				d.Vetting = ""
			}
			b.Developments = append(b.Developments, d)
		}
	}
	// Commendations of the year at 七一 (before today: the demo's today is in the second half
	// of the round's year or later).
	on := day(round, 6, 28)
	doc := func(level data.CommendLevel) string {
		if level == data.ByCity {
			return fmt.Sprintf("青市发〔%d〕12号", round)
		}
		return fmt.Sprintf("青发〔%d〕21号", round)
	}
	add := func(c data.Commendation) {
		c.Year, c.Township, c.Date, c.DocNo = round, Township, on, doc(c.Level)
		b.Commendations = append(b.Commendations, c)
	}
	var secretaries []data.Member
	for _, m := range b.Members {
		if m.Round == round && m.PartyPost == data.PartySecretary {
			secretaries = append(secretaries, m)
		}
	}
	if len(secretaries) < 6 {
		return
	}
	add(data.Commendation{Village: secretaries[0].Village, Category: data.CommendOrg, Subject: secretaries[0].Village + "党支部", Level: data.ByCity})
	add(data.Commendation{Village: secretaries[3].Village, Category: data.CommendOrg, Subject: secretaries[3].Village + "党支部", Level: data.ByCounty})
	add(data.Commendation{Village: secretaries[1].Village, Category: data.CommendVillSecretary, Subject: secretaries[1].Name,
		IDNumber: secretaries[1].IDNumber, Level: data.ByCity})
	for k := 2; k < 5; k++ {
		d := person(secretaries[k].Village, 30+rnd.IntN(25))
		add(data.Commendation{Village: d.Village, Category: data.CommendMember, Subject: d.Name, IDNumber: d.IDNumber, Level: data.ByCounty})
	}
	w := person("", 35)
	add(data.Commendation{Category: data.CommendWorker, Subject: w.Name, IDNumber: w.IDNumber, Level: data.ByCounty})
}

// contactsOf names two party members of village v's roster as 培养联系人 (and 入党介绍人).
func contactsOf(b *data.Batch, v string) string {
	var names []string
	for _, m := range b.Members {
		if m.Village == v && m.IsParty() && len(names) < 2 {
			names = append(names, m.Name)
		}
	}
	if len(names) == 0 {
		return "党支部指定"
	}
	return names[0] + "、" + names[len(names)-1]
}

// The yearbook's commendations of the city, by category in data.CommendCategories order.
var cityCommendations = [5]int{100, 100, 50, 10, 50}

// cityCommendationsOf is the plan's share of each category: the yearbook's over 62
// townships, scaled to the plan's townships.
func (p cityPlan) commendations() [5]int {
	var out [5]int
	for i, n := range cityCommendations {
		out[i] = share(n, CityTownships, p.s.Townships)
	}
	return out
}

// commendations adds township t's share of the city's commendations of the round (市级, at
// 七一): organizations of its villages, people of its villages' rosters, its own secretary
// (the 优秀乡镇（街道）党（工）委书记 has no 村名). The shares sum to the plan's counts.
func (c *cityGen) commendations(b *data.Batch, t int, active []data.Village) {
	rnd := rand.New(rand.NewPCG(2026, uint64(1600+t)))
	n := c.plan.s.Townships
	var secretaries, others []data.Member
	for _, m := range b.Members {
		switch {
		case m.PartyPost == data.PartySecretary:
			secretaries = append(secretaries, m)
		case m.IsParty():
			others = append(others, m)
		}
	}
	name := b.Townships[0].Name
	on := time.Date(c.round, 6, 28, 0, 0, 0, 0, time.UTC)
	add := func(k int, cat data.CommendCategory, village, subject, id string) {
		b.Commendations = append(b.Commendations, data.Commendation{Year: c.round, Township: name, Village: village,
			Category: cat, Subject: subject, IDNumber: id, Level: data.ByCity, Date: on, DocNo: fmt.Sprintf("市委发〔%d〕%d号", c.round, 30+k)})
	}
	seq := 900
	for k, total := range c.plan.commendations() {
		cat := data.CommendCategories[k]
		for x := 0; x < spread(total, t, n); x++ {
			switch {
			case cat == data.CommendOrg && len(active) > 0:
				v := active[(x*7)%len(active)].Name
				add(k, cat, v, v+"党支部", "")
			case cat == data.CommendVillSecretary && len(secretaries) > 0:
				m := secretaries[(x*5)%len(secretaries)]
				add(k, cat, m.Village, m.Name, m.IDNumber)
			case (cat == data.CommendMember || cat == data.CommendWorker) && len(others) > 0:
				m := others[(x*11+k)%len(others)]
				add(k, cat, m.Village, m.Name, m.IDNumber)
			default: // the township's own secretary, or a township without rosters
				seq++
				birth := time.Date(c.round-45-rnd.IntN(10), 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rnd.IntN(360))
				add(k, cat, "", surnames[rnd.IntN(len(surnames))]+maleNames[rnd.IntN(len(maleNames))], idNumber(birth, seq, false))
			}
		}
	}
}

// expectedCommendations are the city's commendation figures by construction: the plan's
// counts, all 市级.
func (c *cityGen) expectedCommendations() data.CommendationStats {
	none := data.CommendationFigures(nil, c.round)
	for i, n := range c.plan.commendations() {
		none.ByCategory[string(data.CommendCategories[i])] = n
		none.Total += n
	}
	none.ByLevel[string(data.ByCity)] = none.Total
	return none
}
