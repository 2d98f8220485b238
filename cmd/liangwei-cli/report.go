package main

import (
	"fmt"
	"io"
	"strings"

	"liangwei/data"
	"liangwei/internal/atomicfile"
	"liangwei/reports"
)

// reportKindList lists the available kinds for messages: “summary（换届完成情况汇总表）、…”.
func reportKindList() string {
	parts := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		parts[i] = k.Name + "（" + k.Title + "）"
	}
	return strings.Join(parts, "、")
}

// reportUsage is the usage line of report: its kinds are those of reports.Kinds.
func reportUsage() string {
	names := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		names[i] = k.Name
	}
	return "report " + strings.Join(names, "|") + " --out 文件.pdf [--round 届次] [--township 乡镇] [--date 日期]"
}

// reportTownship is the township a report is for: the one asked for, or the only one there is.
func reportTownship(sc scope) string {
	if sc.township == "" && len(sc.ledger.Townships) == 1 {
		return sc.ledger.Townships[0].Name
	}
	return sc.township
}

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
	if len(pos) == 0 {
		return usagef("缺少报表类型，可用：%s", reportKindList())
	}
	kind, ok := reports.KindNamed(pos[0])
	switch {
	case len(pos) > 1:
		return usagef("多余的参数“%s”", pos[1])
	case !ok:
		return usagef("报表类型“%s”尚未提供，可用：%s", pos[0], reportKindList())
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
	// A report of several townships is read one township at a time (Kind.Each): the
	// records of one township in memory, whatever the province.
	var sc scope
	each := false
	if *township == "" {
		ts, err := st.Townships(c.ctx())
		if err != nil {
			return fmt.Errorf("读取乡镇失败：%v", err)
		}
		each = len(ts) > 1
	}
	if each {
		if sc.round, err = c.scopeRound(st, round); err != nil {
			return err
		}
	} else if sc, err = c.loadScope(st, round, *township); err != nil {
		return err
	}
	set, err := st.Settings(c.ctx())
	if err != nil {
		return fmt.Errorf("读取设置失败：%v", err)
	}
	meta := reports.Meta{
		Unit: set.Township, Leader: set.Leader, Reviewer: set.Reviewer,
		Preparer: set.Preparer, Phone: set.Phone, Date: date,
	}
	if *township != "" {
		meta.Unit = *township
	}
	if meta.Unit == "" {
		meta.Unit = reportTownship(sc)
	}
	opts := reports.Options{Round: sc.round, Township: reportTownship(sc), Date: date}
	if kind.Name == reports.Summary.Name {
		if opts.Previous, err = c.previousRates(st, sc); err != nil {
			return err
		}
	}
	var what string
	err = atomicfile.Write(*out, func(w io.Writer) error {
		var err error
		if each {
			what, err = kind.Each(w, reports.StoreTownships(c.ctx(), st, sc.round), opts, meta)
			return err
		}
		// Only the report's values need to stay while it is drawn: for the city's roster
		// the rest of the ledger is tens of megabytes.
		l := sc.ledger
		sc.ledger = data.Ledger{}
		what, err = kind.Write(w, l, opts, meta)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已生成《%s》（%s）：%s\n", kind.Title, what, *out)
	return nil
}
