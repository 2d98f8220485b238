package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"liangwei/data"
	"liangwei/internal/atomicfile"
	"liangwei/reports"
)

// reportKind is one report of SPEC §5: its Chinese name and how it is drawn from a scope.
// write builds the report's values from the ledger, draws them, and returns the line the
// command prints afterwards.
type reportKind struct {
	title string
	write func(w io.Writer, sc scope, date time.Time, meta reports.Meta) (string, error)
}

// reportKinds are the reports the CLI can write, by their CLI names.
var reportKinds = map[string]reportKind{
	"summary": {"换届完成情况汇总表", func(w io.Writer, sc scope, date time.Time, meta reports.Meta) (string, error) {
		r := data.BuildSummary(sc.ledger, sc.round, date)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年，%d 个乡镇，未完成 %d 项", sc.round, len(r.Rows), len(r.Unfinished)), reports.WriteSummary(w, r, meta)
	}},
	"detail": {"换届情况明细表", func(w io.Writer, sc scope, _ time.Time, meta reports.Meta) (string, error) {
		r := data.BuildDetail(sc.ledger, sc.round)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年，%d 个乡镇，%d 个村（社区）", sc.round, len(r.Townships), len(r.Rows)), reports.WriteDetail(w, r, meta)
	}},
	"members": {"两委成员花名册", func(w io.Writer, sc scope, _ time.Time, meta reports.Meta) (string, error) {
		r := data.BuildMembers(sc.ledger, sc.round)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年，%d 个村（社区），%d 人", sc.round, len(r.Villages), r.Stats.Total), reports.WriteMembers(w, r, meta)
	}},
	"party": {"村级党组织“四有”情况统计表", func(w io.Writer, sc scope, _ time.Time, meta reports.Meta) (string, error) {
		r := data.BuildParty(sc.ledger, sc.round)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年度，党组织 %d 个，软弱涣散 %d 个", sc.round, len(r.Orgs), len(r.Weak)), reports.WriteParty(w, r, meta)
	}},
	"petitions": {"信访举报受理情况台账", func(w io.Writer, sc scope, date time.Time, meta reports.Meta) (string, error) {
		r := data.BuildPetitions(sc.ledger, sc.round, date)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年，%d 件，超期 %d 件", sc.round, len(r.Complaints), r.Stats.Overdue), reports.WritePetitions(w, r, meta)
	}},
	"talks": {"干部约谈情况统计表", func(w io.Writer, sc scope, _ time.Time, meta reports.Meta) (string, error) {
		r := data.BuildTalks(sc.ledger, sc.round)
		r.Township = reportTownship(sc)
		return fmt.Sprintf("%d年，%d 人次", sc.round, len(r.Talks)), reports.WriteTalks(w, r, meta)
	}},
}

// reportKindList lists the available kinds for messages: “summary（换届完成情况汇总表）、…”.
func reportKindList() string {
	order := []string{"summary", "detail", "members", "party", "petitions", "talks"}
	parts := make([]string, len(order))
	for i, k := range order {
		parts[i] = k + "（" + reportKinds[k].title + "）"
	}
	return strings.Join(parts, "、")
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
	kind, ok := reportKinds[pos[0]]
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
	sc, err := c.loadScope(st, round, *township)
	if err != nil {
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
	var what string
	err = atomicfile.Write(*out, func(w io.Writer) error {
		var err error
		what, err = kind.write(w, sc, date, meta)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已生成《%s》（%s）：%s\n", kind.title, what, *out)
	return nil
}
