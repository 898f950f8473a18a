package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/sandbox"
)

// syncChildEnv, when set, turns the test binary into a child that syncs the
// accounts of a sandbox running in its parent (a JSON syncChildJob) into
// fresh caches and prints how many records it received, so a benchmark can
// read the sync's own peak RSS from the kernel without the sandbox's world.
const syncChildEnv = "SYNCER_SCALE_CHILD"

type syncChildJob struct {
	URL      string
	Dir      string
	Accounts []sandbox.AccountCred
}

func TestMain(m *testing.M) {
	if job := os.Getenv(syncChildEnv); job != "" {
		os.Exit(runSyncChild(job))
	}
	os.Exit(m.Run())
}

func runSyncChild(job string) int {
	var j syncChildJob
	if err := json.Unmarshal([]byte(job), &j); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	records := 0
	for _, a := range j.Accounts {
		c, err := NewClient(Options{BaseURL: j.URL, Signer: apig.Signer{AK: a.AK, SK: a.SK}, PageSize: 1000, Timeout: time.Minute})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		n, err := fullSync(context.Background(), c, a, filepath.Join(j.Dir, a.ID+".db"), false)
		c.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		records += n
	}
	fmt.Println(records)
	return 0
}
