package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// pickedHarness is the table harness with the selection callback recorded.
func pickedHarness(t *testing.T) (*tblHarness, *[][]string) {
	t.Helper()
	h := newTblHarness(t, tblStore(t, tblOrders(10)))
	var heard [][]string
	h.table.cfg.OnSelectionChanged = func(os []domain.Order) {
		ids := make([]string, len(os))
		for i, o := range os {
			ids[i] = o.ID
		}
		heard = append(heard, ids)
	}
	return h, &heard
}

func rowID(t *testing.T, h *tblHarness, row int) string {
	t.Helper()
	o, _, ok := h.table.Row(row)
	require.True(t, ok)
	return o.ID
}

func TestTablePicksOneThenTogglesThenExtendsARange(t *testing.T) {
	// given a table over 10 orders
	h, heard := pickedHarness(t)
	r := func(i int) string { return rowID(t, h, i) }

	// when row 0 is clicked, row 2 Ctrl-clicked and row 5 Shift-clicked
	h.table.Pick(0, PickOnly)
	h.table.Pick(2, PickToggle)
	h.table.Pick(5, PickRange)

	// then rows 0 and 2 to 5 are picked, in the order picked, and each change was told
	assert.Equal(t, []string{r(0), r(2), r(3), r(4), r(5)}, h.table.PickedKeys())
	require.Len(t, *heard, 3)
	assert.Equal(t, h.table.PickedKeys(), (*heard)[2])

	// when row 3 is Ctrl-clicked, then it leaves the picks
	h.table.Pick(3, PickToggle)
	assert.Equal(t, []string{r(0), r(2), r(4), r(5)}, h.table.PickedKeys())

	// when row 7 is clicked plainly, then it is picked alone
	h.table.Pick(7, PickOnly)
	assert.Equal(t, []string{r(7)}, h.table.PickedKeys())

	// when the picks are cleared, then none are left and the screen hears it
	h.table.ClearPicks()
	assert.Empty(t, h.table.Picked())
	assert.Empty(t, (*heard)[len(*heard)-1])
}

func TestTableDrawsPickedRowsBold(t *testing.T) {
	// given rows 1 and 2 picked
	h, _ := pickedHarness(t)
	h.table.Pick(1, PickOnly)
	h.table.Pick(2, PickToggle)

	// when cells are drawn
	cell := widget.NewLabel("")
	h.table.updateCell(widget.TableCellID{Row: 2, Col: 0}, cell)
	other := widget.NewLabel("")
	h.table.updateCell(widget.TableCellID{Row: 3, Col: 0}, other)

	// then the picked row is bold and the other is not
	assert.True(t, cell.TextStyle.Bold)
	assert.False(t, other.TextStyle.Bold)
}

func TestTablePicksSurviveAReload(t *testing.T) {
	// given two picked rows
	h, _ := pickedHarness(t)
	h.table.Pick(0, PickOnly)
	h.table.Pick(1, PickToggle)
	want := h.table.PickedKeys()

	// when the list reloads after a sync
	h.table.Reload()
	h.wait(t)

	// then the same records stay picked
	assert.Equal(t, want, h.table.PickedKeys())
}

func TestPickModeFollowsTheHeldKeys(t *testing.T) {
	assert.Equal(t, PickOnly, pickModeOf(0))
	assert.Equal(t, PickToggle, pickModeOf(fyne.KeyModifierControl))
	assert.Equal(t, PickToggle, pickModeOf(fyne.KeyModifierSuper))
	assert.Equal(t, PickRange, pickModeOf(fyne.KeyModifierShift))
}
