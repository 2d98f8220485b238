package exchange

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"liangwei/data"
)

// Reading a file is two halves: its rows, read and checked on their own (most of the
// time, none of it in the database), and the checks against the database, just before the
// import writes. ReadAhead reads the next file on another core while the store checks and
// writes the current one: a merge of many files then costs about the larger of the two
// halves, not their sum, and every file is still checked against the database as the files
// before it left it.

// Read is a file whose rows were read and checked on their own: the first half of Load.
// Check, Import, DryRun and ImportIf finish it against the store given to ReadFile; each
// Read is finished once.
type Read struct {
	l *loader
}

// ReadFile reads a .xlsx or .csv file's rows and checks them on their own. Nothing of st
// is read (only whether there is one, which decides whether the rules of a sheet lacking a
// column wait for the stored values): ReadFile may run while another file is imported into
// st.
func ReadFile(ctx context.Context, st Checker, path, sheet string, today time.Time) *Read {
	r := &Read{l: newLoader(st, filepath.Base(path), today)}
	func() {
		defer recoverInto(r.l)
		r.l.load(ctx, path, sheet)
	}()
	return r
}

// recoverInto turns a panic into a refusal of the file: no input may crash the program; a
// bug met on a strange file refuses the file.
func recoverInto(l *loader) {
	if r := recover(); r != nil {
		l.read = false
		l.fileError(fmt.Sprintf("读取文件时发生内部错误（%v），文件未导入", r))
	}
}

// Check finishes the read against the database and says what the file holds: Load's
// Preview.
func (r *Read) Check(ctx context.Context) Preview {
	func() {
		defer recoverInto(r.l)
		r.l.check(ctx)
	}()
	return r.l.preview()
}

// Import is Check followed, when there is no error, by st.Import (see Import).
func (r *Read) Import(ctx context.Context, st Importer) (Preview, data.ImportResult, error) {
	p := r.Check(ctx)
	if p.Issues.HasErrors() {
		return p, data.ImportResult{}, ErrRejected
	}
	if st == nil {
		return p, data.ImportResult{}, errors.New("没有打开数据库")
	}
	res, err := st.Import(ctx, p.Batch, p.File)
	if err != nil {
		return p, data.ImportResult{}, fmt.Errorf("导入“%s”失败：%w", p.File, err)
	}
	return p, res, nil
}

// DryRun is Check followed, when there is no error, by st.PlanImport (see DryRun).
func (r *Read) DryRun(ctx context.Context, st Importer) (Preview, data.ImportPlan, error) {
	p := r.Check(ctx)
	if p.Issues.HasErrors() {
		return p, data.ImportPlan{}, ErrRejected
	}
	if st == nil {
		return p, data.ImportPlan{}, errors.New("没有打开数据库")
	}
	plan, err := st.PlanImport(ctx, p.Batch, p.File)
	if err != nil {
		return p, data.ImportPlan{}, fmt.Errorf("导入“%s”会失败：%w", p.File, err)
	}
	return p, plan, nil
}

// ImportIf is Check followed, when there is no error, by st.ImportIf (see ImportIf).
func (r *Read) ImportIf(ctx context.Context, st Importer, ok func(data.ImportPlan) bool) (p Preview, plan data.ImportPlan, committed bool, err error) {
	p = r.Check(ctx)
	if p.Issues.HasErrors() {
		return p, plan, false, ErrRejected
	}
	if st == nil {
		return p, plan, false, errors.New("没有打开数据库")
	}
	plan, committed, err = st.ImportIf(ctx, p.Batch, p.File, ok)
	if err != nil {
		return p, data.ImportPlan{}, false, fmt.Errorf("导入“%s”失败：%w", p.File, err)
	}
	return p, plan, committed, nil
}

// gcFloor is memory ReadAhead holds while it runs, never written, so never resident: the
// garbage collector counts it as live. Reading and importing a township's file allocates
// tens of MB but keeps only a few live, and the collector runs whenever the heap has grown
// by as much as is live: 370 times for the 62 files of the city, 13% of the import's CPU.
// With the floor it runs about every 32 MB allocated (0.6 s of CPU less for the city, for
// about 40 MB more of peak memory); on a file that keeps hundreds of MB live, the floor
// changes little.
//
// A large file is such a file: the city's workbook (5 MB) keeps 70–100 MB live, so the
// collector already runs rarely, and the floor added about 32 MB to its peak (204 →
// 236 MB, past SPEC §9's 200) for 0.1 s of CPU. The floor is therefore gcFloor less
// gcLivePerByte times the largest file's size: the 32 MB for a township's file (under
// 150 KB), nothing from 2 MB on.
const (
	gcFloor       = 32 << 20
	gcLivePerByte = 16
)

// gcFloorFor is the floor while paths are read: see gcFloor. A file that cannot be
// stat'ed counts as empty; its read says why.
func gcFloorFor(paths []string) int {
	var largest int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.Size() > largest {
			largest = fi.Size()
		}
	}
	if largest >= gcFloor/gcLivePerByte {
		return 0
	}
	return gcFloor - int(largest)*gcLivePerByte
}

// ReadAhead calls fn with each file read (ReadFile), in order, reading file i+1 on another
// goroutine while fn handles file i; fn finishes the read (Import, DryRun, ...). At most two
// files are held at once. It stops at the first error fn returns and returns it. A
// cancelled ctx makes each file's read fail fast, as ReadFile's would.
func ReadAhead(ctx context.Context, st Checker, paths []string, sheet string, today time.Time, fn func(i int, r *Read) error) error {
	if len(paths) == 0 {
		return nil
	}
	floor := make([]byte, gcFloorFor(paths))
	defer runtime.KeepAlive(floor)
	next := make(chan *Read, 1)
	read := func(i int) {
		next <- ReadFile(ctx, st, paths[i], sheet, today)
	}
	go read(0)
	for i := range paths {
		r := <-next
		if i+1 < len(paths) {
			go read(i + 1)
		}
		if err := fn(i, r); err != nil {
			if i+1 < len(paths) {
				<-next // the file being read is not wanted; let its goroutine end
			}
			return err
		}
	}
	return nil
}
