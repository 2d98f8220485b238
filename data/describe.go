package data

import "time"

// The descriptions of the record kinds (see Kind): one per kind, fields in workbook order
// with the headers of SPEC §3. Validate and the figures stay typed Go code beside the types.

// The headers official forms use for the fields that several kinds share; the README
// (表头别名与单元格清理) lists them with the kinds' own aliases. A unit or note in brackets,
// spaces and full-width forms are ignored when headers are matched, so 乡镇（街道） already
// reads as 乡镇; it is listed for the reader. The terms follow the laws the forms are built
// on: 《中华人民共和国村民委员会组织法》 (登记参加选举的村民, 参加投票) and
// 《中国共产党基层组织选举工作条例》 (应到会、实到会有选举权的党员), and the 公民身份号码 of
// 《中华人民共和国居民身份证法》.
var (
	townshipAliases = []string{"乡镇（街道）", "乡镇名称", "乡镇（街道）名称", "所属乡镇"}
	villageAliases  = []string{"村（社区）名称", "村名称", "村（社区）", "村（居）名称", "村庄名称", "社区名称", "行政村"}
	idAliases       = []string{"公民身份号码", "身份证号码", "公民身份证号码", "居民身份证号码"}
)

// TownshipDesc describes 乡镇.
var TownshipDesc = &Kind[Township]{
	KindInfo: KindInfo{Code: CodeTownship, Name: "乡镇", Record: true},
	Fields: []Field[Township]{
		TextF("乡镇", func(t *Township) *string { return &t.Name }).Or(townshipAliases...).Keyed().W(16),
		TextF("县区", func(t *Township) *string { return &t.County }).W(16),
		TextF("联系人", func(t *Township) *string { return &t.Contact }).W(12),
		TextF("联系电话", func(t *Township) *string { return &t.Phone }).W(16).AsText(),
	},
	Validate: func(t *Township, _ time.Time) Problems { return t.Validate() },
	Records:  func(l *Ledger) *[]Township { return &l.Townships },
}

// VillageDesc describes 村庄.
var VillageDesc = &Kind[Village]{
	KindInfo: KindInfo{Code: CodeVillage, Name: "村庄", Aliases: []string{"村", "社区"}, Record: true},
	Fields: []Field[Village]{
		TextF("乡镇", func(v *Village) *string { return &v.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(v *Village) *string { return &v.Name }).Or(villageAliases...).Keyed().W(16).Hinted("如 王家庄村"),
		EnumF("类型", func(v *Village) *VillageKind { return &v.Kind }, ParseVillageKind, KindVillage, KindCommunity).W(8),
		CountF("户数", func(v *Village) *int { return &v.Households }).W(8),
		CountF("人口", func(v *Village) *int { return &v.Population }).W(8),
		TextF("区划代码", func(v *Village) *string { return &v.Code }).W(16).AsText().Hinted("12位数字，可不填"),
		EnumF("状态", func(v *Village) *VillageStatus { return &v.Status }, ParseVillageStatus, VillageActive, VillageMerged).W(10),
	},
	Validate: func(v *Village, _ time.Time) Problems { return v.Validate() },
	Records:  func(l *Ledger) *[]Village { return &l.Villages },
}

// ElectionDesc describes 换届: one body's election in one village and round.
var ElectionDesc = &Kind[Election]{
	KindInfo: KindInfo{Code: CodeElection, Name: "换届", Record: true},
	Fields: []Field[Election]{
		TextF("乡镇", func(e *Election) *string { return &e.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(e *Election) *string { return &e.Village }).Or(villageAliases...).Keyed().W(16),
		RoundF("届次", func(e *Election) *int { return &e.Round }).Keyed().W(8),
		EnumF("组织", func(e *Election) *Body { return &e.Body }, ParseBody, Bodies...).Keyed().Must().W(10),
		EnumF("状态", func(e *Election) *ElectionStatus { return &e.Status }, ParseElectionStatus, ElectionStatuses...).W(10),
		DateF("完成日期", func(e *Election) *time.Time { return &e.CompletedOn }).W(13),
		YesNoF("一次选举成功", func(e *Election) *bool { return &e.OneTime }),
		CountF("应参加人数", func(e *Election) *int { return &e.Eligible }).Or("登记选民数", "应到会党员数", "登记选民人数", "应到会人数", "应参加选举人数").Brief("应参加").Hinted("党组织填应到会党员，村委会填登记选民"),
		CountF("实参加人数", func(e *Election) *int { return &e.Participants }).Or("参加投票人数", "参加投票选民数", "实到会党员数", "实际参加投票人数", "实到会人数", "实参加选举人数").Brief("实参加").Hinted("党组织填实到会，村委会填参加投票"),
		CountF("应选职数", func(e *Election) *int { return &e.Seats }).Brief("应选"),
		CountF("候选人数", func(e *Election) *int { return &e.Candidates }).Brief("候选"),
		CountF("当选人数", func(e *Election) *int { return &e.Elected }).Brief("当选"),
		TextF("未完成原因", func(e *Election) *string { return &e.Reason }).W(30).Hinted("状态为“未完成”时必填"),
		EnumF("选举方式", func(e *Election) *VoteMethod { return &e.Method }, ParseVoteMethod, VoteMethods...).W(12).Or("选举形式").Opt(),
	},
	Validate: func(e *Election, today time.Time) Problems { return e.Validate(today) },
	Records:  func(l *Ledger) *[]Election { return &l.Elections },
}

// MemberDesc describes 两委成员: one person on a village's committees in one round.
var MemberDesc = &Kind[Member]{
	KindInfo: KindInfo{Code: CodeMember, Name: "两委成员", Aliases: []string{"成员"}, Record: true},
	Fields: []Field[Member]{
		TextF("乡镇", func(m *Member) *string { return &m.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(m *Member) *string { return &m.Village }).Or(villageAliases...).Keyed().W(16),
		RoundF("届次", func(m *Member) *int { return &m.Round }).Keyed().W(8),
		TextF("姓名", func(m *Member) *string { return &m.Name }).W(10),
		IDF("身份证号", func(m *Member) *string { return &m.IDNumber }).Or(idAliases...).Keyed().W(22).Hinted("18位，性别和出生日期将自动填写"),
		EnumF("性别", func(m *Member) *Gender { return &m.Gender }, ParseGender, Male, Female).W(7),
		DateF("出生日期", func(m *Member) *time.Time { return &m.Birth }).W(13),
		TextF("民族", func(m *Member) *string { return &m.Ethnicity }).W(8),
		EnumF("学历", func(m *Member) *Education { return &m.Education }, ParseEducation, Educations...).W(12),
		EnumF("政治面貌", func(m *Member) *Political { return &m.Political }, ParsePolitical, Politicals...).W(11),
		EnumF("党组织职务", func(m *Member) *PartyPost { return &m.PartyPost }, ParsePartyPost, PartyPosts...),
		EnumF("村委会职务", func(m *Member) *CommitteePost { return &m.CommitteePost }, ParseCommitteePost, CommitteePosts...),
		EnumF("新任或连任", func(m *Member) *Tenure { return &m.Tenure }, ParseTenure, TenureNew, TenureReelected),
		TagsF("身份标签", func(m *Member) *[]string { return &m.Tags }).W(24),
		TextF("联系电话", func(m *Member) *string { return &m.Phone }).W(16).AsText(),
	},
	Key:      []string{"乡镇", "村名", "届次", "身份证号"},
	Validate: func(m *Member, _ time.Time) Problems { return m.Validate() },
	// FillFromID also normalises the ID, so 123x and 123X are one key.
	Normalize: func(m *Member) { m.FillFromID() },
	Records:   func(l *Ledger) *[]Member { return &l.Members },
}

// PartyOrgDesc describes 党组织: a village party organization's ledger of one year.
var PartyOrgDesc = &Kind[PartyOrg]{
	KindInfo: KindInfo{Code: CodePartyOrg, Name: "党组织", Aliases: []string{"党组织台账"}, Record: true},
	Fields: []Field[PartyOrg]{
		TextF("乡镇", func(p *PartyOrg) *string { return &p.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(p *PartyOrg) *string { return &p.Village }).Or(villageAliases...).Keyed().W(16),
		YearF("年度", func(p *PartyOrg) *int { return &p.Year }).Keyed().W(8),
		EnumF("党组织类型", func(p *PartyOrg) *OrgType { return &p.Type }, ParseOrgType, OrgTypes...).Brief("类型"),
		CountF("党员数", func(p *PartyOrg) *int { return &p.Members }).W(8).Brief("党员"),
		CountF("女党员数", func(p *PartyOrg) *int { return &p.Women }).Brief("女党员"),
		CountF("预备党员数", func(p *PartyOrg) *int { return &p.Probationary }).Brief("预备"),
		CountF("年度发展党员数", func(p *PartyOrg) *int { return &p.Developed }).Brief("发展"),
		YesNoF("有班子", func(p *PartyOrg) *bool { return &p.HasTeam }).W(8).Brief("班子"),
		YesNoF("有场所", func(p *PartyOrg) *bool { return &p.HasVenue }).W(8).Brief("场所"),
		AmountF("场所面积", func(p *PartyOrg) *float64 { return &p.VenueArea }).W(10).Hinted("平方米，如 120"),
		YesNoF("有活动", func(p *PartyOrg) *bool { return &p.HasActivity }).W(8).Brief("活动"),
		CountF("年度活动次数", func(p *PartyOrg) *int { return &p.Activities }),
		YesNoF("有收入", func(p *PartyOrg) *bool { return &p.HasIncome }).W(8).Brief("收入"),
		AmountF("集体经济收入", func(p *PartyOrg) *float64 { return &p.Income }).Hinted("万元，如 12.5"),
		YesNoF("软弱涣散", func(p *PartyOrg) *bool { return &p.Weak }).W(10),
		TextF("整顿措施", func(p *PartyOrg) *string { return &p.Measures }).W(30).Wide().Hinted("软弱涣散时填写"),
		TextF("整顿进展", func(p *PartyOrg) *string { return &p.Progress }).W(30).Wide().Hinted("软弱涣散时填写"),
		EnumF("整顿结果", func(p *PartyOrg) *Rectification { return &p.Result }, ParseRectification, RectInProgress, RectClosed).W(10),
	},
	Validate: func(p *PartyOrg, _ time.Time) Problems { return p.Validate() },
	Records:  func(l *Ledger) *[]PartyOrg { return &l.PartyOrgs },
}

// LeadershipDesc describes 乡镇班子: a township's leadership of one round.
var LeadershipDesc = &Kind[Leadership]{
	KindInfo: KindInfo{Code: CodeLeadership, Name: "乡镇班子", Record: true},
	Fields: []Field[Leadership]{
		TextF("乡镇", func(l *Leadership) *string { return &l.Township }).Or(townshipAliases...).Keyed().W(16),
		RoundF("届次", func(l *Leadership) *int { return &l.Round }).Keyed().W(8),
		CountF("党委班子成员数", func(l *Leadership) *int { return &l.PartyCommittee }),
		CountF("政府班子成员数", func(l *Leadership) *int { return &l.Government }),
		CountF("交叉任职数", func(l *Leadership) *int { return &l.Cross }),
	},
	Validate: func(l *Leadership, _ time.Time) Problems { return l.Validate() },
	Records:  func(l *Ledger) *[]Leadership { return &l.Leaderships },
}

// ComplaintDesc describes 信访举报: a complaint received during the elections.
var ComplaintDesc = &Kind[Complaint]{
	KindInfo: KindInfo{Code: CodeComplaint, Name: "信访举报", Aliases: []string{"信访", "举报"}, Record: true},
	Fields: []Field[Complaint]{
		TextF("编号", func(c *Complaint) *string { return &c.No }).Keyed().W(12).AsText().Hinted("如 城关信〔2026〕1号"),
		DateF("受理日期", func(c *Complaint) *time.Time { return &c.Received }).W(13),
		EnumF("渠道", func(c *Complaint) *Channel { return &c.Channel }, ParseChannel, Channels...).W(10),
		TextF("乡镇", func(c *Complaint) *string { return &c.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(c *Complaint) *string { return &c.Village }).Or(villageAliases...).W(16),
		TextF("反映人", func(c *Complaint) *string { return &c.Complainant }).W(10).Hinted("姓名，或选“匿名”"),
		TextF("被反映人", func(c *Complaint) *string { return &c.Subject }).W(10),
		EnumF("类别", func(c *Complaint) *ComplaintCategory { return &c.Category }, ParseComplaintCategory, ComplaintCategories...).W(10),
		TextF("内容摘要", func(c *Complaint) *string { return &c.Summary }).W(36).Wide().Hinted("反映的主要问题"),
		TextF("承办人", func(c *Complaint) *string { return &c.Handler }).W(10),
		DateF("办结时限", func(c *Complaint) *time.Time { return &c.Deadline }).W(13).Hinted("不填：拉票贿选、程序违规为受理后5个工作日，其他为60日"),
		EnumF("办理结果", func(c *Complaint) *ComplaintResult { return &c.Result }, ParseComplaintResult, ComplaintResults...).W(10),
		TextF("处理情况", func(c *Complaint) *string { return &c.Handling }).W(30).Wide(),
		DateF("回复日期", func(c *Complaint) *time.Time { return &c.Replied }).W(13),
		// Added by issue 14 at the end, so the columns of workbooks already in use stay put.
		DateF("延期至", func(c *Complaint) *time.Time { return &c.ExtendedTo }).W(13).Hinted("经批准延期时填写"),
		TextF("延期原因", func(c *Complaint) *string { return &c.Extension }).W(20),
	},
	// 编号 is what tells two complaints of a township apart: duplicates are placed on it.
	Key:      []string{"乡镇", "编号"},
	Validate: func(c *Complaint, today time.Time) Problems { return c.Validate(today) },
	Records:  func(l *Ledger) *[]Complaint { return &l.Complaints },
}

// TalkDesc describes 约谈: a talk held with a cadre.
var TalkDesc = &Kind[Talk]{
	KindInfo: KindInfo{Code: CodeTalk, Name: "约谈", Record: true},
	Fields: []Field[Talk]{
		TextF("编号", func(t *Talk) *string { return &t.No }).Keyed().W(12).AsText().Hinted("如 城关谈〔2026〕1号"),
		TextF("乡镇", func(t *Talk) *string { return &t.Township }).Or(townshipAliases...).Keyed().W(16),
		DateF("日期", func(t *Talk) *time.Time { return &t.Date }).W(13),
		EnumF("约谈方式", func(t *Talk) *TalkMode { return &t.Mode }, ParseTalkMode, TalkModes...).W(11),
		TextF("约谈人", func(t *Talk) *string { return &t.Interviewer }).W(10),
		TextF("被约谈人", func(t *Talk) *string { return &t.Interviewee }).W(10),
		TextF("单位", func(t *Talk) *string { return &t.Unit }).W(20).Hinted("如 王家庄村党支部"),
		TextF("职务", func(t *Talk) *string { return &t.Post }).W(12).Hinted("如 书记"),
		EnumF("类别", func(t *Talk) *TalkCategory { return &t.Category }, ParseTalkCategory, TalkCategories...).W(16),
		TextF("事由", func(t *Talk) *string { return &t.Cause }).W(30).Wide(),
		TextF("处理情况", func(t *Talk) *string { return &t.Handling }).W(30).Wide(),
	},
	Key:      []string{"乡镇", "编号"},
	Validate: func(t *Talk, _ time.Time) Problems { return t.Validate() },
	Records:  func(l *Ledger) *[]Talk { return &l.Talks },
}
