package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"liangwei/data"
	"liangwei/reports"
)

// County collection (issue 18): verify a signed PDF against the database, list who has sent
// what, and send a township's submission back.

// cmdVerify reads the seal of a PDF, recomputes the fingerprint from the database and says
// 一致 (exit 0) or 不一致 (exit 1) with each township and sheet that differs. The result is
// kept for the submissions list.
func (c *cli) cmdVerify(args []string) error {
	fs := c.commandFlags()
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(files) == 0:
		return usagef("verify 需要一个PDF文件，例如 verify 城关镇换届完成情况汇总表2026.pdf")
	case len(files) > 1:
		return usagef("多余的参数“%s”：一次核验一个PDF文件", files[1])
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("找不到文件 %s", files[0])
		}
		return fmt.Errorf("无法读取 %s：%v", files[0], err)
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	name := filepath.Base(files[0])
	v, err := reports.Verify(c.ctx(), st, raw)
	if err != nil {
		return fmt.Errorf("%s：%v", name, err)
	}
	fmt.Fprintf(c.stdout, "核验 %s：%s\n", name, v.Title())
	fmt.Fprintf(c.stdout, "PDF 的数据指纹：%s\n", v.Seal.Print.Short())
	if err := st.RecordVerifications(c.ctx(), v.Verifications(name)); err != nil {
		fmt.Fprintf(c.stderr, "注意：核验结果未能记入数据库（%v）\n", err)
	}
	if v.Match() {
		fmt.Fprintf(c.stdout, "一致：PDF 所示数据与数据库中%s的%d年台账一致\n", v.Seal.ScopeText(), v.Seal.Round)
		return nil
	}
	fmt.Fprintf(c.stdout, "不一致：数据库中现在的指纹为 %s，以下乡镇的数据与 PDF 生成时不同：\n", v.Now.Short())
	for _, d := range v.Diffs {
		fmt.Fprintf(c.stdout, "  %s\n", d)
	}
	return errReported
}

// cmdSubmissions lists, per township known to the database, the latest file received, the
// round's completion rates, check errors and warnings and the last verified PDF; then the
// townships with nothing received.
func (c *cli) cmdSubmissions(args []string) error {
	fs := c.commandFlags()
	roundS := fs.String("round", "", "届次（年份）")
	asJSON := fs.Bool("json", false, "输出 JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("submissions 不需要参数（多余的“%s”）", pos[0])
	}
	round, err := parseRound(*roundS)
	if err != nil {
		return err
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	sc, err := c.loadScope(st, round, "")
	if err != nil {
		return err
	}
	subs, err := st.Submissions(c.ctx())
	if err != nil {
		return fmt.Errorf("读取报送记录失败：%v", err)
	}
	vers, err := st.Verifications(c.ctx())
	if err != nil {
		return fmt.Errorf("读取核验记录失败：%v", err)
	}
	rows := data.BuildSubmissions(sc.ledger, sc.round, c.today(), subs, vers)
	var missing []string
	for _, r := range rows {
		if !r.Received() {
			missing = append(missing, r.Township)
		}
	}
	if *asJSON {
		out := struct {
			Round     int                  `json:"round"`
			Townships int                  `json:"townships"`
			Received  int                  `json:"received"`
			Missing   []string             `json:"missing"`
			Rows      []data.SubmissionRow `json:"rows"`
		}{sc.round, len(rows), len(rows) - len(missing), append([]string{}, missing...), rows}
		enc := json.NewEncoder(c.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	fmt.Fprintf(c.stdout, "%d年报送情况：共 %d 个乡镇，已收到 %d 个，未收到 %d 个\n", sc.round, len(rows), len(rows)-len(missing), len(missing))
	var table [][]string
	for _, r := range rows {
		if !r.Received() {
			continue
		}
		l := r.Latest
		verified := "—"
		if r.Verified != nil {
			verified = r.Verified.Result + " " + r.Verified.File
		}
		status := r.StatusText()
		if l.Returned {
			status += "（" + l.ReturnReason + "）"
		}
		table = append(table, []string{r.Township, status, l.File, l.At.Local().Format("2006-01-02 15:04"), l.By,
			data.ShortPrint(l.Actual) + " " + l.PrintState(), rateText(r.Party), rateText(r.Comm),
			strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings), verified})
	}
	if len(table) > 0 {
		writeTable(c.stdout, []string{"乡镇", "状态", "最新文件", "导入时间", "导入人", "工作簿指纹", "党组织完成率", "村委会完成率", "错误", "警告", "最近核验的PDF"}, table)
	}
	if len(missing) > 0 {
		fmt.Fprintf(c.stdout, "尚未收到：%s\n", strings.Join(missing, "、"))
	}
	return nil
}

// rateText is a body's completion as 39/40 97.50%.
func rateText(b data.BodyStats) string {
	if b.Due == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d %.2f%%", b.Completed, b.Due, b.Rate)
}

// cmdReturn marks a township's latest submission 退回 with a reason (logged).
func (c *cli) cmdReturn(args []string) error {
	fs := c.commandFlags()
	township := fs.String("township", "", "乡镇")
	reason := fs.String("reason", "", "退回原因")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("return 不需要参数（多余的“%s”）；原因有空格时请加引号", pos[0])
	case *township == "":
		return usagef("缺少 --township 乡镇")
	case strings.TrimSpace(*reason) == "":
		return usagef("缺少 --reason 原因：退回必须说明原因（将记入操作日志）")
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.ReturnSubmission(c.ctx(), *township, *reason); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已将%s最新报送的文件标记为退回，原因：%s（已记入操作日志）\n", *township, strings.TrimSpace(*reason))
	return nil
}
