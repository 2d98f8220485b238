package data

import "time"

// The descriptions of the party work beyond the yearly 四有 row (issue 16): member
// development (发展党员) and 创先争优 commendations (表彰).

// DevelopmentDesc describes 发展党员: one person from the application to full membership.
var DevelopmentDesc = &Kind[Development]{
	KindInfo: KindInfo{Code: CodeDevelopment, Name: "发展党员", Aliases: []string{"党员发展", "发展"}, Record: true},
	Fields: []Field[Development]{
		TextF("乡镇", func(d *Development) *string { return &d.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(d *Development) *string { return &d.Village }).Or(villageAliases...).Keyed().W(16).Hinted("所在村党组织"),
		TextF("姓名", func(d *Development) *string { return &d.Name }).W(10),
		IDF("身份证号", func(d *Development) *string { return &d.IDNumber }).Or(idAliases...).Keyed().W(22).Hinted("18位，性别和出生日期将自动填写"),
		EnumF("性别", func(d *Development) *Gender { return &d.Gender }, ParseGender, Male, Female).W(7),
		DateF("出生日期", func(d *Development) *time.Time { return &d.Birth }).W(13),
		TextF("民族", func(d *Development) *string { return &d.Ethnicity }).W(8),
		EnumF("学历", func(d *Development) *Education { return &d.Education }, ParseEducation, Educations...).W(12),
		DateF("申请入党日期", func(d *Development) *time.Time { return &d.Applied }).Or("递交入党申请书日期", "申请日期").W(14).Brief("申请入党"),
		DateF("确定积极分子日期", func(d *Development) *time.Time { return &d.Activist }).Or("确定入党积极分子日期", "列为积极分子日期").W(14).Brief("积极分子"),
		DateF("确定发展对象日期", func(d *Development) *time.Time { return &d.Candidate }).Or("列为发展对象日期").W(14).Brief("发展对象"),
		DateF("接收预备党员日期", func(d *Development) *time.Time { return &d.Admitted }).Or("支部大会接收日期", "入党日期").W(14).Brief("接收预备"),
		DateF("转为正式党员日期", func(d *Development) *time.Time { return &d.Full }).Or("转正日期", "预备党员转正日期").W(14).Brief("转正"),
		TextF("培养联系人", func(d *Development) *string { return &d.Contact }).W(14).Hinted("一至两名正式党员"),
		TextF("入党介绍人", func(d *Development) *string { return &d.Sponsors }).W(14).Hinted("两名正式党员"),
		TextF("政审情况", func(d *Development) *string { return &d.Vetting }).W(16).Hinted("如 政审合格"),
		TextF("备注", func(d *Development) *string { return &d.Note }).W(30).Wide().Hinted("预备期延长时注明“延长预备期”"),
	},
	Key:       []string{"乡镇", "村名", "身份证号"},
	Validate:  func(d *Development, today time.Time) Problems { return d.Validate(today) },
	Normalize: func(d *Development) { d.FillFromID() },
	Records:   func(l *Ledger) *[]Development { return &l.Developments },
}

// CommendationDesc describes 表彰: one 创先争优 commendation.
var CommendationDesc = &Kind[Commendation]{
	KindInfo: KindInfo{Code: CodeCommendation, Name: "表彰", Aliases: []string{"创先争优", "表彰情况"}, Record: true},
	Fields: []Field[Commendation]{
		YearF("年度", func(c *Commendation) *int { return &c.Year }).Keyed().W(8),
		TextF("乡镇", func(c *Commendation) *string { return &c.Township }).Or(townshipAliases...).Keyed().W(16),
		TextF("村名", func(c *Commendation) *string { return &c.Village }).Or(villageAliases...).W(16).Hinted("乡镇本级可不填"),
		EnumF("表彰类别", func(c *Commendation) *CommendCategory { return &c.Category }, ParseCommendCategory, CommendCategories...).Keyed().Must().W(30),
		TextF("对象", func(c *Commendation) *string { return &c.Subject }).Or("表彰对象", "受表彰对象", "姓名或组织名称").Keyed().W(22).Hinted("党组织名称或个人姓名"),
		IDF("身份证号", func(c *Commendation) *string { return &c.IDNumber }).Or(idAliases...).Keyed().W(22).Hinted("表彰个人时必填"),
		EnumF("表彰单位", func(c *Commendation) *CommendLevel { return &c.Level }, ParseCommendLevel, CommendLevels...).Or("表彰级别", "级别").Keyed().W(10),
		DateF("表彰日期", func(c *Commendation) *time.Time { return &c.Date }).W(13),
		TextF("文号", func(c *Commendation) *string { return &c.DocNo }).W(22).Hinted("如 青市发〔2026〕12号"),
	},
	Key:       []string{"乡镇", "年度", "表彰类别", "表彰单位", "对象", "身份证号"},
	Validate:  func(c *Commendation, _ time.Time) Problems { return c.Validate() },
	Normalize: func(c *Commendation) { c.IDNumber = NormalizeID(c.IDNumber) },
	Records:   func(l *Ledger) *[]Commendation { return &l.Commendations },
}
