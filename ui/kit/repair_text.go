package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/backend"
)

// RepairLines tell the person in plain words what a cache repair did and
// what it saved, in the window's language. The technical cause is left to
// RepairCause: it comes from the storage layer in English.
func RepairLines(r backend.Repair) []string {
	out := []string{lang.L("This account's local data was damaged. It was set aside, and the account is syncing again from the marketplace.")}
	if r.MovedTo != "" {
		out = append(out, lang.L("The damaged file was kept as {{.Path}}.", map[string]any{"Path": r.MovedTo}))
	}
	switch {
	case r.Actions > 0:
		out = append(out, lang.L("{{.N}} queued actions were saved; {{.Pending}} of them are sent with the next sync.",
			map[string]any{"N": r.Actions, "Pending": r.Pending}))
	default:
		out = append(out, lang.L("No queued actions could be found in the damaged file."))
	}
	if r.Unreadable > 0 {
		out = append(out, lang.L("{{.N}} queued actions could not be read and are lost: queue them again if they are still needed.",
			map[string]any{"N": r.Unreadable}))
	}
	if r.Notices > 0 {
		out = append(out, lang.L("The log of {{.N}} notifications was kept, so none is shown twice.", map[string]any{"N": r.Notices}))
	}
	return out
}

// RepairCause is the damage found, for the detail line ("" when the cache
// was rebuilt on request).
func RepairCause(r backend.Repair) string {
	if r.Problem == "" {
		return ""
	}
	return lang.L("Cause: {{.Problem}}", map[string]any{"Problem": r.Problem})
}

// Paragraphs shows each non-empty line as its own wrapped label, so a
// report of several sentences reads as short paragraphs, not one block.
func Paragraphs(lines []string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, line := range lines {
		if line != "" {
			l := widget.NewLabel(line)
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
	}
	return box
}
