package sqlite

// Placeholders so that every package builds while the new record kinds are written; each
// is replaced by its real implementation and this file deleted.

import (
	"context"
	"errors"

	"liangwei/data"
)

var errTodo = errors.New("尚未实现")

func (s *Store) Ledger(ctx context.Context, round int) (data.Ledger, error) {
	return data.Ledger{}, errTodo
}
func (s *Store) Members(ctx context.Context, round int) ([]data.Member, error) { return nil, errTodo }
func (s *Store) SaveMember(ctx context.Context, m *data.Member) error          { return errTodo }
func (s *Store) DeleteMember(ctx context.Context, id int64) error              { return errTodo }
func (s *Store) Leaderships(ctx context.Context, round int) ([]data.Leadership, error) {
	return nil, errTodo
}
func (s *Store) SaveLeadership(ctx context.Context, l *data.Leadership) error { return errTodo }
func (s *Store) DeleteLeadership(ctx context.Context, id int64) error         { return errTodo }
func (s *Store) PartyOrgs(ctx context.Context, year int) ([]data.PartyOrg, error) {
	return nil, errTodo
}
func (s *Store) SavePartyOrg(ctx context.Context, p *data.PartyOrg) error { return errTodo }
func (s *Store) DeletePartyOrg(ctx context.Context, id int64) error       { return errTodo }
func (s *Store) Complaints(ctx context.Context, year int) ([]data.Complaint, error) {
	return nil, errTodo
}
func (s *Store) SaveComplaint(ctx context.Context, c *data.Complaint) error { return errTodo }
func (s *Store) DeleteComplaint(ctx context.Context, id int64) error        { return errTodo }
func (s *Store) Talks(ctx context.Context, year int) ([]data.Talk, error)   { return nil, errTodo }
func (s *Store) SaveTalk(ctx context.Context, t *data.Talk) error           { return errTodo }
func (s *Store) DeleteTalk(ctx context.Context, id int64) error             { return errTodo }
