//go:build !smoke

package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
	"github.com/koogallery/merchant-console/service"
)

// The launch benchmark's fixture: a console home whose one configured
// (non-sandbox) account has a real cache of 100k orders, filled by a real
// sync from the sandbox, and points at a loopback port nobody listens on,
// so the launched app shows its cache offline.

const (
	// launchAccount is the configured account's name.
	launchAccount = "bench-shop"
	// launchOrders is the size of its cache, as the issue asks.
	launchOrders = 100_000
	// launchOfflineURL refuses connections at once: the app's first sync
	// fails fast (connection refused), as on a laptop without network.
	launchOfflineURL = "http://127.0.0.1:1"
)

// launchWorld makes the sandbox's main account (weight 0.6 of every size)
// hold exactly 100k orders with the proportions of the project's other
// 100k benchmarks (sync, sandbox): 20k tickets, 10k supervision tasks, 10k
// alerts, 2k bills. No arrivals, so the world stays as generated.
var launchWorld = sandbox.Options{Seed: 77, Orders: 166_667, Tickets: 33_333,
	Supervision: 16_667, Alerts: 16_667, Bills: 3_333, NoArrivals: true}

// launchScale is MERCHANT_CONSOLE_LAUNCH_SCALE (10: the million-order cache
// of BENCHMARKS.md's scale section), 1 when unset.
func launchScale() int {
	if x, err := strconv.Atoi(os.Getenv("MERCHANT_CONSOLE_LAUNCH_SCALE")); err == nil && x > 1 {
		return x
	}
	return 1
}

// scaledLaunchWorld is launchWorld times launchScale.
func scaledLaunchWorld() sandbox.Options {
	w, x := launchWorld, launchScale()
	w.Orders, w.Tickets, w.Supervision, w.Alerts, w.Bills = x*w.Orders, x*w.Tickets,
		x*w.Supervision, x*w.Alerts, x*w.Bills
	return w
}

// launchFixture is the home a launched console runs in and what its
// Overview must show.
type launchFixture struct {
	home    string
	ak, sk  string // sandbox keys (not secrets): with them the app tries to sync
	bus     string // the D-Bus session address the children use
	want    localstore.Overview
	records map[domain.Resource]int
}

var (
	launchOnce sync.Once
	launchFix  launchFixture
	launchErr  error
)

// sharedLaunchFixture builds the fixture once per benchmark process.
func sharedLaunchFixture() (launchFixture, error) {
	launchOnce.Do(func() { launchFix, launchErr = buildLaunchFixture() })
	return launchFix, launchErr
}

// launchKeepEnv keeps the fixture's home after the run (its path is
// printed), to launch the console on it again by hand or under a profiler.
const launchKeepEnv = "MERCHANT_CONSOLE_LAUNCH_KEEP"

// removeLaunchFixture deletes the fixture's home, if one was built.
func removeLaunchFixture() {
	switch {
	case launchFix.home == "":
	case os.Getenv(launchKeepEnv) != "":
		fmt.Println("launch fixture kept in", launchFix.home)
	default:
		os.RemoveAll(launchFix.home)
	}
}

// launchPaths are the locations config.DefaultPaths gives for home when
// MERCHANT_CONSOLE_HOME=home (the child checks it found the same cache by
// drawing the counts computed here).
func launchPaths(home string) config.Paths {
	return config.Paths{Config: filepath.Join(home, "config"), Data: filepath.Join(home, "data"), Logs: filepath.Join(home, "logs")}
}

// buildLaunchFixture copies the pristine fixture of this scale (built once
// by a real sync, see pristineLaunchHome) into a fresh home and reads the
// Overview its window must show from the copy.
func buildLaunchFixture() (launchFixture, error) {
	pristine, keys, err := pristineLaunchHome()
	if err != nil {
		return launchFixture{}, err
	}
	home, err := os.MkdirTemp("", "merchant-console-launch-*")
	if err != nil {
		return launchFixture{}, err
	}
	fix := launchFixture{home: home, ak: keys.AK, sk: keys.SK}
	if err := copyTree(pristine, home); err != nil {
		return fix, err
	}
	paths := launchPaths(home)
	dir, err := paths.AccountDataDir(launchAccount)
	if err != nil {
		return fix, err
	}
	store, err := localstore.Open(filepath.Join(dir, config.CacheFileName), launchAccount, localstore.Options{})
	if err != nil {
		return fix, err
	}
	return fix, errors.Join(readLaunchExpectations(&fix, store), store.Close())
}

// launchKeys are the sandbox keys the fixture's account was synced with
// (not secrets), kept beside the pristine fixture.
type launchKeys struct{ AK, SK string }

// launchFreshEnv makes the benchmark sync a new pristine fixture even when
// one of its scale is kept.
const launchFreshEnv = "MERCHANT_CONSOLE_LAUNCH_FRESH"

// pristineLaunchHome returns the home a real sync filled for this scale,
// syncing it first when it is missing: it is kept in $TMPDIR, keyed by
// the scale and the cache's schema, because the 10x world's sync takes
// minutes. No launch runs in it; each benchmark run copies it, so every
// run's first launch finds the same never-opened cache.
func pristineLaunchHome() (string, launchKeys, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("merchant-console-launch-fixture-x%d-schema%d", launchScale(), localstore.SchemaVersion))
	marker := filepath.Join(dir, "fixture-keys.json")
	var keys launchKeys
	if data, err := os.ReadFile(marker); err == nil && os.Getenv(launchFreshEnv) == "" {
		return dir, keys, json.Unmarshal(data, &keys)
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", keys, err
	}
	fix := launchFixture{home: dir}
	paths := launchPaths(dir)
	if err := paths.Ensure(); err != nil {
		return "", keys, err
	}
	if err := syncLaunchCache(&fix, paths); err != nil {
		return "", keys, err
	}
	keys = launchKeys{AK: fix.ak, SK: fix.sk}
	data, _ := json.Marshal(keys)
	// Written last: a sync stopped half-way leaves no marker and is redone.
	return dir, keys, os.WriteFile(marker, data, 0o600)
}

// copyTree copies the regular files under src to dst, keeping their modes
// (caches are 0600), except the pristine fixture's marker.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, rel)
		info, err := d.Info()
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return os.MkdirAll(to, info.Mode().Perm())
		case !info.Mode().IsRegular() || rel == "fixture-keys.json":
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, info.Mode().Perm())
		if err != nil {
			return err
		}
		_, err = io.Copy(out, in)
		return errors.Join(err, out.Close())
	})
}

// syncLaunchCache fills the account's cache by a real sync of the
// sandbox's main account through the service (signed HTTP, the engine's
// pages, cursors and last-sync time), reads the Overview the window must
// show, then points the account at a port nobody listens on.
func syncLaunchCache(fix *launchFixture, paths config.Paths) error {
	srv, err := sandbox.Start(context.Background(), scaledLaunchWorld())
	if err != nil {
		return fmt.Errorf("start sandbox: %w", err)
	}
	defer srv.Close()
	for _, c := range srv.Accounts() {
		if c.ID == sandbox.AccountMain {
			fix.ak, fix.sk = c.AK, c.SK
		}
	}
	if err := saveLaunchAccount(paths, srv.URL()); err != nil {
		return err
	}
	restore := setKeysEnv(fix.ak, fix.sk) // the service finds them as the app's children do
	defer restore()
	// NoSync: the fixture is throwaway; the app reopens it with fsync on.
	svc, err := service.Open(service.Options{Paths: paths, Store: localstore.Options{NoSync: true},
		Client: service.ClientTuning{PageSize: 1000, Timeout: time.Minute}})
	if err != nil {
		return err
	}
	_, err = svc.SyncOnce(context.Background(), launchAccount)
	if err == nil {
		err = readLaunchExpectations(fix, svc.Store(launchAccount))
	}
	if err = errors.Join(err, svc.Close()); err != nil {
		return err
	}
	return saveLaunchAccount(paths, launchOfflineURL)
}

func saveLaunchAccount(paths config.Paths, url string) error {
	acct := config.Account{Name: launchAccount, Site: config.SiteCustom, BaseURL: url}
	if err := config.SaveAccounts(paths.AccountsFile(), []config.Account{acct}); err != nil {
		return fmt.Errorf("write accounts: %w", err)
	}
	return nil
}

// setKeysEnv sets the SDK's key variables and returns what restores them.
func setKeysEnv(ak, sk string) func() {
	oldAK, hadAK := os.LookupEnv(credentials.EnvAK)
	oldSK, hadSK := os.LookupEnv(credentials.EnvSK)
	os.Setenv(credentials.EnvAK, ak)
	os.Setenv(credentials.EnvSK, sk)
	return func() {
		for _, v := range []struct {
			key, old string
			had      bool
		}{{credentials.EnvAK, oldAK, hadAK}, {credentials.EnvSK, oldSK, hadSK}} {
			if v.had {
				os.Setenv(v.key, v.old)
			} else {
				os.Unsetenv(v.key)
			}
		}
	}
}

func readLaunchExpectations(fix *launchFixture, store *localstore.Store) error {
	fix.records = map[domain.Resource]int{}
	for _, res := range domain.AllResources {
		counts, err := store.StatusCounts(res)
		if err != nil {
			return err
		}
		for _, n := range counts {
			fix.records[res] += n
		}
	}
	// The main account's 0.6 share of the world is rounded per generated
	// batch: at 10x it holds 1,000,002 orders.
	if got, want := fix.records[domain.ResOrders], launchOrders*launchScale(); got < want || got > want+want/100_000 {
		return fmt.Errorf("the synced cache holds %d orders, want %d", got, want)
	}
	ov, err := store.Overview(time.Now())
	fix.want = ov
	return err
}
