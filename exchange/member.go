package exchange

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"liangwei/data"
)

func init() {
	register(&sheet{
		Name: "两委成员",
		Columns: []column{
			{Header: "乡镇", Key: true, Width: 16},
			{Header: "村名", Key: true, Width: 16},
			{Header: "届次", Key: true, Width: 8},
			{Header: "姓名", Width: 10},
			{Header: "身份证号", Key: true, Width: 22, Text: true},
			{Header: "性别", Width: 7, List: data.Strings(data.Male, data.Female)},
			{Header: "出生日期", Width: 13},
			{Header: "民族", Width: 8},
			{Header: "学历", Width: 12, List: data.Strings(data.Educations...)},
			{Header: "政治面貌", Width: 11, List: data.Strings(data.Politicals...)},
			{Header: "党组织职务", List: postList(data.PartyPosts)},
			{Header: "村委会职务", List: postList(data.CommitteePosts)},
			{Header: "新任或连任", List: data.Strings(data.TenureNew, data.TenureReelected)},
			{Header: "身份标签", Width: 24},
			{Header: "联系电话", Width: 16, Text: true},
		},
		parse: parseMember,
		rows:  memberRows,
	})
}

// noPost is how a post column says “none” in the template and the export.
const noPost = "—"

// postList is the drop-down of a post column: the posts with “—” for none.
func postList[T ~string](posts []T) []string {
	out := make([]string, 0, len(posts))
	for _, p := range posts {
		out = append(out, postText(p))
	}
	return out
}

// postText writes a post, “—” for none.
func postText[T ~string](p T) string {
	if p == "" {
		return noPost
	}
	return string(p)
}

// reSciID matches an ID number Excel stored as a number and shows in scientific notation.
var reSciID = regexp.MustCompile(`^\d(\.\d+)?E\+?\d+$`)

// idNumber reads a 身份证号. Whether it is valid is the rules' call; only an ID that Excel
// turned into a number (its last digits lost) is reported here, with what to do about it.
func idNumber(r *row, h string) string {
	s := r.text(h)
	if reSciID.MatchString(strings.ToUpper(s)) {
		r.cellError(h, errors.New("身份证号被 Excel 当成数字保存，后几位已经丢失；请把该列设为“文本”格式后重新填写"))
	}
	return s
}

// roundText is a round as a key part; "" when it is missing.
func roundText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func parseMember(r *row) {
	m := data.Member{Township: r.text("乡镇"), Village: r.text("村名"), Name: r.text("姓名")}
	m.Round = r.round("届次")
	m.IDNumber = idNumber(r, "身份证号")
	m.Gender = enum(r, "性别", data.ParseGender)
	m.Birth = r.date("出生日期")
	m.Ethnicity = r.text("民族")
	m.Education = enum(r, "学历", data.ParseEducation)
	m.Political = enum(r, "政治面貌", data.ParsePolitical)
	m.PartyPost = enum(r, "党组织职务", data.ParsePartyPost)
	m.CommitteePost = enum(r, "村委会职务", data.ParseCommitteePost)
	m.Tenure = enum(r, "新任或连任", data.ParseTenure)
	m.Tags = data.ParseTags(r.text("身份标签"))
	m.Phone = r.text("联系电话")
	m.FillFromID() // also normalises the ID, so 123x and 123X are one key
	if !r.unique(m.Township, m.Village, roundText(m.Round), m.IDNumber) {
		return
	}
	r.check(m.Validate())
	r.l.batch.Members = append(r.l.batch.Members, m)
	r.l.memberRows = append(r.l.memberRows, r.num)
}

func memberRows(b data.Batch) [][]any {
	out := make([][]any, 0, len(b.Members))
	for _, m := range b.Members {
		out = append(out, []any{m.Township, m.Village, m.Round, m.Name, m.IDNumber, string(m.Gender),
			data.FormatDate(m.Birth), m.Ethnicity, string(m.Education), string(m.Political),
			postText(m.PartyPost), postText(m.CommitteePost), string(m.Tenure), data.FormatTags(m.Tags), m.Phone})
	}
	return out
}

// villageRound is one village's committees in one round.
type villageRound struct {
	key   data.VillageKey
	round int
}

type memberKey struct {
	villageRound
	id string
}

func keyOfMember(m data.Member) memberKey {
	return memberKey{villageRound{m.VillageKey(), m.Round}, m.IDNumber}
}

// checkMembers runs the rules across members (one 书记 and one 主任 per village and round,
// the village warnings) over the file's members together with the database's members of
// the same villages and rounds; a file row replaces the database row with the same key.
// The database's members come first, so a conflict lands on the file's row. A village's
// warnings go on its first row in the file.
func (l *loader) checkMembers(ctx context.Context) {
	if len(l.batch.Members) == 0 {
		return
	}
	first := map[villageRound]int{}
	inFile := map[memberKey]bool{}
	var rounds []int
	var towns []string
	for i, m := range l.batch.Members {
		k := keyOfMember(m)
		inFile[k] = true
		if _, ok := first[k.villageRound]; !ok {
			first[k.villageRound] = l.memberRows[i]
			if m.Round != 0 && !slices.Contains(rounds, m.Round) {
				rounds = append(rounds, m.Round)
			}
			if m.Township != "" && !slices.Contains(towns, m.Township) {
				towns = append(towns, m.Township)
			}
		}
	}
	slices.Sort(rounds)
	var all []data.Member
	if l.st != nil && len(towns) > 0 {
		for _, round := range rounds {
			// Only the file's townships: a file is checked in time proportional to it.
			ms, err := l.st.MembersIn(ctx, round, towns)
			if err != nil {
				l.fileError("无法读取数据库中的两委成员：" + err.Error())
				return
			}
			for _, m := range ms {
				k := keyOfMember(m)
				if _, same := first[k.villageRound]; same && !inFile[k] {
					all = append(all, m)
				}
			}
		}
	}
	fromDB := len(all)
	all = append(all, l.batch.Members...)
	for _, f := range data.CheckMembers(all) {
		row := 0
		switch {
		case f.Index >= fromDB && f.Index < len(all):
			row = l.memberRows[f.Index-fromDB]
		case f.Index >= 0 && f.Index < fromDB:
			row = first[villageRound{all[f.Index].VillageKey(), all[f.Index].Round}]
		default:
			row = first[villageRound{f.Key, f.Round}]
		}
		l.add(Issue{Sheet: "两委成员", Row: row, Column: f.Field, Level: f.Level, Message: f.Message})
	}
}
