package data

import "time"

// The descriptions of the records of the rest of a round (issue 15): the candidates' joint
// vetting, the 村务监督委员会, the changes during the term and the departure audits.

// CandidateDesc describes 候选人: one person's joint vetting for one body.
var CandidateDesc = &Kind[Candidate]{
	KindInfo: KindInfo{Code: CodeCandidate, Name: "候选人", Aliases: []string{"资格联审", "联审"}, Record: true},
	Fields: []Field[Candidate]{
		TextF("乡镇", func(c *Candidate) *string { return &c.Township }).Keyed().W(16),
		TextF("村名", func(c *Candidate) *string { return &c.Village }).Keyed().W(16),
		RoundF("届次", func(c *Candidate) *int { return &c.Round }).Keyed().W(8),
		TextF("姓名", func(c *Candidate) *string { return &c.Name }).W(10),
		IDF("身份证号", func(c *Candidate) *string { return &c.IDNumber }).Keyed().W(22),
		EnumF("拟任组织", func(c *Candidate) *VetBody { return &c.Body }, ParseVetBody, VetBodies...).Keyed().Must().W(16),
		TextF("拟任职务", func(c *Candidate) *string { return &c.Post }).W(10).Hinted("如 书记、主任、委员"),
		EnumF("联审结论", func(c *Candidate) *Verdict { return &c.Verdict }, ParseVerdict, Verdicts...).W(10),
		TextF("不通过原因", func(c *Candidate) *string { return &c.Reason }).W(24).Hinted("负面清单中的一项，或“其他：具体原因”"),
		DateF("审查日期", func(c *Candidate) *time.Time { return &c.Checked }).W(13),
	},
	Key:      []string{"乡镇", "村名", "届次", "拟任组织", "身份证号"},
	Validate: func(c *Candidate, _ time.Time) Problems { return c.Validate() },
	Normalize: func(c *Candidate) {
		c.IDNumber = NormalizeID(c.IDNumber)
	},
	Records: func(l *Ledger) *[]Candidate { return &l.Candidates },
}

// SupervisorDesc describes 村务监督委员会: one member of a village's committee of one round.
var SupervisorDesc = &Kind[Supervisor]{
	KindInfo: KindInfo{Code: CodeSupervisor, Name: "村务监督委员会", Aliases: []string{"监委会", "村务监督"}, Record: true},
	Fields: []Field[Supervisor]{
		TextF("乡镇", func(s *Supervisor) *string { return &s.Township }).Keyed().W(16),
		TextF("村名", func(s *Supervisor) *string { return &s.Village }).Keyed().W(16),
		RoundF("届次", func(s *Supervisor) *int { return &s.Round }).Keyed().W(8),
		TextF("姓名", func(s *Supervisor) *string { return &s.Name }).W(10),
		IDF("身份证号", func(s *Supervisor) *string { return &s.IDNumber }).Keyed().W(22).Hinted("18位，性别和出生日期将自动填写"),
		EnumF("性别", func(s *Supervisor) *Gender { return &s.Gender }, ParseGender, Male, Female).W(7),
		DateF("出生日期", func(s *Supervisor) *time.Time { return &s.Birth }).W(13),
		EnumF("职务", func(s *Supervisor) *SupervisorPost { return &s.Post }, ParseSupervisorPost, SupervisorPosts...).W(8),
		YesNoF("是否两委成员", func(s *Supervisor) *bool { return &s.InLiangwei }).Brief("两委成员"),
		EnumF("产生方式", func(s *Supervisor) *SupervisorMethod { return &s.Method }, ParseSupervisorMethod, SupervisorMethods...).W(14),
		DateF("推选日期", func(s *Supervisor) *time.Time { return &s.Elected }).W(13),
	},
	Key:       []string{"乡镇", "村名", "届次", "身份证号"},
	Validate:  func(s *Supervisor, _ time.Time) Problems { return s.Validate() },
	Normalize: func(s *Supervisor) { s.FillFromID() },
	Records:   func(l *Ledger) *[]Supervisor { return &l.Supervisors },
}

// ChangeDesc describes 任职变动: a post changing hands during the term.
var ChangeDesc = &Kind[Change]{
	KindInfo: KindInfo{Code: CodeChange, Name: "任职变动", Aliases: []string{"届中变动", "变动"}, Record: true},
	Fields: []Field[Change]{
		TextF("乡镇", func(c *Change) *string { return &c.Township }).Keyed().W(16),
		TextF("村名", func(c *Change) *string { return &c.Village }).Keyed().W(16),
		RoundF("届次", func(c *Change) *int { return &c.Round }).Keyed().W(8),
		DateF("日期", func(c *Change) *time.Time { return &c.Date }).Keyed().W(13),
		EnumF("组织", func(c *Change) *Body { return &c.Body }, ParseBody, Bodies...).Keyed().Must().W(10),
		EnumF("职务", func(c *Change) *ChangePost { return &c.Post }, ParseChangePost, ChangePosts...).Keyed().W(8),
		TextF("离任人", func(c *Change) *string { return &c.Leaver }).W(10),
		IDF("离任身份证号", func(c *Change) *string { return &c.LeaverID }).Keyed().W(22).Brief("离任身份证"),
		EnumF("离任原因", func(c *Change) *ChangeCause { return &c.Cause }, ParseChangeCause, ChangeCauses...).W(10),
		TextF("接任人", func(c *Change) *string { return &c.Successor }).W(10),
		IDF("接任身份证号", func(c *Change) *string { return &c.SuccessorID }).Keyed().W(22).Brief("接任身份证"),
		EnumF("接任方式", func(c *Change) *ChangeMethod { return &c.Method }, ParseChangeMethod, ChangeMethods...).W(10),
		TextF("备注", func(c *Change) *string { return &c.Note }).W(30).Wide(),
	},
	Key:       []string{"乡镇", "村名", "届次", "日期", "组织", "职务", "离任身份证号", "接任身份证号"},
	Validate:  func(c *Change, _ time.Time) Problems { return c.Validate() },
	Normalize: func(c *Change) { c.Normalize() },
	Records:   func(l *Ledger) *[]Change { return &l.Changes },
}

// AuditDesc describes 离任审计: the audit of a village's finances before the round.
var AuditDesc = &Kind[DepartureAudit]{
	KindInfo: KindInfo{Code: CodeAudit, Name: "离任审计", Aliases: []string{"审计"}, Record: true},
	Fields: []Field[DepartureAudit]{
		TextF("乡镇", func(a *DepartureAudit) *string { return &a.Township }).Keyed().W(16),
		TextF("村名", func(a *DepartureAudit) *string { return &a.Village }).Keyed().W(16),
		RoundF("届次", func(a *DepartureAudit) *int { return &a.Round }).Keyed().W(8),
		TextF("审计对象", func(a *DepartureAudit) *string { return &a.Subject }).Keyed().W(10).Hinted("姓名"),
		TextF("职务", func(a *DepartureAudit) *string { return &a.Post }).W(10).Hinted("如 书记、主任"),
		TextF("审计单位", func(a *DepartureAudit) *string { return &a.Auditor }).W(20).Hinted("如 城关镇农经站"),
		DateF("审计日期", func(a *DepartureAudit) *time.Time { return &a.Date }).W(13),
		EnumF("结论", func(a *DepartureAudit) *AuditConclusion { return &a.Conclusion }, ParseAuditConclusion, AuditConclusions...).W(14),
		TextF("问题摘要", func(a *DepartureAudit) *string { return &a.Findings }).W(36).Wide(),
	},
	Validate: func(a *DepartureAudit, _ time.Time) Problems { return a.Validate() },
	Records:  func(l *Ledger) *[]DepartureAudit { return &l.Audits },
}
