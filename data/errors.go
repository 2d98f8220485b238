package data

import "errors"

// The sentinel errors of the store. A refusal the clerk reads carries its own Chinese message
// and matches one of these (errors.Is), so that callers can tell the cases apart without
// reading the message.

// ErrNotFound is returned when a record ID names nothing (or a deleted record).
var ErrNotFound = errors.New("记录不存在或已被删除")

// ErrLocked is matched (errors.Is) by every refusal to change a locked round.
var ErrLocked = errors.New("届次已上报锁定")

// ErrDuplicate is matched (errors.Is) by a save refused because its key is taken.
var ErrDuplicate = errors.New("记录重复")

// ErrUnknownTownship is matched (errors.Is) by a save naming a township that does not exist
// (or is in the recycle bin).
var ErrUnknownTownship = errors.New("乡镇不存在")

// ErrUnknownVillage is matched (errors.Is) by a save or import naming a village that does
// not exist (or is in the recycle bin).
var ErrUnknownVillage = errors.New("村庄不存在")

// ErrPostTaken is matched (errors.Is) by an import that would give a village two 书记 or two
// 主任 in a round. (SaveMember refuses the same with Problems on the post's field.)
var ErrPostTaken = errors.New("职务重复")

// ErrVettingFailed is matched (errors.Is) by an import that would put a person who failed a
// round's candidate vetting (不通过) on that round's roster of the body. (A save refuses the
// same with Problems.)
var ErrVettingFailed = errors.New("资格联审未通过")

// ErrUnknownKind is matched (errors.Is) by a Restore naming a kind of record the store does
// not have.
var ErrUnknownKind = errors.New("未知的记录类型")

// ErrBusy is matched (errors.Is) by a change refused because another program kept the
// database busy for longer than the busy timeout.
var ErrBusy = errors.New("数据库正忙")

// ErrDamaged is matched (errors.Is) by a database, or a backup, that fails the integrity
// check or lacks part of the ledger (a table, a column, a migration record).
var ErrDamaged = errors.New("数据库已损坏")

// ErrReadOnly is matched (errors.Is) by a change refused because the database was opened
// read-only (the file or its folder is not writable).
var ErrReadOnly = errors.New("数据库只读")

// ErrDiskFull is matched (errors.Is) by a change refused because the disk is full.
var ErrDiskFull = errors.New("磁盘已满")
