package data

import "context"

// KeyRates are the rates a county compares round with round (比上届): completion of both
// bodies, 一肩挑 (over the due villages), 交叉任职, women, 35岁及以下 and 大专及以上 (each over
// the 两委成员), all %, and the average age in years.
type KeyRates struct {
	Round         int     `json:"round"`
	PartyRate     float64 `json:"party_rate"`
	CommitteeRate float64 `json:"committee_rate"`
	DualHeadRate  float64 `json:"dual_head_rate"`
	CrossRate     float64 `json:"cross_rate"`
	WomenRate     float64 `json:"women_rate"`
	Under35Rate   float64 `json:"under35_rate"`
	CollegeRate   float64 `json:"college_rate"`
	AvgAge        float64 `json:"avg_age"`
}

// keyRates are s's own key rates.
func (s Stats) keyRates() KeyRates {
	m := s.Members
	return KeyRates{
		Round:         s.Round,
		PartyRate:     s.PartyOrg.Rate,
		CommitteeRate: s.Committee.Rate,
		DualHeadRate:  m.DualHeadRate,
		CrossRate:     Rate(m.Cross, m.Total),
		WomenRate:     Rate(m.Women, m.Total),
		Under35Rate:   Rate(m.Under35, m.Total),
		CollegeRate:   Rate(m.College, m.Total),
		AvgAge:        m.AvgAge,
	}
}

// KeyRate is one key rate of this round beside the previous round's, as the summary prints it.
type KeyRate struct {
	Name     string  // 村党组织完成率, 一肩挑比例 …
	Unit     string  // "%" or "岁"
	Current  float64 // this round
	Previous float64 // the previous round; 0 when there is none
	Change   float64 // Current − Previous, rounded like the figures (2 decimals, 1 for the age)
}

// Compare lists the key rates of cur beside prev (nil: no previous round in the data, and
// Previous and Change stay 0).
func Compare(cur KeyRates, prev *KeyRates) []KeyRate {
	var p KeyRates
	if prev != nil {
		p = *prev
	}
	rows := []KeyRate{
		{Name: "村党组织完成率", Unit: "%", Current: cur.PartyRate, Previous: p.PartyRate},
		{Name: "村（居）委会完成率", Unit: "%", Current: cur.CommitteeRate, Previous: p.CommitteeRate},
		{Name: "书记、主任“一肩挑”比例", Unit: "%", Current: cur.DualHeadRate, Previous: p.DualHeadRate},
		{Name: "“两委”交叉任职比例", Unit: "%", Current: cur.CrossRate, Previous: p.CrossRate},
		{Name: "女性成员比例", Unit: "%", Current: cur.WomenRate, Previous: p.WomenRate},
		{Name: "35岁及以下成员比例", Unit: "%", Current: cur.Under35Rate, Previous: p.Under35Rate},
		{Name: "大专及以上学历比例", Unit: "%", Current: cur.CollegeRate, Previous: p.CollegeRate},
		{Name: "平均年龄", Unit: "岁", Current: cur.AvgAge, Previous: p.AvgAge},
	}
	for i := range rows {
		if prev == nil {
			rows[i].Previous = 0
			continue
		}
		// Both figures are already rounded; work in hundredths so 97.50 − 95.83 prints 1.67.
		diff := roundHundredths(rows[i].Current) - roundHundredths(rows[i].Previous)
		rows[i].Change = float64(diff) / 100
	}
	return rows
}

func roundHundredths(v float64) int64 {
	if v < 0 {
		return -int64(-v*100 + 0.5)
	}
	return int64(v*100 + 0.5)
}

// PreviousRound is the newest round of rounds before round, 0 when there is none.
func PreviousRound(rounds []int, round int) int {
	p := 0
	for _, r := range rounds {
		if r < round && r > p {
			p = r
		}
	}
	return p
}

// SetPrevious puts the key rates of the previous round into s: prev is that round's ledger
// (already filtered to the same township as s) and round its year. With round 0, or no
// election of that round in prev, Previous stays nil: there is nothing to compare with.
func (s *Stats) SetPrevious(prev Ledger, round int) {
	s.Previous = PreviousRates(prev, round)
}

// PreviousRates are the key rates of round in the ledger prev, or nil when prev holds no
// election of that round (or round is 0).
func PreviousRates(prev Ledger, round int) *KeyRates {
	if round == 0 {
		return nil
	}
	for _, e := range prev.Elections {
		if e.Round == round {
			active := activeVillages(prev.Villages)
			p := Stats{Round: round}
			p.PartyOrg = bodyStats(active, prev.Elections, round, BodyParty)
			p.Committee = bodyStats(active, prev.Elections, round, BodyCommittee)
			p.Members, _, _ = memberStats(active, completedBodies(active, prev.Elections, round), prev.Members, round)
			r := p.keyRates()
			return &r
		}
	}
	return nil
}

// LoadPreviousRates reads from st the round before round (the newest earlier round with
// elections) and returns its key rates over township ("" for all), or nil when the data has
// no earlier round. The CLI's stats and summary and the 报表 screen share it.
func LoadPreviousRates(ctx context.Context, st Store, round int, township string) (*KeyRates, error) {
	rounds, err := st.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	prev := PreviousRound(rounds, round)
	if prev == 0 {
		return nil, nil
	}
	l, err := st.Ledger(ctx, prev)
	if err != nil {
		return nil, err
	}
	if township != "" {
		l = l.ForTownship(township)
	}
	return PreviousRates(l, prev), nil
}
