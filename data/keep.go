package data

import "strings"

// What a file does not hold is not changed: a sheet without a column leaves that field of
// every stored record as it is. The store completes an imported batch this way before it
// checks and writes it, and the importer before it checks the rows, so that the rules judge
// each record as it will be stored.

// keyOf is the record's key as one string, for matching a batch record with a stored one.
func (k *Kind[R]) keyOf(r *R) string { return strings.Join(k.KeyParts(r), "\x00") }

// KeepStored sets, in each record of rs that has a record of the same key in stored, the
// fields named by headers (headers or aliases of k's fields) to their stored values. The
// other records keep those fields as read: empty. Unknown headers are ignored.
func (k *Kind[R]) KeepStored(rs, stored []R, headers []string) {
	if len(rs) == 0 || len(stored) == 0 || len(headers) == 0 {
		return
	}
	var fs []*Field[R]
	for _, h := range headers {
		if f := k.Field(h); f != nil && !f.Key {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return
	}
	byKey := make(map[string]*R, len(stored))
	for i := range stored {
		byKey[k.keyOf(&stored[i])] = &stored[i]
	}
	for i := range rs {
		old := byKey[k.keyOf(&rs[i])]
		if old == nil {
			continue
		}
		for _, f := range fs {
			f.Keep(&rs[i], old)
		}
	}
}
