package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"liangwei/data"
)

func uibSettings(u *UI) *settingsScreen {
	u.goTo("设置")
	return u.screens["设置"].(*settingsScreen)
}

func TestSettingsSaveRoundTrips(t *testing.T) {
	u, st := uibSetup(t)
	s := uibSettings(u)
	if got := s.dbPath.Text; got != u.deps.DBPath {
		t.Errorf("database path shown = %q, want %q", got, u.deps.DBPath)
	}
	if got := s.folder.Text; !strings.HasSuffix(got, filepath.Join("Documents", "两委台账")) {
		t.Errorf("default report folder = %q, want the user's Documents/两委台账", got)
	}
	folder := t.TempDir()
	want := data.Settings{Township: "城关镇", County: "青山县", Leader: "王志刚", Reviewer: "李红梅",
		Preparer: "张晓雯", Phone: "0537-5212345", Round: 2026, DataFolder: folder}
	for _, f := range []struct {
		entry interface{ SetText(string) }
		text  string
	}{
		{s.township, want.Township}, {s.county, want.County}, {s.leader, want.Leader},
		{s.reviewer, want.Reviewer}, {s.preparer, want.Preparer}, {s.phone, want.Phone},
		{s.round, " 2026年 "}, {s.folder, folder},
	} {
		f.entry.SetText(f.text)
	}
	test.Tap(s.saveBtn)
	if got := s.status.Text; got != "已保存" {
		t.Errorf("status after 保存 = %q, want 已保存", got)
	}
	got, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("stored settings = %+v, want %+v", got, want)
	}

	// A fresh screen on the same store shows what was saved.
	fresh := newSettingsScreen(u).(*settingsScreen)
	fresh.content()
	fresh.refresh()
	for _, c := range []struct{ name, got, want string }{
		{"乡镇", fresh.township.Text, want.Township},
		{"负责人", fresh.leader.Text, want.Leader},
		{"联系电话", fresh.phone.Text, want.Phone},
		{"当前届次", fresh.round.Text, "2026"},
		{"报表文件夹", fresh.folder.Text, folder},
	} {
		if c.got != c.want {
			t.Errorf("reloaded %s = %q, want %q", c.name, c.got, c.want)
		}
	}
	uibShot(t, u, "settings")
}

func TestSettingsBadRoundIsRefused(t *testing.T) {
	for _, c := range []struct {
		name, round string
		wantOK      bool
		wantRound   int
	}{
		{"empty means latest", "", true, 0},
		{"year", "2021", true, 2021},
		{"letters", "二〇二六", false, 0},
		{"too early", "1900", false, 0},
		{"not a year", "20266", false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, st := uibSetup(t)
			s := uibSettings(u)
			s.township.SetText("城关镇")
			test.Type(s.round, c.round)
			if got := s.roundErr.Text != ""; got == c.wantOK {
				t.Errorf("error next to 当前届次 = %q, want an error: %v", s.roundErr.Text, !c.wantOK)
			}
			test.Tap(s.saveBtn)
			got, err := st.Settings(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if c.wantOK {
				if got.Township != "城关镇" || got.Round != c.wantRound {
					t.Errorf("stored = %+v, want township 城关镇 and round %d", got, c.wantRound)
				}
				return
			}
			if got != (data.Settings{}) {
				t.Errorf("a bad round was saved: %+v", got)
			}
			if !strings.Contains(s.status.Text, "未保存") {
				t.Errorf("status = %q, want it to say 未保存", s.status.Text)
			}
			uibShot(t, u, "settings-bad-round")
		})
	}
}

func TestSettingsDefaultFolder(t *testing.T) {
	for _, c := range []struct {
		name, home, db, want string
	}{
		{"home", "/home/clerk", "/data/x.db", filepath.Join("/home/clerk", "Documents", "两委台账")},
		{"no home", "", "/data/liangwei/x.db", "/data/liangwei"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("HOME", c.home)
			t.Setenv("USERPROFILE", c.home)
			if got := settingsDefaultFolder(c.db); got != c.want {
				t.Errorf("settingsDefaultFolder(%q) with HOME=%q = %q, want %q", c.db, c.home, got, c.want)
			}
		})
	}
}

// TestSettingsPhoneValidated: 联系电话 in 设置 must be a mobile number or a number with its
// area code, as in every form; a wrong one is refused with the reason beside the field.
func TestSettingsPhoneValidated(t *testing.T) {
	u, st := uibSetup(t)
	s := uibSettings(u)
	s.township.SetText("城关镇")
	s.phone.SetText("5212345")
	if !strings.Contains(s.phoneErr.Text, "区号") {
		t.Errorf("phone 5212345: message %q, want it to ask for the area code", s.phoneErr.Text)
	}
	test.Tap(s.saveBtn)
	if set, _ := st.Settings(context.Background()); set.Township != "" || !strings.HasPrefix(s.status.Text, "未保存：联系电话有误") {
		t.Errorf("saved %+v with a wrong phone; status %q", set, s.status.Text)
	}
	s.phone.SetText("0537-5212345")
	if s.phoneErr.Text != "" {
		t.Errorf("phone 0537-5212345: message %q, want none", s.phoneErr.Text)
	}
	test.Tap(s.saveBtn)
	if set, _ := st.Settings(context.Background()); set.Phone != "0537-5212345" {
		t.Errorf("saved phone %q", set.Phone)
	}
}
