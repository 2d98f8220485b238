package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"liangwei/data"
	"liangwei/exchange"
	"liangwei/internal/atomicfile"
)

// WriteWorkbooks writes one workbook per township of c into dir (created when missing),
// named after the township (城关镇.xlsx), exactly as that township's export would be, and
// returns the paths in township order. progress, when not nil, is called after each file.
func (c CityData) WriteWorkbooks(ctx context.Context, dir string, progress func(done int, path string)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, b := range c.Townships {
		path, err := writeTownship(ctx, dir, b)
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
		if progress != nil {
			progress(len(paths), path)
		}
	}
	return paths, nil
}

// WriteCity generates the city of scale s and writes its workbooks into dir as
// WriteWorkbooks does, one township at a time (EachTownship): the memory of one township,
// whatever the scale. It returns the city without its townships, the number of members
// written and the paths in township order.
func WriteCity(ctx context.Context, today time.Time, s Scale, dir string, progress func(done int, path string)) (c CityData, members int, paths []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return c, 0, nil, err
	}
	c, err = EachTownship(today, s, func(b data.Batch) error {
		path, err := writeTownship(ctx, dir, b)
		if err != nil {
			return err
		}
		members += len(b.Members)
		paths = append(paths, path)
		if progress != nil {
			progress(len(paths), path)
		}
		return nil
	})
	return c, members, paths, err
}

// writeTownship writes one township's workbook into dir and returns its path.
func writeTownship(ctx context.Context, dir string, b data.Batch) (string, error) {
	path := filepath.Join(dir, b.Townships[0].Name+".xlsx")
	err := atomicfile.Write(path, func(w io.Writer) error {
		return exchange.Export(ctx, heldLedger(b), w)
	})
	if err != nil {
		return "", fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	return path, nil
}

// heldLedger is a ledger in memory as an exchange.LedgerReader: it writes a township's
// workbook without a database round trip.
type heldLedger data.Ledger

// ReadKinds reads the whole ledger, every round, as the export asks for (one township's).
func (l heldLedger) ReadKinds(_ context.Context, _ string, fn func(data.KindReader) error) error {
	return fn(data.HeldKinds(data.Ledger(l)))
}
