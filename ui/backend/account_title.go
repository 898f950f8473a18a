package backend

import "fyne.io/fyne/v2/lang"

// Title is how the account switcher and Settings name the account: its label
// (or ID) and site, and how many things wait on the user when todo > 0.
func (a AccountInfo) Title(todo int) string {
	label := a.Label
	if label == "" {
		label = a.ID
	}
	text := label + " (" + a.siteShort() + ")"
	if todo > 0 {
		text += " · " + lang.L("{{.N}} to do", map[string]any{"N": todo})
	}
	return text
}

// siteShort names the account's site in a few words of the window's
// language, not its config code ("custom" read as English in the Chinese window).
func (a AccountInfo) siteShort() string {
	if a.Sandbox {
		return lang.L("sandbox")
	}
	switch a.Site {
	case "cn":
		return lang.L("China site")
	case "intl":
		return lang.L("International site")
	case "eu":
		return lang.L("Europe site")
	case "custom":
		return lang.L("own address")
	}
	return a.Site
}
