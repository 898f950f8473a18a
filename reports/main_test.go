package reports

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// rssChildEnv, when set to a path, turns the test binary into a child that
// runs one 100k-order streaming export to that path and exits, so the
// benchmark can read the child's peak RSS from the kernel without the
// parent's memory mixed in.
const rssChildEnv = "REPORTS_RSS_CHILD_OUT"

func TestMain(m *testing.M) {
	if out := os.Getenv(rssChildEnv); out != "" {
		os.Exit(rssChild(out))
	}
	os.Exit(m.Run())
}

func rssChild(out string) int {
	_, err := ExportOrders(context.Background(), out, generated(benchOrders, func(int) error { return nil }),
		Options{Location: shanghai, Now: exportNow})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
