package quickreply

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Conflict says what an import does with a reply whose category and title
// are already in the personal set.
type Conflict int

// Conflict policies.
const (
	KeepMine   Conflict = iota // the personal reply stays; the imported one is skipped
	TakeTheirs                 // the imported text replaces the personal one (its ID stays)
)

// ImportResult counts what an import did.
type ImportResult struct {
	Added, Replaced, Skipped int
}

// ImportPersonal merges the file at path into the personal set. The whole
// file is checked first: a malformed or hostile file is an error and
// changes nothing. Replies already there (same category and title) follow
// policy; identical ones are skipped either way.
func (l *Library) ImportPersonal(path string, policy Conflict) (ImportResult, error) {
	f, err := readFile(path)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = l.edit(func(rs []Reply) ([]Reply, error) {
		res = ImportResult{}
		for _, in := range f.Replies {
			i := slices.IndexFunc(rs, func(x Reply) bool { return x.identity() == in.identity() })
			switch {
			case i < 0:
				if slices.ContainsFunc(rs, func(x Reply) bool { return x.ID == in.ID }) {
					in.ID = newID() // another reply has its ID: keep both
				}
				rs = append(rs, in)
				res.Added++
			case policy == TakeTheirs && rs[i].Text != in.Text:
				rs[i].Text = in.Text
				res.Replaced++
			default:
				res.Skipped++
			}
		}
		return rs, nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// ImportShared checks the file at path and copies it into the shared folder
// under its own file name, replacing an older copy of the same set. It
// returns the set's name and its number of replies. A bad file changes nothing.
func (l *Library) ImportShared(path string) (name string, n int, err error) {
	f, err := readFile(path)
	if err != nil {
		return "", 0, err
	}
	base := filepath.Base(path)
	if !strings.HasSuffix(strings.ToLower(base), ".json") {
		base += ".json"
	}
	if f.Name == "" {
		f.Name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if err := writeSet(filepath.Join(l.shared, base), f.Name, f.Replies); err != nil {
		return "", 0, err
	}
	return f.Name, len(f.Replies), nil
}

// ExportPersonal writes the personal set to path as a file others can
// import or distribute as a shared set (0600, atomically). name names the set.
func (l *Library) ExportPersonal(path, name string) (int, error) {
	rs, err := l.Personal()
	if err != nil {
		return 0, err
	}
	if err := checkField("name", name, MaxCategory, false); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if err := writeSet(path, name, rs); err != nil {
		return 0, err
	}
	return len(rs), nil
}

// RemoveShared deletes a shared set's file from the shared folder by its
// file name (as ImportShared stored it).
func (l *Library) RemoveShared(file string) error {
	if file != filepath.Base(file) || !strings.HasSuffix(file, ".json") {
		return fmt.Errorf("remove shared set: %q is not a file of the shared folder", file)
	}
	return os.Remove(filepath.Join(l.shared, file))
}
