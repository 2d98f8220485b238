package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"liangwei/data"
	"liangwei/exchange"
	"liangwei/internal/atomicfile"
)

// cmdTemplate writes the blank workbook with drop-down lists.
func (c *cli) cmdTemplate(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("template 需要一个文件名，例如 template 台账模板.xlsx")
	}
	if err := atomicfile.Write(pos[0], exchange.WriteTemplate); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已生成空白模板：%s\n", pos[0])
	return nil
}

// cmdExport writes every record (of one township with --township) to a workbook that
// imports back to the same data.
func (c *cli) cmdExport(args []string) error {
	fs := c.commandFlags()
	township := fs.String("township", "", "只导出该乡镇")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("export 需要一个文件名，例如 export 城关镇台账.xlsx")
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if *township != "" {
		ts, err := st.Townships(c.ctx())
		if err != nil {
			return fmt.Errorf("读取乡镇失败：%v", err)
		}
		if err := findTownship(ts, *township); err != nil {
			return err
		}
	}
	err = atomicfile.Write(pos[0], func(w io.Writer) error { return exchange.ExportTownship(c.ctx(), st, *township, w) })
	var tm *exchange.TooManyRows
	if errors.As(err, &tm) && *township == "" {
		return fmt.Errorf("%v：liangwei-cli export --township 乡镇 文件.xlsx", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已导出：%s\n", pos[0])
	return nil
}

// cmdImport imports each file on its own, all or nothing per file, and says what each did.
// A rejected file lists every issue on stderr; the others are still imported. With
// --dry-run nothing is written: each file's import is run and rolled back, and what it would
// change is listed.
func (c *cli) cmdImport(args []string) error {
	fs := c.commandFlags()
	sheet := fs.String("sheet", "", "CSV 文件对应的工作表")
	dry := fs.Bool("dry-run", false, "只列出将要发生的变化，不写入任何数据")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("import 需要至少一个文件，例如 import 城关镇.xlsx")
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	today := c.today()
	failed := 0
	var total data.ImportResult
	defer importGC()()
	// The next file is read on the second core while this one is checked and written.
	_ = exchange.ReadAhead(c.ctx(), st, files, *sheet, today, func(i int, r *exchange.Read) error {
		f := files[i]
		name := filepath.Base(f)
		if len(files) > 1 {
			// Merging many townships' files: say where the run stands on every line.
			name = fmt.Sprintf("[%d/%d] %s", i+1, len(files), name)
		}
		var p exchange.Preview
		var plan data.ImportPlan
		var err error
		if *dry {
			p, plan, err = r.DryRun(c.ctx(), st)
		} else {
			p, plan.ImportResult, err = r.Import(c.ctx(), st)
		}
		if errors.Is(err, exchange.ErrRejected) {
			errs := p.Issues.Errors()
			for _, i := range errs {
				fmt.Fprintf(c.stderr, "错误 %s\n", i)
			}
			c.printWarnings(p.Issues)
			fmt.Fprintf(c.stderr, "导入失败：%s 有 %d 个错误，未写入任何数据\n", name, len(errs))
			failed++
			return nil
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "导入失败：%s：%v，未写入任何数据\n", name, err)
			failed++
			return nil
		}
		c.printWarnings(p.Issues)
		res := plan.ImportResult
		if *dry {
			fmt.Fprintf(c.stdout, "%s（预演，未写入）：将新增 %d，更新 %d，未变 %d\n", name, res.Inserted, res.Updated, res.Unchanged)
		} else {
			fmt.Fprintf(c.stdout, "%s：新增 %d，更新 %d，未变 %d\n", name, res.Inserted, res.Updated, res.Unchanged)
		}
		if s := exchange.PrintSummary(p.Batch.Prints); s != "" && !strings.EqualFold(filepath.Ext(f), ".csv") {
			fmt.Fprintf(c.stdout, "  %s\n", s)
		}
		c.printAbsent(p)
		if *dry {
			c.printPlan(name, plan)
		}
		total.Inserted += res.Inserted
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
		return nil
	})
	if len(files) > 1 {
		if *dry {
			fmt.Fprintf(c.stdout, "共 %d 个文件（预演，未写入任何数据），可导入 %d 个：将新增 %d，更新 %d，未变 %d\n",
				len(files), len(files)-failed, total.Inserted, total.Updated, total.Unchanged)
		} else {
			fmt.Fprintf(c.stdout, "共 %d 个文件，导入 %d 个：新增 %d，更新 %d，未变 %d\n",
				len(files), len(files)-failed, total.Inserted, total.Updated, total.Unchanged)
		}
	}
	if failed > 0 {
		if len(files) > 1 {
			fmt.Fprintf(c.stderr, "共 %d 个文件，%d 个导入失败\n", len(files), failed)
		}
		return errReported
	}
	return nil
}

// planExamples is how many changed records a dry run shows per file; planBlanks how many
// blanked values it lists before counting the rest.
const (
	planExamples = 10
	planBlanks   = 100
)

// printAbsent names, per sheet, the columns the file did not have, whose stored values stay.
func (c *cli) printAbsent(p exchange.Preview) {
	for _, sh := range exchange.Sheets {
		if hs := p.Absent[sh]; len(hs) > 0 {
			fmt.Fprintf(c.stdout, "  %s：文件中没有%s列，已有记录的这些项保留原值\n", sh, quoted(hs))
		}
	}
}

// printPlan lists the first changed records of a dry run on stdout, and every change that
// would blank a stored value as a warning on stderr.
func (c *cli) printPlan(name string, plan data.ImportPlan) {
	shown, more := plan.Changed(planExamples)
	for _, ch := range shown {
		fmt.Fprintf(c.stdout, "  %s\n", ch)
	}
	if more > 0 {
		fmt.Fprintf(c.stdout, "  …另有 %d 条记录有变化\n", more)
	}
	blanks := plan.Blanked()
	for i, ch := range blanks {
		if i == planBlanks {
			fmt.Fprintf(c.stderr, "警告 %s：…另有 %d 处已有的值将被清空\n", name, len(blanks)-i)
			break
		}
		fmt.Fprintf(c.stderr, "警告 %s：%s（已有的值将被清空）\n", name, ch)
	}
}

// quoted lists names as “甲”“乙”.
func quoted(names []string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString("“" + n + "”")
	}
	return b.String()
}

func (c *cli) printWarnings(is exchange.Issues) {
	for _, i := range is.Warnings() {
		fmt.Fprintf(c.stderr, "警告 %s\n", i)
	}
}
