package sqlite

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"liangwei/data"
)

// Read-only ledgers: tests as root make files read-only with chattr +i (root ignores file
// modes); the file-mode cases run in a child process as the user nobody through setpriv.

const roChildEnv = "LIANGWEI_RO_CHILD_DIR"

// checkReadOnly opens path, which must come up read-only: reading works, a change is
// refused in Chinese with data.ErrReadOnly, and nothing is left beside the file.
func checkReadOnly(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a read-only ledger: %v", err)
	}
	if !s.ReadOnly() {
		t.Errorf("ReadOnly() = false")
	}
	if vs, err := s.Villages(ctx); err != nil || len(vs) != 1 {
		t.Errorf("Villages = %v, %v; want the one village", vs, err)
	}
	if _, err := s.Ledger(ctx, 2026); err != nil {
		t.Errorf("Ledger: %v", err)
	}
	// The figures' own read-only connection (rawConn) opens it the same way.
	n := 0
	if err := s.EachTownship(ctx, 2026, func(l data.Ledger) error { n += len(l.Villages); return nil }); err != nil || n != 1 {
		t.Errorf("EachTownship read %d villages, %v; want the one village", n, err)
	}
	// A figure is computed and given, and not cached: nothing can be written.
	computed := 0
	for range 2 {
		if got, err := Cached(ctx, s, "ro", func() (int, error) { computed++; return 7, nil }); got != 7 || err != nil {
			t.Errorf("Cached = %d, %v; want 7", got, err)
		}
	}
	if computed != 2 {
		t.Errorf("computed %d times in two runs, want 2 (nothing cached)", computed)
	}
	// Township shares: read, computed, given, never kept.
	for range 2 {
		towns, villages := 0, 0
		err := EachPart(ctx, s, "ro", 2026, false, func(l data.Ledger) int { towns++; return len(l.Villages) },
			func(n int) { villages += n })
		if err != nil || towns != 1 || villages != 1 {
			t.Errorf("EachPart computed %d townships, %d villages, %v; want the one township computed each time", towns, villages, err)
		}
	}
	v := village("城关镇", "西关村")
	err = s.SaveVillage(ctx, &v)
	if !errors.Is(err, data.ErrReadOnly) || !strings.Contains(err.Error(), "只读") || strings.Contains(err.Error(), "readonly") {
		t.Errorf("SaveVillage = %v, want a Chinese read-only refusal", err)
	}
	if _, err := s.BackupNow(ctx); !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("BackupNow = %v, want a read-only refusal", err)
	}
	if made, err := s.AutoBackup(ctx, today); made || err != nil {
		t.Errorf("AutoBackup = %v, %v; want a quiet no", made, err)
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
	for _, suffix := range []string{"-shm", "-wal", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s left beside the read-only ledger", suffix)
		}
	}
}

// newLedgerFile makes a closed ledger with one village in dir.
func newLedgerFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "liangwei.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	saveVillages(t, s, "城关镇", "东关村")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func chattr(t *testing.T, flag, path string) bool {
	t.Helper()
	out, err := exec.Command("chattr", flag, path).CombinedOutput()
	if err != nil {
		t.Logf("chattr %s %s: %v %s", flag, path, err, out)
		return false
	}
	return true
}

func TestReadOnlyLedgerAsRoot(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("the chattr cases need root; TestReadOnlyLedgerByFileMode covers other users")
	}
	t.Run("immutable file", func(t *testing.T) {
		path := newLedgerFile(t, t.TempDir())
		if !chattr(t, "+i", path) {
			t.Skip("chattr +i is not supported on this file system")
		}
		defer chattr(t, "-i", path)
		checkReadOnly(t, path)
	})
	t.Run("immutable folder", func(t *testing.T) {
		dir := t.TempDir()
		path := newLedgerFile(t, dir)
		if !chattr(t, "+i", dir) {
			t.Skip("chattr +i is not supported on this file system")
		}
		defer chattr(t, "-i", dir)
		checkReadOnly(t, path)
	})
}

// TestReadOnlyChild is the child of TestReadOnlyLedgerByFileMode, run as nobody.
func TestReadOnlyChild(t *testing.T) {
	dir := os.Getenv(roChildEnv)
	if dir == "" {
		return
	}
	path := newLedgerFile(t, dir)

	// A read-only file: read-only opening, nothing left behind, then writable again.
	os.Chmod(path, 0o444)
	checkReadOnly(t, path)
	os.Chmod(path, 0o644)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open after the read-only run: %v", err)
	}
	v := village("城关镇", "西关村")
	if err := s.SaveVillage(ctx, &v); err != nil {
		t.Errorf("SaveVillage once writable: %v", err)
	}
	s.Close()

	// A read-only -shm left by an older version's read-only run does not block opening.
	if err := os.WriteFile(path+"-shm", make([]byte, 32768), 0o444); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open with a stale read-only -shm: %v", err)
	}
	if err := s.SaveVillage(ctx, &data.Village{Township: "城关镇", Name: "南关村", Kind: data.KindVillage, Status: data.VillageActive}); err != nil {
		t.Errorf("SaveVillage with a stale -shm removed: %v", err)
	}
	s.Close()

	// A folder without write permission: reading works.
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open in a read-only folder: %v", err)
	}
	if !s.ReadOnly() {
		t.Errorf("ReadOnly() = false in a read-only folder")
	}
	if vs, err := s.Villages(ctx); err != nil || len(vs) != 3 {
		t.Errorf("Villages in a read-only folder = %d, %v", len(vs), err)
	}
	n := 0
	if err := s.EachTownship(ctx, 0, func(l data.Ledger) error { n += len(l.Villages); return nil }); err != nil || n != 3 {
		t.Errorf("EachTownship in a read-only folder read %d villages, %v", n, err)
	}
	v = village("城关镇", "北关村")
	if err := s.SaveVillage(ctx, &v); !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("SaveVillage in a read-only folder = %v", err)
	}
	s.Close()
}

func TestReadOnlyLedgerByFileMode(t *testing.T) {
	if os.Getuid() != 0 {
		// Not root: run the child's cases here directly.
		t.Setenv(roChildEnv, t.TempDir())
		TestReadOnlyChild(t)
		return
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("as root, file modes need another user: setpriv is not installed")
	}
	// nobody must reach the test binary and the folder.
	top, err := os.MkdirTemp("", "liangwei-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(top)
	os.Chmod(top, 0o755)
	bin := filepath.Join(top, "sqlite.test")
	copyExec(t, os.Args[0], bin)
	dir := filepath.Join(top, "ledger")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "-test.run=^TestReadOnlyChild$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), roChildEnv+"="+dir, "HOME="+top)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the child as nobody failed: %v\n%s", err, &out)
	}
	if !strings.Contains(out.String(), "--- PASS: TestReadOnlyChild") {
		t.Fatalf("the child did not run:\n%s", &out)
	}
}

func copyExec(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
