package exchange

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"liangwei/data"
)

// reSciID matches an ID number Excel stored as a number and shows in scientific notation.
var reSciID = regexp.MustCompile(`^\d(\.\d+)?E\+?\d+$`)

// idNumber reads a 身份证号. Whether it is valid is the rules' call; only an ID that Excel
// turned into a number is reported here, with what to do about it. Excel keeps 15
// significant digits, so an 18-digit ID typed into a number cell is shown as 3.70102E+17 or,
// formatted as a whole number, ends in 000 — its last digits are gone and cannot be
// recovered from the file. A real ID may end in 000 too; only one whose check digit then
// fails is refused as mangled.
func idNumber(r *row, h string) string {
	s := r.text(h)
	fix := "请把该列设为“文本”格式后重新填写（或在号码前加英文单引号 '）"
	switch {
	case reSciID.MatchString(strings.ToUpper(s)):
		r.cellError(h, errors.New("身份证号被 Excel 当成数字保存，显示为科学计数法，后几位已经丢失；"+fix))
	case len(s) >= 16 && len(s) <= 18 && allDigits(s) && strings.HasSuffix(s, "000") && !validID(s):
		r.cellError(h, fmt.Errorf("身份证号“%s”末尾是000，像是被 Excel 当成数字保存后丢失了最后几位；%s", s, fix))
	}
	return s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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
	inFile := make(map[memberKey]bool, len(l.batch.Members))
	var rounds []int
	var towns []string
	for i, m := range l.batch.Members {
		k := keyOfMember(m)
		inFile[k] = true
		if _, ok := first[k.villageRound]; !ok {
			first[k.villageRound] = l.recRows[data.MemberDesc.Name][i]
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
			row = l.recRows[data.MemberDesc.Name][f.Index-fromDB]
		case f.Index >= 0 && f.Index < fromDB:
			row = first[villageRound{all[f.Index].VillageKey(), all[f.Index].Round}]
		default:
			row = first[villageRound{f.Key, f.Round}]
		}
		l.add(Issue{Sheet: data.MemberDesc.Name, Row: row, Column: f.Field, Level: f.Level, Message: f.Message})
	}
}

func validID(s string) bool {
	_, _, err := data.ParseIDNumber(s)
	return err == nil
}
