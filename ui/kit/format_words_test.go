package kit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/i18n"
)

func TestFormatDuration_DaysInTheWindowsLanguage(t *testing.T) {
	span := 4*24*time.Hour + 21*time.Hour + 13*time.Minute + 5*time.Second
	cases := []struct {
		lang i18n.Language
		want string
	}{
		{i18n.Chinese, "4天 21:13:05"},
		{i18n.English, "4d 21:13:05"},
	}
	for _, tc := range cases {
		t.Run(string(tc.lang), func(t *testing.T) {
			require.NoError(t, ApplyLanguage(tc.lang))
			t.Cleanup(func() { _ = ApplyLanguage(i18n.English) })
			assert.Equal(t, tc.want, FormatDuration(span))
			assert.Equal(t, "0:09:59", FormatDuration(9*time.Minute+59*time.Second))
		})
	}
}

func TestFormatDate_OneLayoutInBothLanguages(t *testing.T) {
	SetDisplayLocation(time.UTC)
	t.Cleanup(func() { SetDisplayLocation(nil) })
	at := time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)
	for _, l := range []i18n.Language{i18n.Chinese, i18n.English} {
		require.NoError(t, ApplyLanguage(l))
		assert.Equal(t, "2026-03-04", FormatDate(at))
		assert.Equal(t, "2026-03-04 05:06", FormatDateTime(at))
		back, err := ParseDate(" 2026-03-04 ")
		require.NoError(t, err)
		assert.Equal(t, "2026-03-04", FormatDate(back))
		_, err = ParseDate("04/03/2026")
		assert.ErrorContains(t, err, "2026-10-31", "the error shows how to write a date")
	}
	require.NoError(t, ApplyLanguage(i18n.English))
}
