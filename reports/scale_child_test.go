package reports

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

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
	fmt.Println(peakRSSMB())
	return 0
}

// peakRSSMB is this process's peak resident set (VmHWM), in MB, 0 where
// /proc is missing. A child reports its own: getrusage's ru_maxrss also
// carries the parent's peak across the vfork and exec that started the
// child (Linux keeps it in the signal struct), and the parent here has just
// written a million-order cache.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}
