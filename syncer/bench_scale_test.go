package syncer

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/sandbox"
)

// BenchmarkInitialSyncScale syncs the benchmark world (benchWorld, 240k
// records over three accounts) and ten times that world (1M orders, 200k
// tickets, 100k supervision tasks, 100k alerts, 20k bills: ~2.4M records) in
// the same run, into fresh caches with fsync on, and reports per size the
// wall time per record, the sync's CPU time per record, the file bytes per
// record and the sync's peak RSS; each figure of the 10× run is also given
// against the 1× run's (…-vs-1x). The sync runs in a child process (this
// test binary, see TestMain) against the sandbox in this one, so its CPU
// time and RSS are the sync's alone, without the sandbox's world (1.4 GB
// of heap at 10×, and the garbage collector's slack over it).
//
// The 1× world is synced syncScaleBaseRuns times and its figures are the
// median of those runs, with the CPU per record's spread beside it
// (sync-cpu-us/record-min and -max, and the 10× run's CPU ratio against
// each, …-vs-1x-lo and -hi): a 1× sync lasts only seconds, so one run's
// CPU figure moved with the load of the shared machine by up to 1.5×, and
// the ratio with it. The 10× world, which takes minutes, runs once.
//
// It only runs when SYNCER_BENCH_SCALE=1 (`make bench-scale`): the 10×
// world takes ~1.5 GB of memory and minutes to sync.
//
//	SYNCER_BENCH_SCALE=1 go test -run '^$' -bench InitialSyncScale -benchtime 1x -timeout 60m ./syncer/
func BenchmarkInitialSyncScale(b *testing.B) {
	if os.Getenv("SYNCER_BENCH_SCALE") != "1" {
		b.Skip("set SYNCER_BENCH_SCALE=1 (make bench-scale)")
	}
	x := 10
	if v, err := strconv.Atoi(os.Getenv("SYNCER_BENCH_SCALE_FACTOR")); err == nil && v > 1 {
		x = v // a smaller world to look into, not for the figures
	}
	big := benchWorld
	big.Orders, big.Tickets, big.Supervision, big.Alerts, big.Bills = x*big.Orders, x*big.Tickets,
		x*big.Supervision, x*big.Alerts, x*big.Bills
	base := map[string]float64{}
	for _, w := range []struct {
		name  string
		world sandbox.Options
	}{{"world=1x", benchWorld}, {fmt.Sprintf("world=%dx", x), big}} {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				if w.name == "world=1x" {
					runs := make([]map[string]float64, syncScaleBaseRuns)
					for i := range runs {
						runs[i] = syncScale(b, w.world)
					}
					base = medianRun(runs)
					for k, v := range base {
						b.ReportMetric(v, k)
					}
					continue
				}
				m := syncScale(b, w.world)
				for k, v := range m {
					b.ReportMetric(v, k)
					if base[k] > 0 {
						b.ReportMetric(v/base[k], k+"-vs-1x")
					}
				}
				const cpu = "sync-cpu-us/record"
				b.ReportMetric(m[cpu]/base[cpu+"-max"], cpu+"-vs-1x-lo")
				b.ReportMetric(m[cpu]/base[cpu+"-min"], cpu+"-vs-1x-hi")
			}
		})
	}
}

// syncScaleBaseRuns is how many times the 1× world is synced.
const syncScaleBaseRuns = 3

// medianRun is each figure's median over runs, plus the lowest and highest
// CPU per record (…-min, …-max) and that spread over the median (…-spread).
func medianRun(runs []map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for k := range runs[0] {
		vs := make([]float64, len(runs))
		for i, r := range runs {
			vs[i] = r[k]
		}
		slices.Sort(vs)
		out[k] = vs[len(vs)/2]
		if k == "sync-cpu-us/record" {
			out[k+"-min"], out[k+"-max"] = vs[0], vs[len(vs)-1]
			out[k+"-spread"] = (vs[len(vs)-1] - vs[0]) / out[k]
		}
	}
	return out
}

func syncScale(b *testing.B, world sandbox.Options) map[string]float64 {
	sb := startSandbox(b, world)
	dir := b.TempDir()
	job, err := json.Marshal(syncChildJob{URL: sb.URL(), Dir: dir, Accounts: sb.Accounts()})
	if err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), syncChildEnv+"="+string(job))
	cmd.Stderr = os.Stderr
	t0 := time.Now()
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("sync child: %v", err)
	}
	wall := time.Since(t0)
	var records int
	var anonMB, fileMB, peakMB float64
	if _, err := fmt.Sscan(string(out), &records, &anonMB, &fileMB, &peakMB); err != nil || records == 0 {
		b.Fatalf("sync child printed %q (%v)", out, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no rusage from the child")
	}
	var size int64
	for _, a := range sb.Accounts() {
		fi, err := os.Stat(filepath.Join(dir, a.ID+".db"))
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	r := float64(records)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return map[string]float64{
		"records":            r,
		"sync-s":             wall.Seconds(),
		"sync-us/record":     float64(wall.Microseconds()) / r,
		"sync-cpu-us/record": float64(cpu.Microseconds()) / r,
		"file-bytes/record":  float64(size) / r,
		"sync-peak-RSS-MB":   peakMB, // the child's VmHWM (see statusMB)
		"sync-peak-anon-MB":  anonMB, // heap and stacks, sampled every 10 ms
		"sync-peak-file-MB":  fileMB, // the cache files' mapped pages, sampled
	}
}
