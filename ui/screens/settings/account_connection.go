package settings

import (
	"context"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/ui/kit"
)

// runTest signs a whoami call with the keys the chosen store would use,
// off Fyne's goroutine.
func (f *accountForm) runTest() {
	if f.s.Backend().TestConnection == nil {
		f.result.SetText(lang.L("Testing is not available."))
		return
	}
	form := f.form()
	f.test.Disable()
	f.result.Importance = widget.MediumImportance
	f.result.SetText(lang.L("Connecting…"))
	do := kit.Do
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		who, err := f.s.Backend().TestConnection(ctx, form)
		do(func() {
			f.test.Enable()
			if err != nil {
				f.result.Importance = widget.DangerImportance
				f.result.SetText(kit.ErrorText(err))
				return
			}
			f.result.Importance = widget.SuccessImportance
			f.result.SetText(lang.L("Connected as {{.Name}} ({{.ID}}).", map[string]any{"Name": who.AccountName, "ID": who.AccountID}))
		})
	}()
}
