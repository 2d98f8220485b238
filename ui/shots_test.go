package ui

import (
	"context"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"liangwei/data"
)

// shotsDir is where TestScreenshots writes the PNGs of the user guide and the README:
// go test ./ui -run Screenshots -shots=../docs/screenshots. Without it nothing is written,
// but every screen is still drawn, so a screen that fails to render fails the test.
var shotsDir = flag.String("shots", "", "folder for the screenshots of every main screen (docs/screenshots)")

// TestScreenshots draws every main screen on the demo township, light theme, as a clerk sees
// them after 载入示例数据, plus the first-run welcome and an open member form: at the content
// size of the window on a 1366×768 screen with its taskbar (1366×697), and a few at the size
// on a 1920×1080 screen (1600×1000, in docs/screenshots/1920×1080).
func TestScreenshots(t *testing.T) {
	u, st := uibSetup(t)
	fyne.CurrentApp().Settings().SetTheme(fixedVariant{Theme(), theme.VariantLight})
	small := WindowSize(fyne.NewSize(1366, 768), fyne.Size{}, false)
	large := WindowSize(fyne.NewSize(1920, 1080), fyne.NewSize(1920, 1040), true)
	size, sub := small, ""
	u.win.Resize(size)
	shot := func(name string) {
		t.Helper()
		img := u.win.Canvas().Capture()
		if b := img.Bounds(); b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
			t.Fatalf("%s is %v, want %v: a screen needs more than the window has", name, b, size)
		}
		if *shotsDir == "" {
			return
		}
		dir := filepath.Join(*shotsDir, sub)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(f, shotPaletted(img)); err != nil {
			t.Fatal(err)
		}
	}
	show := func(label string) {
		t.Helper()
		u.goTo(label)
		waitScreens(u)
		if u.current != label {
			t.Fatalf("showing %s, want %s", u.current, label)
		}
	}

	shot("01-首次运行")
	ov := uibOverview(u)
	test.Tap(ov.demoBtn)
	ov.busy.Wait()
	// Reports and exports go to a folder as a clerk would choose it (and which does not exist
	// here), so the 报表 screen lists nothing of this machine.
	set, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	set.DataFolder = `D:\两委台账\报表`
	if err := st.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	u.changed()
	waitScreens(u)
	u.win.Resize(size)
	shot("02-概览")

	for _, s := range []struct{ label, file string }{
		{"村庄", "03-村庄"},
		{"换届", "04-换届"},
		{"两委成员", "05-两委成员"},
		{"党组织", "07-党组织"},
		{"乡镇班子", "08-乡镇班子"},
		{"信访举报", "09-信访举报"},
		{"约谈", "10-约谈"},
		{"候选人", "15-候选人"},
		{"村务监督委员会", "16-村务监督委员会"},
		{"任职变动", "17-任职变动"},
		{"离任审计", "18-离任审计"},
		{"发展党员", "19-发展党员"},
		{"表彰", "21-表彰"},
		{"报表", "11-报表"},
		{"数据", "12-数据"},
		{"设置", "13-设置"},
		{"操作日志", "14-操作日志"},
	} {
		show(s.label)
		shot(s.file)
		if s.label == "两委成员" {
			ms := u.screens["两委成员"].(*membersScreen)
			ms.table.table.Select(uiaCell(0))
			test.Tap(ms.editBtn)
			if ms.form == nil {
				t.Fatal("编辑 opened no member form")
			}
			shot("06-两委成员表单")
			ms.form.close()
		}
		if s.label == "发展党员" {
			ds := u.screens["发展党员"].(*villageKindScreen[data.Development])
			ds.table.table.Select(uiaCell(0))
			test.Tap(ds.editBtn)
			if ds.form == nil {
				t.Fatal("编辑 opened no development form")
			}
			shot("20-发展党员表单")
			ds.form.close()
		}
	}

	// On a 1920×1080 screen the columns share the extra width.
	size, sub = large, "1920×1080"
	u.win.Resize(size)
	for _, s := range []struct{ label, file string }{{"概览", "02-概览"}, {"两委成员", "05-两委成员"}, {"信访举报", "09-信访举报"}} {
		show(s.label)
		shot(s.file)
	}
}

// shotPaletted turns a screenshot into a 256-colour image, which keeps the PNGs near 100 KB:
// the 256 most frequent colours (the theme's, the common shades of anti-aliased text) form
// the palette and every other colour takes its nearest.
func shotPaletted(img image.Image) image.Image {
	b := img.Bounds()
	count := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			count[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}]++
		}
	}
	cs := make([]color.RGBA, 0, len(count))
	for c := range count {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if count[cs[i]] != count[cs[j]] {
			return count[cs[i]] > count[cs[j]]
		}
		a, b := cs[i], cs[j]
		return uint32(a.R)<<24|uint32(a.G)<<16|uint32(a.B)<<8|uint32(a.A) < uint32(b.R)<<24|uint32(b.G)<<16|uint32(b.B)<<8|uint32(b.A)
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range cs[:min(256, len(cs))] {
		pal = append(pal, c)
	}
	index := map[color.RGBA]uint8{}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}
