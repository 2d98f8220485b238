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
	}
	return im.w.log(action, kind, key, old, new, im.source)
}

// logFile writes the file's row, with the counts.
func (im *importer) logFile() error {
	r := im.res
	return im.w.log(ActionImport, data.SubjectFile, im.source, nil, importCounts{r.Inserted, r.Updated, r.Unchanged}, im.source)
}
