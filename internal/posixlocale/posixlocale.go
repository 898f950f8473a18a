// Package posixlocale makes the POSIX locale read as English before Fyne
// looks at it.
//
// Containers and CI run with LANG=C or C.UTF-8, whose messages are English.
// Fyne's locale lookup turns those into the language tag "C", fails to parse
// it and logs "Error parsing user locale C" from its own package init, so the
// fix must run before that init. This package imports only the standard
// library and package app imports it (app/locale.go), so the window and the
// app's tests get it: Go initialises, at each step, the first package in
// import-path order whose imports are ready, so it runs before go-i18n
// (which Fyne's lang package needs and which sorts after it), and therefore
// before Fyne's lang package.
package posixlocale

import (
	"os"
	"strings"
)

func init() { Apply() }

// Apply rewrites the locale variable in effect to en_US.UTF-8 when it names
// the POSIX locale; any other setting is left alone. It is exported so a
// test can check it with a controlled environment.
func Apply() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(key)
		if v == "" {
			continue
		}
		if isPOSIX(v) {
			_ = os.Setenv(key, "en_US.UTF-8") // cannot fail for a valid name
		}
		return
	}
}

func isPOSIX(v string) bool {
	name, _, _ := strings.Cut(v, ".")
	return name == "C" || name == "POSIX"
}
