// Command liangwei-cli is 两委台账 without a window: the same store, import, figures and
// reports as the desktop program, for scripts, for merging township workbooks at county
// level, and for tests. It is pure Go and builds with CGO_ENABLED=0.
//
//	liangwei-cli [--db PATH] init | template | import | export | stats | check | report | demo
//	liangwei-cli [--db PATH] verify | submissions | return
//	liangwei-cli [--db PATH] audit | trash | undelete | lock | unlock | locks | backup | backups | restore
//
// Exit status: 0 success, 1 user error (bad file, invalid data), 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"liangwei/data"
	"liangwei/data/sqlite"
)

func main() {
	// LIANGWEI_MEMPROFILE=file writes the run's allocations (go tool pprof -sample_index=alloc_space).
	if p := os.Getenv("LIANGWEI_MEMPROFILE"); p != "" {
		code := run(os.Args[1:], os.Stdout, os.Stderr)
		if f, err := os.Create(p); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		os.Exit(code)
	}
	// LIANGWEI_CPUPROFILE=file writes a CPU profile of the run (for BENCHMARKS.md).
	if p := os.Getenv("LIANGWEI_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				code := run(os.Args[1:], os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usageText = `用法：liangwei-cli [--db 数据库文件] 命令 [参数]

命令：
  init                              创建或升级数据库，并显示其位置
  template 文件.xlsx                生成空白导入模板（带下拉选项）
  import [--sheet 工作表] [--dry-run] 文件...
                                    导入工作簿（.xlsx）或 CSV；每个文件要么全部导入，要么不写入任何数据；
                                    文件中没有的列，已有记录保留原值；--dry-run 只列出将新增、更新、
                                    未变的记录数和变化的内容（清空已有值的列为警告），不写入；
                                    工作簿带有数据指纹时，说明它与导出时一致还是导出后已修改
  export [--township 乡镇] 文件.xlsx
                                    导出全部台账（可再导入，也可交县里汇总；每个乡镇的数据指纹写入文件属性）；
                                    --township 只导出一个乡镇（台账超过一个工作表的行数上限时按乡镇分别导出）
  stats [--round 届次] [--township 乡镇] [--date 日期] [--json]
                                    统计换届完成情况、两委成员结构（--date 当日在任）、党组织、信访举报、
                                    约谈、资格联审、村务监督委员会、任职变动、离任审计、发展党员和表彰；
                                    --json 输出 JSON
  check [--round 届次]              逐条检查记录，列出错误和警告
  report 类型 --out 文件.pdf [--round 届次] [--township 乡镇] [--date 日期]
                                    生成报表 PDF（每页页脚印有数据指纹，末页有其二维码），类型：
                                      summary    换届完成情况汇总表
                                      detail     换届情况明细表（横向，每村一行）
                                      members    两委成员花名册
                                      party      村级党组织“四有”情况统计表
                                      petitions  信访举报受理情况台账（--date 也是判断超期的日期）
                                      talks      干部约谈情况统计表
                                      candidates 村“两委”候选人资格联审情况表
                                      changes    村“两委”成员届中变动情况表（--date 之前的变动，及当日在任的书记、主任）
                                      development 发展党员工作情况统计表（按村和阶段，列出时限提醒）
                                      commendations 创先争优表彰情况表
  demo                              载入演示数据（青山县城关镇）
  demo --scale city --out 文件夹 [--townships 个数]
                                    生成全市演示台账：每个乡镇一个工作簿，写入文件夹（默认 62 个乡镇、
                                    5252 个村），不改动数据库；再用 import 导入这些工作簿即可汇总

县级汇总与核验：
  verify 文件.pdf                   核验乡镇报来的PDF报表：读出其中的数据指纹，与本数据库重新计算的比较，
                                    一致（退出码 0）或不一致（退出码 1，列出不同的乡镇和工作表）
  submissions [--round 届次] [--json]
                                    报送情况：每个乡镇最新报送的文件（导入时间、导入人、工作簿指纹是否
                                    导出后被修改）、完成率、检查出的错误和警告、最近核验的PDF，及尚未报送的乡镇
  return --township 乡镇 --reason 原因
                                    将乡镇最新报送的文件标记为退回（原因记入操作日志）

数据安全：
  audit [--since 日期] [--until 日期] [--kind 类别] [--village 村名] [--limit 条数] [--json]
                                    操作日志，最新的在前（默认显示最新 100 条，--limit 0 显示全部）；
                                    类别：乡镇 村庄 换届 两委成员 乡镇班子 党组织 信访举报 约谈 候选人
                                    村务监督委员会 任职变动 离任审计 设置 文件 届次 报送
  trash                             列出回收站（已删除的记录）
  trash restore 类别 编号           从回收站恢复一条记录
  undelete 类别 编号                同 trash restore 类别 编号
  lock --round 届次 [--note 备注]   锁定已上报的届次：此后对它的修改和导入都会被拒绝
  unlock --round 届次 --reason 原因
                                    解锁届次，必须说明原因（记入操作日志）
  locks                             列出已锁定的届次
  backup [文件]                     备份数据库：写到指定文件；不写文件名则存入备份文件夹（保留最新 30 份）
  backups                           列出备份文件夹中的备份
  restore 文件                      用备份文件恢复数据：先检查是否本程序完好的数据库，
                                    并先备份当前数据，再替换

数据库位置：--db 指定；否则取环境变量 LIANGWEI_DB；否则为用户配置目录下的 liangwei/liangwei.db。
日期可写作 2026-03-15、2026/3/15、2026年3月15日 或 20260315。
`

// command is one sub-command: its usage line and what it does with its arguments.
type command struct {
	usage string
	run   func(c *cli, args []string) error
}

var commands = map[string]command{
	"init":     {"init", (*cli).cmdInit},
	"template": {"template 文件.xlsx", (*cli).cmdTemplate},
	"import":   {"import [--sheet 工作表] [--dry-run] 文件...", (*cli).cmdImport},
	"export":   {"export [--township 乡镇] 文件.xlsx", (*cli).cmdExport},
	"stats":    {"stats [--round 届次] [--township 乡镇] [--date 日期] [--json]", (*cli).cmdStats},
	"check":    {"check [--round 届次]", (*cli).cmdCheck},
	"report":   {reportUsage(), (*cli).cmdReport},
	"demo":     {"demo [--scale city --out 文件夹 [--townships 个数]]", (*cli).cmdDemo},
	"audit":    {"audit [--since 日期] [--until 日期] [--kind 类别] [--village 村名] [--limit 条数] [--json]", (*cli).cmdAudit},
	"trash":    {"trash [restore 类别 编号]", (*cli).cmdTrash},
	"undelete": {"undelete 类别 编号", (*cli).cmdUndelete},
	"lock":     {"lock --round 届次 [--note 备注]", (*cli).cmdLock},
	"unlock":   {"unlock --round 届次 --reason 原因", (*cli).cmdUnlock},
	"locks":    {"locks", (*cli).cmdLocks},
	"backup":   {"backup [文件]", (*cli).cmdBackup},
	"backups":  {"backups", (*cli).cmdBackups},
	"restore":  {"restore 文件", (*cli).cmdRestore},

	"verify":      {"verify 文件.pdf", (*cli).cmdVerify},
	"submissions": {"submissions [--round 届次] [--json]", (*cli).cmdSubmissions},
	"return":      {"return --township 乡镇 --reason 原因", (*cli).cmdReturn},
}

// cli is one invocation: where output goes, which database, and the clock.
type cli struct {
	stdout, stderr io.Writer
	dbPath         string
	now            func() time.Time
	cmd            string
}

// now is the clock of a run; tests replace it to fix "today".
var now = time.Now

// usageError is a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errReported means the command already printed what went wrong (exit 1, nothing more to say).
var errReported = errors.New("已报告")

// run is the whole program: it parses args, runs the command and returns the exit status.
// It never panics: a panic is turned into a Chinese message and status 1.
func run(args []string, stdout, stderr io.Writer) (code int) {
	c := &cli{stdout: stdout, stderr: stderr, now: now}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "程序内部错误，操作已中止：%v\n请把这条信息和所执行的命令告知维护人员。\n", r)
			code = 1
		}
	}()

	fs := newFlagSet("liangwei-cli")
	fs.StringVar(&c.dbPath, "db", "", "数据库文件")
	help := fs.Bool("help", false, "显示帮助")
	fs.BoolVar(help, "h", false, "显示帮助")
	if err := fs.Parse(args); err != nil {
		return c.fail(flagError(err))
	}
	if *help {
		fmt.Fprint(stdout, usageText)
		return 0
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return c.fail(usagef("缺少命令"))
	}
	c.cmd = rest[0]
	if c.cmd == "help" {
		fmt.Fprint(stdout, usageText)
		return 0
	}
	cmd, ok := commands[c.cmd]
	if !ok {
		return c.fail(usagef("未知的命令“%s”", c.cmd))
	}
	defer gcFor(c.cmd)()
	return c.fail(cmd.run(c, rest[1:]))
}

// fail turns a command's error into output and an exit status.
func (c *cli) fail(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, flag.ErrHelp):
		c.printUsage(c.stdout)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(c.stderr, "用法错误：%s\n\n", ue.msg)
		c.printUsage(c.stderr)
		return 2
	default:
		fmt.Fprintf(c.stderr, "错误：%s\n", err)
		return 1
	}
}

func (c *cli) printUsage(w io.Writer) {
	if cmd, ok := commands[c.cmd]; ok {
		fmt.Fprintf(w, "用法：liangwei-cli [--db 数据库文件] %s\n", cmd.usage)
		return
	}
	fmt.Fprint(w, usageText)
}

// newFlagSet makes a flag set that reports errors to the caller instead of printing English.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// commandFlags is a sub-command's flag set; every sub-command also accepts --db.
func (c *cli) commandFlags() *flag.FlagSet {
	fs := newFlagSet(c.cmd)
	fs.StringVar(&c.dbPath, "db", c.dbPath, "数据库文件")
	return fs
}

// parseFlags parses flags wherever they stand among the arguments (`import a.xlsx --sheet 村庄`
// works as well as `import --sheet 村庄 a.xlsx`) and returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagError translates the flag package's English messages.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := err.Error()
	for _, t := range []struct{ prefix, format string }{
		{"flag provided but not defined: ", "未知的选项 %s"},
		{"flag needs an argument: ", "选项 %s 需要一个值"},
		{"invalid boolean value ", "选项值无效：%s"},
		{"invalid value ", "选项值无效：%s"},
		{"bad flag syntax: ", "选项写法有误：%s"},
	} {
		if rest, ok := strings.CutPrefix(msg, t.prefix); ok {
			return usagef(t.format, rest)
		}
	}
	return usagef("%s", msg)
}

// ctx is the context of every store call; the CLI has no cancellation.
func (c *cli) ctx() context.Context { return context.Background() }

// today is the calendar day of now, as the data package's dates are (UTC midnight).
func (c *cli) today() time.Time {
	y, m, d := c.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// path is the database file this run uses: --db, else $LIANGWEI_DB, else the default.
func (c *cli) path() (string, error) {
	if c.dbPath != "" {
		return c.dbPath, nil
	}
	p, err := sqlite.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("找不到默认的数据库位置（%v），请用 --db 指定数据库文件", err)
	}
	return p, nil
}

// open opens (creating and migrating) the database.
func (c *cli) open() (*sqlite.Store, string, error) {
	p, err := c.path()
	if err != nil {
		return nil, "", err
	}
	st, err := sqlite.Open(p)
	if err != nil {
		return nil, p, fmt.Errorf("无法打开数据库 %s：%v", p, err)
	}
	return st, p, nil
}

// parseRound reads a --round value; "" gives 0 (not given).
func parseRound(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	r, err := data.ParseRound(s)
	if err != nil {
		return 0, usagef("--round %v", err)
	}
	return r, nil
}

// parseDate reads a --date value; "" gives def.
func parseDate(s string, def time.Time) (time.Time, error) {
	if s == "" {
		return def, nil
	}
	d, err := data.ParseDate(s)
	if err != nil {
		return time.Time{}, usagef("--date %v", err)
	}
	return d, nil
}
