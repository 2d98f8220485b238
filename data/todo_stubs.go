package data

// Placeholders so that every package builds while the rules are written. Each is replaced
// by its real implementation in its own file (people.go, party.go, petition.go, stats.go);
// this file is deleted when empty.

import "time"

func ParseGender(s string) (Gender, error)               { return Gender(norm(s)), nil }
func ParseEducation(s string) (Education, error)         { return Education(norm(s)), nil }
func ParsePolitical(s string) (Political, error)         { return Political(norm(s)), nil }
func ParsePartyPost(s string) (PartyPost, error)         { return PartyPost(norm(s)), nil }
func ParseCommitteePost(s string) (CommitteePost, error) { return CommitteePost(norm(s)), nil }
func ParseTenure(s string) (Tenure, error)               { return Tenure(norm(s)), nil }
func ParseOrgType(s string) (OrgType, error)             { return OrgType(norm(s)), nil }
func ParseRectification(s string) (Rectification, error) { return Rectification(norm(s)), nil }
func ParseChannel(s string) (Channel, error)             { return Channel(norm(s)), nil }
func ParseComplaintCategory(s string) (ComplaintCategory, error) {
	return ComplaintCategory(norm(s)), nil
}
func ParseComplaintResult(s string) (ComplaintResult, error)        { return ComplaintResult(norm(s)), nil }
func ParseTalkMode(s string) (TalkMode, error)                      { return TalkMode(norm(s)), nil }
func ParseTalkCategory(s string) (TalkCategory, error)              { return TalkCategory(norm(s)), nil }
func ParseTags(s string) []string                                   { return nil }
func FormatTags(tags []string) string                               { return "" }
func ParseAmount(s string) (float64, error)                         { return 0, nil }
func ParseIDNumber(s string) (birth time.Time, g Gender, err error) { return time.Time{}, "", nil }
func MaskID(s string) string                                        { return s }
func AgeOn(birth time.Time, round int) int                          { return 0 }
func (m *Member) FillFromID()                                       {}
func (m Member) Validate() Problems                                 { return nil }
func CheckMembers(ms []Member) []Finding                            { return nil }
func (l Leadership) Validate() Problems                             { return nil }
func (p PartyOrg) Validate() Problems                               { return nil }
func (c Complaint) Validate() Problems                              { return nil }
func (c Complaint) Overdue(ref time.Time) bool                      { return false }
func (t Talk) Validate() Problems                                   { return nil }
func BuildMembers(l Ledger, round int) MembersReport                { return MembersReport{} }
func BuildParty(l Ledger, year int) PartyReport                     { return PartyReport{} }
func BuildPetitions(l Ledger, year int, ref time.Time) PetitionsReport {
	return PetitionsReport{}
}
func BuildTalks(l Ledger, year int) TalksReport { return TalksReport{} }
