package sandbox

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/koogallery/merchant-console/domain"
)

// errBadCursor covers a malformed, foreign or unknown cursor alike: the
// client must start again from an empty cursor.
var errBadCursor = errors.New("cursor is malformed, foreign or unknown")

// encodeCursor makes an opaque cursor: account, resource, sequence and the
// server's epoch (a cursor from another sandbox run is unknown here).
func encodeCursor(account string, res domain.Resource, seq int64, epoch uint64) string {
	raw := "c1|" + account + "|" + string(res) + "|" + strconv.FormatInt(seq, 10) + "|" + strconv.FormatUint(epoch, 36)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor checks a cursor against the account, resource, epoch and the
// account's current sequence; an empty cursor means from the beginning.
func decodeCursor(c, account string, res domain.Resource, epoch uint64, seq int64) (int64, error) {
	if c == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, errBadCursor
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 5 || parts[0] != "c1" || parts[1] != account || parts[2] != string(res) ||
		parts[4] != strconv.FormatUint(epoch, 36) {
		return 0, errBadCursor
	}
	v, err := strconv.ParseInt(parts[3], 10, 64)
	if err != nil || v < 0 || v > seq {
		return 0, errBadCursor
	}
	return v, nil
}
