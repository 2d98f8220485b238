package sqlite

// Placeholders so that every package builds while data safety (issue 6) is written; each is
// replaced by its real implementation and this file deleted.

import (
	"context"
	"errors"
	"time"

	"liangwei/data"
)

var errTodo = errors.New("尚未实现")

func (s *Store) Locks(ctx context.Context) ([]data.RoundLock, error)        { return nil, errTodo }
func (s *Store) Lock(ctx context.Context, round int, note string) error     { return errTodo }
func (s *Store) Unlock(ctx context.Context, round int, reason string) error { return errTodo }
func (s *Store) AuditLog(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	return nil, errTodo
}
func (s *Store) Trash(ctx context.Context) ([]data.TrashItem, error)         { return nil, errTodo }
func (s *Store) Restore(ctx context.Context, kind string, id int64) error    { return errTodo }
func (s *Store) BackupNow(ctx context.Context) (data.Backup, error)          { return data.Backup{}, errTodo }
func (s *Store) Backups(ctx context.Context) ([]data.Backup, error)          { return nil, errTodo }
func (s *Store) AutoBackup(ctx context.Context, now time.Time) (bool, error) { return false, errTodo }
func (s *Store) RestoreBackup(ctx context.Context, path string) error        { return errTodo }
