package main

import (
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// damageIndex flips bytes in the cell area of the root page of an index of the closed
// database at path (found by sqlite_master's rootpage and the header's page size): the
// index no longer matches its table, while the tables read as before.
func damageIndex(t *testing.T, path, index string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	err = db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?`, index).Scan(&root)
	db.Close()
	if err != nil {
		t.Fatalf("index %s: %v", index, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int64(binary.BigEndian.Uint16(b[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	page := b[(root-1)*pageSize : root*pageSize]
	// Cells fill the page from its end: change the last keys' bytes.
	for i := len(page) - 40; i < len(page)-8; i++ {
		page[i] ^= 0x55
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A flipped index page is found by check (error, exit 1, naming the newest sound backup)
// and by backup (no backup added to the rotation, the damaged copy kept outside it).
func TestDamagedIndexIsFoundAndSaid(t *testing.T) {
	db, _ := importedHexi(t)
	mustRun(t, "--db", db, "backup")
	if code, out, errOut := runCLI(t, "--db", db, "check"); strings.Contains(out+errOut, "损坏") {
		t.Fatalf("check of the sound ledger: exit %d %s %s", code, out, errOut)
	}
	damageIndex(t, db, "elections_round")

	code, out, errOut := runCLI(t, "--db", db, "check")
	if code != 1 || !strings.Contains(out, "数据库已损坏") || !strings.Contains(out, "请恢复最新的完好备份") ||
		!strings.Contains(out, filepath.Join(filepath.Dir(db), "backups", "liangwei-")) {
		t.Errorf("check of the damaged ledger: exit %d\n%s\n%s", code, out, errOut)
	}

	before, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "liangwei-*.db"))
	code, out, errOut = runCLI(t, "--db", db, "backup")
	if code != 1 || !strings.Contains(errOut, "损坏") || !strings.Contains(errOut, "不计入备份") {
		t.Errorf("backup of the damaged ledger: exit %d\n%s\n%s", code, out, errOut)
	}
	listed := mustRun(t, "--db", db, "backups")
	if strings.Count(listed, ".db") != 1 || strings.Contains(listed, "damaged") {
		t.Errorf("backups after backing up a damaged ledger:\n%s", listed)
	}
	after, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "liangwei-*-damaged.db"))
	if len(before) != 1 || len(after) != 1 {
		t.Errorf("backups folder: %v then damaged copies %v", before, after)
	}

	// Restoring the newest sound backup mends the ledger, and the log keeps the restore.
	mustRun(t, "--db", db, "restore", before[0])
	if code, out, errOut := runCLI(t, "--db", db, "check"); strings.Contains(out+errOut, "损坏") {
		t.Errorf("check after the restore: exit %d\n%s\n%s", code, out, errOut)
	}
	if log := mustRun(t, "--db", db, "audit"); !strings.Contains(log, "恢复") {
		t.Errorf("the log does not show the restore:\n%s", log)
	}
}
