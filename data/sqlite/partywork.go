package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"liangwei/data"
)

// Member development (发展党员) and 创先争优 commendations (表彰), migration 0006.

func scanDevelopment(sc scanner) (data.Development, error) {
	var d data.Development
	var gender, education string
	var birth, applied, activist, candidate, admitted, full sql.NullString
	if err := sc.Scan(&d.ID, &d.Township, &d.Village, &d.Name, &d.IDNumber, &gender, &birth, &d.Ethnicity, &education,
		&applied, &activist, &candidate, &admitted, &full, &d.Contact, &d.Sponsors, &d.Vetting, &d.Note); err != nil {
		return d, err
	}
	d.Gender, d.Education = data.Gender(gender), data.Education(education)
	for _, x := range []struct {
		to *time.Time
		ns sql.NullString
	}{{&d.Birth, birth}, {&d.Applied, applied}, {&d.Activist, activist}, {&d.Candidate, candidate}, {&d.Admitted, admitted}, {&d.Full, full}} {
		var err error
		if *x.to, err = parseDate(x.ns); err != nil {
			return d, err
		}
	}
	return d, nil
}

func developmentLabel(d data.Development) string {
	return fmt.Sprintf("村庄“%s/%s”发展党员%s（身份证号 %s）", d.Township, d.Village, d.Name, data.MaskID(d.IDNumber))
}

// developmentDates are the record's stage dates, in order.
func developmentDates(d *data.Development) []time.Time {
	return []time.Time{d.Applied, d.Activist, d.Candidate, d.Admitted, d.Full}
}

// developmentYears are the years whose figures a change of a development record from old to
// new (nil: absent) alters, and whose locks therefore refuse it. A person's development runs
// over several years and each year's figures read the stages dated in it: a new, deleted or
// restored record, or one whose other fields change, touches the years of all its dates;
// otherwise only the years of the dates that change (old and new). So a clerk records a 2027
// 转正 of someone admitted in a locked 2026, while the 2026 admission itself stays as reported.
func developmentYears(old, new *data.Development) []int {
	var ys []int
	all := func(d *data.Development) {
		if d != nil {
			for _, t := range developmentDates(d) {
				ys = append(ys, yearOf(t))
			}
		}
	}
	if old == nil || new == nil || undated(*old) != undated(*new) {
		all(old)
		all(new)
		return ys
	}
	od, nd := developmentDates(old), developmentDates(new)
	for i := range od {
		if !od[i].Equal(nd[i]) {
			ys = append(ys, yearOf(od[i]), yearOf(nd[i]))
		}
	}
	return ys
}

// undated is the record's audit value without its stage dates.
func undated(d data.Development) string {
	d.Applied, d.Activist, d.Candidate, d.Admitted, d.Full = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return data.DevelopmentDesc.AuditValue(&d)
}

var developmentKind = &kindSpec[data.Development]{
	code:    data.CodeDevelopment,
	table:   "developments",
	alias:   "d",
	up:      inVillage,
	names:   func(d data.Development) (string, string) { return d.Township, d.Village },
	keyCols: [2]string{"id_number", ""},
	key:     func(d data.Development) (string, int) { return d.IDNumber, 0 },
	sel: `SELECT d.id, t.name, v.name, d.name, d.id_number, d.gender, d.birth, d.ethnicity, d.education, d.applied, d.activist,
		d.candidate, d.admitted, d.confirmed, d.contact, d.sponsors, d.vetting, d.note
		FROM developments d JOIN villages v ON v.id = d.village_id JOIN townships t ON t.id = v.township_id`,
	live:  "d.deleted_at IS NULL AND v.deleted_at IS NULL AND t.deleted_at IS NULL",
	order: "t.name, v.name, d.applied, d.id",
	insert: `INSERT INTO developments (village_id, name, id_number, gender, birth, ethnicity, education, applied, activist,
		candidate, admitted, confirmed, contact, sponsors, vetting, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE developments SET village_id = ?, name = ?, id_number = ?, gender = ?, birth = ?, ethnicity = ?, education = ?,
		applied = ?, activist = ?, candidate = ?, admitted = ?, confirmed = ?, contact = ?, sponsors = ?, vetting = ?, note = ?,
		updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanDevelopment,
	id:   func(d data.Development) int64 { return d.ID },
	args: func(_ refs, villageID int64, d data.Development) ([]any, error) {
		return []any{villageID, d.Name, d.IDNumber, string(d.Gender), nullDate(d.Birth), d.Ethnicity, string(d.Education),
			nullDate(d.Applied), nullDate(d.Activist), nullDate(d.Candidate), nullDate(d.Admitted), nullDate(d.Full),
			d.Contact, d.Sponsors, d.Vetting, d.Note}, nil
	},
	desc: data.DevelopmentDesc,
	keyText: func(d data.Development) string {
		return d.Township + "/" + d.Village + "/" + d.Name + "/" + data.MaskID(d.IDNumber)
	},
	label: developmentLabel,
	years: developmentYears,
}

// developmentsOf is the condition of the development records of year (every record when 0):
// applied by its end and not yet full members before it began (data.Development.OfYear).
func developmentsOf(year int) (string, []any) {
	if year == 0 {
		return developmentKind.live, nil
	}
	return "d.applied < ? AND (d.confirmed IS NULL OR d.confirmed >= ?) AND " + developmentKind.live,
		[]any{yearStart(year + 1), yearStart(year)}
}

// Developments lists the development records of a year (every record when year is 0): the
// people who had applied by its end and were not yet full members before it began, that are
// not deleted and whose village is not deleted.
func (s *Store) Developments(ctx context.Context, year int) ([]data.Development, error) {
	where, args := developmentsOf(year)
	return listRead(ctx, s, developmentKind, where, args...)
}

// SaveDevelopment fills 性别 and 出生日期 from the ID when absent, then inserts a development
// record (ID 0; a deleted one with the same key is restored) or updates one. Its village must
// exist. It is refused when a year whose figures it changes is locked (developmentYears).
func (s *Store) SaveDevelopment(ctx context.Context, d *data.Development) error {
	d.FillFromID()
	return save(ctx, s, developmentKind, *d, &d.ID, d.Validate(s.now()))
}

// DeleteDevelopment moves a development record to the recycle bin.
func (s *Store) DeleteDevelopment(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, developmentKind, id)
}

func scanCommendation(sc scanner) (data.Commendation, error) {
	var c data.Commendation
	var category, level string
	var date sql.NullString
	if err := sc.Scan(&c.ID, &c.Year, &c.Township, &c.Village, &category, &c.Subject, &c.IDNumber, &level, &date, &c.DocNo); err != nil {
		return c, err
	}
	c.Category, c.Level = data.CommendCategory(category), data.CommendLevel(level)
	var err error
	c.Date, err = parseDate(date)
	return c, err
}

func commendationLabel(c data.Commendation) string {
	return fmt.Sprintf("乡镇“%s”%d年度%s表彰“%s”（%s）", c.Township, c.Year, c.Level, c.Subject, c.Category)
}

var commendationKind = &kindSpec[data.Commendation]{
	code:    data.CodeCommendation,
	table:   "commendations",
	alias:   "r",
	up:      inTownship,
	names:   func(c data.Commendation) (string, string) { return c.Township, "" },
	keyCols: [2]string{"commend_key", "year"},
	key: func(c data.Commendation) (string, int) {
		return string(c.Category) + "/" + string(c.Level) + "/" + c.Subject + "/" + c.IDNumber, c.Year
	},
	sel: `SELECT r.id, r.year, t.name, coalesce(v.name, ''), r.category, r.subject, r.id_number, r.level, r.date, r.doc_no
		FROM commendations r JOIN townships t ON t.id = r.township_id LEFT JOIN villages v ON v.id = r.village_id`,
	// A commendation stays listed when the village it names is deleted, as a complaint does.
	live: "r.deleted_at IS NULL AND t.deleted_at IS NULL",
	// By category in the yearbook's order (先进基层党组织 first), then as entered.
	order: "t.name, r.year, instr('" + strings.Join(data.Strings(data.CommendCategories...), "/") + "', r.category), r.id",
	insert: `INSERT INTO commendations (township_id, year, village_id, category, subject, id_number, level, date, doc_no,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	update: `UPDATE commendations SET township_id = ?, year = ?, village_id = ?, category = ?, subject = ?, id_number = ?,
		level = ?, date = ?, doc_no = ?, updated_at = ?, deleted_at = NULL WHERE id = ?`,
	scan: scanCommendation,
	id:   func(c data.Commendation) int64 { return c.ID },
	// A commendation's 村名, when given, must be a listed village of its township.
	args: func(p refs, townshipID int64, c data.Commendation) ([]any, error) {
		var vid any
		if c.Village != "" {
			id, err := p.village(c.Township, c.Village, commendationLabel(c))
			if err != nil {
				return nil, err
			}
			vid = id
		}
		return []any{townshipID, c.Year, vid, string(c.Category), c.Subject, c.IDNumber, string(c.Level), nullDate(c.Date), c.DocNo}, nil
	},
	desc: data.CommendationDesc,
	keyText: func(c data.Commendation) string {
		s := c.Township + "/" + strconv.Itoa(c.Year) + "/" + string(c.Category) + "/" + string(c.Level) + "/" + c.Subject
		if c.IDNumber != "" {
			s += "（" + data.MaskID(c.IDNumber) + "）"
		}
		return s
	},
	label: commendationLabel,
	round: func(c data.Commendation) int { return c.Year },
}

// Commendations lists the commendations of a year (every year when 0) that are not deleted.
func (s *Store) Commendations(ctx context.Context, year int) ([]data.Commendation, error) {
	if year == 0 {
		return listRead(ctx, s, commendationKind, commendationKind.live)
	}
	return listRead(ctx, s, commendationKind, "r.year = ? AND "+commendationKind.live, year)
}

// SaveCommendation inserts a commendation (ID 0; a deleted one with the same key is restored)
// or updates one. Its township must exist; its 村名, when given, a village of it.
func (s *Store) SaveCommendation(ctx context.Context, c *data.Commendation) error {
	c.IDNumber = data.NormalizeID(c.IDNumber)
	return save(ctx, s, commendationKind, *c, &c.ID, c.Validate())
}

// DeleteCommendation moves a commendation to the recycle bin.
func (s *Store) DeleteCommendation(ctx context.Context, id int64) error {
	return deleteRec(ctx, s, commendationKind, id)
}

// readPartyWork reads the year's development records and commendations (every record when
// round is 0) into l, narrowed by in and plus as readRoundRest is.
func readPartyWork(ctx context.Context, q rowSource, l *data.Ledger, round int, in func(string, ...any) (string, []any), plus string) error {
	where, args := developmentKind.live, []any(nil)
	if round != 0 {
		where = plus + "d.applied < ? AND (d.confirmed IS NULL OR d.confirmed >= ?) AND " + developmentKind.live
		args = []any{yearStart(round + 1), yearStart(round)}
	}
	w, a := in(where, args...)
	var err error
	if l.Developments, err = listFrom(ctx, q, developmentKind, w, a...); err != nil {
		return err
	}
	where, args = commendationKind.live, nil
	if round != 0 {
		where, args = plus+"r.year = ? AND "+commendationKind.live, []any{round}
	}
	w, a = in(where, args...)
	l.Commendations, err = listFrom(ctx, q, commendationKind, w, a...)
	return err
}

// upsertPartyWork writes the batch's development records and commendations.
func (im *importer) upsertPartyWork(b data.Batch) error {
	if _, err := upsertKind(im, developmentKind, nil, b.Developments); err != nil {
		return err
	}
	_, err := upsertKind(im, commendationKind, nil, b.Commendations)
	return err
}
