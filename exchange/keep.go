package exchange

import (
	"context"
	"errors"
	"fmt"
	"time"

	"liangwei/data"
)

// What a file does not hold is not changed, and what it changes is shown first. A sheet
// without a column leaves that field of the stored records as it is (data.Batch.Absent);
// its rows are checked once those fields are taken from the database, as the import will
// store them. DryRun runs the import and rolls it back to list what it would change;
// ImportIf writes only what its caller agrees to.

// DryRun is Load followed, when there is no error, by st.PlanImport: what Import would do
// with the file, found by running the import and rolling it back; nothing is written. The
// errors are those of Import.
func DryRun(ctx context.Context, st Importer, path, sheet string, today time.Time) (Preview, data.ImportPlan, error) {
	p := Load(ctx, st, path, sheet, today)
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

// ImportIf is Import through st.ImportIf: the import is written only when ok, given what it
// changes before the commit, returns true (a nil ok always writes). committed says which.
func ImportIf(ctx context.Context, st Importer, path, sheet string, today time.Time, ok func(data.ImportPlan) bool) (p Preview, plan data.ImportPlan, committed bool, err error) {
	p = Load(ctx, st, path, sheet, today)
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

// keeps reports whether the records of a kind are checked only once the fields their sheet
// lacks are taken from the database.
func (l *loader) keeps(code data.KindCode) bool {
	return l.st != nil && len(l.batch.Absent[code]) > 0
}

// keepStored takes the fields the file's sheets lack from the stored records, then checks
// the rules of those sheets' records as they will be stored.
func (l *loader) keepStored(ctx context.Context) {
	if len(l.later) == 0 {
		return
	}
	b, err := l.st.KeepStored(ctx, l.batch)
	if err != nil {
		l.fileError("无法读取数据库中的已有记录：" + err.Error())
		return
	}
	l.batch = b
	for _, check := range l.later {
		check()
	}
	l.later = nil
}
