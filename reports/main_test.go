package reports

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"testing"
	"time"
)

// rssChildEnv, when set to a path, turns the test binary into a child that
// runs one streaming order export to that path and exits, so the benchmark
// can read the child's peak RSS from the kernel without the parent's memory
// mixed in. rssChildOrdersEnv sets how many orders (default benchOrders);
// rssChildHeapEnv names a file for a heap profile taken at the highest heap
// seen, to find what holds memory.
const (
	rssChildEnv       = "REPORTS_RSS_CHILD_OUT"
	rssChildOrdersEnv = "REPORTS_RSS_CHILD_ORDERS"
	rssChildHeapEnv   = "REPORTS_RSS_CHILD_HEAP"
)

func TestMain(m *testing.M) {
	if out := os.Getenv(rssChildEnv); out != "" {
		os.Exit(rssChild(out))
	}
	if cache := os.Getenv(scaleChildCacheEnv); cache != "" {
		os.Exit(scaleChild(cache, os.Getenv(scaleChildOutEnv)))
	}
	os.Exit(m.Run())
}

func rssChild(out string) int {
	n := benchOrders
	if v, err := strconv.Atoi(os.Getenv(rssChildOrdersEnv)); err == nil && v > 0 {
		n = v
	}
	if path := os.Getenv(rssChildHeapEnv); path != "" {
		stop := profileAtPeak(path)
		defer stop()
	}
	_, err := ExportOrders(context.Background(), out, generated(n, func(int) error { return nil }),
		Options{Location: shanghai, Now: exportNow})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// profileAtPeak writes a heap profile to path whenever the heap in use
// passes its previous high by a tenth, so the last one written shows the peak.
func profileAtPeak(path string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var high uint64
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > high+high/10 {
				high = ms.HeapInuse
				if f, err := os.Create(path); err == nil {
					_ = pprof.WriteHeapProfile(f)
					_ = f.Close()
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}
