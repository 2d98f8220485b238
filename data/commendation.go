package data

import (
	"fmt"
	"strings"
	"time"
)

// 创先争优 表彰: the commendations of party organizations and people (the yearbook's city
// commended 100 先进基层党组织, 100 优秀共产党员, 50 优秀党务工作者, 10 优秀乡镇（街道）党（工）委书记
// and 50 优秀村党组织书记).

// CommendCategory is what a commendation is for (表彰类别).
type CommendCategory string

// Commendation categories.
const (
	CommendOrg           CommendCategory = "先进基层党组织"
	CommendMember        CommendCategory = "优秀共产党员"
	CommendWorker        CommendCategory = "优秀党务工作者"
	CommendTownSecretary CommendCategory = "优秀乡镇（街道）党（工）委书记"
	CommendVillSecretary CommendCategory = "优秀村党组织书记"
	CommendOther         CommendCategory = "其他"
)

// CommendCategories lists the categories in the yearbook's order.
var CommendCategories = []CommendCategory{CommendOrg, CommendMember, CommendWorker, CommendTownSecretary, CommendVillSecretary, CommendOther}

// ParseCommendCategory reads a category; brackets may be half- or full-width, or left out.
func ParseCommendCategory(s string) (CommendCategory, error) {
	n := strings.NewReplacer("(", "（", ")", "）", " ", "", "　", "").Replace(norm(s))
	switch n {
	case "":
		return "", nil
	case "先进基层党组织", "先进党组织", "先进基层党组织奖":
		return CommendOrg, nil
	case "优秀共产党员", "优秀党员":
		return CommendMember, nil
	case "优秀党务工作者", "党务工作者":
		return CommendWorker, nil
	case "优秀乡镇（街道）党（工）委书记", "优秀乡镇党委书记", "优秀街道党工委书记", "优秀乡镇街道党工委书记", "优秀乡镇（街道）党委书记":
		return CommendTownSecretary, nil
	case "优秀村党组织书记", "优秀村党支部书记", "优秀村（社区）党组织书记", "优秀社区党组织书记":
		return CommendVillSecretary, nil
	case "其他", "其它":
		return CommendOther, nil
	}
	return "", enumError(s, CommendCategories...)
}

// Person reports whether the category commends a person (who needs a 身份证号).
func (c CommendCategory) Person() bool {
	switch c {
	case CommendMember, CommendWorker, CommendTownSecretary, CommendVillSecretary:
		return true
	}
	return false
}

// CommendLevel is the level of the body that commended (表彰单位).
type CommendLevel string

// Commendation levels.
const (
	ByCounty   CommendLevel = "县级"
	ByCity     CommendLevel = "市级"
	ByProvince CommendLevel = "省级"
	ByNation   CommendLevel = "全国"
)

// CommendLevels lists the levels from the lowest.
var CommendLevels = []CommendLevel{ByCounty, ByCity, ByProvince, ByNation}

// ParseCommendLevel reads a level, or the commending body's name by its level: 县委, 中共XX市委,
// 省委组织部, 中共中央 ….
func ParseCommendLevel(s string) (CommendLevel, error) {
	n := norm(s)
	switch n {
	case "":
		return "", nil
	case "县", "县级", "县区", "区", "区级", "县（区）", "县（市、区）":
		return ByCounty, nil
	case "市", "市级", "地市", "地市级":
		return ByCity, nil
	case "省", "省级", "省部级":
		return ByProvince, nil
	case "全国", "国家", "国家级", "中央":
		return ByNation, nil
	}
	// A body's name: the level of its last administrative word.
	switch {
	case strings.Contains(n, "中央") || strings.HasPrefix(n, "全国"):
		return ByNation, nil
	case strings.Contains(n, "省委") || strings.Contains(n, "省"):
		return ByProvince, nil
	case strings.Contains(n, "市委") || strings.HasSuffix(n, "市") || strings.Contains(n, "市人民政府"):
		return ByCity, nil
	case strings.Contains(n, "县委") || strings.Contains(n, "区委") || strings.Contains(n, "县"):
		return ByCounty, nil
	}
	return "", enumError(s, CommendLevels...)
}

// orgWords are the words an organization's name ends with (先进基层党组织 names one).
var orgWords = []string{"党支部", "党总支", "党委", "党组织", "支部", "党工委", "总支部委员会", "委员会"}

// Commendation is one 创先争优 commendation, unique by (township, 年度, 表彰类别, 表彰单位,
// 对象, 身份证号).
type Commendation struct {
	ID       int64
	Year     int             // 年度
	Township string          // 乡镇
	Village  string          // 村名: optional (a township's own party committee or secretary)
	Category CommendCategory // 表彰类别
	Subject  string          // 对象: an organization or a person
	IDNumber string          // 身份证号, for a person
	Level    CommendLevel    // 表彰单位 (its level)
	Date     time.Time       // 表彰日期
	DocNo    string          // 文号
}

// Validate checks a commendation on its own: year, township, 对象, the category and the
// level; a person's category needs a valid 身份证号, 先进基层党组织 names an organization
// (and no 身份证号). Warnings: a 表彰日期 outside the 年度 and the year after, a 村党组织书记
// without 村名.
func (c Commendation) Validate() Problems {
	var ps Problems
	if c.Year < MinRound || c.Year > MaxRound {
		ps.errorf("年度", fmt.Sprintf("年度应为%d至%d之间的年份", MinRound, MaxRound))
	}
	checkName(&ps, "乡镇", c.Township)
	checkLen(&ps, "村名", c.Village, 30)
	switch {
	case strings.TrimSpace(c.Subject) == "":
		ps.errorf("对象", "对象不能为空（受表彰的党组织名称或个人姓名）")
	default:
		checkLen(&ps, "对象", c.Subject, 60)
	}
	switch {
	case c.Category == "":
		ps.errorf("表彰类别", "表彰类别不能为空")
	case !oneOf(c.Category, CommendCategories):
		ps.errorf("表彰类别", "表彰类别应为"+strings.Join(Strings(CommendCategories...), "、"))
	case c.Category.Person():
		if strings.TrimSpace(c.IDNumber) == "" {
			ps.errorf("身份证号", "表彰类别“"+string(c.Category)+"”表彰个人，须填写受表彰人的身份证号")
		} else if _, _, err := ParseIDNumber(c.IDNumber); err != nil {
			ps.errorf("身份证号", err.Error())
		}
	case c.Category == CommendOrg:
		if !namesOrg(c.Subject) {
			ps.errorf("对象", "先进基层党组织的对象应为党组织名称，如“东关村党支部”（应以"+strings.Join(orgWords[:4], "、")+"等结尾）")
		}
		if strings.TrimSpace(c.IDNumber) != "" {
			ps.errorf("身份证号", "先进基层党组织表彰的是党组织，不填身份证号")
		}
	default: // 其他: a person or an organization
		if strings.TrimSpace(c.IDNumber) != "" {
			if _, _, err := ParseIDNumber(c.IDNumber); err != nil {
				ps.errorf("身份证号", err.Error())
			}
		}
	}
	switch {
	case c.Level == "":
		ps.errorf("表彰单位", "表彰单位不能为空（县级、市级、省级或全国）")
	case !oneOf(c.Level, CommendLevels):
		ps.errorf("表彰单位", "表彰单位应为"+strings.Join(Strings(CommendLevels...), "、"))
	}
	if !c.Date.IsZero() && c.Year >= MinRound && (c.Date.Year() < c.Year || c.Date.Year() > c.Year+1) {
		ps.warnf("表彰日期", fmt.Sprintf("表彰日期 %s 不在%d年度或次年", FormatDate(c.Date), c.Year))
	}
	if c.Category == CommendVillSecretary && c.Village == "" {
		ps.warnf("村名", "优秀村党组织书记应填写所在村名")
	}
	checkLen(&ps, "文号", c.DocNo, 60)
	return ps
}

// namesOrg reports whether s names a party organization.
func namesOrg(s string) bool {
	s = strings.TrimSpace(s)
	for _, w := range orgWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// CommendationWhere locates a commendation: 乡镇/年度/表彰类别/对象.
func CommendationWhere(c Commendation) string {
	return fmt.Sprintf("%s/%d/%s/%s", c.Township, c.Year, c.Category, c.Subject)
}
