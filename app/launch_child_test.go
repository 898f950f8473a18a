//go:build !smoke

package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/koogallery/merchant-console/i18n"
)

// The child side of BenchmarkLaunchToOverview100k: a fresh process that
// runs the real app (Run, real window, the fixture's cache) and reports
// when the Overview's to-do counts were first on screen, and its memory.

const (
	// launchChildEnv makes TestMain run the app as a launch child.
	launchChildEnv = "MERCHANT_CONSOLE_LAUNCH_CHILD"
	// launchProfileEnv, when set to a directory, makes the child write
	// launch-cpu.pprof (process start to first Overview) and launch-heap.pprof.
	launchProfileEnv = "MERCHANT_CONSOLE_LAUNCH_PROFILE"
	// launchSettleEnv, when set to a duration, keeps the app running that
	// long after the first Overview and reports the peak memory again, to
	// see work deferred past the first screen (notifications, tray, sync).
	launchSettleEnv = "MERCHANT_CONSOLE_LAUNCH_SETTLE"
	// launchResultPrefix starts the one line the child reports on stdout.
	launchResultPrefix = "launch-result: "
	launchWait         = 60 * time.Second
)

// launchResult is what a child reports.
type launchResult struct {
	RunUnixNano   int64              // when Run logged "starting" (ms precision): process and package start-up before it
	DriveUnixNano int64              // when the built window was handed over (just before ShowAndRun)
	FirstUnixNano int64              // when the window's first frame was painted
	ReadyUnixNano int64              // when the first frame showing the counts was painted
	DataUnixNano  int64              // when the count texts first held numbers
	Counts        []string           // the four to-do counts as drawn, card order
	HWMKiB        int64              // VmHWM: peak resident set
	RSSKiB        int64              // VmRSS at ready
	AnonKiB       int64              // RssAnon at ready: heap, stacks, GL buffers
	FileKiB       int64              // RssFile at ready: mapped files (the cache, libraries) paged in
	SettledHWMKiB int64              // VmHWM after the settle time, when one was asked for
	ListMs        map[string]float64 // each list screen's open time, when launchListsEnv asks (launch_lists_test.go)
	ListsHWMKiB   int64              // VmHWM after the lists were opened
	Hour          *hourResult        // the compressed hour of syncing, when hourWallEnv asks (hour_bench_test.go)
	Problem       string             // why the child could not measure, if it could not
}

// lockedLog collects the app's log while it runs.
type lockedLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// runLaunchChild runs the app until its Overview shows real counts, then
// quits it, and prints one result line. Exit code 0 only with a result.
func runLaunchChild() int {
	stopProfile := startLaunchProfile()
	logs := &lockedLog{}
	var res launchResult
	err := runDriven(Options{LogOutput: logs, Language: i18n.English}, func(d driver) {
		defer fyne.DoAndWait(d.Shell.Quit)
		res = watchOverview(d)
		stopProfile()
	})
	res.RunUnixNano = loggedStart(logs.String())
	if err != nil && res.Problem == "" {
		res.Problem = "run: " + err.Error()
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		res.Problem = strings.TrimSpace(res.Problem + "\nthe app logged an error:\n" + logs.String())
	}
	line, _ := json.Marshal(res)
	fmt.Println(launchResultPrefix + string(line))
	if res.Problem != "" {
		return 1
	}
	return 0
}

// loggedStart is the time of Run's "starting" log line, 0 if none.
func loggedStart(log string) int64 {
	for _, line := range strings.Split(log, "\n") {
		if !strings.Contains(line, "msg=starting") {
			continue
		}
		stamp, _, _ := strings.Cut(strings.TrimPrefix(line, "time="), " ")
		if t, err := time.Parse(time.RFC3339Nano, stamp); err == nil {
			return t.UnixNano()
		}
	}
	return 0
}

// watchOverview polls, on Fyne's goroutine, until the Overview's count
// texts hold numbers, then waits for the next frame painted after that
// (the frame probe's generator runs while that frame is drawn, after the
// window's content). Memory is read at that moment. Last, untimed, it
// checks on the X screen that the counts really are drawn.
func watchOverview(d driver) launchResult {
	res := launchResult{DriveUnixNano: time.Now().UnixNano()}
	deadline := time.Now().Add(launchWait)
	probe := newFrameProbe()
	fyne.DoAndWait(func() { d.Shell.Window().Canvas().Overlays().Add(probe.raster) })
	var texts []*canvas.Text
	for texts == nil {
		if time.Now().After(deadline) {
			res.Problem = "the Overview showed no counts within " + launchWait.String()
			return res
		}
		fyne.DoAndWait(func() {
			if texts, res.Counts = overviewCounts(d.Shell); texts != nil {
				probe.arm()
			}
		})
		if texts == nil {
			time.Sleep(2 * time.Millisecond)
		}
	}
	res.DataUnixNano = time.Now().UnixNano()
	select {
	case at := <-probe.frames:
		res.ReadyUnixNano = at.UnixNano()
		res.FirstUnixNano = probe.first.Load()
	case <-time.After(time.Until(deadline)):
		res.Problem = "no frame was painted after the counts were set"
		return res
	}
	res.HWMKiB, res.RSSKiB, res.AnonKiB, res.FileKiB = procMemory()
	if err := countsOnScreen(d.Shell.Window(), texts); err != nil {
		res.Problem = err.Error()
	}
	if res.ListMs = openLists(d, probe); res.ListMs != nil {
		res.ListsHWMKiB, _, _, _ = procMemory()
	}
	if settle, err := time.ParseDuration(os.Getenv(launchSettleEnv)); err == nil && settle > 0 {
		time.Sleep(settle)
		res.SettledHWMKiB, _, _, _ = procMemory()
	}
	if wall := hourWall(); wall > 0 {
		res.Hour = runHour(d, wall)
	}
	return res
}

// procMemory reads the peak and current resident set of this process,
// and the current one's anonymous and file-backed parts.
func procMemory() (hwm, rss, anon, file int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1, -1, -1, -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ":")
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmHWM":
			hwm = n
		case "VmRSS":
			rss = n
		case "RssAnon":
			anon = n
		case "RssFile":
			file = n
		}
	}
	return hwm, rss, anon, file
}

// startLaunchProfile starts a CPU profile when launchProfileEnv names a
// directory; the returned func stops it and writes a heap profile, the
// process's memory map (smaps, to split resident memory by mapping) and
// the Go runtime's memory statistics.
func startLaunchProfile() func() {
	dir := os.Getenv(launchProfileEnv)
	if dir == "" {
		return func() {}
	}
	cpu, err := os.Create(filepath.Join(dir, "launch-cpu.pprof"))
	if err == nil {
		err = pprof.StartCPUProfile(cpu)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "launch profile:", err)
		return func() {}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			pprof.StopCPUProfile()
			cpu.Close()
			heap, err := os.Create(filepath.Join(dir, "launch-heap.pprof"))
			if err == nil {
				err = errors.Join(pprof.WriteHeapProfile(heap), heap.Close())
			}
			if smaps, rerr := os.ReadFile("/proc/self/smaps"); rerr == nil {
				err = errors.Join(err, os.WriteFile(filepath.Join(dir, "launch-smaps.txt"), smaps, 0o600))
			}
			var ms goruntime.MemStats
			goruntime.ReadMemStats(&ms)
			stats, _ := json.MarshalIndent(ms, "", " ")
			err = errors.Join(err, os.WriteFile(filepath.Join(dir, "launch-memstats.json"), stats, 0o600))
			if err != nil {
				fmt.Fprintln(os.Stderr, "launch profile:", err)
			}
		})
	}
}
