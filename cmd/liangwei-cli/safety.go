package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"liangwei/data"
)

// parseKind reads a kind typed as its code (member), its Chinese name (两委成员) or one of its
// aliases (成员), all from data's registry of kinds; trashOnly limits it to the record kinds,
// the ones the recycle bin holds. An unknown kind is a usage error listing the known ones.
func parseKind(s string, trashOnly bool) (string, error) {
	s = strings.TrimSpace(s)
	var names []string
	for _, k := range data.Kinds {
		if trashOnly && !k.Record {
			continue
		}
		if s == string(k.Code) || s == k.Name || slices.Contains(k.Aliases, s) {
			return string(k.Code), nil
		}
		names = append(names, k.Name+"（"+string(k.Code)+"）")
	}
	return "", usagef("未知的记录类别“%s”，可用：%s", s, strings.Join(names, "、"))
}

// localTime shows a stored (UTC) time on the clerk's clock, as the audit log shows its times,
// for the locks and backups listed beside it.
func localTime(t time.Time) string { return data.LocalTime(t) }

// requireRound reads the --round a command cannot do without.
func requireRound(cmd, s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, usagef("%s 需要 --round 届次，例如 %s --round 2026", cmd, cmd)
	}
	return parseRound(s)
}

// cmdLock marks a round 已上报: from then on every change touching it is refused.
func (c *cli) cmdLock(args []string) error {
	fs := c.commandFlags()
	roundS := fs.String("round", "", "届次（年份）")
	note := fs.String("note", "", "备注")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("lock 不需要参数（多余的“%s”）", pos[0])
	}
	round, err := requireRound("lock", *roundS)
	if err != nil {
		return err
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	rounds, err := st.Rounds(c.ctx())
	if err != nil {
		return fmt.Errorf("读取届次失败：%v", err)
	}
	locks, err := st.Locks(c.ctx())
	if err != nil {
		return fmt.Errorf("读取锁定的届次失败：%v", err)
	}
	if i := slices.IndexFunc(locks, func(l data.RoundLock) bool { return l.Round == round }); i >= 0 {
		fmt.Fprintf(c.stdout, "%d年届次已于 %s 锁定（%s），未作改动\n", round, localTime(locks[i].LockedAt), locks[i].By)
		return nil
	}
	if !slices.Contains(rounds, round) {
		fmt.Fprintf(c.stderr, "注意：数据中还没有 %d年届次的换届记录，仍按要求锁定\n", round)
	}
	if err := st.Lock(c.ctx(), round, strings.TrimSpace(*note)); err != nil {
		return fmt.Errorf("锁定 %d年届次失败：%v", round, err)
	}
	fmt.Fprintf(c.stdout, "已锁定 %d年届次（已上报）：此后对该届次的修改、删除、恢复和导入都会被拒绝；确需修改时用 unlock --round %d --reason 原因 解锁\n", round, round)
	return nil
}

// cmdUnlock unlocks a round; the reason is required and goes to the audit log.
func (c *cli) cmdUnlock(args []string) error {
	fs := c.commandFlags()
	roundS := fs.String("round", "", "届次（年份）")
	reason := fs.String("reason", "", "解锁原因")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unlock 不需要参数（多余的“%s”）；原因有空格时请加引号", pos[0])
	}
	round, err := requireRound("unlock", *roundS)
	if err != nil {
		return err
	}
	why := strings.TrimSpace(*reason)
	if why == "" {
		return usagef("unlock 需要 --reason 说明解锁原因，例如 --reason \"县委组织部要求更正东关村数据\"；原因记入操作日志")
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Unlock(c.ctx(), round, why); err != nil {
		return fmt.Errorf("解锁 %d年届次失败：%v", round, err)
	}
	fmt.Fprintf(c.stdout, "已解锁 %d年届次，原因已记入操作日志：%s\n", round, why)
	fmt.Fprintf(c.stdout, "修改完成并重新上报后，请再次锁定：lock --round %d\n", round)
	return nil
}

// cmdLocks lists the locked rounds.
func (c *cli) cmdLocks(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("locks 不需要参数（多余的“%s”）", pos[0])
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	locks, err := st.Locks(c.ctx())
	if err != nil {
		return fmt.Errorf("读取锁定的届次失败：%v", err)
	}
	if len(locks) == 0 {
		fmt.Fprintln(c.stdout, "没有已锁定（已上报）的届次")
		return nil
	}
	rows := make([][]string, len(locks))
	for i, l := range locks {
		rows[i] = []string{strconv.Itoa(l.Round) + "年", localTime(l.LockedAt), l.By, l.Note}
	}
	writeTable(c.stdout, []string{"届次", "锁定时间", "操作人", "备注"}, rows)
	return nil
}

// defaultAuditLimit is how many entries the audit table shows unless --limit says otherwise.
const defaultAuditLimit = 100

// cmdAudit prints the audit log, newest first, as a table or as JSON.
func (c *cli) cmdAudit(args []string) error {
	fs := c.commandFlags()
	sinceS := fs.String("since", "", "起始日期")
	untilS := fs.String("until", "", "截止日期")
	kindS := fs.String("kind", "", "记录类别")
	village := fs.String("village", "", "村名（或记录中的任意文字）")
	limitS := fs.String("limit", "", "最多显示条数")
	asJSON := fs.Bool("json", false, "输出 JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("audit 不需要参数（多余的“%s”）", pos[0])
	}
	var f data.AuditFilter
	if *sinceS != "" {
		if f.Since, err = data.ParseDate(*sinceS); err != nil {
			return usagef("--since %v", err)
		}
	}
	if *untilS != "" {
		if f.Until, err = data.ParseDate(*untilS); err != nil {
			return usagef("--until %v", err)
		}
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return usagef("--until %s 早于 --since %s", data.FormatDate(f.Until), data.FormatDate(f.Since))
	}
	if *kindS != "" {
		if f.Kind, err = parseKind(*kindS, false); err != nil {
			return err
		}
	}
	f.Village = strings.TrimSpace(*village)
	limit := defaultAuditLimit
	if *asJSON {
		limit = 0 // scripts get everything unless they ask for less
	}
	if *limitS != "" {
		n, err := strconv.Atoi(strings.TrimSpace(*limitS))
		if err != nil || n < 0 {
			return usagef("--limit 应为 0 或正整数（0 表示全部），不是“%s”", *limitS)
		}
		limit = n
	}
	// One more than shown tells whether the table was cut.
	if limit > 0 {
		f.Limit = limit + 1
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	entries, err := st.AuditLog(c.ctx(), f)
	if err != nil {
		return fmt.Errorf("读取操作日志失败：%v", err)
	}
	cut := limit > 0 && len(entries) > limit
	if cut {
		entries = entries[:limit]
	}
	if *asJSON {
		return writeAuditJSON(c, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.stdout, "没有符合条件的操作记录")
		return nil
	}
	rows := make([][]string, len(entries))
	for i, e := range entries {
		rows[i] = auditLine(e)
	}
	writeTable(c.stdout, auditTableHeader, rows)
	if cut {
		fmt.Fprintf(c.stdout, "仅显示最新 %d 条；用 --limit 0 显示全部，或用 --since、--until、--kind、--village 缩小范围\n", limit)
	}
	return nil
}

// auditTableHeader heads the audit table; auditLine is one entry under it, in data's audit
// vocabulary, the words of the window's 操作日志.
var auditTableHeader = []string{"时间", "操作人", "操作", "类别", "记录", "内容"}

func auditLine(e data.AuditEntry) []string {
	return []string{e.TimeText(), e.OSUser, e.ActionText(), e.KindText(), e.RecordText(), e.Detail()}
}

// auditJSON is one audit entry as `audit --json` prints it; the old and new values are the
// stored JSON objects themselves (null when empty).
type auditJSON struct {
	ID       int64           `json:"id"`
	At       string          `json:"at"`
	OSUser   string          `json:"os_user"`
	Action   string          `json:"action"`
	Kind     string          `json:"kind"`
	Record   string          `json:"record"`
	OldValue json.RawMessage `json:"old_value"`
	NewValue json.RawMessage `json:"new_value"`
	Source   string          `json:"source"`
}

// writeAuditJSON prints the entries as one JSON array, one entry at a time: a city's log
// runs to tens of thousands of entries, and encoding them as one value would hold several
// copies of it in memory.
func writeAuditJSON(c *cli, entries []data.AuditEntry) error {
	w := bufio.NewWriter(c.stdout)
	if len(entries) == 0 {
		w.WriteString("[]\n")
		return w.Flush()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	w.WriteString("[\n")
	for i, e := range entries {
		buf.Reset()
		err := enc.Encode(auditJSON{ID: e.ID, At: e.At.UTC().Format(time.RFC3339), OSUser: e.OSUser, Action: e.Action,
			Kind: e.Kind, Record: e.Record, OldValue: rawJSON(e.OldValue), NewValue: rawJSON(e.NewValue), Source: e.Source})
		if err != nil {
			return err
		}
		w.WriteString("  ")
		w.Write(bytes.TrimRight(buf.Bytes(), "\n"))
		if i < len(entries)-1 {
			w.WriteString(",")
		}
		w.WriteString("\n")
		entries[i] = data.AuditEntry{} // let the collector take what is written
	}
	w.WriteString("]\n")
	return w.Flush()
}

// rawJSON passes a stored JSON value through, "" as null and anything else as a string.
func rawJSON(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	if json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(s)
	return b
}

// cmdTrash lists the recycle bin, or with `restore KIND ID` brings one record back.
func (c *cli) cmdTrash(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		if pos[0] != "restore" {
			return usagef("trash 后只能跟 restore 类别 编号（多余的“%s”）", pos[0])
		}
		return c.restoreFromTrash(pos[1:])
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	items, err := st.Trash(c.ctx())
	if err != nil {
		return fmt.Errorf("读取回收站失败：%v", err)
	}
	if len(items) == 0 {
		fmt.Fprintln(c.stdout, "回收站是空的")
		return nil
	}
	rows := make([][]string, len(items))
	for i, it := range items {
		rows[i] = []string{localTime(it.DeletedAt), data.KindName(it.Kind), strconv.FormatInt(it.ID, 10), it.Record}
	}
	writeTable(c.stdout, []string{"删除时间", "类别", "编号", "记录"}, rows)
	fmt.Fprintf(c.stdout, "共 %d 条。恢复一条：liangwei-cli trash restore 类别 编号（例如 trash restore %s %d）\n",
		len(items), data.KindName(items[0].Kind), items[0].ID)
	return nil
}

// cmdUndelete is `trash restore KIND ID` under a name of its own.
func (c *cli) cmdUndelete(args []string) error {
	pos, err := parseFlags(c.commandFlags(), args)
	if err != nil {
		return err
	}
	return c.restoreFromTrash(pos)
}

// restoreFromTrash brings the record KIND ID (pos) back from the recycle bin.
func (c *cli) restoreFromTrash(pos []string) error {
	if len(pos) != 2 {
		return usagef("恢复需要类别和编号，例如 trash restore 换届 12（用 trash 查看回收站里的编号）")
	}
	kind, err := parseKind(pos[0], true)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(pos[1], 10, 64)
	if err != nil || id <= 0 {
		return usagef("编号应为正整数，不是“%s”（用 trash 查看回收站里的编号）", pos[1])
	}
	st, _, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	items, err := st.Trash(c.ctx())
	if err != nil {
		return fmt.Errorf("读取回收站失败：%v", err)
	}
	i := slices.IndexFunc(items, func(it data.TrashItem) bool { return it.Kind == kind && it.ID == id })
	if i < 0 {
		return fmt.Errorf("回收站里没有%s编号 %d 的记录（用 trash 查看回收站）", data.KindName(kind), id)
	}
	if err := st.Restore(c.ctx(), kind, id); err != nil {
		return fmt.Errorf("恢复%s“%s”失败：%v", data.KindName(kind), items[i].Record, err)
	}
	fmt.Fprintf(c.stdout, "已从回收站恢复%s：%s\n", data.KindName(kind), items[i].Record)
	return nil
}
