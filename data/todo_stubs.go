package data

// Placeholders so that every package builds while the rules are written. Each is replaced
// by its real implementation in its own file (people.go, party.go, petition.go, stats.go);
// this file is deleted when empty.

import "time"

func BuildMembers(l Ledger, round int) MembersReport { return MembersReport{} }
func BuildParty(l Ledger, year int) PartyReport      { return PartyReport{} }
func BuildPetitions(l Ledger, year int, ref time.Time) PetitionsReport {
	return PetitionsReport{}
}
func BuildTalks(l Ledger, year int) TalksReport { return TalksReport{} }
