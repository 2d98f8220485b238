// Command liangwei is 两委台账, the desktop program: it opens the ledger database (creating it
// on first use) and shows the main window. It is the only importer of the Fyne app driver and
// needs cgo with the OpenGL/X11 headers to build.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"liangwei/assets"
	"liangwei/data/sqlite"
	"liangwei/demo"
	"liangwei/ui"
)

func main() {
	dbFlag := flag.String("db", "", "数据库文件（默认：环境变量 LIANGWEI_DB，或用户配置目录下的 liangwei/liangwei.db）")
	flag.Parse()

	a := app.NewWithID("cn.liangwei.ledger")
	a.Settings().SetTheme(ui.Theme())
	icon := fyne.NewStaticResource("icon.png", assets.Icon)
	a.SetIcon(icon)
	w := a.NewWindow("两委台账")
	w.SetIcon(icon)

	path, st, err := openStore(*dbFlag)
	if err != nil {
		fyne.LogError("open database", err)
		w.SetContent(errorView(a, err))
		w.Resize(fyne.NewSize(640, 240))
		w.CenterOnScreen()
		w.ShowAndRun()
		os.Exit(1)
	}
	defer st.Close()
	if st.ReadOnly() {
		w.SetTitle("两委台账（只读：文件或文件夹不允许写入，只能查看）")
	}
	// The size of the screen's work area less the title bar (1366×697 on a 1366×768
	// laptop with its taskbar), or the size the window had when last closed.
	tall := sizeWindow(a, w)
	w.SetContent(ui.New(a, w, ui.Deps{Store: st, DBPath: path, Now: time.Now, Open: openWithOS, LoadDemo: demo.Load,
		// Once the window is up: the integrity check (a damaged ledger gets one dialog offering
		// the newest sound backup), then a backup a day; failures are logged, never in the way.
		CheckAtStart: true,
		BeforeClose: func() {
			x, y, ok := windowPos(w)
			ui.SaveWindow(a.Preferences(), w.Canvas().Size(), x, y, ok)
		}}))
	w.SetMaster()
	w.Show()
	placeWindow(w, tall)
	a.Run()
}

// openStore opens the database named by --db, $LIANGWEI_DB or the default location.
func openStore(path string) (string, *sqlite.Store, error) {
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			return "", nil, fmt.Errorf("找不到存放数据库的文件夹：%v", err)
		}
		path = p
	}
	st, err := sqlite.Open(path)
	if err != nil {
		// The store's message already names the file and says what is wrong (another
		// program holding the ledger, a damaged or foreign file).
		return path, nil, err
	}
	return path, st, nil
}

// errorView tells the clerk why the program cannot start, instead of closing silently.
func errorView(a fyne.App, err error) fyne.CanvasObject {
	msg := widget.NewLabel(err.Error() + "\n\n请检查该文件是否被其他程序占用、磁盘是否已满，或用 --db 指定另一个数据库文件。")
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("退出", a.Quit)
	return container.NewBorder(widget.NewLabelWithStyle("两委台账无法启动", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(quit), nil, nil, msg)
}

// openWithOS opens a file or folder with the program the operating system associates with it.
func openWithOS(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("无法打开 %s：%v", path, err)
	}
	go cmd.Wait() // reap the child; its exit status does not matter
	return nil
}
