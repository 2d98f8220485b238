package data

import (
	"fmt"
	"time"
)

// LockedError says which round refused a change; it matches ErrLocked. Why, when set, says
// how a change of a record not bound to a round (a village, a township) would alter it.
type LockedError struct {
	Round int
	Why   string
}

func (e *LockedError) Error() string {
	why := ""
	if e.Why != "" {
		why = "（" + e.Why + "）"
	}
	return fmt.Sprintf("%d年届次已上报锁定，不能修改%s；如确需修改，请先解锁并说明原因", e.Round, why)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// RoundLock is a round marked 已上报: its elections, members and leaderships, the party
// ledger of its year and the complaints and talks dated in that year cannot be changed
// until it is unlocked with a reason; nor can what every round's figures read of the
// townships and villages (which exist, their names, a village's 类型 and 状态).
type RoundLock struct {
	Round    int
	LockedAt time.Time
	By       string // OS user
	Note     string // e.g. the report it was locked after
}

// AuditEntry is one row of the audit log (操作日志).
type AuditEntry struct {
	ID       int64
	At       time.Time
	OSUser   string
	Action   string // create, update, delete, restore, import, lock, unlock, backup, restore-backup
	Kind     string // township, village, election, member, leadership, party_org, complaint, talk, settings, file, round
	Record   string // readable key, e.g. 城关镇/东关村/2026/村委会
	OldValue string // JSON keyed by Chinese headers, or ""
	NewValue string
	Source   string // the imported file, or ""
}

// AuditFilter narrows the audit log; zero fields do not filter.
type AuditFilter struct {
	Kind    string    // one Kind value
	Village string    // a substring of Record, e.g. a village name
	Since   time.Time // inclusive, by day
	Until   time.Time // inclusive, by day
	Limit   int       // newest first; 0 = all
}

// TrashItem is a deleted record in the recycle bin (回收站).
type TrashItem struct {
	Kind      string // as AuditEntry.Kind
	ID        int64
	Record    string // readable key
	DeletedAt time.Time
}

// Backup is one backup file of the database.
type Backup struct {
	Path string
	At   time.Time
	Size int64
}
