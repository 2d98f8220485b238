package data

import (
	"context"
	"fmt"
	"time"
)

// Batch is what one imported file holds: a Ledger.
type Batch = Ledger

// ImportResult says what an import changed.
type ImportResult struct {
	Inserted  int // records that were new
	Updated   int // records whose values changed
	Unchanged int // records already present with the same values
}

// Settings are the clerk's own details, used on reports (SPEC §8 设置).
type Settings struct {
	Township   string // 填报单位 (乡镇)
	County     string // 县区
	Leader     string // 负责人
	Reviewer   string // 审核人
	Preparer   string // 填表人
	Phone      string // 联系电话
	Round      int    // 当前届次; 0 means the latest in the data
	DataFolder string // where reports and exports go by default
}

// Store is the ledger's persistence, implemented by data/sqlite. Every method is one
// transaction; every change writes its audit row in that transaction.
type Store interface {
	// Townships, Villages and Elections list the records that are not deleted, sorted by
	// township, village, round and body. round 0 lists every round.
	Townships(ctx context.Context) ([]Township, error)
	Villages(ctx context.Context) ([]Village, error)
	Elections(ctx context.Context, round int) ([]Election, error)
	// Rounds lists the rounds that have elections, newest first.
	Rounds(ctx context.Context) ([]int, error)

	// SaveTownship, SaveVillage and SaveElection insert a record when its ID is 0 (setting
	// the ID) and update it otherwise. A record with errors is refused with its Problems as
	// the error; a duplicate key is refused with a Chinese message naming it. An election
	// names its village by township and village name, which must exist. today is the
	// reference date of the election rules.
	SaveTownship(ctx context.Context, t *Township) error
	SaveVillage(ctx context.Context, v *Village) error
	SaveElection(ctx context.Context, e *Election, today time.Time) error

	// DeleteVillage and DeleteElection move a record to the recycle bin (soft delete).
	// A deleted village hides its elections.
	DeleteVillage(ctx context.Context, id int64) error
	DeleteElection(ctx context.Context, id int64) error

	// Import upserts a whole batch on the natural keys in one transaction: all or nothing.
	// Townships named by villages and villages named by elections, members and party
	// organizations must be in the batch or the database (a township named only by a
	// village, leadership, complaint or talk is created). source (the file name)
	// goes to the audit log. A field whose column the file did not have (b.Absent) keeps
	// its stored value. The batch must already be validated, as KeepStored completes it.
	Import(ctx context.Context, b Batch, source string) (ImportResult, error)
	// PlanImport is Import run in a transaction that is rolled back: what the import would
	// insert, update and leave, and each field it would change. Nothing is written, not
	// even to the audit log; an import Import would refuse is refused the same way.
	PlanImport(ctx context.Context, b Batch, source string) (ImportPlan, error)
	// ImportIf is Import that collects its plan like PlanImport and commits only when ok,
	// called with it before the commit, returns true (a nil ok always commits): an import
	// that asks before it writes what the clerk did not expect, in one transaction.
	ImportIf(ctx context.Context, b Batch, source string, ok func(ImportPlan) bool) (plan ImportPlan, committed bool, err error)
	// KeepStored returns b with the fields its file did not have (b.Absent) set, in each
	// record whose key is stored (in the recycle bin too), to the stored values, as Import
	// stores them: what the importer checks the rules on. b itself is left alone.
	KeepStored(ctx context.Context, b Batch) (Batch, error)

	// Ledger reads every record a round's figures and reports need, in one read
	// transaction: all townships and villages (merged ones too), the round's elections,
	// members and leaderships, the party ledger of the year round, and the complaints
	// (by 受理日期) and talks (by 日期) dated in that calendar year. round 0 reads every
	// record of every round and year (for export).
	Ledger(ctx context.Context, round int) (Ledger, error)
	// ReadKinds calls fn, in one read transaction, with a reader of every record Ledger(0)
	// reads (of township only, when not ""), kind by kind and township by township.
	ReadKinds(ctx context.Context, township string, fn func(KindReader) error) error

	// Members, Leaderships, PartyOrgs, Complaints and Talks list the records that are not
	// deleted; round/year 0 lists all. Complaints are chosen by the year of 受理日期, talks
	// by the year of 日期. Each Save* inserts when ID is 0 and updates otherwise, refusing a
	// record whose Validate has errors (the Problems are the error) and a duplicate key
	// (Chinese message naming it); members and party organizations name an existing
	// village, complaints and talks an existing township (a complaint's 村名, when given,
	// an existing village of it). SaveMember also refuses a second 书记 or 主任 in the same
	// village and round, on the field concerned. Delete* moves a record to the recycle bin.
	Members(ctx context.Context, round int) ([]Member, error)
	// MembersIn lists like Members the members of a round (0: every round) in the named
	// townships only: what an imported file's members are checked against, read in time
	// proportional to the file rather than to the database.
	MembersIn(ctx context.Context, round int, townships []string) ([]Member, error)
	SaveMember(ctx context.Context, m *Member) error
	DeleteMember(ctx context.Context, id int64) error
	Leaderships(ctx context.Context, round int) ([]Leadership, error)
	SaveLeadership(ctx context.Context, l *Leadership) error
	DeleteLeadership(ctx context.Context, id int64) error
	PartyOrgs(ctx context.Context, year int) ([]PartyOrg, error)
	SavePartyOrg(ctx context.Context, p *PartyOrg) error
	DeletePartyOrg(ctx context.Context, id int64) error
	Complaints(ctx context.Context, year int) ([]Complaint, error)
	SaveComplaint(ctx context.Context, c *Complaint) error
	DeleteComplaint(ctx context.Context, id int64) error
	Talks(ctx context.Context, year int) ([]Talk, error)
	SaveTalk(ctx context.Context, t *Talk) error
	DeleteTalk(ctx context.Context, id int64) error

	// Candidates, Supervisors, Changes and Audits (the rest of a round, issue 15) list and
	// save like Members: round 0 lists all; Save* refuse errors, duplicate keys and unknown
	// villages. A person 不通过 in a round's vetting for a body cannot be saved onto that
	// round's roster of it (SaveMember, SaveSupervisor), nor such a 不通过 saved for someone
	// on it (SaveCandidate): the Problems name both records. SaveSupervisor refuses a second
	// 主任 of a village's committee. A change is locked with the year it is dated in.
	Candidates(ctx context.Context, round int) ([]Candidate, error)
	SaveCandidate(ctx context.Context, c *Candidate) error
	DeleteCandidate(ctx context.Context, id int64) error
	Supervisors(ctx context.Context, round int) ([]Supervisor, error)
	SaveSupervisor(ctx context.Context, s *Supervisor) error
	DeleteSupervisor(ctx context.Context, id int64) error
	Changes(ctx context.Context, round int) ([]Change, error)
	SaveChange(ctx context.Context, c *Change) error
	DeleteChange(ctx context.Context, id int64) error
	Audits(ctx context.Context, round int) ([]DepartureAudit, error)
	SaveAudit(ctx context.Context, a *DepartureAudit) error
	DeleteAudit(ctx context.Context, id int64) error

	// Developments and Commendations (issue 16) list and save like Members. A development
	// record belongs to the years of its dates: Developments(year) lists the people who had
	// applied by the end of year and were not full members before it began, and a change is
	// refused while a year whose figures it alters is locked. Commendations are listed and
	// locked by 年度; their 村名, when given, must be a village of their township.
	Developments(ctx context.Context, year int) ([]Development, error)
	SaveDevelopment(ctx context.Context, d *Development) error
	DeleteDevelopment(ctx context.Context, id int64) error
	Commendations(ctx context.Context, year int) ([]Commendation, error)
	SaveCommendation(ctx context.Context, c *Commendation) error
	DeleteCommendation(ctx context.Context, id int64) error

	// Locks lists the locked rounds. Lock marks a round 已上报; Unlock needs a reason (an
	// empty one is refused). Both are audited. While a round is locked every save, delete,
	// restore or import touching it is refused with a *LockedError.
	Locks(ctx context.Context) ([]RoundLock, error)
	Lock(ctx context.Context, round int, note string) error
	Unlock(ctx context.Context, round int, reason string) error

	// AuditLog lists the audit log, newest first.
	AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	// Trash lists the recycle bin, newest first; Restore brings one item back.
	Trash(ctx context.Context) ([]TrashItem, error)
	Restore(ctx context.Context, kind string, id int64) error

	// BackupNow writes a consistent copy of the database into the backups folder beside it
	// and keeps the newest 30. Backups lists them, newest first. AutoBackup makes one when
	// the newest is older than a day (made reports whether it did). RestoreBackup checks
	// that path is a database of this program (integrity, schema not newer), backs up the
	// current data, then replaces it; the store stays usable.
	BackupNow(ctx context.Context) (Backup, error)
	Backups(ctx context.Context) ([]Backup, error)
	AutoBackup(ctx context.Context, now time.Time) (made bool, err error)
	RestoreBackup(ctx context.Context, path string) error

	Settings(ctx context.Context) (Settings, error)
	SaveSettings(ctx context.Context, s Settings) error

	Close() error
}

// KindReader reads a store's records of every round and year kind by kind, one township at
// a time (Store.ReadKinds): what an export streams into its sheets.
type KindReader interface {
	// Count is how many records of the kind there are.
	Count(code KindCode) (int, error)
	// EachTownship calls fn with each township's records of the kind (a ledger holding
	// that kind only), in township order.
	EachTownship(code KindCode, fn func(Ledger) error) error
}

// HeldKinds is a ledger in memory as a KindReader (a township's workbook written by the demo
// without a database): EachTownship gives each kind's records in one call, as they are
// ordered in l.
func HeldKinds(l Ledger) KindReader { return heldKinds{l} }

type heldKinds struct{ l Ledger }

func (h heldKinds) desc(code KindCode) (AnyKind, error) {
	for _, k := range Descriptions {
		if k.Info().Code == code {
			return k, nil
		}
	}
	return nil, fmt.Errorf("data: no kind %q", code)
}

func (h heldKinds) Count(code KindCode) (int, error) {
	k, err := h.desc(code)
	if err != nil {
		return 0, err
	}
	return k.Count(&h.l), nil
}

func (h heldKinds) EachTownship(code KindCode, fn func(Ledger) error) error {
	k, err := h.desc(code)
	if err != nil {
		return err
	}
	var out Ledger
	k.Copy(&out, &h.l)
	return fn(out)
}
