package i18n

import "os"

// localeVars are the POSIX locale variables in the order they take effect.
func localeVars() []string {
	return []string{os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")}
}
