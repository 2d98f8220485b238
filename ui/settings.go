package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"liangwei/data"
)

func init() { register("设置", newSettingsScreen) }

// settingsScreen is 设置: the clerk's unit and signatories for the reports, the current round
// and the folder reports go to.
type settingsScreen struct {
	u *UI

	township  *widget.Entry
	county    *widget.Entry
	leader    *widget.Entry
	reviewer  *widget.Entry
	preparer  *widget.Entry
	phone     *widget.Entry
	phoneErr  *widget.Label // why the phone is not a phone number
	phoneRow  *fyne.Container
	round     *widget.Entry
	roundErr  *widget.Label
	roundRow  *fyne.Container
	folder    *widget.Entry
	folderBtn *widget.Button
	dbPath    *widget.Label
	saveBtn   *widget.Button
	status    *widget.Label

	// dirty is set when the clerk edits a field, so a refresh does not wipe unsaved edits.
	dirty   bool
	loading bool
}

func newSettingsScreen(u *UI) screen { return &settingsScreen{u: u} }

func (s *settingsScreen) content() fyne.CanvasObject {
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = placeholder
		e.OnChanged = func(string) { s.onEdit() }
		return e
	}
	s.township = entry("例如：城关镇")
	s.county = entry("例如：某某县")
	s.leader = entry("")
	s.reviewer = entry("")
	s.preparer = entry("")
	s.phone = entry("如 0537-5212345 或 13805310000")
	s.phoneErr = widget.NewLabel("")
	s.phoneErr.Importance = widget.DangerImportance
	s.phoneRow = container.NewHBox(container.NewGridWrap(fyne.NewSize(260, s.phone.MinSize().Height), s.phone), s.phoneErr)
	s.round = entry("例如 2026")
	s.roundErr = widget.NewLabel("")
	s.roundErr.Importance = widget.DangerImportance
	s.roundRow = container.NewHBox(container.NewGridWrap(fyne.NewSize(160, s.round.MinSize().Height), s.round), s.roundErr)
	s.folder = entry("")
	s.folderBtn = widget.NewButtonWithIcon("选择…", theme.FolderOpenIcon(), s.onChooseFolder)
	s.dbPath = widget.NewLabel(s.u.deps.DBPath)
	s.dbPath.Wrapping = fyne.TextWrapBreak
	s.dbPath.Selectable = true
	s.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.status = widget.NewLabel("")

	// The labels are the settings' names in data, the names the audit log shows them by.
	inputs := map[string]fyne.CanvasObject{
		"township": s.township, "county": s.county, "leader": s.leader, "reviewer": s.reviewer,
		"preparer": s.preparer, "phone": s.phoneRow, "round": s.roundRow,
		"data_folder": container.NewBorder(nil, nil, nil, s.folderBtn, s.folder),
	}
	form := widget.NewForm()
	for _, set := range data.SettingNames {
		form.Append(set.Name, inputs[set.Key])
	}
	form.Append("数据库文件", s.dbPath)
	form.Items[0].HintText = "报表标题和“填报单位”用这个名称"
	form.Items[6].HintText = "留空则用数据中最新的届次"
	form.Items[7].HintText = "生成的报表保存在这里"
	title := widget.NewLabelWithStyle("设置", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(title, form, container.NewHBox(s.saveBtn, s.status))
	return container.NewPadded(container.NewVScroll(body))
}

// refresh loads the saved settings unless the clerk has unsaved edits.
func (s *settingsScreen) refresh() {
	if s.township == nil || s.dirty {
		return
	}
	set, err := s.u.deps.Store.Settings(s.u.ctx())
	if err != nil {
		s.u.showError("读取设置失败", err)
		return
	}
	s.loading = true
	defer func() { s.loading = false }()
	s.township.SetText(set.Township)
	s.county.SetText(set.County)
	s.leader.SetText(set.Leader)
	s.reviewer.SetText(set.Reviewer)
	s.preparer.SetText(set.Preparer)
	s.phone.SetText(set.Phone)
	if set.Round > 0 {
		s.round.SetText(strconv.Itoa(set.Round))
	} else {
		s.round.SetText("")
	}
	s.folder.SetText(settingsFolder(set, s.u.deps.DBPath))
	s.dbPath.SetText(s.u.deps.DBPath)
	s.checkRound()
	s.checkPhone()
	s.dirty = false
}

// checkPhone shows beside 联系电话 why it is not a phone number (the rule of data.PhoneProblem,
// the same as the forms'), and reports whether it is one (or empty).
func (s *settingsScreen) checkPhone() bool {
	msg := data.PhoneProblem(s.phone.Text)
	s.phoneErr.SetText(msg)
	s.phoneRow.Refresh()
	return msg == ""
}

func (s *settingsScreen) onEdit() {
	if s.loading {
		return
	}
	s.dirty = true
	s.status.SetText("")
	s.checkRound()
	s.checkPhone()
}

// checkRound shows the error of the round field next to it; it returns the round (0 when
// empty) and whether it is valid.
func (s *settingsScreen) checkRound() (int, bool) {
	text := strings.TrimSpace(s.round.Text)
	r, err := 0, error(nil)
	if text != "" {
		r, err = data.ParseRound(text)
	}
	if err != nil {
		s.roundErr.SetText(err.Error())
	} else {
		s.roundErr.SetText("")
	}
	s.roundRow.Refresh()
	return r, err == nil
}

// onSave writes the settings; a bad round is refused with the reason.
func (s *settingsScreen) onSave() {
	round, ok := s.checkRound()
	if !s.checkPhone() {
		s.status.SetText("未保存：联系电话有误（" + s.phoneErr.Text + "）")
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	if !ok {
		s.status.SetText("未保存：当前届次有误")
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	set := data.Settings{
		Township:   strings.TrimSpace(s.township.Text),
		County:     strings.TrimSpace(s.county.Text),
		Leader:     strings.TrimSpace(s.leader.Text),
		Reviewer:   strings.TrimSpace(s.reviewer.Text),
		Preparer:   strings.TrimSpace(s.preparer.Text),
		Phone:      strings.TrimSpace(s.phone.Text),
		Round:      round,
		DataFolder: strings.TrimSpace(s.folder.Text),
	}
	if err := s.u.deps.Store.SaveSettings(s.u.ctx(), set); err != nil {
		s.u.showError("保存设置失败", err)
		return
	}
	s.dirty = false
	s.u.changed()
	s.status.SetText("已保存")
	s.status.Importance = widget.SuccessImportance
	s.status.Refresh()
}

func (s *settingsScreen) onChooseFolder() {
	s.u.openFolder("选择存放报表和导出文件的文件夹", s.folder.Text, s.folder.SetText)
}

// settingsFolder is the folder reports and exports go to: the one in 设置, else the
// default of settingsDefaultFolder.
func settingsFolder(set data.Settings, dbPath string) string {
	if set.DataFolder != "" {
		return set.DataFolder
	}
	return settingsDefaultFolder(dbPath)
}

// settingsDefaultFolder is the user's Documents/两委台账, or the database's folder when there
// is no home directory.
func settingsDefaultFolder(dbPath string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, "Documents", "两委台账")
	}
	if dbPath != "" {
		return filepath.Dir(dbPath)
	}
	return "."
}

// settingsLister returns the folder as a location for a file dialog, or nil when it does not
// exist (the dialog then starts in its own default).
func settingsLister(folder string) fyne.ListableURI {
	if folder == "" {
		return nil
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(folder))
	if err != nil {
		return nil
	}
	return l
}
