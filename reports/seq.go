package reports

import (
	"errors"
	"iter"
)

// errStopScan ends a scan early when the export stops consuming records.
var errStopScan = errors.New("reports: stop scan")

// FromScan adapts a push-style scan, such as
//
//	func(fn func(domain.Order) error) error { return localstore.Scan(store, query, fn) }
//
// to the iterator the exports take, so records stream from the cache one at
// a time. A scan error is passed to the export, which then fails and leaves
// no file.
func FromScan[T any](scan func(fn func(T) error) error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		stopped := false
		err := scan(func(v T) error {
			if !yield(v, nil) {
				stopped = true
				return errStopScan
			}
			return nil
		})
		if err != nil && !stopped {
			var zero T
			yield(zero, err)
		}
	}
}

// FromSlice iterates records already in memory, such as the rows a screen
// currently shows.
func FromSlice[T any](recs []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
}
