package ui

import (
	"context"
	"fmt"

	"liangwei/data"
)

// The four screens of the rest of a round, each a villageKind: its table columns, its
// filter, its form's fields and the store's methods.

func init() {
	register(data.CandidateDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, candidateScreen()) })
	register(data.SupervisorDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, supervisorScreen()) })
	register(data.ChangeDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, changeScreen()) })
	register(data.AuditDesc.Name, func(u *UI) screen { return newVillageKindScreen(u, departureAuditScreen()) })
}

func maskedCol[R any](k *data.Kind[R], at func(*R) any, width float32) column[R] {
	f := k.FieldAt(at)
	return fieldCol(k, at, width).shown(func(r R) string { return data.MaskID(f.Text(&r)) })
}

func candidateScreen() *villageKind[data.Candidate] {
	k := data.CandidateDesc
	return &villageKind[data.Candidate]{
		desc: k, what: "联审候选人",
		cols: []column[data.Candidate]{
			fieldCol(k, func(c *data.Candidate) any { return &c.Township }, 80),
			fieldCol(k, func(c *data.Candidate) any { return &c.Village }, 96),
			fieldCol(k, func(c *data.Candidate) any { return &c.Round }, 52),
			fieldCol(k, func(c *data.Candidate) any { return &c.Name }, 72),
			maskedCol(k, func(c *data.Candidate) any { return &c.IDNumber }, 160),
			fieldCol(k, func(c *data.Candidate) any { return &c.Body }, 120),
			fieldCol(k, func(c *data.Candidate) any { return &c.Post }, 80),
			fieldCol(k, func(c *data.Candidate) any { return &c.Verdict }, 80),
			fieldCol(k, func(c *data.Candidate) any { return &c.Checked }, 96),
			fieldCol(k, func(c *data.Candidate) any { return &c.Reason }, 260),
		},
		township: func(c *data.Candidate) *string { return &c.Township },
		village:  func(c *data.Candidate) *string { return &c.Village },
		round:    func(c *data.Candidate) *int { return &c.Round },
		id:       func(c *data.Candidate) *int64 { return &c.ID },
		filter:   func(c *data.Candidate) any { return &c.Verdict },
		form: []func(*data.Candidate) any{
			func(c *data.Candidate) any { return &c.Round },
			func(c *data.Candidate) any { return &c.Name },
			func(c *data.Candidate) any { return &c.IDNumber },
			func(c *data.Candidate) any { return &c.Body },
			func(c *data.Candidate) any { return &c.Post },
			func(c *data.Candidate) any { return &c.Verdict },
			func(c *data.Candidate) any { return &c.Reason },
			func(c *data.Candidate) any { return &c.Checked },
		},
		suggest: map[string][]string{"拟任职务": data.CandidatePosts, "不通过原因": data.NegativeList},
		title: func(c data.Candidate) string {
			return fmt.Sprintf("%s %s %d年 %s（拟任%s）", c.Township, c.Village, c.Round, c.Name, c.Body)
		},
		list: func(st data.Store) func(context.Context, int) ([]data.Candidate, error) { return st.Candidates },
		save: func(st data.Store, ctx context.Context, c *data.Candidate) error { return st.SaveCandidate(ctx, c) },
		del:  func(st data.Store, ctx context.Context, id int64) error { return st.DeleteCandidate(ctx, id) },
	}
}

func supervisorScreen() *villageKind[data.Supervisor] {
	k := data.SupervisorDesc
	return &villageKind[data.Supervisor]{
		desc: k, what: "村务监督委员会成员",
		cols: []column[data.Supervisor]{
			fieldCol(k, func(s *data.Supervisor) any { return &s.Township }, 80),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Village }, 96),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Round }, 52),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Name }, 72),
			maskedCol(k, func(s *data.Supervisor) any { return &s.IDNumber }, 160),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Gender }, 48),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Birth }, 96),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Post }, 60),
			fieldCol(k, func(s *data.Supervisor) any { return &s.InLiangwei }, 80),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Method }, 110),
			fieldCol(k, func(s *data.Supervisor) any { return &s.Elected }, 96),
		},
		township: func(s *data.Supervisor) *string { return &s.Township },
		village:  func(s *data.Supervisor) *string { return &s.Village },
		round:    func(s *data.Supervisor) *int { return &s.Round },
		id:       func(s *data.Supervisor) *int64 { return &s.ID },
		filter:   func(s *data.Supervisor) any { return &s.Post },
		form: []func(*data.Supervisor) any{
			func(s *data.Supervisor) any { return &s.Round },
			func(s *data.Supervisor) any { return &s.Name },
			func(s *data.Supervisor) any { return &s.IDNumber },
			func(s *data.Supervisor) any { return &s.Gender },
			func(s *data.Supervisor) any { return &s.Birth },
			func(s *data.Supervisor) any { return &s.Post },
			func(s *data.Supervisor) any { return &s.InLiangwei },
			func(s *data.Supervisor) any { return &s.Method },
			func(s *data.Supervisor) any { return &s.Elected },
		},
		title: func(s data.Supervisor) string {
			return fmt.Sprintf("%s %s %d年 %s（%s）", s.Township, s.Village, s.Round, s.Name, s.Post)
		},
		list: func(st data.Store) func(context.Context, int) ([]data.Supervisor, error) { return st.Supervisors },
		save: func(st data.Store, ctx context.Context, s *data.Supervisor) error { return st.SaveSupervisor(ctx, s) },
		del:  func(st data.Store, ctx context.Context, id int64) error { return st.DeleteSupervisor(ctx, id) },
	}
}

func changeScreen() *villageKind[data.Change] {
	k := data.ChangeDesc
	return &villageKind[data.Change]{
		desc: k, what: "任职变动",
		cols: []column[data.Change]{
			fieldCol(k, func(c *data.Change) any { return &c.Township }, 80),
			fieldCol(k, func(c *data.Change) any { return &c.Village }, 96),
			fieldCol(k, func(c *data.Change) any { return &c.Round }, 52),
			fieldCol(k, func(c *data.Change) any { return &c.Date }, 96),
			fieldCol(k, func(c *data.Change) any { return &c.Body }, 64),
			fieldCol(k, func(c *data.Change) any { return &c.Post }, 60),
			fieldCol(k, func(c *data.Change) any { return &c.Leaver }, 72),
			fieldCol(k, func(c *data.Change) any { return &c.Cause }, 72),
			fieldCol(k, func(c *data.Change) any { return &c.Successor }, 72),
			maskedCol(k, func(c *data.Change) any { return &c.SuccessorID }, 160),
			fieldCol(k, func(c *data.Change) any { return &c.Method }, 72),
			fieldCol(k, func(c *data.Change) any { return &c.Note }, 260),
		},
		township: func(c *data.Change) *string { return &c.Township },
		village:  func(c *data.Change) *string { return &c.Village },
		round:    func(c *data.Change) *int { return &c.Round },
		id:       func(c *data.Change) *int64 { return &c.ID },
		filter:   func(c *data.Change) any { return &c.Cause },
		form: []func(*data.Change) any{
			func(c *data.Change) any { return &c.Round },
			func(c *data.Change) any { return &c.Date },
			func(c *data.Change) any { return &c.Body },
			func(c *data.Change) any { return &c.Post },
			func(c *data.Change) any { return &c.Leaver },
			func(c *data.Change) any { return &c.LeaverID },
			func(c *data.Change) any { return &c.Cause },
			func(c *data.Change) any { return &c.Successor },
			func(c *data.Change) any { return &c.SuccessorID },
			func(c *data.Change) any { return &c.Method },
			func(c *data.Change) any { return &c.Note },
		},
		title: func(c data.Change) string {
			return fmt.Sprintf("%s %s %s %s%s %s→%s", c.Township, c.Village, data.FormatDate(c.Date), c.Body, c.Post, c.Leaver, c.Successor)
		},
		list: func(st data.Store) func(context.Context, int) ([]data.Change, error) { return st.Changes },
		save: func(st data.Store, ctx context.Context, c *data.Change) error { return st.SaveChange(ctx, c) },
		del:  func(st data.Store, ctx context.Context, id int64) error { return st.DeleteChange(ctx, id) },
	}
}

func departureAuditScreen() *villageKind[data.DepartureAudit] {
	k := data.AuditDesc
	return &villageKind[data.DepartureAudit]{
		desc: k, what: "离任审计",
		cols: []column[data.DepartureAudit]{
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Township }, 80),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Village }, 96),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Round }, 52),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Subject }, 80),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Post }, 60),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Auditor }, 180),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Date }, 96),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Conclusion }, 110),
			fieldCol(k, func(a *data.DepartureAudit) any { return &a.Findings }, 300),
		},
		township: func(a *data.DepartureAudit) *string { return &a.Township },
		village:  func(a *data.DepartureAudit) *string { return &a.Village },
		round:    func(a *data.DepartureAudit) *int { return &a.Round },
		id:       func(a *data.DepartureAudit) *int64 { return &a.ID },
		filter:   func(a *data.DepartureAudit) any { return &a.Conclusion },
		form: []func(*data.DepartureAudit) any{
			func(a *data.DepartureAudit) any { return &a.Round },
			func(a *data.DepartureAudit) any { return &a.Subject },
			func(a *data.DepartureAudit) any { return &a.Post },
			func(a *data.DepartureAudit) any { return &a.Auditor },
			func(a *data.DepartureAudit) any { return &a.Date },
			func(a *data.DepartureAudit) any { return &a.Conclusion },
			func(a *data.DepartureAudit) any { return &a.Findings },
		},
		title: func(a data.DepartureAudit) string {
			return fmt.Sprintf("%s %s %d年 %s", a.Township, a.Village, a.Round, a.Subject)
		},
		list: func(st data.Store) func(context.Context, int) ([]data.DepartureAudit, error) { return st.Audits },
		save: func(st data.Store, ctx context.Context, a *data.DepartureAudit) error { return st.SaveAudit(ctx, a) },
		del:  func(st data.Store, ctx context.Context, id int64) error { return st.DeleteAudit(ctx, id) },
	}
}
