//go:build linux

package reports

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkExportFromCacheScale writes 100k and then 1M orders into a real
// cache and exports all of them to xlsx the way the console does
// (localstore.Scan newest first, through FromScan, into ExportOrders), each
// export in a child process so the kernel's peak RSS (which counts the
// cache pages the scan maps) is the export's alone. The 1M figures are also
// given against the 100k run's (…-vs-100k). Goals: peak RSS < 150 MB at
// any size, time linear in the orders.
//
// Only with REPORTS_BENCH_SCALE=1 (`make bench-scale`): the 1M cache takes
// ~1 GB of disk, the export ~1.3 GB of temporary sheet data.
//
//	REPORTS_BENCH_SCALE=1 go test -run '^$' -bench ExportFromCacheScale -benchtime 1x -timeout 60m ./reports/
func BenchmarkExportFromCacheScale(b *testing.B) {
	if os.Getenv("REPORTS_BENCH_SCALE") != "1" {
		b.Skip("set REPORTS_BENCH_SCALE=1 (make bench-scale)")
	}
	base := map[string]float64{}
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("orders=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			cache := filepath.Join(dir, "cache.db")
			if err := fillCache(cache, n); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				m := exportChild(b, cache, filepath.Join(dir, "out.xlsx"))
				m["s/100k-orders"] = m["export-s"] / (float64(n) / 100_000)
				for k, v := range m {
					b.ReportMetric(v, k)
					if n == 100_000 {
						base[k] = v
					} else if base[k] > 0 {
						b.ReportMetric(v/base[k], k+"-vs-100k")
					}
				}
			}
		})
	}
}

// exportChild runs the export in a child and returns its figures.
func exportChild(b *testing.B, cache, out string) map[string]float64 {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), scaleChildCacheEnv+"="+cache, scaleChildOutEnv+"="+out)
	cmd.Stderr = os.Stderr
	t0 := time.Now()
	stdout, err := cmd.Output()
	if err != nil {
		b.Fatalf("child export: %v", err)
	}
	wall := time.Since(t0)
	var peakMB float64
	if _, err := fmt.Sscan(string(stdout), &peakMB); err != nil {
		b.Fatalf("child printed %q: %v", stdout, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no rusage from the child")
	}
	fi, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	return map[string]float64{
		"peak-RSS-MB":  peakMB, // the child's own VmHWM (see peakRSSMB)
		"export-s":     wall.Seconds(),
		"export-cpu-s": time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds(),
		"xlsx-MB":      float64(fi.Size()) / (1 << 20),
	}
}
