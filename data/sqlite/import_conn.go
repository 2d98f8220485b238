package sqlite

import (
	"context"
	"database/sql"
	"strconv"
)

// An import writes thousands of rows into a few B-trees in one transaction, where every
// other change writes a handful. Three of SQLite's per-connection settings, right for the
// handful, cost an import of a large ledger most of its system time (measured on 62 files
// imported into a ledger of 558 townships: 1.6 s of system time out of 5.2 s of CPU):
//
//   - Statement journals on disk. A multi-row INSERT that may fail half-way keeps the
//     pages it changes in a statement journal, so that the failed statement alone is undone;
//     past 64 KB SQLite writes that journal to a temporary file (500 MB of writes for those
//     62 files). temp_store = MEMORY keeps it in memory; it is set for the import and put
//     back, so that the sorts of other commands keep spilling to disk as before.
//   - A page cache of 2 MB. The members' index on 身份证号 takes rows in random order, so a
//     township's file touches hundreds of its pages, and a small cache reads them again
//     and again from the WAL. The import's connection keeps importCacheKB, but for a batch
//     of more than importCacheMembers members: such a file (the city's workbook exported
//     whole) holds tens of MB of rows in the Go heap while it is written, its writes gain
//     nothing measurable from the larger cache (2.6–2.7 s of CPU either way), and the two
//     together took the import past SPEC §9's 200 MB (204 MB against 176 with 2 MB).
//   - A checkpoint every 1,000 pages. A township's file writes more than that, so every
//     file was copied into the database again, the pages it shares with the next file
//     included. The import checkpoints every importCheckpointPages instead.
//
// With the three, those 62 files took 0.5–0.6 s of system time instead of 1.6, and the
// 620 files of 10× the city 4.3 s instead of 12. None of them touches what is durable
// when: each file is still one transaction, committed to the WAL as before, and a
// checkpoint is SQLite's own, whenever it runs.

const (
	// importCacheKB is the page cache of the connection an import writes on, in KB; it
	// stays on the connection (held in the pool), so that the next file finds its pages.
	importCacheKB = 16 << 10
	// importCacheMembers is the largest batch, in members, written with importCacheKB; a
	// larger one is written with SQLite's default cache (defaultCacheKB). A township's file
	// holds hundreds of members, the city's workbook 48,000.
	importCacheMembers = 10000
	// defaultCacheKB is SQLite's default page cache, in KB (PRAGMA cache_size = -2000).
	defaultCacheKB = 2000
	// importCheckpointPages is the WAL size, in pages, past which an import's commit
	// checkpoints (SQLite's wal_autocheckpoint, 1,000 by default): 128 MB, about 30
	// townships' files at 10× the city, so that each checkpoint's two fsyncs (0.5 s of
	// waiting for 62 files at 8,192 pages on a busy disk) come four times less often.
	importCheckpointPages = 32768
)

// writeImport is write for an import of a batch of members members: the transaction on
// one connection of the pool set up as above, put back as it was (but for its cache) when
// done.
func (s *Store) writeImport(ctx context.Context, members int, fn func(*tx) error) error {
	if s.readOnly {
		return errReadOnly(s.path)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return dbErr(err)
	}
	defer conn.Close()
	cacheKB := importCacheKB
	if members > importCacheMembers {
		cacheKB = defaultCacheKB
	}
	if err := setPragmas(ctx, conn, "temp_store = MEMORY", "cache_size = -"+strconv.Itoa(cacheKB),
		"wal_autocheckpoint = "+strconv.Itoa(importCheckpointPages)); err != nil {
		return dbErr(err)
	}
	defer func() {
		// Put back even when ctx is cancelled; a failure leaves a connection that only
		// keeps statement journals in memory and checkpoints later.
		setPragmas(context.WithoutCancel(ctx), conn, "temp_store = DEFAULT", "wal_autocheckpoint = 1000")
	}()
	sqlTx, err := conn.BeginTx(ctx, nil)
	return s.runTx(ctx, s.db, sqlTx, err, fn)
}

// setPragmas runs PRAGMA p for each p on conn.
func setPragmas(ctx context.Context, conn *sql.Conn, ps ...string) error {
	for _, p := range ps {
		if _, err := conn.ExecContext(ctx, "PRAGMA "+p); err != nil {
			return err
		}
	}
	return nil
}
