// Package atomicfile writes report and workbook files so that a failed or interrupted write
// never leaves half a file under the real name: it writes a temporary file in the same
// folder, syncs it and renames it into place.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what write produces. On any error the old file, if
// there was one, is untouched and no temporary file is left behind. Errors are in Chinese.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 中创建文件：%v", dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("写入 %s 失败：%v", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("写入 %s 失败：%v", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%v", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("无法保存 %s（文件是否正被 Excel 或 PDF 阅读器打开？）：%v", path, err)
	}
	return nil
}
