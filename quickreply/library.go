package quickreply

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/koogallery/merchant-console/config"
)

// Where the sets live, under the console's config directory:
// the personal set in one file, and the shared sets as every *.json file
// of one folder. A team distributes a shared set by handing out its file:
// the agent imports it (it is checked, then copied into the folder), or an
// administrator drops it there directly (a synced or managed folder works
// too). Shared sets are read-only in the console.
const (
	PersonalFile = "quick-replies.json"
	SharedDir    = "quick-replies-shared"
)

// Errors of editing the personal set.
var (
	ErrNotFound  = errors.New("no such quick reply in the personal set")
	ErrDuplicate = errors.New("a quick reply with this category and title already exists")
)

// Library is one agent's quick replies on disk. It is safe for concurrent
// use, also by several Library values on one folder (the window and a
// command in one process): they share the folder's lock.
type Library struct {
	personal, shared string
	mu               *sync.Mutex // serialises read-modify-write of the personal file
}

// folderLocks holds one lock per personal file path.
var folderLocks sync.Map

// Open is the library in configDir (config.Paths.Config). Nothing is read yet.
func Open(configDir string) *Library {
	personal := filepath.Join(configDir, PersonalFile)
	mu, _ := folderLocks.LoadOrStore(personal, &sync.Mutex{})
	return &Library{personal: personal, shared: filepath.Join(configDir, SharedDir), mu: mu.(*sync.Mutex)}
}

// SharedFolder is where shared sets are read from.
func (l *Library) SharedFolder() string { return l.shared }

// Personal is the agent's own set. A missing file is an empty set; a
// damaged one is an error, and no edit will overwrite it.
func (l *Library) Personal() ([]Reply, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.loadPersonal()
}

func (l *Library) loadPersonal() ([]Reply, error) {
	f, err := readFile(l.personal)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return f.Replies, nil
}

func readFile(path string) (File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return File{}, err
	}
	defer fh.Close()
	f, err := Decode(fh)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// List is every reply the agent can insert: the personal set, each shared
// set, and the examples in lang. A set that cannot be read is left out and
// its error returned beside the rest, so one bad shared file hides nothing else.
func (l *Library) List(lang string) ([]Entry, []error) {
	var out []Entry
	var errs []error
	mine, err := l.Personal()
	if err != nil {
		errs = append(errs, err)
	}
	out = appendEntries(out, mine, ScopePersonal, "")
	sets, serrs := l.sharedSets()
	errs = append(errs, serrs...)
	for _, s := range sets {
		out = appendEntries(out, s.Replies, ScopeShared, s.Name)
	}
	ex, err := Examples(lang)
	if err != nil {
		errs = append(errs, err)
	}
	return appendEntries(out, ex, ScopeExample, lang), errs
}

func appendEntries(out []Entry, rs []Reply, scope Scope, source string) []Entry {
	for _, r := range rs {
		out = append(out, Entry{Reply: r, Scope: scope, Source: source})
	}
	return out
}

// SharedSet describes one shared set: its name, its file in the shared
// folder (what RemoveShared takes) and its size.
type SharedSet struct {
	Name, File string
	Replies    int
}

// SharedSets lists the readable shared sets, and the errors of the others.
func (l *Library) SharedSets() ([]SharedSet, []error) {
	sets, errs := l.sharedSets()
	out := make([]SharedSet, len(sets))
	for i, s := range sets {
		out[i] = SharedSet{Name: s.Name, File: s.file, Replies: len(s.Replies)}
	}
	return out, errs
}

type sharedFile struct {
	File
	file string
}

// sharedSets reads every *.json file of the shared folder, in name order;
// a set without a name is called by its file name.
func (l *Library) sharedSets() ([]sharedFile, []error) {
	paths, err := filepath.Glob(filepath.Join(l.shared, "*.json"))
	if err != nil {
		return nil, []error{err}
	}
	slices.Sort(paths)
	var sets []sharedFile
	var errs []error
	for _, p := range paths {
		f, err := readFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if f.Name == "" {
			f.Name = strings.TrimSuffix(filepath.Base(p), ".json")
		}
		sets = append(sets, sharedFile{f, filepath.Base(p)})
	}
	return sets, errs
}

// edit loads the personal set, applies fn and writes the result back
// atomically (0600); when load or fn fails, the file is not touched.
func (l *Library) edit(fn func([]Reply) ([]Reply, error)) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	rs, err := l.loadPersonal()
	if err != nil {
		return err
	}
	if rs, err = fn(slices.Clone(rs)); err != nil {
		return err
	}
	return writeSet(l.personal, "", rs)
}

func writeSet(path, name string, rs []Reply) error {
	var buf bytes.Buffer
	if err := Encode(&buf, name, rs); err != nil {
		return err
	}
	return config.WriteFileAtomic(path, buf.Bytes())
}

// Add puts a new reply in the personal set and returns it with its ID.
func (l *Library) Add(r Reply) (Reply, error) {
	r.ID = newID()
	if err := r.check(); err != nil {
		return Reply{}, err
	}
	return r, l.edit(func(rs []Reply) ([]Reply, error) {
		if clash(rs, r) {
			return nil, ErrDuplicate
		}
		return append(rs, r), nil
	})
}

// Update replaces the personal reply with r's ID.
func (l *Library) Update(r Reply) error {
	if err := r.check(); err != nil {
		return err
	}
	return l.edit(func(rs []Reply) ([]Reply, error) {
		i := slices.IndexFunc(rs, func(x Reply) bool { return x.ID == r.ID })
		switch {
		case i < 0:
			return nil, ErrNotFound
		case clash(rs, r):
			return nil, ErrDuplicate
		}
		rs[i] = r
		return rs, nil
	})
}

// Delete removes the personal reply with id.
func (l *Library) Delete(id string) error {
	return l.edit(func(rs []Reply) ([]Reply, error) {
		i := slices.IndexFunc(rs, func(x Reply) bool { return x.ID == id })
		if i < 0 {
			return nil, ErrNotFound
		}
		return slices.Delete(rs, i, i+1), nil
	})
}

// clash reports whether another reply (another ID) has r's category and title.
func clash(rs []Reply, r Reply) bool {
	return slices.ContainsFunc(rs, func(x Reply) bool { return x.ID != r.ID && x.identity() == r.identity() })
}
