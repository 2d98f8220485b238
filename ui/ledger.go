package ui

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

// ledger is what every ledger screen (村庄, 换届, 两委成员, …) has in common: the table of
// records, the 新增 / 编辑 / 删除 buttons, the status line, the form and the delete question.
// A screen embeds it, so tests reach s.table, s.status, s.form and s.confirm as before.
type ledger[T any] struct {
	u *UI

	table     *ledgerTable[T]
	addBtn    *tipButton
	editBtn   *tipButton
	deleteBtn *tipButton
	status    *widget.Label // what the last action did

	form    *editForm             // the form last opened
	confirm *dialog.ConfirmDialog // the delete question, while shown

	loader
	ledgerLock[T]                   // the round's 已上报 state (ledgerlock.go); off until initLock
	id            func(T) int64     // a record's ID, to select the one just saved
	selectID      int64             // select this record after the next load (the one just saved)
	noSelection   string            // what 编辑 and 删除 say when no row is selected
	view          fyne.CanvasObject // the screen's layout, made by the first content()
}

// initActions makes the buttons and the status line; 编辑 and 删除 are enabled while a row is
// selected. A screen that does more on selection sets its own table.onSelect first, calling
// updateButtons.
func (l *ledger[T]) initActions(onAdd, onEdit, onDelete func()) {
	if l.table.onSelect == nil {
		l.table.onSelect = func(T) { l.updateButtons() }
	}
	l.addBtn = newTipButton("新增", theme.ContentAddIcon(), onAdd)
	l.editBtn = newTipButton("编辑", theme.DocumentCreateIcon(), onEdit)
	l.deleteBtn = newTipButton("删除", theme.DeleteIcon(), onDelete)
	// A double click or Enter on a row opens it, as 编辑 does (when 编辑 may).
	l.table.onActivate = func(T) {
		if !l.editBtn.Disabled() {
			onEdit()
		} else if l.editBtn.tip != "" {
			l.status.SetText(l.editBtn.tip)
		}
	}
	l.status = widget.NewLabel("")
	l.status.Truncation = fyne.TextTruncateEllipsis
	l.updateButtons()
}

// updateButtons enables 编辑 and 删除 while a row is selected, and 新增, 编辑 and 删除 only
// for a round that is not locked (已上报): then they say, on hover, how to unlock.
func (l *ledger[T]) updateButtons() {
	set := func(b *tipButton, on bool, round int) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
		if l.roundLocked(round) {
			b.Disable()
			b.setTip(lockedTip(round))
		} else {
			b.setTip("")
		}
	}
	round := 0
	if l.lockRound != nil {
		round = l.lockRound()
	}
	set(l.addBtn, true, round)
	r, ok := l.table.selectedRecord()
	if ok && l.recordRound != nil {
		round = l.recordRound(r)
	}
	set(l.editBtn, ok, round)
	set(l.deleteBtn, ok, round)
}

// searchEntry is the search box Ctrl+F focuses.
func (l *ledger[T]) searchEntry() fyne.Focusable { return l.table.search }

// selected is the selected record; without one the status line asks the clerk to pick one.
func (l *ledger[T]) selected() (T, bool) {
	r, ok := l.table.selectedRecord()
	if !ok {
		l.status.SetText(l.noSelection)
	}
	return r, ok
}

// selectSaved selects the record just saved, once the load after the save shows it.
func (l *ledger[T]) selectSaved() {
	l.loadLock()
	if id := l.selectID; id != 0 {
		l.selectID = 0
		l.table.selectWhere(func(r T) bool { return l.id(r) == id })
	}
}

// saved says msg in the status line after a save, and reloads every screen; this one
// selects the record saved (id) once it shows.
func (l *ledger[T]) saved(msg string, id int64) {
	l.status.SetText(msg)
	l.selectID = id
	l.u.changed()
}

// frame is the screen's layout: filters and the buttons above the table, bottom below it.
func (l *ledger[T]) frame(filters, bottom fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(l.addBtn, l.editBtn, l.deleteBtn), filters)
	if l.lockBar != nil {
		top = container.NewVBox(top, l.lockBar)
	}
	return container.NewBorder(top, bottom, nil, nil, l.table.body)
}

// statusLine is left (the count of rows shown, and any other counts) beside the status.
func (l *ledger[T]) statusLine(left fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, left, nil, l.status)
}

// confirmDelete asks before moving what to the recycle bin (notes are extra lines of the
// question), then deletes it with del and says so in the status line. A record of a locked
// round asks for the unlock first, then deletes. A failure shows title+"失败".
func (l *ledger[T]) confirmDelete(title, what string, del func() error, notes ...string) {
	u := l.u
	var run func()
	run = func() {
		if err := del(); err != nil {
			if u.handleLocked(err, run) { // a locked round: unlock with a reason, then delete again
				return
			}
			u.showError(title+"失败", err)
			return
		}
		l.status.SetText("已将“" + what + "”移到回收站，可在“数据”→“回收站”中恢复。")
		u.changed()
	}
	msg := "确定删除“" + what + "”吗？\n"
	for _, n := range notes {
		msg += n + "\n"
	}
	msg += "删除后可在“数据”→“回收站”中恢复。"
	l.confirm = dialog.NewConfirm(title, msg, func(ok bool) {
		l.confirm = nil
		if ok {
			run()
		}
	}, u.win)
	l.confirm.SetConfirmText("删除")
	l.confirm.SetDismissText("取消")
	l.confirm.SetConfirmImportance(widget.DangerImportance)
	l.confirm.Show()
}

// filterValue is a filter's choice, or "" when it shows everything.
func filterValue(sel *widget.Select) string {
	if sel.SelectedIndex() <= 0 {
		return ""
	}
	return sel.Selected
}

// loader numbers a screen's loads and counts those in flight, so that only the newest is
// shown and tests can wait for them.
type loader struct {
	loads sync.WaitGroup // loads in flight; tests wait on it
	gen   atomic.Int64   // the newest load; older results are dropped
}

// wait blocks until the loads started so far have been shown (for tests).
func (l *loader) wait() { l.loads.Wait() }

// refreshLater runs read off the UI goroutine, counted in wg, then show on the UI goroutine
// with what it read, unless a later call with the same gen has started meanwhile: a slow
// read never overwrites a newer one.
func refreshLater[T any](wg *sync.WaitGroup, gen *atomic.Int64, read func() (T, error), show func(T, error)) {
	g := gen.Add(1)
	inBackground(wg, func() {
		v, err := read()
		onUI(func() {
			if gen.Load() != g {
				return
			}
			show(v, err)
		})
	})
}

// loadLedger is refreshLater for a ledger screen's loader: a failed read shows an error
// titled failed, a good one goes to apply, and the table says 正在读取… until then. read
// runs off the UI goroutine: a screen of many rows orders them and makes their table rows
// (prepare) there too, so that apply only puts them in.
func loadLedger[T, V any](l *ledger[T], failed string, read func() (V, error), apply func(V)) {
	l.table.setLoading(true)
	refreshLater(&l.loads, &l.gen, read, func(v V, err error) {
		l.table.setLoading(false)
		if err != nil {
			l.u.showError(failed, err)
			return
		}
		apply(v)
	})
}

// roundChoice is the 届次 drop-down of a screen that shows one round at a time (换届, 两委成员,
// 乡镇班子), and the round it shows.
type roundChoice struct {
	roundSel      *widget.Select // choosing a round reloads from the store
	round         int            // the round shown; 0 until the first load picks one
	settingsRound int            // 设置's round at the last load, to notice a change
	settingR      bool           // roundSel is being set by code
}

// roundLoad is what a round screen's load reads besides its records.
type roundLoad struct {
	round         int   // the round to show
	settingsRound int   // 设置's current round
	rounds        []int // the rounds on record, newest first
}

// initRounds makes the drop-down; the clerk's choice of another round calls reload.
func (rc *roundChoice) initRounds(reload func()) {
	rc.roundSel = widget.NewSelect(nil, func(label string) {
		if rc.settingR {
			return
		}
		r, err := data.ParseRound(label)
		if err != nil || r == rc.round {
			return
		}
		rc.round = r
		reload()
	})
	rc.roundSel.PlaceHolder = "届次"
}

// roundLabel is how a round or year shows in a drop-down: 2026年.
func roundLabel(r int) string { return fmt.Sprintf("%d年", r) }

// roundBar puts the drop-down before the table's toolbar.
func (rc *roundChoice) roundBar(toolbar fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, minWidth(rc.roundSel, 110), nil, toolbar)
}

// showRounds offers the rounds on record and the one shown, newest first, and selects it.
func (rc *roundChoice) showRounds(l roundLoad) {
	rc.round, rc.settingsRound = l.round, l.settingsRound
	rounds := append([]int(nil), l.rounds...)
	if !slices.Contains(rounds, l.round) {
		rounds = append(rounds, l.round)
	}
	slices.SortFunc(rounds, func(a, b int) int { return b - a })
	opts := make([]string, len(rounds))
	for i, r := range rounds {
		opts[i] = roundLabel(r)
	}
	rc.settingR = true
	rc.roundSel.SetOptions(opts)
	rc.roundSel.SetSelected(roundLabel(l.round))
	rc.settingR = false
}

// pickRound is the round a load shows: 设置's round when set and changed since the last
// load (seen), else the round shown, else the newest on record (rounds are newest first),
// else this year. So the first load starts at 设置's round, and later loads keep the
// clerk's choice until 设置's round changes.
func pickRound(shown, settingsRound, seen int, rounds []int, now time.Time) int {
	round := shown
	if settingsRound > 0 && settingsRound != seen {
		round = settingsRound
	}
	if round == 0 {
		round = data.LatestRound(nil, now)
		if len(rounds) > 0 {
			round = rounds[0]
		}
	}
	return round
}

// roundRecords is what 换届 and 两委成员 read on each load: the round to show, every village
// (for the form's drop-downs) and the records of that round.
type roundRecords[T any] struct {
	roundLoad
	villages []data.Village
	records  []T
	rows     *tableRows[T] // the records as the table shows them (see readRoundRows)
}

// readRoundRecords reads a roundRecords; records reads one round's records from the store.
func readRoundRecords[T any](u *UI, shown, seen int, records func(context.Context, int) ([]T, error)) (roundRecords[T], error) {
	var l roundRecords[T]
	var err error
	if l.roundLoad, err = readRounds(u, shown, seen); err != nil {
		return l, err
	}
	ctx := u.ctx()
	if l.villages, err = u.deps.Store.Villages(ctx); err != nil {
		return l, err
	}
	l.records, err = records(ctx, l.round)
	return l, err
}

// readRoundRows is readRoundRecords with the records in the official order of their
// villages (key gives a record's township and village) and made into lt's rows: the whole
// load of a round screen, off the UI goroutine.
func readRoundRows[T any](u *UI, shown, seen int, records func(context.Context, int) ([]T, error),
	lt *ledgerTable[T], key func(T) (string, string)) (roundRecords[T], error) {
	l, err := readRoundRecords(u, shown, seen, records)
	if err != nil {
		return l, err
	}
	officialOrder(l.villages, l.records, key)
	l.rows = lt.prepare(l.records)
	return l, nil
}

// readRounds reads the rounds on record and 设置's round, and picks the round to show.
func readRounds(u *UI, shown, seen int) (roundLoad, error) {
	var l roundLoad
	var err error
	ctx, st := u.ctx(), u.deps.Store
	if l.rounds, err = st.Rounds(ctx); err != nil {
		return l, err
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return l, err
	}
	l.settingsRound = set.Round
	l.round = pickRound(shown, set.Round, seen, l.rounds, u.deps.Now())
	return l, nil
}

// townshipNames puts the townships' names, in pinyin order, in names (reusing its array).
func townshipNames(names []string, ts []data.Township) []string {
	names = names[:0]
	for _, t := range ts {
		names = append(names, t.Name)
	}
	sortChinese(names)
	return names
}

// villageTownships are the townships that have villages, in pinyin order.
func villageTownships(vs []data.Village) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		if !seen[v.Township] {
			seen[v.Township] = true
			out = append(out, v.Township)
		}
	}
	sortChinese(out)
	return out
}

// villageNames are the villages of a township, in pinyin order (merged ones too, so
// their history can be corrected).
func villageNames(vs []data.Village, township string) []string {
	var out []string
	for _, v := range vs {
		if v.Township == township {
			out = append(out, v.Name)
		}
	}
	sortChinese(out)
	return out
}

// followTownship makes a village drop-down offer the villages of the chosen township,
// clearing a choice that no longer belongs to it.
func followTownship(townshipSel, villageSel *widget.Select, names func(string) []string) {
	changed := townshipSel.OnChanged
	townshipSel.OnChanged = func(t string) {
		opts := names(t)
		villageSel.SetOptions(opts)
		if !slices.Contains(opts, villageSel.Selected) {
			villageSel.ClearSelected()
		}
		changed(t)
	}
}

// tellFirst says, in a dialog, what the clerk must enter before 新增 can work (villages
// before their elections, townships before complaints).
func (u *UI) tellFirst(title, msg string) {
	dialog.NewCustom(title, "知道了", widget.NewLabel(msg), u.win).Show()
}

// officialOrder sorts the rows of a ledger in the official order of their villages (区划代码,
// else pinyin: data.VillageOrder), keeping the store's order among one village's records:
// the order the ledger shows until the clerk sorts by a column. The villages named are
// ranked once each and the rows moved by rank, so a province's 480,000 members cost one
// pass rather than a comparison sort of the records.
func officialOrder[T any](vs []data.Village, rows []T, key func(T) (township, village string)) {
	o := data.NewVillageOrder(vs)
	slot := map[data.VillageKey]int32{}
	var keys []data.VillageKey
	rank := make([]int32, len(rows))
	for i := range rows {
		t, v := key(rows[i])
		k := data.VillageKey{Township: t, Village: v}
		s, ok := slot[k]
		if !ok {
			s = int32(len(keys))
			keys = append(keys, k)
			slot[k] = s
		}
		rank[i] = s
	}
	byKey := make([]int32, len(keys))
	for i := range byKey {
		byKey[i] = int32(i)
	}
	cmpKeys := func(a, b int32) int {
		return o.Compare(keys[a].Township, keys[a].Village, keys[b].Township, keys[b].Village)
	}
	slices.SortStableFunc(byKey, cmpKeys)
	keyRank := make([]int32, len(keys))
	r := int32(0)
	for j, k := range byKey {
		if j > 0 && cmpKeys(byKey[j-1], k) != 0 {
			r++
		}
		keyRank[k] = r
	}
	sorted := true
	for i := range rank {
		rank[i] = keyRank[rank[i]]
		sorted = sorted && (i == 0 || rank[i-1] <= rank[i])
	}
	if sorted {
		return
	}
	// Where each row goes: counted by rank, in the rows' order within one; then the rows
	// are moved there in place, cycle by cycle.
	at := make([]int32, len(keys)+1)
	for _, r := range rank {
		at[r+1]++
	}
	for r := 1; r < len(at); r++ {
		at[r] += at[r-1]
	}
	dest := rank // reused: rank[i] is read before dest[i] is written
	for i, r := range rank {
		dest[i] = at[r]
		at[r]++
	}
	for i := range rows {
		for int(dest[i]) != i {
			j := dest[i]
			rows[i], rows[j] = rows[j], rows[i]
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
}
