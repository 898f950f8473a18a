package marketapi

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAttachmentPathRoundTripsIDsWithSlashesAndRefusesOtherPaths(t *testing.T) {
	// given IDs holding characters a path would misread
	tid, aid := "TK/1%", "A 1/../x"

	// when the path is built and parsed back
	gotT, gotA, ok := ParseAttachmentPath(AttachmentPath(tid, aid))

	// then the same IDs come back, and neighbouring paths are not attachments
	assert.True(t, ok)
	assert.Equal(t, tid, gotT)
	assert.Equal(t, aid, gotA)
	for _, p := range []string{DetailPath("tickets", "T1"), ActionPath("tickets", "T1", "reply"),
		DetailPath("orders", "T1") + "/attachments/A1", DetailPath("tickets", "T1") + "/attachments/"} {
		_, _, ok := ParseAttachmentPath(p)
		assert.False(t, ok, p)
	}
}
