package export

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestLocalZoneHasARealName(t *testing.T) {
	cases := map[string]string{"Asia/Shanghai": "Asia/Shanghai", ":Europe/Berlin": "Europe/Berlin",
		"/usr/share/zoneinfo/America/New_York": "America/New_York", "": "UTC"}
	for tz, want := range cases {
		t.Run(tz, func(t *testing.T) {
			// given the zone in TZ
			t.Setenv("TZ", tz)

			// when the local zone is looked up
			loc := LocalZone()

			// then it carries the zone's name, not "Local"
			assert.Equal(t, want, loc.String())
		})
	}
}

func TestLocalZoneWithoutANameIsNamedByItsOffset(t *testing.T) {
	// given a TZ that names no zone database entry
	t.Setenv("TZ", "Nowhere/Atlantis")

	// when the local zone is looked up
	loc := LocalZone()

	// then it is named by the machine's current offset
	_, offset := time.Now().Zone()
	assert.Equal(t, offsetName(offset), loc.String())
	assert.Equal(t, "UTC+08:00", offsetName(8*3600))
	assert.Equal(t, "UTC-03:30", offsetName(-(3*3600 + 1800)))
}
