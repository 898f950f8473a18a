package kit

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// RequiredText is an entry validator that refuses blank input.
func RequiredText(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(lang.L("Required: write something here."))
	}
	return nil
}
