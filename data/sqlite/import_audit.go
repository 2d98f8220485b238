package sqlite

import "liangwei/data"

// What an import writes to the audit log: a row per record inserted, restored or updated,
// and one row for the file with the counts, all with the file as their source.

// importCounts is the new_value of an import's file row.
type importCounts struct {
	Inserted  int `json:"新增"`
	Updated   int `json:"更新"`
	Unchanged int `json:"未变"`
}

// outcome counts one batch record and writes its audit row.
func (im *importer) outcome(kind data.KindCode, key string, old, new any, inserted, restored bool) error {
	action := ActionUpdate
	switch {
	case inserted:
		im.res.Inserted++
		action = ActionCreate
	case restored:
		im.res.Inserted++
		action = ActionRestore
	default:
		im.res.Updated++
		if im.plan != nil {
			im.plan.Changes = append(im.plan.Changes, changes(kind, key, old, new)...)
		}
	}
	return im.w.log(action, kind, key, old, new, im.source)
}

// logFile writes the file's row, with the counts.
func (im *importer) logFile() error {
	r := im.res
	return im.w.log(ActionImport, data.SubjectFile, im.source, nil, importCounts{r.Inserted, r.Updated, r.Unchanged}, im.source)
}

// changes lists the fields an update of a record changes, from its audit values.
func changes(kind data.KindCode, key string, old, new any) []data.FieldChange {
	o, _ := old.(auditValue)
	n, _ := new.(auditValue)
	var out []data.FieldChange
	for _, c := range data.AuditDiff(string(o), string(n)) {
		out = append(out, data.FieldChange{Kind: kind, Record: key, AuditChange: c})
	}
	return out
}
