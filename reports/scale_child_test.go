package reports

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
)

// Environment of the cache-export child (see TestMain): the cache to read
// and the file to write.
const (
	scaleChildCacheEnv = "REPORTS_SCALE_CHILD_CACHE"
	scaleChildOutEnv   = "REPORTS_SCALE_CHILD_OUT"
	scaleAccount       = "acct-scale"
)

func fillCache(path string, n int) error {
	s, err := localstore.Open(path, scaleAccount, localstore.Options{AutoCompactFreeBytes: -1})
	if err != nil {
		return err
	}
	page := make([]domain.Record, 0, 1000)
	for i := range n {
		o := genOrder(i)
		o.Account = scaleAccount
		if page = append(page, o); len(page) == cap(page) || i == n-1 {
			if _, err := s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: page, Cursor: strconv.Itoa(i)}); err != nil {
				s.Close()
				return err
			}
			page = page[:0]
		}
	}
	return s.Close()
}

// scaleChild exports every order of the cache at cache to out, as the
// console does; it returns the process exit code.
func scaleChild(cache, out string) int {
	s, err := localstore.Open(cache, scaleAccount, localstore.Options{AutoCompactFreeBytes: -1})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	q := localstore.Query{Sort: localstore.SortTime, Desc: true}
	seq := FromScan(func(fn func(domain.Order) error) error { return localstore.Scan(s, q, fn) })
	if _, err := ExportOrders(context.Background(), out, seq, Options{Location: shanghai, Now: exportNow}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
