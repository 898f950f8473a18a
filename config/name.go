package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLen is the longest account name accepted, in characters.
const MaxNameLen = 64

// ValidateName checks an account name: 1..MaxNameLen printable characters,
// no surrounding spaces, no path separators. Chinese shop names are welcome.
func ValidateName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("config: account name is empty")
	case !utf8.ValidString(name):
		return fmt.Errorf("config: account name %q is not valid UTF-8", name)
	case utf8.RuneCountInString(name) > MaxNameLen:
		return fmt.Errorf("config: account name %q is longer than %d characters", name, MaxNameLen)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("config: account name %q has leading or trailing spaces", name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("config: account name %q contains a path separator", name)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return fmt.Errorf("config: account name %q contains a control or invisible character", name)
		}
	}
	return nil
}

// SafeName turns a valid account name into a directory name that is safe on
// Linux, macOS and Windows and unique per name: a readable ASCII slug plus 8
// hex digits of the name's SHA-256. The hash keeps "Shop" and "shop" apart on
// case-insensitive file systems and names that slug identically ("商店A",
// "店铺A") distinct; the slug avoids Windows' reserved names (CON, NUL, ...)
// because the suffix is always appended.
func SafeName(name string) (string, error) {
	if err := ValidateName(name); err != nil {
		return "", err
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 32 {
			break
		}
	}
	slug := strings.Trim(b.String(), "-")
	if slug == "" {
		slug = "account"
	}
	sum := sha256.Sum256([]byte(name))
	return slug + "-" + hex.EncodeToString(sum[:4]), nil
}
