package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
	"liangwei/internal/atomicfile"
	"liangwei/reports"
)

func init() { register("报表", newReportsScreen) }

// repKinds are the titles of the reports of SPEC §5 the clerk picks from, in the order
// of reports.Kinds.
var repKinds = func() []string {
	titles := make([]string, len(reports.Kinds))
	for i, k := range reports.Kinds {
		titles[i] = k.Title
	}
	return titles
}()

// repKindSummary is the report selected at first.
var repKindSummary = reports.Summary.Title

// repKindsLater are listed but disabled: 即将推出. Every kind of SPEC §5 is available now.
var repKindsLater []string

// repAll is the township choice meaning every township in the database.
const repAll = "全部乡镇"

// reportsScreen is 报表: pick a kind, round, township and date, generate the PDF in the
// background, then open it or its folder.
type reportsScreen struct {
	u *UI
	// busy counts running generations; tests wait on it.
	busy sync.WaitGroup

	kind      *widget.RadioGroup
	kindLater *widget.RadioGroup // listed, disabled: 即将推出
	round     *widget.Select
	township  *widget.Select
	date      *widget.Entry
	dateErr   *widget.Label
	dateRow   *fyne.Container
	signers   *widget.Label // the signature fields from 设置
	genBtn    *widget.Button
	progress  *widget.ProgressBarInfinite
	status    *widget.Label
	pathLabel *widget.Label
	openPDF   *widget.Button
	openDir   *widget.Button
	result    *fyne.Container
	body      *fyne.Container // relaid out when the progress bar or the result appear

	// lastPath is the PDF written last; opened records what was asked of deps.Open (or
	// would have been, when it is nil).
	lastPath string
	lastErr  error
	opened   []string

	// The lock (已上报) of the chosen round, and locking after a report.
	lockRow     *fyne.Container // the round, its lock state and 解锁…; relaid out when they change
	lockIconW   *widget.Icon
	lockState   *widget.Label
	unlockBtn   *widget.Button
	lockBtn     *widget.Button // in the result: 标记为已上报（锁定2026年届次）
	lockConfirm *dialog.ConfirmDialog
	locks       map[int]data.RoundLock
	lastReq     repRequest // of the last generated report

	// The last reports in the report folder, newest first.
	recentBox *fyne.Container
	recent    []repFile

	verify pdfVerify // 核验PDF… (verifypdf.go)
}

// repFile is one report in the report folder.
type repFile struct {
	path string
	mod  time.Time
}

// repRecentMax is how many of the last reports the screen lists.
const repRecentMax = 8

func newReportsScreen(u *UI) screen { return &reportsScreen{u: u} }

func (s *reportsScreen) content() fyne.CanvasObject {
	s.kind = widget.NewRadioGroup(repKinds, nil)
	s.kind.Required = true
	s.kind.SetSelected(repKindSummary)
	later := make([]string, len(repKindsLater))
	for i, k := range repKindsLater {
		later[i] = k + "（即将推出）"
	}
	s.kindLater = widget.NewRadioGroup(later, nil)
	s.kindLater.Disable()
	s.kindLater.Hidden = len(later) == 0

	s.round = widget.NewSelect(nil, func(string) { s.showLock() })
	s.round.PlaceHolder = "（无换届数据）"
	s.township = widget.NewSelect([]string{repAll}, nil)
	s.township.SetSelected(repAll)
	s.date = widget.NewEntry()
	s.date.OnChanged = func(string) { s.checkDate() }
	s.dateErr = widget.NewLabel("")
	s.dateErr.Importance = widget.DangerImportance
	s.dateRow = container.NewHBox(container.NewGridWrap(fyne.NewSize(160, s.date.MinSize().Height), s.date), s.dateErr)
	s.signers = widget.NewLabel("")
	s.signers.Wrapping = fyne.TextWrapWord

	s.genBtn = widget.NewButtonWithIcon("生成", theme.DocumentCreateIcon(), s.onGenerate)
	s.genBtn.Importance = widget.HighImportance
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.pathLabel = widget.NewLabel("")
	s.pathLabel.Wrapping = fyne.TextWrapBreak
	s.pathLabel.Selectable = true
	s.openPDF = widget.NewButtonWithIcon("打开PDF", theme.FileIcon(), func() { s.open(s.lastPath) })
	s.openDir = widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { s.open(filepath.Dir(s.lastPath)) })
	s.lockBtn = widget.NewButtonWithIcon("标记为已上报", lockIcon, s.onLockTapped)
	s.result = container.NewVBox(s.pathLabel, container.NewHBox(s.openPDF, s.openDir, s.lockBtn))
	s.result.Hide()
	s.lockIconW = widget.NewIcon(lockIcon)
	s.lockIconW.Hide()
	s.lockState = widget.NewLabel("")
	s.unlockBtn = widget.NewButton("解锁…", s.onUnlockTapped)
	s.unlockBtn.Hide()
	s.recentBox = container.NewVBox()
	s.lockRow = container.NewHBox(minWidth(s.round, 110), s.lockIconW, s.lockState, s.unlockBtn)

	form := widget.NewForm(
		widget.NewFormItem("报表", container.NewVBox(s.kind, s.kindLater)),
		widget.NewFormItem("届次", s.lockRow),
		widget.NewFormItem("乡镇", s.township),
		widget.NewFormItem("填报日期", s.dateRow),
		widget.NewFormItem("签字栏", s.signers),
	)
	form.Items[4].HintText = "负责人、审核人、填表人、联系电话取自“设置”"
	title := widget.NewLabelWithStyle("报表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	recentTitle := widget.NewLabelWithStyle("最近生成的报表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.body = container.NewVBox(title, form, container.NewHBox(s.genBtn, s.verifyButton()), s.progress, s.status, s.result,
		widget.NewSeparator(), recentTitle, s.recentBox)
	return container.NewPadded(container.NewVScroll(s.body))
}

// refresh reloads the rounds, townships and signatories, keeping the clerk's choices when
// they still exist.
func (s *reportsScreen) refresh() {
	if s.round == nil {
		return
	}
	ctx := s.u.ctx()
	st := s.u.deps.Store
	set, err := st.Settings(ctx)
	if err != nil {
		s.u.showError("读取设置失败", err)
		return
	}
	rounds, err := st.Rounds(ctx)
	if err != nil {
		s.u.showError("读取届次失败", err)
		return
	}
	ts, err := st.Townships(ctx)
	if err != nil {
		s.u.showError("读取乡镇失败", err)
		return
	}
	opts := make([]string, len(rounds))
	for i, r := range rounds {
		opts[i] = strconv.Itoa(r)
	}
	prev := s.round.Selected
	s.round.SetOptions(opts)
	switch {
	case repContains(opts, prev):
		s.round.SetSelected(prev)
	case set.Round > 0 && repContains(opts, strconv.Itoa(set.Round)):
		s.round.SetSelected(strconv.Itoa(set.Round))
	case len(opts) > 0:
		s.round.SetSelected(opts[0])
	default:
		s.round.ClearSelected()
	}

	names := []string{repAll}
	for _, t := range ts {
		names = append(names, t.Name)
	}
	prevT := s.township.Selected
	s.township.SetOptions(names)
	if repContains(names, prevT) {
		s.township.SetSelected(prevT)
	} else {
		s.township.SetSelected(repAll)
	}
	if strings.TrimSpace(s.date.Text) == "" {
		s.date.SetText(data.FormatDate(s.u.deps.Now()))
	}
	s.signers.SetText(repSigners(set))
	s.loadLocks()
	s.listRecent(settingsFolder(set, s.u.deps.DBPath))
	s.genBtn.Enable()
	if len(opts) == 0 {
		s.genBtn.Disable()
		s.status.SetText("还没有换届数据，请先在“数据”中导入工作簿或在“概览”载入示例数据。")
	} else if s.result.Hidden {
		s.status.SetText("")
	}
}

func (s *reportsScreen) checkDate() (time.Time, bool) {
	d, err := data.ParseDate(s.date.Text)
	if err == nil && d.IsZero() {
		err = errors.New("请填写填报日期")
	}
	if err != nil {
		s.dateErr.SetText(err.Error())
	} else {
		s.dateErr.SetText("")
	}
	s.dateRow.Refresh()
	return d, err == nil
}

// repRequest is one generation, read from the widgets on the UI goroutine.
type repRequest struct {
	kind     string // one of repKinds
	round    int
	township string // "" for all
	date     time.Time
}

// onGenerate writes the PDF in the background; the button stays disabled and an infinite
// progress bar runs until it is done.
func (s *reportsScreen) onGenerate() {
	round, err := strconv.Atoi(s.round.Selected)
	if err != nil {
		s.status.SetText("请先选择届次")
		return
	}
	date, ok := s.checkDate()
	if !ok {
		s.status.SetText("填报日期有误，请改正后再生成")
		return
	}
	req := repRequest{kind: s.kind.Selected, round: round, date: date}
	if _, ok := reports.KindTitled(req.kind); !ok {
		s.status.SetText("请先选择报表")
		return
	}
	if t := s.township.Selected; t != repAll {
		req.township = t
	}
	s.genBtn.Disable()
	s.result.Hide()
	s.status.SetText("正在生成报表…")
	s.progress.Show()
	s.progress.Start()
	s.body.Refresh()
	inBackground(&s.busy, func() {
		path, err := repGenerate(s.u.ctx(), s.u.deps.Store, s.u.deps.DBPath, req)
		onUI(func() {
			s.progress.Stop()
			s.progress.Hide()
			s.genBtn.Enable()
			s.lastErr = err
			s.body.Refresh()
			if err != nil {
				s.status.SetText("生成失败：" + err.Error())
				s.u.showError("生成报表失败", err)
				return
			}
			s.lastPath = path
			s.lastReq = req
			s.status.SetText("报表已生成：")
			s.pathLabel.SetText(path)
			s.lockBtn.SetText(fmt.Sprintf("标记为已上报（锁定%d年届次）", req.round))
			s.showLock()
			s.result.Show()
			s.listRecent(filepath.Dir(path))
			s.body.Refresh()
			if li, err := readLockInfo(s.u); err == nil && li.reopened[req.round] {
				s.offerRelock(req)
			}
		})
	})
}

// offerRelock asks, after the report of a round unlocked since its report, whether to mark
// the round 已上报 again: the report just made is the one to hand in.
func (s *reportsScreen) offerRelock(req repRequest) {
	msg := fmt.Sprintf("%d年届次上报后曾解锁修改，报表已按修改后的数据重新生成。\n\n"+
		"上报这份报表后，要把%d年届次重新标记为已上报并锁定吗？锁定后各台账只读，修改须再次说明原因解锁。", req.round, req.round)
	s.lockConfirm = dialog.NewConfirm("重新上报并锁定？", msg, func(ok bool) {
		s.lockConfirm = nil
		if ok {
			s.lockRound(req.round, req.kind)
		}
	}, s.u.win)
	s.lockConfirm.SetConfirmText("重新标记为已上报")
	s.lockConfirm.SetDismissText("以后再说")
	s.lockConfirm.Show()
}

// open asks the operating system to open a file or folder; without an opener (tests) it
// only records the path.
func (s *reportsScreen) open(path string) {
	s.opened = append(s.opened, path)
	if s.u.deps.Open == nil || path == "" {
		return
	}
	if err := s.u.deps.Open(path); err != nil {
		s.u.showError("无法打开 "+path, err)
	}
}

// repGenerate builds the requested report from the round's ledger in the store and writes
// it atomically to the report folder of 设置 as {乡镇}{报表}{届次}.pdf; it returns the path.
func repGenerate(ctx context.Context, st data.Store, dbPath string, req repRequest) (string, error) {
	kind, ok := reports.KindTitled(req.kind)
	if !ok {
		return "", fmt.Errorf("未知的报表“%s”", req.kind)
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return "", fmt.Errorf("读取设置失败：%w", err)
	}
	// A report of several townships is read one township at a time (Kind.Each), as the
	// CLI reads it: the memory of one township, whatever the province.
	var src reports.Townships
	if tr, ok := st.(reports.TownshipReader); ok && req.township == "" {
		ts, err := st.Townships(ctx)
		if err != nil {
			return "", fmt.Errorf("读取乡镇失败：%w", err)
		}
		if len(ts) > 1 {
			src = reports.StoreTownships(ctx, tr, req.round)
		}
	}
	var l data.Ledger
	if src == nil {
		if l, err = st.Ledger(ctx, req.round); err != nil {
			return "", fmt.Errorf("读取台账失败：%w", err)
		}
		if req.township != "" {
			l = l.ForTownship(req.township)
		}
	}
	unit := set.Township
	if unit == "" {
		unit = req.township
	}
	meta := reports.Meta{Unit: unit, Leader: set.Leader, Reviewer: set.Reviewer, Preparer: set.Preparer, Phone: set.Phone, Date: req.date}

	folder := settingsFolder(set, dbPath)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", fmt.Errorf("无法创建报表文件夹 %s：%w", folder, err)
	}
	prefix := req.township
	if prefix == "" {
		prefix = set.Township
	}
	name := repFileName(prefix + req.kind + strconv.Itoa(req.round) + ".pdf")
	path := filepath.Join(folder, name)
	// The 填报日期 is also the reference date of 超期 complaints.
	opts := reports.Options{Round: req.round, Township: req.township, Date: req.date}
	if kind.Name == reports.Summary.Name {
		if ts, ok := st.(data.TownshipStore); ok && src != nil {
			opts.Previous, err = data.SumPreviousRates(ctx, ts, req.round) // one township at a time
		} else {
			opts.Previous, err = data.LoadPreviousRates(ctx, st, req.round, req.township)
		}
		if err != nil {
			return "", fmt.Errorf("读取上届台账失败：%w", err)
		}
	}
	err = atomicfile.Write(path, func(w io.Writer) error {
		if src != nil {
			_, err := kind.Each(w, src, opts, meta)
			return err
		}
		_, err := kind.Write(w, l, opts, meta)
		return err
	})
	if err != nil {
		return "", err
	}
	return path, nil
}

// repFileName replaces the characters Windows refuses in file names.
func repFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 32 {
			return '_'
		}
		return r
	}, name)
}

func repSigners(set data.Settings) string {
	v := func(s string) string {
		if s == "" {
			return "（未填）"
		}
		return s
	}
	return fmt.Sprintf("填报单位 %s　负责人 %s　审核人 %s　填表人 %s　联系电话 %s",
		v(set.Township), v(set.Leader), v(set.Reviewer), v(set.Preparer), v(set.Phone))
}

func repContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// loadLocks reads which rounds are locked and shows the chosen round's state.
func (s *reportsScreen) loadLocks() {
	ls, err := s.u.deps.Store.Locks(s.u.ctx())
	if err != nil {
		fyne.LogError("read round locks", err)
		ls = nil
	}
	s.locks = map[int]data.RoundLock{}
	for _, l := range ls {
		s.locks[l.Round] = l
	}
	s.showLock()
}

// chosenRound is the round picked, 0 when none.
func (s *reportsScreen) chosenRound() int {
	r, _ := strconv.Atoi(s.round.Selected)
	return r
}

// showLock shows beside the round whether it is 已上报 (with 解锁…), and whether the last
// report's round can still be marked 已上报.
func (s *reportsScreen) showLock() {
	if s.lockState == nil {
		return
	}
	r := s.chosenRound()
	if l, ok := s.locks[r]; ok && r != 0 {
		s.lockIconW.Show()
		s.lockState.SetText(lockText(l))
		s.lockState.Importance = widget.WarningImportance
		s.unlockBtn.Show()
	} else {
		s.lockIconW.Hide()
		s.lockState.Importance = widget.MediumImportance
		if r != 0 {
			s.lockState.SetText("未上报（可修改）")
		} else {
			s.lockState.SetText("")
		}
		s.unlockBtn.Hide()
	}
	s.lockState.Refresh()
	s.lockRow.Refresh()
	if _, locked := s.locks[s.lastReq.round]; locked || s.lastReq.round == 0 {
		s.lockBtn.Disable()
	} else {
		s.lockBtn.Enable()
	}
}

// onLockTapped asks before marking the last report's round 已上报.
func (s *reportsScreen) onLockTapped() {
	req := s.lastReq
	if req.round == 0 {
		return
	}
	msg := fmt.Sprintf("标记为已上报后，%d年届次的换届、两委成员、乡镇班子，%d年的党组织台账、信访举报和约谈都不能再修改或导入，"+
		"除非说明原因解锁（记入操作日志）。\n\n确定把%d年届次标记为已上报吗？", req.round, req.round, req.round)
	s.lockConfirm = dialog.NewConfirm("标记为已上报", msg, func(ok bool) {
		s.lockConfirm = nil
		if ok {
			s.lockRound(req.round, req.kind)
		}
	}, s.u.win)
	s.lockConfirm.SetConfirmText("标记为已上报")
	s.lockConfirm.SetDismissText("取消")
	s.lockConfirm.Show()
}

// lockRound locks a round with the report's name as the note.
func (s *reportsScreen) lockRound(round int, note string) {
	if err := s.u.deps.Store.Lock(s.u.ctx(), round, note); err != nil {
		s.lastErr = err
		s.u.showError("标记为已上报失败", err)
		return
	}
	s.status.SetText(fmt.Sprintf("%d年届次已标记为已上报并锁定。", round))
	s.loadLocks()
}

// onUnlockTapped asks for the reason and unlocks the chosen round.
func (s *reportsScreen) onUnlockTapped() {
	r := s.chosenRound()
	if r == 0 {
		return
	}
	s.u.askUnlock(r, func() {
		s.status.SetText(fmt.Sprintf("%d年届次已解锁，可以修改。修改完成后请重新生成报表并再次标记为已上报。", r))
		s.loadLocks()
	})
}

// repRecentFiles lists the newest PDFs of a folder, newest first.
func repRecentFiles(folder string, max int) []repFile {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil
	}
	var out []repFile
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".pdf") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, repFile{path: filepath.Join(folder, e.Name()), mod: fi.ModTime()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].mod.Equal(out[j].mod) {
			return out[i].mod.After(out[j].mod)
		}
		return out[i].path < out[j].path
	})
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// listRecent shows the last reports of the folder, each with 打开.
func (s *reportsScreen) listRecent(folder string) {
	s.recent = repRecentFiles(folder, repRecentMax)
	s.recentBox.RemoveAll()
	if len(s.recent) == 0 {
		s.recentBox.Add(widget.NewLabel("还没有生成过报表（报表保存在 " + folder + "）。"))
		return
	}
	for _, f := range s.recent {
		path := f.path
		name := widget.NewLabel(filepath.Base(path))
		name.Truncation = fyne.TextTruncateEllipsis
		when := widget.NewLabel(f.mod.In(time.Local).Format("2006-01-02 15:04"))
		open := widget.NewButtonWithIcon("打开", theme.FileIcon(), func() { s.open(path) })
		open.Importance = widget.LowImportance
		s.recentBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(when, open), name))
	}
}
