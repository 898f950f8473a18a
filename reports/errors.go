package reports

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Classes of file errors a user can act on.
var (
	// ErrDiskFull means the disk (or quota) ran out while writing.
	ErrDiskFull = errors.New("no space left on the disk")
	// ErrPermission means the user may not write to the target.
	ErrPermission = errors.New("permission denied")
)

// FileError is a failure to create, write or rename the export file.
// errors.Is(err, ErrDiskFull) and errors.Is(err, ErrPermission) tell the two
// common causes apart; Path is the file the user asked for.
type FileError struct {
	Op   string // "create", "write", "rename"
	Path string
	Err  error
}

// Error says what failed, where, and the class when known.
func (e *FileError) Error() string {
	if class := classify(e.Err); class != nil {
		return fmt.Sprintf("export %s %s: %v (%v)", e.Op, e.Path, class, e.Err)
	}
	return fmt.Sprintf("export %s %s: %v", e.Op, e.Path, e.Err)
}

// Unwrap exposes both the class sentinel and the underlying error.
func (e *FileError) Unwrap() []error {
	if class := classify(e.Err); class != nil {
		return []error{class, e.Err}
	}
	return []error{e.Err}
}

// classify maps an OS error to one of the sentinel classes, or nil.
func classify(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ErrDiskFull
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return ErrPermission
	}
	return nil
}

func fileErr(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return &FileError{Op: op, Path: path, Err: err}
}
