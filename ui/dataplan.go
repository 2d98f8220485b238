package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/exchange"
)

// What the 数据 screen shows of an import before it writes: the preview runs the import and
// rolls it back (exchange.DryRun), listing the records it would add, change and leave, the
// first changes, the columns the file lacks (their stored values stay), and every stored
// value it would blank or zero. Blanking values is asked about before anything is written,
// and the import itself refuses to blank a value the clerk was not asked about (the file
// may have changed since the preview).

// datPlanExamples is how many changed records the preview lists.
const datPlanExamples = 20

// datBlankExamples is how many blanked values the confirmation dialog names.
const datBlankExamples = 8

// errDatBlanks refuses a file of a batch import that would blank stored values: the
// clerk imports it on its own, sees the preview and confirms.
var errDatBlanks = errors.New("会清空已有的值")

// datAbsentLines name, per sheet, the columns a file lacks.
func datAbsentLines(p exchange.Preview) []datLine {
	var out []datLine
	for _, sh := range datSheets {
		if hs := p.Absent[sh]; len(hs) > 0 {
			out = append(out, datLine{text: fmt.Sprintf("“%s”表中没有%s列：已有记录的这些项保留原值，新增记录的这些项为空。", sh, datQuoted(hs)),
				importance: widget.WarningImportance})
		}
	}
	return out
}

// datPlanLines say what the import would do: the counts, the first changes and the values
// it would blank; err is a refusal the dry run met (the import would meet it too).
func datPlanLines(plan data.ImportPlan, err error) []datLine {
	if err != nil {
		return []datLine{{text: "试导入未通过，确认导入时会再次检查：" + err.Error(), importance: widget.DangerImportance, bold: true}}
	}
	r := plan.ImportResult
	out := []datLine{{text: fmt.Sprintf("导入后：新增 %d 条，更新 %d 条，未变 %d 条。", r.Inserted, r.Updated, r.Unchanged), bold: true}}
	if shown, more := plan.Changed(datPlanExamples); len(shown) > 0 {
		out = append(out, datLine{text: "将要修改的内容（原值 → 新值）：", bold: true})
		for _, c := range shown {
			out = append(out, datLine{text: "　　" + c.String()})
		}
		if more > 0 {
			out = append(out, datLine{text: fmt.Sprintf("　　…另有 %d 条记录有修改", more)})
		}
	}
	if bl := plan.Blanked(); len(bl) > 0 {
		out = append(out, datLine{text: fmt.Sprintf("注意：%d 处已有的值将被清空或改为 0（确认导入时会再次询问）：", len(bl)),
			importance: widget.WarningImportance, bold: true})
		for _, c := range bl {
			out = append(out, datLine{text: "　　" + c.String(), importance: widget.WarningImportance})
		}
	}
	return out
}

// datBlankKeys are the blanked values of a plan, to tell whether an import blanks only
// what the clerk confirmed.
func datBlankKeys(plan data.ImportPlan) map[string]bool {
	keys := map[string]bool{}
	for _, c := range plan.Blanked() {
		keys[string(c.Kind)+"\x00"+c.String()] = true
	}
	return keys
}

// datBlanksWithin returns an ImportIf check that lets an import through only when every
// value it blanks is among confirmed.
func datBlanksWithin(confirmed map[string]bool) func(data.ImportPlan) bool {
	return func(p data.ImportPlan) bool {
		for k := range datBlankKeys(p) {
			if !confirmed[k] {
				return false
			}
		}
		return true
	}
}

// datBlankMessage is the question asked before an import blanks stored values.
func datBlankMessage(file string, bl []data.FieldChange) string {
	var b strings.Builder
	fmt.Fprintf(&b, "导入“%s”将清空（或改为 0）%d 处已有的值：\n", file, len(bl))
	for i, c := range bl {
		if i == datBlankExamples {
			fmt.Fprintf(&b, "…共 %d 处，详见预览列表\n", len(bl))
			break
		}
		b.WriteString(c.String() + "\n")
	}
	b.WriteString("这通常是文件中该列留空所致。确定要清空这些值吗？")
	return b.String()
}

// askBlanks asks before an import that blanks stored values; yes runs on 仍然导入.
func (s *dataScreen) askBlanks(bl []data.FieldChange, yes func()) {
	s.blankConfirm = dialog.NewConfirm("将清空已有的值", datBlankMessage(s.shown.File, bl), func(ok bool) {
		s.blankConfirm = nil
		if ok {
			yes()
		}
	}, s.u.win)
	s.blankConfirm.SetConfirmText("仍然导入")
	s.blankConfirm.SetDismissText("取消")
	s.blankConfirm.Show()
}
