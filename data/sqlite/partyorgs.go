package sqlite

import (
	"context"
	"fmt"
	"strconv"

	"liangwei/data"
)

func partyOrgArgs(villageID int64, p data.PartyOrg) []any {
	return []any{villageID, p.Year, string(p.Type), p.Members, p.Women, p.Probationary, p.Developed, boolInt(p.HasTeam),
		boolInt(p.HasVenue), p.VenueArea, boolInt(p.HasActivity), p.Activities, boolInt(p.HasIncome), p.Income,
		boolInt(p.Weak), p.Measures, p.Progress, string(p.Result)}
}

func scanPartyOrg(sc scanner) (data.PartyOrg, error) {
	d := scratchOf(sc, newPartyOrgScan)
	err := sc.Scan(d.dest...)
	p := d.p
	p.Type, p.Result = data.OrgType(d.typ), data.Rectification(d.result)
	return p, err
}

// partyOrgScan is where scanPartyOrg scans a row (see memberScan).
type partyOrgScan struct {
	p           data.PartyOrg // the columns scanned as they are
	typ, result string
	dest        []any
}

func newPartyOrgScan() *partyOrgScan {
	d := &partyOrgScan{}
	p := &d.p
	d.dest = []any{&p.ID, &p.Township, &p.Village, &p.Year, &d.typ, &p.Members, &p.Women, &p.Probationary, &p.Developed,
		&p.HasTeam, &p.HasVenue, &p.VenueArea, &p.HasActivity, &p.Activities, &p.HasIncome, &p.Income, &p.Weak,
		&p.Measures, &p.Progress, &d.result}
	return d
}

var partyOrgKind = &kindSpec[data.PartyOrg]{
	code:    data.CodePartyOrg,
	table:   "party_orgs",
	alias:   "p",
	up:      inVillage,
	names:   func(p data.PartyOrg) (string, string) { return p.Township, p.Village },
	keyCols: [2]string{"", "year"},
	key:     func(p data.PartyOrg) (string, int) { return "", p.Year },
	sel: `SELECT p.id, t.name, v.name, p.year, p.org_type, p.members, p.women, p.probationary, p.developed, p.has_team,
		p.has_venue, p.venue_area, p.has_activity, p.activities, p.has_income, p.income, p.weak, p.measures, p.progress, p.result
		FROM party_orgs p JOIN villages v ON v.id = p.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "p.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, p.year",
	insert: `INSERT INTO party_orgs (village_id, year, org_type, members, women, probationary, developed, has_team, has_venue,
		venue_area, has_activity, activities, has_income, income, weak, measures, progress, result, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE party_orgs SET village_id = ?, year = ?, org_type = ?, members = ?, women = ?, probationary = ?,
		developed = ?, has_team = ?, has_venue = ?, venue_area = ?, has_activity = ?, activities = ?, has_income = ?,
		income = ?, weak = ?, measures = ?, progress = ?, result = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan:    scanPartyOrg,
	id:      func(p data.PartyOrg) int64 { return p.ID },
	args:    func(_ refs, villageID int64, p data.PartyOrg) ([]any, error) { return partyOrgArgs(villageID, p), nil },
	desc:    data.PartyOrgDesc,
	keyText: func(p data.PartyOrg) string { return p.Township + "/" + p.Village + "/" + strconv.Itoa(p.Year) },
	label: func(p data.PartyOrg) string {
		return fmt.Sprintf("村庄“%s/%s”%d年度党组织台账", p.Township, p.Village, p.Year)
	},
	round: func(p data.PartyOrg) int { return p.Year },
}

// PartyOrgs lists the party-organization ledger rows of a year (every year when year is 0)
// that are not deleted and whose village is not deleted, by township, village and year.
func (s *Store) PartyOrgs(ctx context.Context, year int) ([]data.PartyOrg, error) {
	if year == 0 {
		return listRead(ctx, s, partyOrgKind, partyOrgKind.live)
	}
	return listRead(ctx, s, partyOrgKind, "p.year = ? AND "+partyOrgKind.live, year)
}

// DeletedPartyOrgs lists the party-organization rows in the recycle bin.
func (s *Store) DeletedPartyOrgs(ctx context.Context) ([]data.PartyOrg, error) {
	return listRead(ctx, s, partyOrgKind, deletedWhere(partyOrgKind))
}

// SavePartyOrg inserts a party-organization row (ID 0; a deleted one with the same key is
// restored) or updates one. Its village must exist and not be deleted.
func (s *Store) SavePartyOrg(ctx context.Context, p *data.PartyOrg) error {
	return save(ctx, s, partyOrgKind, *p, &p.ID, p.Validate())
}

// DeletePartyOrg moves a party-organization row to the recycle bin.
func (s *Store) DeletePartyOrg(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, partyOrgKind, id)
}

// RestorePartyOrg takes a party-organization row out of the recycle bin; its village must
// not be deleted.
func (s *Store) RestorePartyOrg(ctx context.Context, id int64) error {
	return restoreRec(ctx, s, partyOrgKind, id)
}
