package settings

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/ui/kit"
)

// maxActivityShown bounds the entries drawn: a month of 5-minute syncs is
// nine thousand, and the newest are the ones a person looks for.
const maxActivityShown = 200

// activityView is the account's sync activity log (localstore.SyncActivity):
// one line per sync, newest first, with its errors and set-aside records
// under it, filterable all / errors only.
type activityView struct {
	h      Host
	filter *widget.RadioGroup
	list   *fyne.Container
	root   fyne.CanvasObject
}

func newActivityView(h Host) *activityView {
	v := &activityView{h: h, list: container.NewVBox()}
	all, errs := lang.L("All syncs"), lang.L("Errors only")
	v.filter = widget.NewRadioGroup([]string{all, errs}, func(string) { v.load() })
	v.filter.Horizontal = true
	v.filter.SetSelected(all)
	v.root = container.NewBorder(v.filter, nil, nil, nil, container.NewVScroll(v.list))
	return v
}

// load reads the log off Fyne's goroutine and shows it there.
func (v *activityView) load() {
	s := v.h.Backend().StoreOf(v.h.Account())
	if s == nil {
		v.show(nil, nil)
		return
	}
	filter := localstore.ActivityAll
	if v.filter.Selected == lang.L("Errors only") {
		filter = localstore.ActivityErrors
	}
	go func() {
		acts, err := s.Activity(filter, maxActivityShown)
		kit.Do(func() { v.show(acts, err) })
	}()
}

func (v *activityView) show(acts []localstore.SyncActivity, err error) {
	var objs []fyne.CanvasObject
	if err != nil {
		objs = append(objs, wrappedText(err.Error(), widget.DangerImportance))
	}
	for _, a := range acts {
		imp := widget.MediumImportance
		if a.Failed() {
			imp = widget.DangerImportance
		}
		objs = append(objs, wrappedText(activityLine(a), imp))
		if extra := append(append([]string(nil), a.Errors...), a.SetAside...); len(extra) > 0 {
			objs = append(objs, wrappedText("  "+strings.Join(extra, "\n  "), widget.LowImportance))
		}
	}
	if len(objs) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No syncs logged in the last 30 days.")))
	}
	v.list.Objects = objs
	v.list.Refresh()
}

// wrappedText is a wrapping label with text in importance imp.
func wrappedText(text string, imp widget.Importance) *widget.Label {
	l := wrapped()
	l.SetText(text)
	l.Importance = imp
	return l
}

// showSyncActivity opens the current account's activity log in a dialog.
func showSyncActivity(h Host) {
	v := newActivityView(h)
	d := dialog.NewCustom(lang.L("Sync activity"), lang.L("Close"), v.root, h.Window())
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

// syncActivityButton is the Data section's way in.
func syncActivityButton(h Host) fyne.CanvasObject {
	return widget.NewButton(lang.L("Sync activity…"), func() { showSyncActivity(h) })
}

// activityLine is one sync in the window's language: when, what changed per
// resource (+new ~changed -removed), the outbox, and how many problems.
func activityLine(a localstore.SyncActivity) string {
	parts := []string{kit.FormatDateTime(a.At)}
	var changed []string
	for _, r := range a.Resources {
		if r.New+r.Changed+r.Removed > 0 {
			name := kit.InWindowLanguage(domain.KindOf(r.Resource).Label)
			changed = append(changed, fmt.Sprintf("%s +%d ~%d -%d", name, r.New, r.Changed, r.Removed))
		}
	}
	if len(changed) == 0 {
		changed = append(changed, lang.L("no changes"))
	}
	parts = append(parts, strings.Join(changed, ", "))
	if a.Sent+a.Rejected+a.Stopped > 0 {
		parts = append(parts, lang.L("outbox: {{.Sent}} sent, {{.Refused}} refused, {{.Held}} held",
			map[string]any{"Sent": a.Sent, "Refused": a.Rejected, "Held": a.Stopped}))
	}
	if n := len(a.Errors) + len(a.SetAside); n > 0 {
		parts = append(parts, lang.L("{{.N}} problems", map[string]any{"N": n}))
	}
	return strings.Join(parts, " · ")
}
