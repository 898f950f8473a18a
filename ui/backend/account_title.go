package backend

import "fyne.io/fyne/v2/lang"

// Title is how the account switcher and Settings name the account: its label
// (or ID) and site, and how many things wait on the user when todo > 0.
func (a AccountInfo) Title(todo int) string {
	label := a.Label
	if label == "" {
		label = a.ID
	}
	site := a.Site
	if a.Sandbox {
		site = lang.L("sandbox")
	}
	text := label + " (" + site + ")"
	if todo > 0 {
		text += " · " + lang.L("{{.N}} to do", map[string]any{"N": todo})
	}
	return text
}
