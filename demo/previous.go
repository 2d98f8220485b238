package demo

import (
	"time"

	"liangwei/data"
)

// TermYears is the term of the village committees: five years since the 2018 amendment of
// the 村民委员会组织法 (2021 was the first five-year round), so the previous round of 2026 is 2021.
const TermYears = 5

// previous adds the township's previous round (round) to b: both elections of every active
// village 已完成, and rosters that reconcile with them, drawn from the same slots but as the
// committees were then: 一肩挑 in every other village (i%2 == 0), no young graduate (slots 7
// and 9), so five on each body. Its figures, by hand (i = 0…39):
//
//   - members: party posts 5 × 40 = 200; committee 5 × 40 = 200; 交叉任职 2 a village = 80 →
//     320; 一肩挑 20 of 40 = 50.00%; 交叉任职 80/320 = 25.00%;
//   - women: 书记 i%10 == 7 (4) + slot 2 i%4 == 2 (10) + slot 3 i%2 == 0 (20) + slot 6 (40) =
//     74 → 23.13%; 35岁及以下: slot 6 i%10 ≤ 5 (24) → 7.50%;
//   - 大专及以上: slot 0 (30) + slot 1 (20) + slot 2 (14) + slot 6 (20) = 84 → 26.25%;
//   - ages Σ 2020 + 1804 + 1580 + 2140 + 2460 + 1860 + 1380 + 2100 = 15344 / 320 = 47.95 → 48.0
//     (the slots give the ages; that these are the same people five years younger is not
//     modelled).
func previous(b *data.Batch, round int) {
	var active []data.Village
	for _, v := range b.Villages {
		if v.Active() {
			active = append(active, v)
		}
	}
	day := time.Date(round, 4, 10, 0, 0, 0, 0, time.UTC)
	seq := 500
	for i, v := range active {
		for _, body := range data.Bodies {
			e := data.Election{Township: Township, Village: v.Name, Round: round, Body: body,
				Status: data.StatusCompleted, OneTime: true, CompletedOn: day.AddDate(0, 0, i),
				Seats: 5, Candidates: 6, Elected: 5}
			if body == data.BodyParty {
				e.Eligible, e.Participants = 40+i*2, 36+i*2-i/10
			} else {
				e.CompletedOn = e.CompletedOn.AddDate(0, 0, 30)
				e.Eligible = 900 + 37*i
				e.Participants = e.Eligible * 88 / 100
			}
			b.Elections = append(b.Elections, e)
		}
		dual := i%2 == 0
		for s := 0; s <= 8; s++ {
			if s == 7 {
				continue
			}
			seq++
			m := previousMember(slots[s], i, seq, round)
			m.Township, m.Village, m.Round = Township, v.Name, round
			m.PartyPost, m.CommitteePost = postsOf(s, dual)
			if m.PartyPost != data.PartyNone {
				m.Political = data.PolParty
			}
			b.Members = append(b.Members, m)
		}
	}
}

// previousMember is slot s's person of village i in the previous round: deterministic names
// (a fixed random source would shift the current round's), the slot's age, sex and schooling.
func previousMember(s slot, i, seq, round int) data.Member {
	female := s.female != nil && s.female(i)
	g, given := data.Male, maleNames[(i+seq)%len(maleNames)]
	if female {
		g, given = data.Female, femaleNames[(i+seq)%len(femaleNames)]
	}
	birth := time.Date(round-s.age(i)-1, 3, 1+seq%28, 0, 0, 0, 0, time.UTC)
	m := data.Member{
		Name: surnames[(seq*7)%len(surnames)] + given, IDNumber: idNumber(birth, seq, female),
		Gender: g, Birth: birth, Ethnicity: "汉族", Education: s.edu(i), Political: data.PolMasses,
		Tenure: data.TenureReelected,
	}
	if s.party != nil && s.party(i) {
		m.Political = data.PolParty
	}
	return m
}
