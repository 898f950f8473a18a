package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
)

// DateField is a date typed as kit.DateLayout or picked from a calendar.
// It stands in for widget.DateEntry, which writes dates in the system
// locale's order (DD/MM/YYYY on a Chinese desktop) whatever language the
// console shows, so the form would disagree with every list.
type DateField struct {
	Entry
	// Date is the date shown, nil while the text is not a date.
	Date  *time.Time
	popup *widget.PopUp
}

// NewDateField returns an empty date field.
func NewDateField() *DateField {
	d := &DateField{}
	d.ExtendBaseWidget(d)
	d.PlaceHolder = "YYYY-MM-DD"
	d.Validator = func(s string) error { _, err := kit.ParseDate(s); return err }
	d.OnChanged = d.typed
	d.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.showCalendar)
	return d
}

// SetDate shows t (nil clears the field).
func (d *DateField) SetDate(t *time.Time) {
	if t == nil {
		d.Date = nil
		d.SetText("")
		return
	}
	day := *t
	d.Date = &day
	d.SetText(kit.FormatDate(day))
}

func (d *DateField) typed(s string) {
	if t, err := kit.ParseDate(s); err == nil {
		d.Date = &t
	} else {
		d.Date = nil
	}
}

func (d *DateField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(d)
	if c == nil {
		return
	}
	start := time.Now()
	if d.Date != nil {
		start = *d.Date
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.popup.Hide()
		d.SetDate(&t)
	})
	d.popup = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d)
	d.popup.ShowAtPosition(pos.AddXY(0, d.Size().Height))
}

// TypedShortcut hands the window's shortcuts on (see Entry).
func (d *DateField) TypedShortcut(s fyne.Shortcut) {
	if !passShortcutOn(d, s) {
		d.Entry.Entry.TypedShortcut(s)
	}
}

// TypedKey hands Esc to the window and types the rest.
func (d *DateField) TypedKey(k *fyne.KeyEvent) {
	if !passKeyOn(d, k) {
		d.Entry.Entry.TypedKey(k)
	}
}
