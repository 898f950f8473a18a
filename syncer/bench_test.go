package syncer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

// benchWorld is the size the issue names: totals over the sandbox's three
// accounts, so syncing all three accounts syncs exactly these numbers.
var benchWorld = sandbox.Options{Seed: 77, Orders: 100_000, Tickets: 20_000, Supervision: 10_000, Alerts: 10_000, Bills: 2_000}

func benchClient(b *testing.B, sb *sandbox.Server, a sandbox.AccountCred) *Client {
	c, err := NewClient(Options{BaseURL: sb.URL(), Signer: apig.Signer{AK: a.AK, SK: a.SK}, PageSize: 1000, Timeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(c.Close)
	return c
}

// floorFetch fetches and decodes every page of every resource of an
// account, storing nothing: the cost of the network and JSON alone.
func floorFetch(ctx context.Context, c *Client, owner Owner) (int, error) {
	n := 0
	for _, res := range domain.AllResources {
		cursor := ""
		for {
			p, err := c.Changes(ctx, res, cursor, owner)
			if err != nil {
				return n, err
			}
			n += len(p.Items) + len(p.Removed)
			if !p.HasMore {
				break
			}
			cursor = p.NextCursor
		}
	}
	return n, nil
}

// fullSync syncs an account into a fresh cache at path.
func fullSync(ctx context.Context, c *Client, a sandbox.AccountCred, path string, nosync bool) (int, error) {
	store, err := localstore.Open(path, localName(a), localstore.Options{NoSync: nosync})
	if err != nil {
		return 0, err
	}
	defer store.Close()
	eng, err := NewEngine(EngineOptions{Client: c, Store: store, RemoteAccount: a.ID})
	if err != nil {
		return 0, err
	}
	sum, err := eng.Sync(ctx)
	n := 0
	for _, r := range sum.Resources {
		n += r.Received
	}
	return n, err
}

// BenchmarkInitialSync measures, in the same run, the floor (every page of
// the three accounts fetched and decoded, nothing stored) and the full sync
// into fresh caches (fsync on every page, as in real use), and reports both
// and their ratio. Goal: ratio <= 1.5 and sync < 15 s.
func BenchmarkInitialSync(b *testing.B) {
	sb := startSandbox(b, benchWorld)
	ctx := context.Background()
	accts := sb.Accounts()
	clients := make([]*Client, len(accts))
	for i, a := range accts {
		clients[i] = benchClient(b, sb, a)
	}
	dir := b.TempDir()
	var floorT, syncT, floorCPU, syncCPU time.Duration
	var records int
	iter := 0
	for b.Loop() {
		iter++
		c0, t0 := cpuTime(b), time.Now()
		for i, a := range accts {
			if _, err := floorFetch(ctx, clients[i], Owner{Remote: a.ID, Local: localName(a)}); err != nil {
				b.Fatal(err)
			}
		}
		c1, t1 := cpuTime(b), time.Now()
		records = 0
		for i, a := range accts {
			n, err := fullSync(ctx, clients[i], a, filepath.Join(dir, fmt.Sprintf("%d-%s.db", iter, a.ID)), os.Getenv("BENCH_NOSYNC") == "1")
			if err != nil {
				b.Fatal(err)
			}
			records += n
		}
		floorT, syncT = floorT+t1.Sub(t0), syncT+time.Since(t1)
		floorCPU, syncCPU = floorCPU+c1-c0, syncCPU+cpuTime(b)-c1
		removeAll(b, dir)
	}
	n := float64(iter)
	b.ReportMetric(floorT.Seconds()/n, "floor-s/op")
	b.ReportMetric(syncT.Seconds()/n, "sync-s/op")
	b.ReportMetric(float64(syncT)/float64(floorT), "sync/floor")
	// CPU time (user+sys of the whole process, sandbox included) is less
	// swayed than wall time by other programs sharing the machine.
	b.ReportMetric(floorCPU.Seconds()/n, "floor-cpu-s/op")
	b.ReportMetric(syncCPU.Seconds()/n, "sync-cpu-s/op")
	b.ReportMetric(float64(syncCPU)/float64(floorCPU), "cpu-sync/floor")
	b.ReportMetric(float64(records), "records")
}

// cpuTime is the process's user+sys CPU time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func removeAll(b *testing.B, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIncrementalSync measures pulling 1,000 changed tickets into the
// main account's cache of the benchmark world (goal < 300 ms). Each round
// the changes are made first, untimed, by replying to 1,000 tickets.
func BenchmarkIncrementalSync(b *testing.B) {
	sb := startSandbox(b, benchWorld)
	ctx := context.Background()
	a := mainAccount(b, sb)
	c := benchClient(b, sb, a)
	store, err := localstore.Open(filepath.Join(b.TempDir(), "inc.db"), localName(a), localstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	eng, err := NewEngine(EngineOptions{Client: c, Store: store, RemoteAccount: a.ID})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := eng.Sync(ctx); err != nil {
		b.Fatal(err)
	}
	targets := ticketsIn(sb, a.ID, domain.TicketProcessing)
	if len(targets) < 1000 {
		b.Fatalf("only %d tickets in progress", len(targets))
	}
	targets = targets[:1000]
	round := 0
	for b.Loop() {
		b.StopTimer()
		round++
		changeTickets(ctx, b, c, targets, round)
		b.StartTimer()
		sums, err := eng.Pull(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if n := changedCount(sums); n != len(targets) {
			b.Fatalf("pulled %d changes, want %d", n, len(targets))
		}
	}
}

// changeTickets replies once to each ticket, straight through the API.
func changeTickets(ctx context.Context, b *testing.B, c *Client, ids []string, round int) {
	for i, id := range ids {
		a := replyAction(i, id)
		a.Key = fmt.Sprintf("bench-%d-%d", round, i)
		if _, err := c.Act(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

func changedCount(sums []ResourceSummary) int {
	n := 0
	for _, s := range sums {
		n += s.New + s.Changed + s.Removed
	}
	return n
}
