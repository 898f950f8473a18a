package localstore

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/recordenc"
)

// Run with (figures in BENCHMARKS.md):
//
//	go test -run '^$' -bench . -benchtime 3x ./localstore/

const (
	benchOrders   = 100_000
	benchPageSize = 1000
)

var (
	benchOnce    sync.Once
	benchDir     string
	benchFixture string // a closed 100k-order cache, built once per process
	benchErr     error
	benchPages   [][]domain.Record
)

func benchData() [][]domain.Record {
	if benchPages == nil {
		for from := 0; from < benchOrders; from += benchPageSize {
			benchPages = append(benchPages, orders(from, benchPageSize, 1))
		}
	}
	return benchPages
}

// fixture returns the path of the shared 100k-order cache.
func fixture(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "localstore-bench-")
		if benchErr != nil {
			return
		}
		benchFixture = filepath.Join(benchDir, "fixture.db")
		benchErr = fillOrders(benchFixture)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchFixture
}

func fillOrders(path string) error {
	s, err := Open(path, testAccount, Options{AutoCompactFreeBytes: -1})
	if err != nil {
		return err
	}
	for i, page := range benchData() {
		if _, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: page, Cursor: fmt.Sprint(i)}); err != nil {
			s.Close()
			return err
		}
	}
	return s.Close()
}

// TestMain removes the benchmark fixture, which outlives single benchmarks
// so it is built once per process.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// BenchmarkBulkUpsert100kOrders writes 100k new orders into a fresh cache,
// one committed 1000-order page (with its cursor) at a time: the most
// commits (and fsyncs) per record a sync can cause. (The sync engine hands
// over up to 32 waiting pages per transaction, which costs less per
// record since index writes are applied sorted; see syncer/pull.go.)
// Open and Close are inside the timing.
func BenchmarkBulkUpsert100kOrders(b *testing.B) {
	pages := benchData()
	dir := b.TempDir()
	n := 0
	cpu0 := processCPU()
	for b.Loop() {
		n++
		s, err := Open(filepath.Join(dir, fmt.Sprintf("bulk-%d.db", n)), testAccount, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i, items := range pages {
			if _, err := s.ApplyPage(Page{Resource: domain.ResOrders, Items: items, Cursor: fmt.Sprint(i)}); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchOrders*n)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(benchOrders*n)/(processCPU()-cpu0).Seconds(), "records/cpu-s")
}

func BenchmarkReopenFirstScreen100k(b *testing.B) {
	path := fixture(b)
	for b.Loop() {
		s, err := Open(path, testAccount, Options{})
		if err != nil {
			b.Fatal(err)
		}
		page, total, err := List[domain.Order](s, Query{Sort: SortTime, Desc: true, Limit: 100})
		if err != nil || len(page) != 100 || total != benchOrders {
			b.Fatalf("first screen: %d of %d, %v", len(page), total, err)
		}
		if _, err := s.Overview(time.Now()); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// benchQueries are what a seller types and clicks on the orders screen.
var benchQueries = []Query{
	{Search: "acme", Limit: 100, Desc: true},
	{Search: "云监控", Statuses: []string{string(domain.OrderProcessing)}, Limit: 100, Desc: true},
	{Customer: "深圳", Sort: SortAmount, Desc: true, Limit: 50},
	{Search: "CS00000123", Limit: 100},
	{Search: "数智 license", Limit: 100, Desc: true},
	{Statuses: []string{string(domain.OrderProcessing), string(domain.OrderCancelled)}, Product: "lake", Limit: 100, Offset: 200},
}

func BenchmarkFilterSearch100k(b *testing.B) {
	s, err := Open(fixture(b), testAccount, Options{AutoCompactFreeBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// The first filter query after Open builds the in-memory row snapshot.
	start := time.Now()
	if _, _, err := List[domain.Order](s, benchQueries[0]); err != nil {
		b.Fatal(err)
	}
	cold := time.Since(start)
	var lat []time.Duration
	for b.Loop() {
		for _, q := range benchQueries {
			start := time.Now()
			if _, _, err := List[domain.Order](s, q); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(cold.Microseconds())/1000, "cold-ms")
	p95 := lat[len(lat)*95/100]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}

func BenchmarkFileSize100k(b *testing.B) {
	src := fixture(b)
	dir := b.TempDir()
	var before, after Stats
	for b.Loop() {
		path := filepath.Join(dir, "copy.db")
		if err := copyFile(src, path); err != nil {
			b.Fatal(err)
		}
		s, err := Open(path, testAccount, Options{AutoCompactFreeBytes: -1})
		if err != nil {
			b.Fatal(err)
		}
		before, _ = s.Stats()
		if err := s.Compact(); err != nil {
			b.Fatal(err)
		}
		after, _ = s.Stats()
		s.Close()
	}
	b.ReportMetric(float64(before.FileSize)/(1<<20), "MiB-before")
	b.ReportMetric(float64(after.FileSize)/(1<<20), "MiB-compacted")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// BenchmarkOrderEncoding compares the binary order encoding with JSON,
// the reason orders and transactions are not stored as JSON.
func BenchmarkOrderEncoding(b *testing.B) {
	o := order(42, 3)
	o.Account = testAccount
	codecs := map[string]struct {
		enc func() []byte
		dec func([]byte) error
	}{
		"json": {
			enc: func() []byte { d, _ := json.Marshal(&o); return d },
			dec: func(d []byte) error { var v domain.Order; return json.Unmarshal(d, &v) },
		},
		"binary": {
			enc: func() []byte { return recordenc.EncodeOrder(nil, &o) },
			dec: func(d []byte) error { var v domain.Order; return recordenc.DecodeOrder(d, &v) },
		},
	}
	for _, name := range []string{"json", "binary"} {
		c := codecs[name]
		b.Run(name, func(b *testing.B) {
			// 1000 orders per iteration keep the figure meaningful at -benchtime 3x.
			const perOp = 1000
			var size int
			for b.Loop() {
				for range perOp {
					data := c.enc()
					size = len(data)
					if err := c.dec(data); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(size), "bytes/order")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*perOp), "ns/order")
		})
	}
}
