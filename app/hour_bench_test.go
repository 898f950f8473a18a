//go:build !smoke

package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"testing"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service"
)

// Run with (figures in BENCHMARKS.md, "An hour of syncing"):
//
//	MERCHANT_CONSOLE_HOUR_WALL=10m xvfb-run -a -s "-screen 0 1280x800x24" go test -run '^$' -bench '^BenchmarkWindowAfterAnHourOfSyncing$' -benchtime 1x -timeout 60m ./app/
//
// Goal (issue 14): the window's resident memory < 250 MB at launch and
// after an hour of syncing.

// hourWallEnv is how long the compressed hour runs in real time; the
// benchmark skips when it is unset. The sandbox's clock runs an hour in it, and the console's sync
// intervals are cut by the same factor, so the child does the syncs of an
// hour (120 of tickets and alerts, 30 of orders, supervision and
// messages, 2 of bills and transactions at the default intervals) against
// an hour's arrivals and simulated changes.
const hourWallEnv = "MERCHANT_CONSOLE_HOUR_WALL"

// hourArrivals are a busy shop's arrivals per simulated hour, well above
// the sandbox's demo defaults, so every sync has something to store.
var hourArrivals = sandbox.Rates{OrdersPerHour: 300, TicketsPerHour: 60}

// hourResult is what the child measured over the compressed hour.
type hourResult struct {
	WallSeconds  float64
	StartRSSKiB  int64 // VmRSS when the hour began (after the Overview and the lists)
	MaxRSSKiB    int64 // the highest VmRSS sampled every 5 s
	EndRSSKiB    int64 // VmRSS at the end
	EndAnonKiB   int64 // RssAnon at the end
	EndFileKiB   int64 // RssFile at the end
	HWMKiB       int64 // VmHWM at the end (launch included)
	Syncs        int   // sync runs logged in the account's activity during the hour
	Records      int   // records new, changed or removed by them
	FailedSyncs  int   // of which had an error or set a record aside
	FirstProblem string
}

// hourWall reads hourWallEnv; 0 when the child is not asked for an hour.
func hourWall() time.Duration {
	d, err := time.ParseDuration(os.Getenv(hourWallEnv))
	if err != nil || d <= 0 {
		return 0
	}
	return d
}

// BenchmarkWindowAfterAnHourOfSyncing syncs a fresh 100k-order cache
// from a sandbox whose clock runs an hour in MERCHANT_CONSOLE_HOUR_WALL
// (make bench-scale: 10m) with a busy shop's arrivals, then launches the real
// window on it, online against that sandbox, opens every list screen and
// lets the scheduler sync at intervals cut by the same factor until the
// hour is over. It reports the window's VmRSS when the hour began and at
// its end, the highest sample in between, and how many syncs ran.
func BenchmarkWindowAfterAnHourOfSyncing(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("needs a display for the real window: run under xvfb-run (make bench-scale)")
	}
	wall := hourWall()
	if wall == 0 {
		b.Skip("takes the compressed hour's wall time: set " + hourWallEnv + " (make bench-scale sets 10m)")
	}
	fix, srv := hourFixture(b, wall)
	defer srv.Close()
	fix.bus = sessionBus(b)
	for b.Loop() {
		res, _ := launchChildFor(b, fix, 2*wall+2*launchWait,
			hourWallEnv+"="+wall.String(), launchListsEnv+"=1")
		h := res.Hour
		if h == nil {
			b.Fatalf("the child reported no hour: %+v", res)
		}
		b.Logf("hour of %v: VmRSS %d MiB at its start, %d MiB at most, %d MiB at the end (anon %d, file %d); VmHWM %d MiB; %d syncs (%d failed: %s), %d records",
			wall, h.StartRSSKiB>>10, h.MaxRSSKiB>>10, h.EndRSSKiB>>10, h.EndAnonKiB>>10, h.EndFileKiB>>10, h.HWMKiB>>10,
			h.Syncs, h.FailedSyncs, h.FirstProblem, h.Records)
		if h.Syncs == 0 || h.Records == 0 {
			b.Fatalf("the hour synced nothing: %d syncs, %d records", h.Syncs, h.Records)
		}
		b.ReportMetric(float64(h.StartRSSKiB)/1024, "rss-start-MB")
		b.ReportMetric(float64(h.MaxRSSKiB)/1024, "rss-max-MB")
		b.ReportMetric(float64(h.EndRSSKiB)/1024, "rss-end-MB")
		b.ReportMetric(float64(h.Syncs), "syncs")
		b.ReportMetric(float64(h.Records), "records")
	}
}

// hourFixture makes a home whose account is synced from a running sandbox
// (the launch benchmark's world, with arrivals, its clock sped up) and
// points at it.
func hourFixture(b *testing.B, wall time.Duration) (launchFixture, *sandbox.Server) {
	b.Helper()
	world := scaledLaunchWorld()
	world.NoArrivals = false
	world.Rates = hourArrivals
	world.Speed = float64(time.Hour) / float64(wall)
	srv, err := sandbox.Start(context.Background(), world)
	if err != nil {
		b.Fatalf("start sandbox: %v", err)
	}
	fix := launchFixture{home: b.TempDir()}
	for _, c := range srv.Accounts() {
		if c.ID == sandbox.AccountMain {
			fix.ak, fix.sk = c.AK, c.SK
		}
	}
	paths := launchPaths(fix.home)
	if err := saveLaunchAccount(paths, srv.URL()); err != nil {
		b.Fatal(err)
	}
	restore := setKeysEnv(fix.ak, fix.sk)
	defer restore()
	svc, err := service.Open(service.Options{Paths: paths, Store: localstore.Options{NoSync: true},
		Client: service.ClientTuning{PageSize: 1000, Timeout: time.Minute}})
	if err != nil {
		b.Fatal(err)
	}
	_, err = svc.SyncOnce(context.Background(), launchAccount)
	if err = errors.Join(err, svc.Close()); err != nil {
		b.Fatalf("first sync: %v", err)
	}
	return fix, srv
}

// runHour is the child's side: the intervals of every sync class cut by
// the hour's factor, then memory sampled until the wall time is over, then
// the account's sync activity of the hour counted.
func runHour(d driver, wall time.Duration) *hourResult {
	factor := float64(time.Hour) / float64(wall)
	byClass := map[domain.SyncClass]time.Duration{}
	for _, c := range domain.SyncClasses {
		byClass[c] = time.Duration(float64(c.DefaultInterval()) / factor)
	}
	h := &hourResult{WallSeconds: wall.Seconds()}
	_, h.StartRSSKiB, _, _ = procMemory()
	h.MaxRSSKiB = h.StartRSSKiB
	begin := time.Now()
	d.console.svc.SetIntervals(domain.IntervalsByClass(byClass))
	for time.Since(begin) < wall {
		time.Sleep(min(5*time.Second, time.Until(begin.Add(wall))))
		_, rss, _, _ := procMemory()
		h.MaxRSSKiB = max(h.MaxRSSKiB, rss)
	}
	h.HWMKiB, h.EndRSSKiB, h.EndAnonKiB, h.EndFileKiB = procMemory()
	acts, err := d.console.svc.Store(launchAccount).Activity(localstore.ActivityAll, 0)
	if err != nil {
		h.FirstProblem = fmt.Sprintf("read the activity: %v", err)
	}
	for _, a := range acts {
		if a.At.Before(begin) {
			continue
		}
		h.Syncs++
		for _, r := range a.Resources {
			h.Records += r.New + r.Changed + r.Removed
		}
		if a.Failed() {
			h.FailedSyncs++
			if h.FirstProblem == "" {
				h.FirstProblem = fmt.Sprint(a.Errors, a.SetAside)
			}
		}
	}
	return h
}
