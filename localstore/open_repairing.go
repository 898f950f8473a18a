package localstore

import (
	"errors"
	"fmt"
)

// OpenRepairing opens the cache like Open and, when the file is damaged
// (ErrCorrupt), repairs it (see Repair) and opens the fresh cache. The
// report is nil when no repair was needed; otherwise its Lines tell the
// person what happened and what was saved. Every other error of Open
// (ErrLocked, ErrForeignAccount, ErrNewerSchema) is returned as it is: such
// a file is never moved.
func OpenRepairing(path, account string, opts Options) (*Store, *RepairReport, error) {
	s, err := Open(path, account, opts)
	if err == nil || !errors.Is(err, ErrCorrupt) {
		return s, nil, err
	}
	rep, rerr := Repair(path, account)
	if rerr != nil {
		return nil, &rep, fmt.Errorf("localstore: %v; repairing it failed: %w", err, rerr)
	}
	s, err = Open(path, account, opts)
	if err != nil {
		return nil, &rep, fmt.Errorf("localstore: open the repaired cache %s: %w", path, err)
	}
	return s, &rep, nil
}
