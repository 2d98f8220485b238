package reports

// keepRows is how many of a table's last rows go with the signature block when it would
// otherwise stand alone at the top of a page: the block is signed for the table above it,
// and a page holding nothing but signatures is easily lost or swapped.
const keepRows = 2

// keeping notes the rows of ledger tables (those listing records, with a 序号 column)
// drawn, so that a report whose signature block landed on a page without such rows can be
// drawn again with the page broken earlier: the block then shares its page with the last
// rows of the ledger and whatever follows them (the figures, the totals by category).
type keeping struct {
	rows     int // ledger rows drawn so far
	pageRows int // ledger rows drawn on the current page
	// lonely is set by the signature block when the page it lands on holds no ledger
	// row: the number of rows drawn before it.
	lonely int
	// breakBefore, set for the second drawing, starts a new page before that row
	// (1-based), so that it and the rows after it share the signature's page.
	breakBefore int
}

// beforeRow breaks the page before the row the second drawing keeps with the signature.
func (d *doc) beforeRow(t *table) {
	if t.ledger && d.keep.breakBefore == d.keep.rows+1 && d.keep.pageRows > 0 {
		d.newPage()
	}
}

// afterRow counts a ledger row drawn; a 合计 or 小计 row (drawn in colorTotal) is no record
// and does not count.
func (d *doc) afterRow(t *table, fill [3]int) {
	if !t.ledger || fill == colorTotal {
		return
	}
	d.keep.rows++
	d.keep.pageRows++
}

// noteSignature, called once the signature block's page is settled, notes a block standing
// without any ledger row on its page.
func (d *doc) noteSignature() {
	if d.keep.pageRows == 0 && d.keep.rows > 0 && d.keep.lonely == 0 {
		d.keep.lonely = d.keep.rows
	}
}

// drawKept draws a report with draw; when its signature block stood on a page without table
// rows, it draws it again on a new doc, breaking the page before the last keepRows rows, and
// returns that one. It draws it again too when a line drawn at the end (deferLine) needs
// another layout than the one it was given room for. draw must draw the same from the same
// input, as every report does.
func drawKept(newDoc func() *doc, draw func(d *doc)) *doc {
	d := newDoc()
	draw(d)
	d.drawPending()
	if n := d.keep.lonely; n > 0 || d.redraw {
		known := d.known
		d = newDoc()
		if n > 0 {
			d.keep.breakBefore = max(n-keepRows+1, 1)
		}
		d.guess = known
		draw(d)
	}
	return d
}
