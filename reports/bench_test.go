package reports

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchOrders is the size the issue sets: 100k orders (one line each).
const benchOrders = 100_000

// memPeak samples the Go runtime's memory every few milliseconds and keeps
// the high-water marks.
type memPeak struct {
	stop             chan struct{}
	done             sync.WaitGroup
	heapInuse, sys   uint64
	heapInuseAtStart uint64
}

func startMemPeak() *memPeak {
	runtime.GC()
	p := &memPeak{stop: make(chan struct{})}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.heapInuseAtStart = ms.HeapInuse
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			p.sample()
			select {
			case <-p.stop:
				p.sample()
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *memPeak) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.heapInuse = max(p.heapInuse, ms.HeapInuse)
	p.sys = max(p.sys, ms.Sys)
}

// finish stops sampling and returns the peaks in MB.
func (p *memPeak) finish() (heapMB, sysMB float64) {
	close(p.stop)
	p.done.Wait()
	return float64(p.heapInuse) / (1 << 20), float64(p.sys) / (1 << 20)
}

// BenchmarkOrdersXLSX100k exports 100k orders with the StreamWriter (the
// product's path) and writes the same rows and styles with excelize's
// ordinary SetCellValue API, in the same run, and reports both times, their
// ratio and the Go memory high-water marks of each (stream-peak-sys-MB is
// from the first run only, before the SetCellValue run grew the process).
// The kernel's view of peak RSS is BenchmarkOrdersXLSX100kRSS.
func BenchmarkOrdersXLSX100k(b *testing.B) {
	dir := b.TempDir()
	var stream, setcell time.Duration
	var streamHeap, streamSys, setHeap float64
	runs := 0
	for b.Loop() {
		p := startMemPeak()
		t0 := time.Now()
		if _, err := ExportOrders(context.Background(), dir+"/stream.xlsx", generated(benchOrders, func(int) error { return nil }),
			Options{Location: shanghai, Now: exportNow}); err != nil {
			b.Fatal(err)
		}
		stream += time.Since(t0)
		h, s := p.finish()
		streamHeap = max(streamHeap, h)
		if runs == 0 { // Sys never shrinks: later runs would show the SetCellValue run's growth
			streamSys = s
		}

		p = startMemPeak()
		t0 = time.Now()
		if err := setCellOrders(dir+"/setcell.xlsx", benchOrders); err != nil {
			b.Fatal(err)
		}
		setcell += time.Since(t0)
		h, _ = p.finish()
		setHeap = max(setHeap, h)
		runs++
	}
	b.ReportMetric(stream.Seconds()/float64(runs), "stream-s/op")
	b.ReportMetric(setcell.Seconds()/float64(runs), "setcell-s/op")
	b.ReportMetric(setcell.Seconds()/stream.Seconds(), "setcell/stream")
	b.ReportMetric(streamHeap, "stream-peak-heap-MB")
	b.ReportMetric(streamSys, "stream-peak-sys-MB")
	b.ReportMetric(setHeap, "setcell-peak-heap-MB")
}

// setCellOrders writes the same cells as ExportOrders' data sheet, with the
// same styles, through the non-streaming API: the comparison point.
func setCellOrders(path string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	const sheet = "Sheet1"
	for i, h := range heads(orderCols, LangZH) {
		if err := f.SetCellStr(sheet, cellRef(i+1, 1), h); err != nil {
			return err
		}
	}
	rc := rowCtx{lang: LangZH, loc: shanghai, now: exportNow, cur: "CNY"}
	row := 2
	emit := func(vals ...any) error {
		for c, v := range vals {
			if err := setOneCell(f, st, sheet, cellRef(c+1, row), v); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	for i := range n {
		if err := orderRows(rc, genOrder(i), emit); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

func setOneCell(f *excelize.File, st *styles, sheet, ref string, v any) error {
	c, err := st.cell(v, shanghai)
	if err != nil || c.Value == nil {
		return err
	}
	if err := f.SetCellValue(sheet, ref, c.Value); err != nil {
		return err
	}
	if c.StyleID != 0 {
		return f.SetCellStyle(sheet, ref, ref, c.StyleID)
	}
	return nil
}

// BenchmarkOrderRows is the cost of turning one order into cells, without
// any I/O: the part of the export that is ours.
func BenchmarkOrderRows(b *testing.B) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		b.Fatal(err)
	}
	rc := rowCtx{lang: LangZH, loc: shanghai, now: exportNow, cur: "CNY"}
	o := genOrder(42)
	emit := func(vals ...any) error {
		for _, v := range vals {
			if _, err := st.cell(v, shanghai); err != nil {
				return err
			}
		}
		return nil
	}
	for b.Loop() {
		if err := orderRows(rc, o, emit); err != nil {
			b.Fatal(err)
		}
	}
}
