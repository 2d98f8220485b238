package data

// ImportPlan is what an import would do, found by running it and rolling it back (a dry
// run): the counts, and every field it would change in a stored record.
type ImportPlan struct {
	ImportResult
	// Changes are the fields the import would change in records already stored, record by
	// record in the order of the batch. Records it would insert or restore are not listed.
	Changes []FieldChange
}

// FieldChange is one field of a stored record that an import would change.
type FieldChange struct {
	Kind KindCode
	// Record names the record as the audit log does: 城关镇/东村/2026/村委会.
	Record string
	AuditChange
}

// Blanks reports whether the change empties or zeroes a value that was stored: what a clerk
// must confirm, since a column left blank by mistake looks just like this.
func (c FieldChange) Blanks() bool {
	return c.Old != "" && c.Old != "0" && (c.New == "" || c.New == "0")
}

// String is the change on one line: “城关镇/东村/2026/村委会 应参加人数：900 → （空）”.
func (c FieldChange) String() string {
	return c.Record + " " + fieldText(c.Header, orEmpty(c.Old)+" → "+orEmpty(c.New))
}

// Blanked lists the changes that empty or zero a stored value.
func (p ImportPlan) Blanked() []FieldChange {
	var out []FieldChange
	for _, c := range p.Changes {
		if c.Blanks() {
			out = append(out, c)
		}
	}
	return out
}

// Changed lists the changes grouped by record, at most n records (all when n ≤ 0): the
// first examples a preview shows. more is how many changed records are left out.
func (p ImportPlan) Changed(n int) (shown []FieldChange, more int) {
	records := 0
	last := ""
	for i, c := range p.Changes {
		key := string(c.Kind) + "\x00" + c.Record
		if i == 0 || key != last {
			records++
			last = key
		}
		if n <= 0 || records <= n {
			shown = append(shown, c)
		}
	}
	if n > 0 && records > n {
		more = records - n
	}
	return shown, more
}
