package ui

import (
	"context"
	"fmt"
	"time"

	"liangwei/data"
)

// The screens 发展党员 and 表彰 (issue 16), each a villageKind: the development table shows
// each person's stage and the next stage with its earliest (or due) day, and the form says
// it as the clerk types the dates; a commendation may name no village (the township's own).

func init() {
	register(data.DevelopmentDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, developmentScreen()) })
	register(data.CommendationDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, commendationScreen()) })
}

// developmentYear is the year a development record is shown under after a save: the year of
// its latest date, in whose list (data.Development.OfYear) it certainly is.
func developmentYear(d *data.Development) *int {
	y := 0
	for _, t := range []time.Time{d.Applied, d.Activist, d.Candidate, d.Admitted, d.Full} {
		if !t.IsZero() {
			y = t.Year()
		}
	}
	return &y
}

func developmentScreen() *villageKind[data.Development] {
	k := data.DevelopmentDesc
	return &villageKind[data.Development]{
		desc: k, what: "发展党员",
		cols: []column[data.Development]{
			fieldCol(k, func(d *data.Development) any { return &d.Township }, 80),
			fieldCol(k, func(d *data.Development) any { return &d.Village }, 96),
			fieldCol(k, func(d *data.Development) any { return &d.Name }, 72),
			fieldCol(k, func(d *data.Development) any { return &d.Gender }, 44),
			{title: "阶段", width: 96, text: func(d data.Development) string { return string(d.Stage()) }},
			{title: "下一阶段", width: 330, text: func(d data.Development) string { return d.NextText() }},
			fieldCol(k, func(d *data.Development) any { return &d.Applied }, 92),
			fieldCol(k, func(d *data.Development) any { return &d.Activist }, 92),
			fieldCol(k, func(d *data.Development) any { return &d.Candidate }, 92),
			fieldCol(k, func(d *data.Development) any { return &d.Admitted }, 92),
			fieldCol(k, func(d *data.Development) any { return &d.Full }, 92),
			maskedCol(k, func(d *data.Development) any { return &d.IDNumber }, 160),
			fieldCol(k, func(d *data.Development) any { return &d.Contact }, 110),
			fieldCol(k, func(d *data.Development) any { return &d.Vetting }, 100),
		},
		township: func(d *data.Development) *string { return &d.Township },
		village:  func(d *data.Development) *string { return &d.Village },
		round:    developmentYear,
		id:       func(d *data.Development) *int64 { return &d.ID },
		filter:   func(d *data.Development) any { return &d.Education },
		form: []func(*data.Development) any{
			func(d *data.Development) any { return &d.Name },
			func(d *data.Development) any { return &d.IDNumber },
			func(d *data.Development) any { return &d.Gender },
			func(d *data.Development) any { return &d.Birth },
			func(d *data.Development) any { return &d.Ethnicity },
			func(d *data.Development) any { return &d.Education },
			func(d *data.Development) any { return &d.Applied },
			func(d *data.Development) any { return &d.Activist },
			func(d *data.Development) any { return &d.Candidate },
			func(d *data.Development) any { return &d.Admitted },
			func(d *data.Development) any { return &d.Full },
			func(d *data.Development) any { return &d.Contact },
			func(d *data.Development) any { return &d.Sponsors },
			func(d *data.Development) any { return &d.Vetting },
			func(d *data.Development) any { return &d.Note },
		},
		noteName: "下一阶段",
		note: func(d data.Development) string {
			if s := d.NextText(); s != "" {
				return "当前阶段：" + string(d.Stage()) + "；" + s
			}
			return "填写申请入党日期后显示"
		},
		title: func(d data.Development) string {
			return fmt.Sprintf("%s %s %s（%s）", d.Township, d.Village, d.Name, d.Stage())
		},
		list: func(st data.Store) func(context.Context, int) ([]data.Development, error) { return st.Developments },
		save: func(st data.Store, ctx context.Context, d *data.Development) error { return st.SaveDevelopment(ctx, d) },
		del:  func(st data.Store, ctx context.Context, id int64) error { return st.DeleteDevelopment(ctx, id) },
	}
}

func commendationScreen() *villageKind[data.Commendation] {
	k := data.CommendationDesc
	return &villageKind[data.Commendation]{
		desc: k, what: "表彰",
		cols: []column[data.Commendation]{
			fieldCol(k, func(c *data.Commendation) any { return &c.Year }, 52),
			fieldCol(k, func(c *data.Commendation) any { return &c.Township }, 80),
			fieldCol(k, func(c *data.Commendation) any { return &c.Village }, 96),
			fieldCol(k, func(c *data.Commendation) any { return &c.Category }, 220),
			fieldCol(k, func(c *data.Commendation) any { return &c.Subject }, 140),
			maskedCol(k, func(c *data.Commendation) any { return &c.IDNumber }, 160),
			fieldCol(k, func(c *data.Commendation) any { return &c.Level }, 72),
			fieldCol(k, func(c *data.Commendation) any { return &c.Date }, 96),
			fieldCol(k, func(c *data.Commendation) any { return &c.DocNo }, 180),
		},
		township:  func(c *data.Commendation) *string { return &c.Township },
		village:   func(c *data.Commendation) *string { return &c.Village },
		round:     func(c *data.Commendation) *int { return &c.Year },
		id:        func(c *data.Commendation) *int64 { return &c.ID },
		filter:    func(c *data.Commendation) any { return &c.Category },
		noVillage: "—（乡镇本级）",
		form: []func(*data.Commendation) any{
			func(c *data.Commendation) any { return &c.Year },
			func(c *data.Commendation) any { return &c.Category },
			func(c *data.Commendation) any { return &c.Subject },
			func(c *data.Commendation) any { return &c.IDNumber },
			func(c *data.Commendation) any { return &c.Level },
			func(c *data.Commendation) any { return &c.Date },
			func(c *data.Commendation) any { return &c.DocNo },
		},
		title: func(c data.Commendation) string {
			return fmt.Sprintf("%s %d年度 %s %s", c.Township, c.Year, c.Category, c.Subject)
		},
		list: func(st data.Store) func(context.Context, int) ([]data.Commendation, error) { return st.Commendations },
		save: func(st data.Store, ctx context.Context, c *data.Commendation) error {
			return st.SaveCommendation(ctx, c)
		},
		del: func(st data.Store, ctx context.Context, id int64) error { return st.DeleteCommendation(ctx, id) },
	}
}
