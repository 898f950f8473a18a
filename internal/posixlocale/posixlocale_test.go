package posixlocale

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestApply(t *testing.T) {
	cases := []struct {
		name               string
		lcAll, lcMsg, lang string
		wantKey, wantValue string
	}{
		{"LANG=C", "", "", "C", "LANG", "en_US.UTF-8"},
		{"LANG=C.UTF-8", "", "", "C.UTF-8", "LANG", "en_US.UTF-8"},
		{"LC_ALL=POSIX wins over LANG", "POSIX", "", "zh_CN.UTF-8", "LC_ALL", "en_US.UTF-8"},
		{"Chinese stays Chinese", "", "", "zh_CN.UTF-8", "LANG", "zh_CN.UTF-8"},
		{"LC_MESSAGES set, C in LANG ignored", "", "zh_CN.UTF-8", "C", "LANG", "C"},
		{"a locale merely starting with C stays", "", "", "CA.UTF-8", "LANG", "CA.UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// given the locale variables of a machine
			t.Setenv("LC_ALL", c.lcAll)
			t.Setenv("LC_MESSAGES", c.lcMsg)
			t.Setenv("LANG", c.lang)

			// when the package's fix runs
			Apply()

			// then the POSIX locale reads as English and anything else is untouched
			assert.Equal(t, c.wantValue, os.Getenv(c.wantKey))
		})
	}
}
