//go:build linux

package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkOrdersXLSX100kRSS runs the 100k-order streaming export in a child
// process (this test binary, see TestMain) and reports the child's peak
// resident set size as the kernel measured it (getrusage ru_maxrss, KiB on
// Linux), its wall time and its CPU time (user+system, which a loaded
// shared machine disturbs less than wall time).
func BenchmarkOrdersXLSX100kRSS(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "child.xlsx")
	var peakKB int64
	var wall, cpu time.Duration
	runs := 0
	for b.Loop() {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), rssChildEnv+"="+out)
		cmd.Stderr = os.Stderr
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("child export: %v", err)
		}
		wall += time.Since(t0)
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			b.Fatal("no rusage from the child")
		}
		peakKB = max(peakKB, ru.Maxrss)
		cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		runs++
	}
	b.ReportMetric(float64(peakKB)/1024, "child-peak-RSS-MB")
	b.ReportMetric(wall.Seconds()/float64(runs), "child-wall-s/op")
	b.ReportMetric(cpu.Seconds()/float64(runs), "child-cpu-s/op")
}
