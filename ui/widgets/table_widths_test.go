package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
)

// cellWidth is the drawn width of the first cell showing text.
func cellWidth(t *testing.T, root fyne.CanvasObject, text string) float32 {
	t.Helper()
	var w float32
	uitest.Walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && w == 0 {
			w = l.Size().Width
		}
	})
	require.NotZero(t, w, "no cell shows %q", text)
	return w
}

func TestTableColumnsWidenWithTheWindow(t *testing.T) {
	// given a table whose columns declare 120 + 100 + 140 units
	h := newTblHarness(t, tblStore(t, tblOrders(3)))
	status := string(domain.OrderCancelled)
	declared := cellWidth(t, h.win.Content(), status)

	// when the window is made much wider than that
	h.win.Resize(fyne.NewSize(1000, 300))

	// then the status column grew with it, in proportion
	wide := cellWidth(t, h.win.Content(), status)
	assert.Greater(t, wide, declared*2, "declared %v, at 1000 wide %v", declared, wide)

	// when the window is made narrower than the columns
	h.win.Resize(fyne.NewSize(300, 300))

	// then the column shrinks, but only so far
	narrow := cellWidth(t, h.win.Content(), status)
	assert.Less(t, narrow, wide)
	assert.GreaterOrEqual(t, narrow, float32(100)-16, "a short column keeps its declared width")
}

func TestColumnWidthsShareTheWidthInProportion(t *testing.T) {
	assert.Equal(t, []float32{200, 400}, columnWidths([]float32{100, 200}, nil, 600))
	assert.Equal(t, []float32{100, 110}, columnWidths([]float32{100, 200}, nil, 100), "shrinks no column below shrinkFloor")
	assert.Equal(t, []float32{100, 155, 130}, columnWidths([]float32{100, 200, 150}, nil, 385), "the wide columns give up their extra in proportion")
	assert.Equal(t, []float32{240, 110, 110}, columnWidths([]float32{300, 130, 150}, []float32{240, 110, 110}, 300),
		"a column with a MinWidth keeps it while the others shrink to the floor")
	assert.Equal(t, []float32{100, 200}, columnWidths([]float32{100, 200}, nil, 0), "unknown width keeps the declared ones")
}
