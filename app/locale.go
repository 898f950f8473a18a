package app

import (
	"os"
	"strings"
)

// englishForPOSIXLocale: containers and CI often run with LANG=C.UTF-8, the
// POSIX locale, whose messages are English. Fyne's locale lookup turns it
// into the tag "C", fails to parse it and logs an error on every language
// change; saying LANGUAGE=en means the same and parses.
func englishForPOSIXLocale() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			_ = os.Setenv("LANGUAGE", "en") // cannot fail for these names
		}
		return
	}
}
