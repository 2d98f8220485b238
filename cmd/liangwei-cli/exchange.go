package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

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

// cmdExport writes every record to a workbook that imports back to the same data.
func (c *cli) cmdExport(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
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
	err = atomicfile.Write(pos[0], func(w io.Writer) error { return exchange.Export(c.ctx(), st, w) })
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已导出：%s\n", pos[0])
	return nil
}

// cmdImport imports each file on its own, all or nothing per file, and says what each did.
// A rejected file lists every issue on stderr; the others are still imported.
func (c *cli) cmdImport(args []string) error {
	fs := c.commandFlags()
	sheet := fs.String("sheet", "", "CSV 文件对应的工作表")
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
	for i, f := range files {
		name := filepath.Base(f)
		if len(files) > 1 {
			// Merging many townships' files: say where the run stands on every line.
			name = fmt.Sprintf("[%d/%d] %s", i+1, len(files), name)
		}
		p, res, err := exchange.Import(c.ctx(), st, f, *sheet, today)
		if errors.Is(err, exchange.ErrRejected) {
			errs := p.Issues.Errors()
			for _, i := range errs {
				fmt.Fprintf(c.stderr, "错误 %s\n", i)
			}
			c.printWarnings(p.Issues)
			fmt.Fprintf(c.stderr, "导入失败：%s 有 %d 个错误，未写入任何数据\n", name, len(errs))
			failed++
			continue
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "导入失败：%s：%v，未写入任何数据\n", name, err)
			failed++
			continue
		}
		c.printWarnings(p.Issues)
		fmt.Fprintf(c.stdout, "%s：新增 %d，更新 %d，未变 %d\n", name, res.Inserted, res.Updated, res.Unchanged)
		total.Inserted += res.Inserted
		total.Updated += res.Updated
		total.Unchanged += res.Unchanged
	}
	if len(files) > 1 {
		fmt.Fprintf(c.stdout, "共 %d 个文件，导入 %d 个：新增 %d，更新 %d，未变 %d\n",
			len(files), len(files)-failed, total.Inserted, total.Updated, total.Unchanged)
	}
	if failed > 0 {
		if len(files) > 1 {
			fmt.Fprintf(c.stderr, "共 %d 个文件，%d 个导入失败\n", len(files), failed)
		}
		return errReported
	}
	return nil
}

func (c *cli) printWarnings(is exchange.Issues) {
	for _, i := range is.Warnings() {
		fmt.Fprintf(c.stderr, "警告 %s\n", i)
	}
}
