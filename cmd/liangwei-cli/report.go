package main

import (
	"fmt"
	"io"

	"liangwei/data"
	"liangwei/internal/atomicfile"
	"liangwei/reports"
)

// cmdReport renders a report to a PDF, written atomically.
func (c *cli) cmdReport(args []string) error {
	fs := c.commandFlags()
	out := fs.String("out", "", "输出的 PDF 文件")
	roundS := fs.String("round", "", "届次（年份）")
	township := fs.String("township", "", "乡镇")
	dateS := fs.String("date", "", "填报日期")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("缺少报表类型，可用：summary（换届完成情况汇总表）")
	case len(pos) > 1:
		return usagef("多余的参数“%s”", pos[1])
	case pos[0] != "summary":
		return usagef("报表类型“%s”尚未提供，可用：summary（换届完成情况汇总表）", pos[0])
	case *out == "":
		return usagef("缺少 --out 文件.pdf")
	}
	round, err := parseRound(*roundS)
	if err != nil {
		return err
	}
	date, err := parseDate(*dateS, c.today())
	if err != nil {
		return err
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	sc, err := c.loadScope(st, round, *township)
	if err != nil {
		return err
	}
	set, err := st.Settings(c.ctx())
	if err != nil {
		return fmt.Errorf("读取设置失败：%v", err)
	}
	r := data.BuildSummary(sc.ledger, sc.round, date)
	r.Township = sc.township
	if r.Township == "" && len(sc.ledger.Townships) == 1 {
		r.Township = sc.ledger.Townships[0].Name
	}
	meta := reports.Meta{
		Unit: set.Township, Leader: set.Leader, Reviewer: set.Reviewer,
		Preparer: set.Preparer, Phone: set.Phone, Date: date,
	}
	if *township != "" {
		meta.Unit = *township
	}
	if meta.Unit == "" {
		meta.Unit = r.Township
	}
	err = atomicfile.Write(*out, func(w io.Writer) error { return reports.WriteSummary(w, r, meta) })
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已生成《换届完成情况汇总表》（%d年，%d 个乡镇，未完成 %d 项）：%s\n",
		sc.round, len(r.Rows), len(r.Unfinished), *out)
	return nil
}
