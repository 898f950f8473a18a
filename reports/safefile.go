package reports

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// maxFileNameBytes keeps names well under the 255-byte limit of common file
// systems, leaving room for the temporary suffix.
const maxFileNameBytes = 200

// SafeFileName turns a user- or data-supplied name (an account name, a
// product name) into a file name that is safe on Windows, macOS and Linux:
// path separators, reserved characters and control characters become "_",
// leading dots and trailing dots/spaces go, Windows device names get a
// prefix, bidi controls (which can disguise an extension) become "_", and
// the result is never empty.
func SafeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f, isBidiControl(r), strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.TrimLeft(b.String(), ". ")
	s = strings.TrimRight(s, ". ")
	s = truncateUTF8(s, maxFileNameBytes)
	if s == "" {
		return "export"
	}
	if isWindowsDevice(s) {
		s = "_" + s
	}
	return s
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], ". ")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func isWindowsDevice(s string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	return false
}

// writeAtomic creates a temporary file next to path, lets write fill it,
// then syncs and renames it onto path. On any error, or if ctx is done, the
// temporary file is removed and path is left untouched.
func writeAtomic(ctx context.Context, path string, write func(f *os.File) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.part")
	if err != nil {
		return fileErr("create", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fileErr("write", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fileErr("write", path, err)
	}
	// Exports hold customers' phone numbers and e-mail addresses: owner only
	// (CreateTemp makes the file 0600 already; this states it).
	if err = os.Chmod(tmp.Name(), 0o600); err != nil {
		return fileErr("write", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fileErr("rename", path, err)
	}
	return nil
}
