package shell

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
	"github.com/koogallery/merchant-console/ui/widgets"
)

// AgentName is the name the user acts under on tickets: the one they gave,
// else a neutral word. Never the login name: on a shared or root session it
// would tell customers "root".
func (s *Shell) AgentName() string {
	if n := strings.TrimSpace(s.prefs.AgentName()); n != "" {
		return n
	}
	return lang.L("Agent")
}

// askAgentNameOnce asks for the display name the first time the console
// runs; Settings can change it later. Skipping leaves "Agent" in use and
// the question comes back at the next start.
func (s *Shell) askAgentNameOnce() {
	if strings.TrimSpace(s.prefs.AgentName()) != "" {
		return
	}
	name := widgets.NewEntry()
	name.SetPlaceHolder(lang.L("e.g. Wang Fang, Support team"))
	name.Validator = kit.RequiredText
	items := []*widget.FormItem{widget.NewFormItem(lang.L("My name on tickets"), name)}
	items[0].HintText = lang.L("Customers see this name on your replies.")
	dlg := dialog.NewForm(lang.L("Welcome"), lang.L("Save"), lang.L("Later"), items, func(ok bool) {
		if ok {
			s.prefs.SetAgentName(strings.TrimSpace(name.Text))
		}
	}, s.win)
	name.OnSubmitted = func(string) { dlg.Submit() } // Enter saves, as the Save button does (Submit checks the name first)
	dlg.Resize(fyne.NewSize(460, 220))
	dlg.Show()
	s.win.Canvas().Focus(name)
}
