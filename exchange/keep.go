package exchange

import (
	"context"
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
	return ReadFile(ctx, st, path, sheet, today).DryRun(ctx, st)
}

// ImportIf is Import through st.ImportIf: the import is written only when ok, given what it
// changes before the commit, returns true (a nil ok always writes). committed says which.
func ImportIf(ctx context.Context, st Importer, path, sheet string, today time.Time, ok func(data.ImportPlan) bool) (p Preview, plan data.ImportPlan, committed bool, err error) {
	return ReadFile(ctx, st, path, sheet, today).ImportIf(ctx, st, ok)
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
