package sqlite

import (
	"encoding/json"
	"testing"
	"time"

	"liangwei/data"
	"liangwei/demo"
)

// TestAuditValueJSON: the audit log stores an audit value as it is; json.Marshal, which it
// used to go through, gives the same text for every record of the demo ledger.
func TestAuditValueJSON(t *testing.T) {
	b := demo.Batch(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	b.Complaints = append(b.Complaints, data.Complaint{Township: "城关镇", No: "<1> & \"2\"", Summary: "a\u2028b\\c\n"})
	var vals []auditValue
	for _, m := range b.Members {
		vals = append(vals, auditOf(data.MemberDesc, m))
	}
	for _, v := range b.Villages {
		vals = append(vals, auditOf(data.VillageDesc, v))
	}
	for _, c := range b.Complaints {
		vals = append(vals, auditOf(data.ComplaintDesc, c))
	}
	for _, o := range b.PartyOrgs {
		vals = append(vals, auditOf(data.PartyOrgDesc, o))
	}
	for _, v := range vals {
		got, err := toJSON(v)
		want, werr := json.Marshal(v)
		if err != nil || werr != nil || got != string(want) {
			t.Fatalf("toJSON = %s, %v; json.Marshal %s, %v", got, err, want, werr)
		}
	}
}
