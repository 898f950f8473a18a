package kit

import (
	"context"
	"errors"
	"net"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/syncer"
)

// Problem is an error as a person wants it: what happened, and what to do.
// The Go error text goes to the log, never to the screen.
type Problem struct {
	What string
	Todo string
}

// Explain turns an error into a Problem. Unknown errors get a general
// sentence and the advice to look at the log, rather than a stack trace.
func Explain(err error) Problem {
	for _, rule := range problemRules {
		if p, ok := rule(err); ok {
			return p
		}
	}
	return Problem{
		What: lang.L("Something went wrong."),
		Todo: lang.L("Try again. If it keeps happening, the log file has the details."),
	}
}

// ErrorText is Explain as one line: "what happened. what to do."
func ErrorText(err error) string {
	p := Explain(err)
	return p.What + " " + p.Todo
}

// ShowError opens a dialog explaining err; nothing happens for a nil error.
func ShowError(err error, w fyne.Window) {
	if err == nil || w == nil {
		return
	}
	p := Explain(err)
	what := widget.NewLabelWithStyle(p.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Wrapping = fyne.TextWrapWord
	todo := widget.NewLabel(p.Todo)
	todo.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Error"), lang.L("OK"), container.NewVBox(what, todo), w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

var problemRules = []func(error) (Problem, bool){
	storeProblem, keyringProblem, marketProblem, rateProblem, networkProblem,
}

func storeProblem(err error) (Problem, bool) {
	switch {
	case errors.Is(err, localstore.ErrLocked):
		return Problem{lang.L("Another copy of Merchant Console is already using this account's data."),
			lang.L("Switch to the window that is already open, or close it and start again.")}, true
	case errors.Is(err, localstore.ErrCorrupt):
		return Problem{lang.L("This account's local data is damaged."),
			lang.L("Settings → Data → Check and repair sets the file aside and syncs the account again; queued actions that can be read are kept.")}, true
	case errors.Is(err, localstore.ErrNewerSchema):
		return Problem{lang.L("The local data was written by a newer version of Merchant Console."),
			lang.L("Install the newer version, or choose another data folder in Settings.")}, true
	case errors.Is(err, localstore.ErrForeignAccount):
		return Problem{lang.L("The data file belongs to another account."),
			lang.L("Check the data folder in Settings.")}, true
	}
	return Problem{}, false
}

func keyringProblem(err error) (Problem, bool) {
	switch {
	case errors.Is(err, credentials.ErrWrongPassphrase):
		return Problem{lang.L("This passphrase does not open the credentials file."),
			lang.L("Type it again: it is the one chosen when the first account was saved in the encrypted file.")}, true
	case errors.Is(err, credentials.ErrLocked):
		return Problem{lang.L("This account's keys are in the encrypted credentials file, which is locked."),
			lang.L("Open Settings → Accounts and choose Unlock to enter its passphrase.")}, true
	case errors.Is(err, credentials.ErrNoKeyring):
		return Problem{lang.L("The system keyring does not answer, so this account's keys cannot be read from it."),
			lang.L("Open Settings → Accounts, edit the account, choose the encrypted file and enter its AK and SK again.")}, true
	case errors.Is(err, credentials.ErrNotFound):
		return Problem{lang.L("No AK/SK is saved for this account."),
			lang.L("Open Settings → Accounts, edit the account and enter its AK and SK.")}, true
	}
	return Problem{}, false
}

func marketProblem(err error) (Problem, bool) {
	var me *marketapi.Error
	if !errors.As(err, &me) {
		return Problem{}, false
	}
	switch me.Code {
	case marketapi.CodeAuthFailed, marketapi.CodeTokenInvalid:
		return Problem{lang.L("The marketplace did not accept this account's AK/SK."),
			lang.L("Check the AK and SK in Settings → Accounts, and that the computer's clock is right.")}, true
	case marketapi.CodeNotAllowed:
		return Problem{lang.L("The marketplace refused the action."),
			lang.L("Reload the record to see its current state; someone may have acted first.")}, true
	case marketapi.CodeNotFound:
		return Problem{lang.L("The marketplace no longer has this record."),
			lang.L("It may have been removed; the next sync will update the list.")}, true
	}
	return Problem{lang.L("The marketplace answered with an error."),
		lang.L("Try again later; the console retries by itself.")}, true
}

func rateProblem(err error) (Problem, bool) {
	var ra *syncer.RetryAfterError
	if !errors.As(err, &ra) {
		return Problem{}, false
	}
	return Problem{lang.L("The marketplace asked the console to slow down."),
		lang.L("Nothing to do: syncing resumes at {{.At}}.", map[string]any{"At": FormatDateTime(ra.Until)})}, true
}

func networkProblem(err error) (Problem, bool) {
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) {
		return Problem{lang.L("The marketplace cannot be reached."),
			lang.L("Check the network connection. Your actions wait in the outbox and are sent when it is back.")}, true
	}
	return Problem{}, false
}
