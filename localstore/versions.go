package localstore

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
)

// IDVersion names one stored record and the version the cache holds.
type IDVersion struct {
	ID      string
	Version int64
}

// String is the "id:version" form the sandbox's checksums use.
func (v IDVersion) String() string { return v.ID + ":" + strconv.FormatInt(v.Version, 10) }

// Versions lists the ID and version of every live record of a resource, in
// ID order, read from the compact filter rows without decoding a record. It
// answers "does the cache hold exactly what the server holds?": the
// convergence checks of the sync tests and a diagnostics view both compare it
// with the server's own list.
func (s *Store) Versions(res domain.Resource) ([]IDVersion, error) {
	if !res.Valid() {
		return nil, fmt.Errorf("localstore: unknown resource %q", res)
	}
	var out []IDVersion
	err := s.view(func(tx *bolt.Tx) error {
		b := resBucket(tx, res)
		if b == nil {
			return nil
		}
		return b.Bucket(subRow).ForEach(func(k, v []byte) error {
			r, ok := parseRow(v)
			if !ok {
				return fmt.Errorf("%w: damaged row %q in %s", ErrCorrupt, k, res)
			}
			out = append(out, IDVersion{ID: string(k), Version: r.version})
			return nil
		})
	})
	return out, err
}
