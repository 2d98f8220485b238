package startup

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"liangwei/data/sqlite"
	"liangwei/demo"
	"liangwei/ui"
)

// BenchmarkStartCity opens the database of a whole city (62 townships, 5,252 villages,
// 47,989 members) and builds the program's window content, as cmd/liangwei does before
// ShowAndRun.
func BenchmarkStartCity(b *testing.B) {
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	path := filepath.Join(b.TempDir(), "city.db")
	st, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Import(context.Background(), demo.City(today).Merged(), "bench"); err != nil {
		b.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		win := test.NewTempWindow(b, widget.NewLabel(""))
		win.SetContent(ui.New(a, win, ui.Deps{Store: st, DBPath: path, Now: func() time.Time { return today }, LoadDemo: demo.Load}))
		win.Resize(fyne.NewSize(1366, 768))
		b.StopTimer()
		st.Close() // the window is closed by NewTempWindow's cleanup
		b.StartTimer()
	}
}
