package exchange

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"liangwei/data"
)

// Workbook fingerprints (issue 18): an export writes each township's data fingerprint (over
// every record of the township in the workbook) into the workbook's document properties
// (备注, Description); an import reads them back, recomputes them from the rows it read and
// says per township whether the file is the one its township exported (data.FilePrint).
// Excel and WPS keep the properties when a workbook is edited and saved, so a hand edit
// shows as 已修改 rather than as a file without a fingerprint.

// printsHeader is the first line of the Description of a workbook with fingerprints; each
// further line is "乡镇<TAB>sum".
const printsHeader = "两委台账数据指纹 v1（请勿修改）"

// setPrintProps writes the fingerprints of fp's townships into f's document properties; a
// workbook without records gets none.
func setPrintProps(f *excelize.File, fp data.Fingerprint) error {
	if len(fp.Townships) == 0 {
		return nil
	}
	var s strings.Builder
	s.WriteString(printsHeader)
	for _, t := range fp.Townships {
		s.WriteString("\n" + t.Township + "\t" + t.Sum)
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:       "两委台账",
		Subject:     "村“两委”换届台账（" + strings.Join(fp.Names(), "、") + "）",
		Creator:     "两委台账",
		Description: s.String(),
	})
}

// readPrintProps reads the fingerprints a workbook declares, by township; nil when it has
// none.
func readPrintProps(f *excelize.File) map[string]string {
	p, err := f.GetDocProps()
	if err != nil || p == nil {
		return nil
	}
	lines := strings.Split(strings.ReplaceAll(p.Description, "\r\n", "\n"), "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != printsHeader {
		return nil
	}
	out := map[string]string{}
	for _, l := range lines[1:] {
		name, sum, ok := strings.Cut(strings.TrimSpace(l), "\t")
		if ok && name != "" && sum != "" {
			out[name] = sum
		}
	}
	return out
}

// takePrints sets the batch's Prints: each township's fingerprint as declared by the file
// beside the one of the rows read.
func (l *loader) takePrints() {
	l.batch.Prints = data.FilePrints(l.batch, l.declared)
}

// PrintSummary says, in one line, how a file's fingerprints stand: 与导出时一致（城关镇）,
// 导出后已修改：城关镇, 无指纹 …; "" for a file without records.
func PrintSummary(ps []data.FilePrint) string {
	by := map[string][]string{}
	for _, p := range ps {
		by[p.State()] = append(by[p.State()], p.Township)
	}
	var parts []string
	for _, st := range []struct{ state, text string }{
		{data.PrintModified, "导出后已修改（数据指纹与文件所带的不一致）："},
		{data.PrintIntact, "数据指纹与导出时一致："},
		{data.PrintNone, "文件未带数据指纹（不是两委台账导出的工作簿）："},
	} {
		if ts := by[st.state]; len(ts) > 0 {
			sort.Strings(ts)
			parts = append(parts, st.text+joinNames(ts))
		}
	}
	return strings.Join(parts, "；")
}

// joinNames lists names with 、, the first ten and a count beyond.
func joinNames(ns []string) string {
	if len(ns) > 10 {
		return strings.Join(ns[:10], "、") + " 等 " + strconv.Itoa(len(ns)) + " 个乡镇"
	}
	return strings.Join(ns, "、")
}
