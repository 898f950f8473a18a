package domain

import "math"

// shareTolerance is how far a line's settled amount may stray from order
// amount × share and still be right: the marketplace rounds each line to
// the fen, and a rate such as 70% of ¥1.99 lands between two fen.
const shareTolerance Money = 1

// ShareAmount is what the line should settle to the seller: its order
// amount times its share rate, rounded to the fen (half away from zero, so
// a refund line mirrors the line it pays back).
func (l BillLine) ShareAmount() Money {
	return Money(math.Round(float64(l.OrderAmount) * l.ShareRate))
}

// ShareDifference is how much the settled amount exceeds (positive) or
// falls short of (negative) order amount × share; zero when the two agree
// within a fen.
func (l BillLine) ShareDifference() Money {
	d := l.Amount - l.ShareAmount()
	if d >= -shareTolerance && d <= shareTolerance {
		return 0
	}
	return d
}

// ShareMismatch is one bill line whose settled amount is not its order
// amount times its share rate ("¥20,000.00 × 75% = ¥16,000.00").
type ShareMismatch struct {
	Line     BillLine
	Expected Money // Line.ShareAmount()
	Diff     Money // Line.ShareDifference(): settled minus expected
}

// ShareMismatches lists, in line order, the lines whose settlement does not
// match amount × share. A bill can add up (lines sum to its amount) and
// still settle a line at the wrong rate: this is the check a reviewer makes
// line by line.
func (b Bill) ShareMismatches() []ShareMismatch {
	var out []ShareMismatch
	for _, l := range b.Lines {
		if d := l.ShareDifference(); d != 0 {
			out = append(out, ShareMismatch{Line: l, Expected: l.ShareAmount(), Diff: d})
		}
	}
	return out
}
