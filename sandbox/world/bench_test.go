package world

import (
	"runtime"
	"testing"

	"github.com/koogallery/merchant-console/domain"
)

// bigOptions is the benchmark world: 100k orders, 20k tickets, 10k
// supervision tasks, 10k alerts and 2k monthly bills (the sandbox's
// BenchmarkChangesPage500 serves the same).
func bigOptions(o *Options) {
	o.Orders, o.Tickets, o.Supervision, o.Alerts, o.Bills, o.Notifications = 100_000, 20_000, 10_000, 10_000, 2_000, 5_000
}

// BenchmarkWorld100k generates the 100k-order world and reports the heap it
// keeps alive after a GC (goal < 300 MB) next to the time to generate it,
// and the bills it holds (the 2,000 asked for).
func BenchmarkWorld100k(b *testing.B) {
	var opts Options
	bigOptions(&opts)
	var w *World
	for b.Loop() {
		w = nil
		w = New(opts, testStart)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	bills := 0
	for _, bk := range w.books {
		bills += len(bk.tables[domain.ResBills].live)
	}
	b.ReportMetric(float64(bills), "bills")
	if bills < opts.Bills*95/100 {
		b.Fatalf("%d bills, want about %d", bills, opts.Bills)
	}
	runtime.KeepAlive(w)
}
