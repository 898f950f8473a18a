package syncer

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/sandbox"
)

// BenchmarkInitialSyncScale syncs the benchmark world (benchWorld, 240k
// records over three accounts) and ten times that world (1M orders, 200k
// tickets, 100k supervision tasks, 100k alerts, 20k bills: ~2.4M records) in
// the same run, into fresh caches with fsync on, and reports per size the
// wall and CPU time per record, the file bytes per record, and the peak Go
// heap the sync added on top of the sandbox's world (the world lives in the
// same process, so process RSS would mostly measure it); each figure of
// the 10× run is also given against the 1× run's (…-vs-1x).
//
// It only runs when SYNCER_BENCH_SCALE=1 (`make bench-scale`): the 10×
// world takes ~1.5 GB of memory and minutes to sync.
//
//	SYNCER_BENCH_SCALE=1 go test -run '^$' -bench InitialSyncScale -benchtime 1x -timeout 60m ./syncer/
func BenchmarkInitialSyncScale(b *testing.B) {
	if os.Getenv("SYNCER_BENCH_SCALE") != "1" {
		b.Skip("set SYNCER_BENCH_SCALE=1 (make bench-scale)")
	}
	big := benchWorld
	big.Orders, big.Tickets, big.Supervision, big.Alerts, big.Bills = 10*big.Orders, 10*big.Tickets,
		10*big.Supervision, 10*big.Alerts, 10*big.Bills
	base := map[string]float64{}
	for _, w := range []struct {
		name  string
		world sandbox.Options
	}{{"world=1x", benchWorld}, {"world=10x", big}} {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				m := syncScale(b, w.world)
				for k, v := range m {
					b.ReportMetric(v, k)
					if w.name == "world=1x" {
						base[k] = v
					} else if base[k] > 0 {
						b.ReportMetric(v/base[k], k+"-vs-1x")
					}
				}
			}
		})
	}
}

func syncScale(b *testing.B, world sandbox.Options) map[string]float64 {
	sb := startSandbox(b, world)
	ctx := context.Background()
	dir := b.TempDir()
	heap0 := heapNow(true)
	peak := sampleHeap()
	c0, t0 := cpuTime(b), time.Now()
	records := 0
	for _, a := range sb.Accounts() {
		n, err := fullSync(ctx, benchClient(b, sb, a), a, filepath.Join(dir, a.ID+".db"), false)
		if err != nil {
			b.Fatal(err)
		}
		records += n
	}
	wall, cpu := time.Since(t0), cpuTime(b)-c0
	high := peak()
	var size int64
	for _, a := range sb.Accounts() {
		fi, err := os.Stat(filepath.Join(dir, a.ID+".db"))
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	r := float64(records)
	return map[string]float64{
		"records":            r,
		"sync-s":             wall.Seconds(),
		"sync-us/record":     float64(wall.Microseconds()) / r,
		"sync-cpu-us/record": float64(cpu.Microseconds()) / r,
		"file-bytes/record":  float64(size) / r,
		"sync-heap-peak-MB":  float64(high-min(high, heap0)) / (1 << 20),
		"world-heap-MB":      float64(heap0) / (1 << 20),
	}
}

// heapNow is the Go heap in use, after a collection when gc is set.
func heapNow(gc bool) uint64 {
	if gc {
		runtime.GC()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// sampleHeap samples the heap in use every 50 ms until the returned
// function is called, which returns the highest sample.
func sampleHeap() func() uint64 {
	var high uint64
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			high = max(high, heapNow(false))
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(stop); wg.Wait(); return high }
}
