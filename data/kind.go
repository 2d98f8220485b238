package data

import "crypto/sha256"

// Record kinds of the ledger. Each kind is described once (its description, in the file of
// its record type, gives the fields); everything that names a kind — the workbook's sheets,
// the audit log, the CLI's KIND words, the recycle bin — reads these names.

// KindCode is the stable English code of a record kind: stored in the audit log and the
// recycle bin, typed on the command line.
type KindCode string

// The record kinds, in workbook order.
const (
	CodeTownship   KindCode = "township"
	CodeVillage    KindCode = "village"
	CodeElection   KindCode = "election"
	CodeMember     KindCode = "member"
	CodePartyOrg   KindCode = "party_org"
	CodeLeadership KindCode = "leadership"
	CodeComplaint  KindCode = "complaint"
	CodeTalk       KindCode = "talk"
	CodeCandidate  KindCode = "candidate"
	CodeSupervisor KindCode = "supervisor"
	CodeChange     KindCode = "change"
	CodeAudit      KindCode = "departure_audit"
)

// The party work beyond 四有 (issue 16), after the kinds above in workbook order.
const (
	CodeDevelopment  KindCode = "development"
	CodeCommendation KindCode = "commendation"
)

// The audit log's other subjects: not records, but things a change is logged under.
const (
	SubjectFile     KindCode = "file"     // an imported file, or a restored backup
	SubjectRound    KindCode = "round"    // a round locked or unlocked
	SubjectSettings KindCode = "settings" // the 设置 screen
	// SubjectSubmission is a township's submission to the county (退回, issue 18).
	SubjectSubmission KindCode = "submission"
)

// KindInfo is what is known of every kind, whatever its record type.
type KindInfo struct {
	Code KindCode
	Name string // the Chinese name: the sheet's name, the screen's title, the log's 类别
	// Aliases are other words a clerk may type for the kind on the command line.
	Aliases []string
	// Record is true for the record kinds (recycle bin, workbook sheet), false for the log's
	// other subjects.
	Record bool
}

// Kinds lists every record kind (from its description), in workbook order, then the audit
// log's other subjects.
var Kinds = func() []KindInfo {
	var out []KindInfo
	for _, k := range Descriptions {
		out = append(out, k.Info())
	}
	return append(out,
		KindInfo{Code: SubjectFile, Name: "文件", Aliases: []string{"导入文件", "导入", "备份"}},
		KindInfo{Code: SubjectRound, Name: "届次"},
		KindInfo{Code: SubjectSettings, Name: "设置"},
		KindInfo{Code: SubjectSubmission, Name: "报送", Aliases: []string{"退回"}})
}()

// Descriptions lists every record kind's description, in workbook order: a new kind is one
// line here (and its field in Ledger).
var Descriptions = []AnyKind{
	TownshipDesc, VillageDesc, ElectionDesc, MemberDesc, PartyOrgDesc, LeadershipDesc, ComplaintDesc, TalkDesc,
	CandidateDesc, SupervisorDesc, ChangeDesc, AuditDesc,
	DevelopmentDesc, CommendationDesc,
}

// AnyKind is a kind's description whatever its record type: what code handling every kind
// alike asks of it.
type AnyKind interface {
	Info() KindInfo
	// Count is how many records of the kind l holds.
	Count(l *Ledger) int
	// CopyTownship sets dst's records of the kind to src's of the township named.
	CopyTownship(dst, src *Ledger, township string)
	// Copy sets dst's records of the kind to src's.
	Copy(dst, src *Ledger)
	// EachDigest calls fn with the township and the SHA-256 of the audit value of every
	// record of the kind in l (what a fingerprint sums).
	EachDigest(l *Ledger, fn func(township string, digest *[32]byte))
}

// TownshipHeader is the header under which every kind names its township (乡镇).
var TownshipHeader = TownshipDesc.FieldAt(func(t *Township) any { return &t.Name }).Header

// Info is the kind's names.
func (k *Kind[R]) Info() KindInfo { return k.KindInfo }

// Count is how many records of the kind l holds.
func (k *Kind[R]) Count(l *Ledger) int { return len(*k.Records(l)) }

// Copy sets dst's records of the kind to src's.
func (k *Kind[R]) Copy(dst, src *Ledger) { *k.Records(dst) = *k.Records(src) }

// CopyTownship sets dst's records of the kind to src's of the township named.
func (k *Kind[R]) CopyTownship(dst, src *Ledger, township string) {
	f := k.townshipField()
	*k.Records(dst) = keep(*k.Records(src), func(r R) bool { return *f.addr(&r).(*string) == township })
}

// EachDigest calls fn with the township and the SHA-256 of the audit value of every record
// of the kind in l; digest is fn's only during the call.
func (k *Kind[R]) EachDigest(l *Ledger, fn func(township string, digest *[32]byte)) {
	f := k.townshipField()
	rs := *k.Records(l)
	var buf []byte
	var d [32]byte
	for i := range rs {
		buf = k.AppendAudit(buf[:0], &rs[i])
		d = sha256.Sum256(buf)
		fn(*f.addr(&rs[i]).(*string), &d)
	}
}

// townshipField is the kind's text field headed TownshipHeader; every kind has one.
func (k *Kind[R]) townshipField() *Field[R] {
	f := k.Field(TownshipHeader)
	if f == nil || f.Type != TextType {
		panic("data: " + k.Name + " has no text field " + TownshipHeader)
	}
	return f
}

// KindByCode finds a kind by its code.
func KindByCode(code KindCode) (KindInfo, bool) {
	for _, k := range Kinds {
		if k.Code == code {
			return k, true
		}
	}
	return KindInfo{}, false
}

// KindName is the Chinese name of a kind, or the code itself when unknown (an entry of a
// newer program's log).
func KindName(code string) string {
	if k, ok := KindByCode(KindCode(code)); ok {
		return k.Name
	}
	return code
}

// RecordKinds lists the record kinds, in workbook order.
func RecordKinds() []KindInfo {
	var out []KindInfo
	for _, k := range Kinds {
		if k.Record {
			out = append(out, k)
		}
	}
	return out
}
