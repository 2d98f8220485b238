package demo

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
	for i, b := range c.Townships {
		path := filepath.Join(dir, b.Townships[0].Name+".xlsx")
		err := atomicfile.Write(path, func(w io.Writer) error {
			return exchange.Export(ctx, heldLedger(b), w)
		})
		if err != nil {
			return paths, fmt.Errorf("写入 %s 失败：%w", path, err)
		}
		paths = append(paths, path)
		if progress != nil {
			progress(i+1, path)
		}
	}
	return paths, nil
}

// heldLedger is a ledger in memory as an exchange.LedgerReader: it writes a township's
// workbook without a database round trip.
type heldLedger data.Ledger

// Ledger returns the whole ledger whatever the round, as the export asks for every round.
func (l heldLedger) Ledger(context.Context, int) (data.Ledger, error) { return data.Ledger(l), nil }
