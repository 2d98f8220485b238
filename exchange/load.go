// Package exchange reads and writes the workbook of SPEC §6: import of .xlsx and .csv files
// with every problem located as “文件:工作表:行:列: 信息”, all-or-nothing upsert through the
// store, export, and the blank template. Each sheet is a small table of columns plus a row
// parser and a row writer (township.go, village.go, election.go, member.go, party.go,
// leadership.go, petition.go, talk.go); adding a sheet is adding such a file. Rules spanning
// records (villages named by other sheets, one 书记 and one 主任 per village and round) are
// checked once every row is read, against the file and the store together.
package exchange

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"liangwei/data"
)

// Preview is what Load found in a file, before anything is written.
type Preview struct {
	File   string         // the file's base name
	Batch  data.Batch     // the records read from the file
	Rows   map[string]int // data rows found per supported sheet
	Issues Issues         // every error and warning, located
	// Absent lists, per sheet, the columns the sheet did not have: the import keeps those
	// fields of the stored records as they are (a new record has them empty).
	Absent map[string][]string
}

// ErrRejected is returned by Import when the file has errors; nothing was written and the
// preview's issues say why.
var ErrRejected = errors.New("文件有错误，未导入任何数据")

// Load reads a .xlsx or .csv file and checks it completely, writing nothing. sheet names the
// sheet of a .csv (empty: taken from the file name, e.g. "城关镇-换届.csv"); ignored for .xlsx.
// st is only read (the villages records refer to, the members a file's members are checked
// against) and may be nil. today is the reference date of the rules.
func Load(ctx context.Context, st Checker, path, sheet string, today time.Time) Preview {
	return ReadFile(ctx, st, path, sheet, today).Check(ctx)
}

// Import is Load followed, when there is no error, by st.Import in one transaction; with any
// error nothing is written and err is ErrRejected (the issues say why). A failure of the store
// itself is returned as it is.
func Import(ctx context.Context, st Importer, path, sheet string, today time.Time) (Preview, data.ImportResult, error) {
	return ReadFile(ctx, st, path, sheet, today).Import(ctx, st)
}

// Checker is what Load reads of the database: the villages a file's records may name, the
// members its members are checked with, and the stored values of the fields whose columns
// the file lacks. data.Store satisfies it; nil checks the file alone.
type Checker interface {
	Villages(ctx context.Context) ([]data.Village, error)
	MembersIn(ctx context.Context, round int, townships []string) ([]data.Member, error)
	KeepStored(ctx context.Context, b data.Batch) (data.Batch, error)
}

// Importer is what Import and DryRun need: Checker, and the store's all-or-nothing Import
// and its dry run.
type Importer interface {
	Checker
	Import(ctx context.Context, b data.Batch, source string) (data.ImportResult, error)
	PlanImport(ctx context.Context, b data.Batch, source string) (data.ImportPlan, error)
	ImportIf(ctx context.Context, b data.Batch, source string, ok func(data.ImportPlan) bool) (data.ImportPlan, bool, error)
}

// loader holds the state of one file's import check.
type loader struct {
	collector
	st    Checker
	today time.Time
	batch data.Batch
	rows  map[string]int
	// seen maps each sheet's record keys to the row that first had them.
	seen map[string]map[string]int
	// recRows are the spreadsheet rows of the batch's records, by sheet, in the order of
	// the batch's records of that kind.
	recRows map[string][]int
	// found is set once a supported sheet was met.
	found bool
	// later are the rule checks of the records of sheets lacking a column, run once those
	// fields are taken from the stored records (keepStored).
	later []func()
	// declared are the fingerprints the workbook's properties carry, by township.
	declared map[string]string
	// date1904 is set for a workbook in the 1904 date system, whose date serials count
	// from 1904-01-01.
	date1904 bool
	// read is set once the file's rows were read without a fault that stops the checks.
	read bool
	// rowsHint is the number of rows of the sheet being read when known (the pre-scan
	// read them), 0 otherwise: its records are allotted at once.
	rowsHint int
}

func newLoader(st Checker, file string, today time.Time) *loader {
	return &loader{
		collector: collector{file: file},
		st:        st,
		today:     today,
		rows:      map[string]int{},
		seen:      map[string]map[string]int{},
		recRows:   map[string][]int{},
	}
}

func (l *loader) preview() Preview {
	var absent map[string][]string
	for _, sh := range supportedSheets() {
		// Optional columns are kept like any other but not listed: older workbooks and the
		// official forms lack them, and the clerk has nothing to do about it.
		var hs []string
		for _, h := range l.batch.Absent[sh.Code] {
			if c, ok := sh.column(h); !ok || !c.Optional {
				hs = append(hs, h)
			}
		}
		if len(hs) > 0 {
			if absent == nil {
				absent = map[string][]string{}
			}
			absent[sh.Name] = hs
		}
	}
	return Preview{File: l.file, Batch: l.batch, Rows: l.rows, Issues: l.result(), Absent: absent}
}

// fileError records a problem with the file as a whole.
func (l *loader) fileError(msg string) { l.errorf("", 0, "", msg) }

// load is the first half of reading a file: its rows read and checked on their own, which
// reads nothing of the database (l.st is only asked whether there is one).
func (l *loader) load(ctx context.Context, path, sheet string) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".xlsx", ".xlsm", ".csv":
	case ".xls", ".et", ".wps":
		l.fileError("不支持旧版 " + ext + " 文件，请在 Excel 或 WPS 中另存为 .xlsx 工作簿后再导入")
		return
	default:
		l.fileError("不支持的文件类型“" + ext + "”，请导入 .xlsx 工作簿或 .csv 文件")
		return
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		l.fileError("无法打开文件：" + osMessage(err))
		return
	case fi.IsDir():
		l.fileError("这是一个文件夹，不是文件")
		return
	case fi.Size() == 0:
		l.fileError("文件是空的")
		return
	case fi.Size() > MaxFileSize:
		l.fileError(fmt.Sprintf("文件太大（%.1f MB），超过 %d MB 的上限，请按乡镇拆分后分别导入", float64(fi.Size())/(1<<20), MaxFileSize>>20))
		return
	}
	var ok bool
	if ext == ".csv" {
		ok = l.loadCSV(ctx, path, sheet)
	} else {
		ok = l.loadXLSX(ctx, path)
	}
	if !ok {
		return
	}
	if !l.found {
		l.fileError("文件中没有可导入的工作表，工作表名应为：" + supportedNames())
		return
	}
	// The fingerprints are of the rows as the file holds them, before keepStored fills the
	// columns it lacks from the database.
	l.takePrints()
	l.read = true
}

// check is the second half of reading a file: the checks against the database, once the
// file's rows were read and checked on their own (load).
func (l *loader) check(ctx context.Context) {
	if !l.read {
		return
	}
	l.keepStored(ctx)
	l.checkVillages(ctx)
	l.checkMembers(ctx)
	if !l.hasErrors() && l.batch.Len() == 0 {
		l.warnf("", 0, "", "文件中没有数据行")
	}
}

// osMessage turns the usual file-system errors into Chinese.
func osMessage(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限（文件可能正被其他程序占用）"
	}
	return "读取失败"
}

// sheetReader reads the rows of one sheet: it looks for the header (header.go), then parses
// the data rows under it.
type sheetReader struct {
	l       *loader
	sh      *sheet
	name    string         // the sheet's name as found in the file
	col     map[string]int // header → index of its first column
	headers []string       // the header row, normalized
	missing []column       // columns of sh absent from the header
	ok      bool           // every key column is present
	rows    int            // data rows found

	hdrRow   int          // the header's row (the lower row of a two-level header); 0 until found
	seeking  bool         // the header is still looked for
	held     []heldRow    // rows read while looking
	upper    []string     // the upper row of a two-level header, until the lower one comes
	upperRow int          // its row
	merges   []cellRange  // the sheet's merged ranges
	endRow   int          // the 合计 or footer row that ended the data; 0 if none
	endMark  rowMark      // what it is
	after    int          // non-empty rows below endRow
	leftOut  map[int]bool // 小计 rows inside the data
}

// begin starts a sheet whose header is row 1. name is the sheet's name in the file; sh is
// nil for a sheet the workbook does not know.
func (l *loader) begin(name string, sh *sheet, header []string) *sheetReader {
	s := l.open(name, sh, nil)
	s.seeking = false
	s.setHeader(1, header)
	return s
}

// setHeader takes row n as the header: each cell is matched to a column by its normalized
// text or an alias; a cell naming no column is reported as ignored, and two cells naming one
// column are refused, since which one holds the figures cannot be known.
func (s *sheetReader) setHeader(n int, header []string) {
	l, sh := s.l, s.sh
	s.hdrRow = n
	known := sh != nil && sh.supported() && sh.holdsKeys(header)
	for i, raw := range header {
		h := normHeader(raw)
		if canon := sh.canon(raw); canon != "" {
			h = canon
		} else if h != "" && known {
			l.warnf(sh.Name, n, colName(i+1), fmt.Sprintf("列标题“%s”不是“%s”表的列，该列已忽略", data.StripText(raw), sh.Name))
		}
		s.headers = append(s.headers, h)
		if h == "" {
			continue
		}
		if first, dup := s.col[h]; dup {
			if sh.canon(raw) != "" {
				l.errorf(sh.Name, n, h, fmt.Sprintf("%s和%s都是“%s”列，无法确定用哪一列，请删去或改名其中一列", colName(first+1), colName(i+1), h))
			}
			continue
		}
		s.col[h] = i
	}
	if sh == nil || !sh.supported() {
		return
	}
	l.found = true
	l.rows[sh.Name] += 0
	for _, c := range sh.Columns {
		if _, has := s.col[c.Header]; !has {
			s.missing = append(s.missing, c)
			if c.Key {
				s.ok = false
			} else if len(s.col) > 0 {
				// What the file does not hold is not changed: the store keeps the field.
				if l.batch.Absent == nil {
					l.batch.Absent = map[data.KindCode][]string{}
				}
				l.batch.Absent[sh.Code] = append(l.batch.Absent[sh.Code], c.Header)
			}
		}
	}
}

// header names column col (1-based) for issues: its header, else its column letters.
func (s *sheetReader) header(col int) string {
	if s != nil && col-1 < len(s.headers) && s.headers[col-1] != "" {
		return s.headers[col-1]
	}
	return colName(col)
}

// row handles one data row; empty rows are skipped. Every cell is cleaned (data.CleanText)
// before anything reads it, so keys never differ by an invisible character. A row with a
// cell longer than MaxCellChars or holding a control character is refused on that cell and
// not parsed further.
func (s *sheetReader) row(num int, cells []string) {
	empty, long := true, false
	for i := range cells {
		if !utf8.ValidString(cells[i]) {
			// Both readers deliver UTF-8; this keeps a stray byte out of messages and records.
			cells[i] = strings.ToValidUTF8(cells[i], "\uFFFD")
		}
		c, err := data.CleanText(cells[i])
		if err != nil {
			long = true
			s.l.errorf(s.label(), num, s.header(i+1), err.Error())
			c = strings.TrimSpace(cells[i])
		}
		cells[i] = c
		if cells[i] != "" {
			empty = false
		}
		if len(cells[i]) > MaxCellChars {
			if n := utf8.RuneCountInString(cells[i]); n > MaxCellChars {
				long = true
				s.l.errorf(s.label(), num, s.header(i+1), fmt.Sprintf("单元格内容过长（%d个字），超过%d字的上限", n, MaxCellChars))
			}
		}
	}
	if empty || long {
		return
	}
	s.rows++
	if s.sh == nil || !s.sh.supported() {
		return
	}
	s.l.rows[s.sh.Name]++
	if !s.ok {
		return
	}
	r := &row{l: s.l, sh: s.sh, num: num, cells: cells, col: s.col}
	s.sh.parse(r)
}

// end finishes a sheet: missing columns of a sheet that is not blank are reported, and
// sheets that are not imported but hold data are listed.
func (s *sheetReader) end() {
	if s.sh != nil && s.sh.supported() && (s.rows > 0 || len(s.col) > 0) {
		for _, c := range s.missing {
			if c.Key {
				s.l.errorf(s.sh.Name, s.hdrRow, c.Header, fmt.Sprintf("缺少“%s”列（第%d行应为列标题）", c.Header, s.hdrRow))
			} else if len(s.col) > 0 && !c.Optional {
				s.l.warnf(s.sh.Name, s.hdrRow, c.Header, "缺少“"+c.Header+"”列：已有记录的该项保留原值，新增记录的该项为空")
			}
		}
	}
	if s.rows == 0 {
		return
	}
	switch {
	case s.sh == nil:
		s.l.warnf(s.name, 0, "", fmt.Sprintf("工作表名不是 %s 之一，其中%d行数据已忽略", strings.Join(Sheets, "、"), s.rows))
	case !s.sh.supported():
		s.l.warnf(s.name, 0, "", fmt.Sprintf("本版本暂不支持导入“%s”工作表，其中%d行数据已忽略", s.name, s.rows))
	}
}

// row is one data row being parsed: the sheet parsers read cells through it, and it places
// every problem on its cell.
type row struct {
	l     *loader
	sh    *sheet
	num   int
	cells []string
	col   map[string]int
	bad   map[string]bool // headers of the cells that did not parse
}

// text is the trimmed cell under header h, "" when the column is missing.
func (r *row) text(h string) string {
	if i, ok := r.col[h]; ok && i < len(r.cells) {
		return r.cells[i]
	}
	return ""
}

func (r *row) errorf(h, msg string) { r.l.errorf(r.sh.Name, r.num, h, msg) }

func (r *row) cellError(h string, err error) {
	r.markBad(h)
	r.errorf(h, err.Error())
}

func (r *row) markBad(h string) {
	if r.bad == nil {
		r.bad = map[string]bool{}
	}
	r.bad[h] = true
}

// required reports an empty key cell.
func (r *row) required(h string) bool {
	if r.text(h) == "" {
		r.markBad(h)
		r.errorf(h, h+"不能为空")
		return false
	}
	return true
}

// unique records the row's key and reports a key met on an earlier row. The problem is
// placed on the last key column, the one that usually tells two records apart.
func (r *row) unique(parts ...string) bool {
	for _, p := range parts {
		if p == "" {
			return true // an empty key part is reported by the record's rules
		}
	}
	key := strings.Join(parts, "\x00")
	seen := r.l.seen[r.sh.Name]
	if seen == nil {
		seen = map[string]int{}
		r.l.seen[r.sh.Name] = seen
	}
	if first, dup := seen[key]; dup {
		ks := r.sh.keyColumns()
		r.errorf(ks[len(ks)-1], fmt.Sprintf("与第%d行重复（%s相同：%s）", first, strings.Join(ks, "、"), strings.Join(parts, " ")))
		return false
	}
	seen[key] = r.num
	return true
}

// check places the record's own problems (Validate) on their columns. In a row with a cell
// that did not parse, only the problems of the other key columns are kept: the values are
// not what the clerk meant, and rules that compare fields would only report confusing
// consequences of the same mistake.
func (r *row) check(ps data.Problems) {
	for _, p := range ps {
		if len(r.bad) > 0 && (r.bad[p.Field] || !slices.Contains(r.sh.keyColumns(), p.Field)) {
			continue
		}
		r.l.add(Issue{Sheet: r.sh.Name, Row: r.num, Column: p.Field, Level: p.Level, Message: p.Message})
	}
}

// villageRef is a record of the file that names a village.
type villageRef struct {
	sheet string
	row   int
	key   data.VillageKey
}

// checkVillages reports the records of the file (of every kind that names a village under
// data.VillageHeader: elections, members, party organizations, complaints, candidates …)
// whose village is neither in the file nor in the database (data.UnknownVillage). A
// merged village is not warned of here: a file holds every round, and the records of the
// rounds before the merger are right; check warns of the round it checks.
func (l *loader) checkVillages(ctx context.Context) {
	var refs []villageRef
	for _, sh := range supportedSheets() {
		if sh.villages == nil {
			continue
		}
		rows := l.recRows[sh.Name]
		vs := sh.villages(&l.batch)
		refs = slices.Grow(refs, len(vs))
		for i, k := range vs {
			if k.Village != "" && i < len(rows) {
				refs = append(refs, villageRef{sh.Name, rows[i], k})
			}
		}
	}
	if len(refs) == 0 {
		return
	}
	// The file's villages, then the database's where the file lacks one: a village of the
	// file wins, as it will after the import.
	villages := map[data.VillageKey]data.Village{}
	for _, v := range l.batch.Villages {
		villages[v.Key()] = v
	}
	loaded := false
	for _, ref := range refs {
		k := ref.key
		if k.Township == "" || k.Village == "" {
			continue // the record's own rules report the empty name
		}
		if _, ok := villages[k]; !ok && !loaded && l.st != nil {
			loaded = true
			vs, err := l.st.Villages(ctx)
			if err != nil {
				l.fileError("无法读取数据库中的村庄：" + err.Error())
				return
			}
			for _, v := range vs {
				if _, inFile := villages[v.Key()]; !inFile {
					villages[v.Key()] = v
				}
			}
		}
		if _, ok := villages[k]; !ok {
			l.errorf(ref.sheet, ref.row, data.VillageHeader, data.UnknownVillage(k))
		}
	}
}
