package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
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
	// The summary of every township is summed township by township (data.SummarySum) and
	// kept in the figure cache (summaryCached).
	var sc scope
	var sum *summaryData
	each := false
	if *township == "" && kind.Name != reports.Summary.Name {
		ts, err := st.Townships(c.ctx())
		if err != nil {
			return fmt.Errorf("读取乡镇失败：%v", err)
		}
		each = len(ts) > 1
	}
	if *township == "" && kind.Name == reports.Summary.Name {
		if sum, err = c.summaryCached(st, round, date); err != nil {
			return err
		}
		sc.round = sum.Round
		for _, name := range sum.Townships {
			sc.ledger.Townships = append(sc.ledger.Townships, data.Township{Name: name})
		}
	} else if each {
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
	switch {
	case sum != nil:
		opts.Previous = sum.Previous
		if sum.Print != nil {
			meta.Seal = &reports.Seal{Kind: kind.Name, Round: opts.Round, Date: opts.Date, Print: *sum.Print}
		}
	case kind.Name == reports.Summary.Name:
		if opts.Previous, err = c.previousRates(st, sc); err != nil {
			return err
		}
	}
	if sum != nil || !each {
		gcDraw() // every record is read: only the drawing is left
	}
	var what string
	err = atomicfile.Write(*out, func(w io.Writer) error {
		var err error
		if sum != nil {
			what, err = reports.WriteSummaryOf(w, sum.Report, opts, meta)
			return err
		}
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

// summaryData is what the summary of every township draws, read township by township
// (data.SummarySum): the memory of one township, whatever the province.
type summaryData struct {
	Round  int // the round resolved (scopeRound)
	Report data.SummaryReport
	// Townships are the names of the only township read, when there is one (the report
	// then names it).
	Townships []string
	Previous  *data.KeyRates
	// Print is the seal's fingerprint (every township's, taken as its records pass), nil
	// when no township was read.
	Print *data.Fingerprint
}

// summaryCached is summaryOf, from the figure cache when it holds it (sqlite.Cached). round
// is as given (0: see scopeRound, which reads the ledger and is part of what is cached).
func (c *cli) summaryCached(st *sqlite.Store, round int, date time.Time) (*summaryData, error) {
	key := fmt.Sprintf("summary round=%d date=%s cli-today=%s", round, date.Format(time.RFC3339Nano), c.today().Format(time.DateOnly))
	d, err := sqlite.Cached(c.ctx(), st, key, func() (summaryData, error) {
		round, err := c.scopeRound(st, round)
		if err != nil {
			return summaryData{}, err
		}
		return c.summaryOf(st, round, date)
	})
	return &d, err
}

// summaryPart is a township's share of the summary's data: its rows and sums, its print and
// its name.
type summaryPart struct {
	Part   data.SummaryPart     `json:"part"`
	Prints []data.TownshipPrint `json:"prints"`
	Names  []string             `json:"names"`
}

// summaryOf computes the summary of every township of round on date.
func (c *cli) summaryOf(st *sqlite.Store, round int, date time.Time) (summaryData, error) {
	d := summaryData{Round: round}
	sum := data.NewSummarySum(round, date)
	var prints []data.TownshipPrint
	towns := 0
	// Each township's share is kept in the ledger, and only the townships written since are
	// read again (sqlite.EachPart).
	compute := func(l data.Ledger) summaryPart {
		names := make([]string, 0, len(l.Townships))
		for _, t := range l.Townships {
			names = append(names, t.Name)
		}
		return summaryPart{Part: sum.PartOf(l), Prints: data.TakePrint(l, names).Townships, Names: names}
	}
	add := func(p summaryPart) {
		if towns++; towns == 1 {
			d.Townships = p.Names
		} else {
			d.Townships = nil
		}
		prints = append(prints, p.Prints...)
		sum.AddPart(p.Part)
	}
	key := fmt.Sprintf("summary round=%d date=%s", round, date.Format(time.RFC3339Nano))
	if err := sqlite.EachPart(c.ctx(), st, key, round, false, compute, add); err != nil {
		return d, fmt.Errorf("读取%d年台账失败：%v", round, err)
	}
	d.Report = sum.Report()
	if len(prints) > 0 {
		p := data.JoinPrints(prints)
		d.Print = &p
	}
	var err error
	d.Previous, err = c.previousRates(st, scope{round: round})
	return d, err
}
