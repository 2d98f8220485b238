package ui

import (
	_ "embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhTranslations are the Chinese texts of Fyne's own widgets and dialogs (the buttons of a
// confirmation, the file dialog, an entry's context menu, the weekday names), with every
// key of Fyne's base.en.json. Fyne bundles a zh_Hans file, but it says 好 and 不 for OK and
// No where a Chinese office program says 确定 and 否, so these replace it.
//
//go:embed zh.json
var zhTranslations []byte

// zhLocales are the locales the Chinese texts are registered for. lang picks the closest
// bundled translation to the operating system's locale, and falls back to English when none
// matches (a machine set to C or en_US); it offers no way to pin a language. The program is
// Chinese only (SPEC §8), so the Chinese texts go under English as well: whatever the
// locale, the clerk reads 确定 and 取消.
var zhLocales = []fyne.Locale{"en", "zh-Hans", "zh"}

var chineseOnce sync.Once

// UseChinese makes Fyne's own widgets and dialogs speak Chinese whatever the operating
// system's locale. New calls it; it is safe to call more than once.
func UseChinese() {
	chineseOnce.Do(func() {
		for _, l := range zhLocales {
			if err := lang.AddTranslationsForLocale(zhTranslations, l); err != nil {
				fyne.LogError("Chinese translations for "+l.String(), err)
			}
		}
	})
}
