package quickreply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The file format, for import, export and the shared sets:
//
//	{"schema": "merchant-console/quick-replies", "version": 1,
//	 "name": "售后组", "replies": [{"id": "…", "title": "…", "category": "…", "text": "…"}]}
//
// Unknown fields are refused (a typo would lose a field silently); a newer
// version is refused with a message saying so.
const (
	Schema  = "merchant-console/quick-replies"
	Version = 1
)

// Limits on a file, so a hostile or broken one cannot exhaust the console.
const (
	MaxFileBytes = 2 << 20
	MaxReplies   = 2000
	MaxTitle     = 100  // characters
	MaxCategory  = 50   // characters
	MaxText      = 5000 // characters
)

// ErrBadFile wraps every reason a file is refused.
var ErrBadFile = errors.New("not a valid quick-reply file")

// File is a set of replies as stored and exchanged.
type File struct {
	Schema  string  `json:"schema"`
	Version int     `json:"version"`
	Name    string  `json:"name,omitempty"` // a shared set's name, e.g. the team's
	Replies []Reply `json:"replies"`
}

// Decode reads and checks a file: the schema and version, the limits, every
// reply's fields, and no two replies with the same category and title or
// the same ID. Replies without an ID get one. On any error nothing is
// returned but the error, which says where the problem is.
func Decode(r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return File{}, fmt.Errorf("%w: read: %v", ErrBadFile, err)
	}
	if len(data) > MaxFileBytes {
		return File{}, fmt.Errorf("%w: larger than %d bytes", ErrBadFile, MaxFileBytes)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return File{}, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	if dec.More() {
		return File{}, fmt.Errorf("%w: data after the end of the set", ErrBadFile)
	}
	if err := f.check(); err != nil {
		return File{}, fmt.Errorf("%w: %v", ErrBadFile, err)
	}
	for i := range f.Replies {
		if f.Replies[i].ID == "" {
			f.Replies[i].ID = newID()
		}
	}
	return f, nil
}

func (f File) check() error {
	switch {
	case f.Schema != Schema:
		return fmt.Errorf("schema is %q, want %q", f.Schema, Schema)
	case f.Version > Version:
		return fmt.Errorf("version %d is newer than this console reads (%d): update the console", f.Version, Version)
	case f.Version < 1:
		return fmt.Errorf("version %d is not a version", f.Version)
	case len(f.Replies) > MaxReplies:
		return fmt.Errorf("%d replies, at most %d", len(f.Replies), MaxReplies)
	}
	if err := checkField("name", f.Name, MaxCategory, false); err != nil {
		return err
	}
	seen, ids := map[string]int{}, map[string]int{}
	for i, r := range f.Replies {
		if err := r.check(); err != nil {
			return fmt.Errorf("reply %d: %v", i+1, err)
		}
		if j, dup := seen[r.identity()]; dup {
			return fmt.Errorf("replies %d and %d are both %q in category %q", j+1, i+1, r.Title, r.Category)
		}
		seen[r.identity()] = i
		if j, dup := ids[r.ID]; dup && r.ID != "" {
			return fmt.Errorf("replies %d and %d have the same id %q", j+1, i+1, r.ID)
		}
		ids[r.ID] = i
	}
	return nil
}

// check validates one reply's fields: what the console's editor enforces too.
func (r Reply) check() error {
	if err := checkField("title", r.Title, MaxTitle, true); err != nil {
		return err
	}
	if err := checkField("category", r.Category, MaxCategory, false); err != nil {
		return err
	}
	if len(r.ID) > 64 || strings.ContainsFunc(r.ID, func(c rune) bool { return !isIDRune(c) }) {
		return fmt.Errorf("id %q: at most 64 letters, digits, '-' or '_'", r.ID)
	}
	return checkText(r.Text)
}

func isIDRune(c rune) bool {
	return c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_')
}

// checkField checks a one-line field: no control characters, a length cap.
func checkField(what, s string, limit int, required bool) error {
	switch {
	case required && strings.TrimSpace(s) == "":
		return fmt.Errorf("%s is empty", what)
	case utf8.RuneCountInString(s) > limit:
		return fmt.Errorf("%s is longer than %d characters", what, limit)
	case strings.ContainsFunc(s, unicode.IsControl):
		return fmt.Errorf("%s contains a control character", what)
	}
	return nil
}

// checkText allows line breaks and tabs in a reply's text, nothing else
// invisible.
func checkText(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New("text is empty")
	case utf8.RuneCountInString(s) > MaxText:
		return fmt.Errorf("text is longer than %d characters", MaxText)
	case strings.ContainsFunc(s, func(c rune) bool { return unicode.IsControl(c) && c != '\n' && c != '\t' && c != '\r' }):
		return errors.New("text contains a control character")
	}
	return nil
}

// Encode writes a set as a version-1 file, indented for people to read.
func Encode(w io.Writer, name string, replies []Reply) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if replies == nil {
		replies = []Reply{}
	}
	return enc.Encode(File{Schema: Schema, Version: Version, Name: name, Replies: replies})
}
