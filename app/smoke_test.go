//go:build smoke

package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/sandbox"
	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// The smoke test runs the real app in a real window (make smoke runs it
// under Xvfb): on the sandbox, wait for the first sync, visit every screen,
// save a screenshot of each, quit. It runs once per language, each in its
// own process because a process can start Fyne's GL driver only once.

const smokeLangEnv = "MERCHANT_CONSOLE_SMOKE_LANG"

var shotDir = filepath.Join("..", "build", "screenshots")

func TestSmoke(t *testing.T) {
	for _, l := range []i18n.Language{i18n.Chinese, i18n.English} {
		t.Run(string(l), func(t *testing.T) {
			// given a fresh home for a child process that runs the app in l
			cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.timeout=5m")
			cmd.Env = append(os.Environ(), smokeLangEnv+"="+string(l))

			// when it runs
			out, err := cmd.CombinedOutput()

			// then it exited cleanly, having reported nothing wrong
			require.NoError(t, err, "the %s run failed:\n%s", l, out)
			assert.Contains(t, string(out), "smoke: ok", "%s", out)
		})
	}
}

// TestMain runs the app itself when started by TestSmoke: Fyne's window
// must live on the process's main goroutine, which only TestMain has.
func TestMain(m *testing.M) {
	if l := os.Getenv(smokeLangEnv); l != "" {
		os.Exit(runSmoke(i18n.Language(l)))
	}
	os.Exit(m.Run())
}

// syncBuffer collects the app's log while it runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runSmoke runs the app on the sandbox in a fresh home (config, data, logs
// and Fyne's preferences), lets drive visit every screen, and returns the
// exit code: 0 only when nothing went wrong.
func runSmoke(l i18n.Language) int {
	home, err := os.MkdirTemp("", "merchant-console-smoke-*")
	if err != nil {
		fmt.Println("smoke:", err)
		return 1
	}
	defer os.RemoveAll(home)
	os.Setenv("MERCHANT_CONSOLE_HOME", home)
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "xdg"))
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(home, "no-bus")) // no keyring answers
	os.Unsetenv("HUAWEICLOUD_SDK_AK")
	os.Unsetenv("HUAWEICLOUD_SDK_SK")
	if err := os.MkdirAll(filepath.Join(home, "xdg", "fyne"), 0o700); err != nil {
		fmt.Println("smoke:", err)
		return 1
	}
	if err := os.MkdirAll(shotDir, 0o755); err != nil {
		fmt.Println("smoke:", err)
		return 1
	}
	logs := &syncBuffer{}
	var problems []string
	var mu sync.Mutex
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	err = runDriven(Options{LogOutput: logs, Language: l, Sandbox: &sandbox.Options{Seed: 7, Speed: 30}},
		func(d driver) { drive(d, string(l), report) })
	if err != nil {
		report("run: %v", err)
	}
	for _, bad := range []string{"level=ERROR", "*** Error in Fyne call thread", "Fyne error"} {
		if strings.Contains(logs.String(), bad) {
			report("the app logged %q", bad)
		}
	}
	if len(problems) > 0 {
		fmt.Println("smoke: FAILED\n" + strings.Join(problems, "\n") + "\n--- log ---\n" + logs.String())
		return 1
	}
	fmt.Println("smoke: ok (" + string(l) + ")")
	return 0
}

// drive steps through the app like a person would; it never calls t.Fatal
// (it is not the test goroutine) but reports, and always quits.
func drive(d driver, lang string, report func(string, ...any)) {
	defer fyne.DoAndWait(d.Shell.Quit)
	if !waitFor(90*time.Second, d.Synced) {
		report("the first sync did not finish within 90 s")
		return
	}
	welcome(d, lang, report)
	for i, id := range uishell.AllScreens {
		fyne.DoAndWait(func() { d.Shell.Show(id) })
		time.Sleep(700 * time.Millisecond) // the screen loads its page off the UI goroutine
		checkRows(d, id, report)
		fyne.DoAndWait(func() { selectFirst(d.Shell, id) })
		time.Sleep(500 * time.Millisecond)
		name := fmt.Sprintf("%s-%d-%s.png", lang, i+1, slug(id))
		if err := capture(d.Shell.Window(), filepath.Join(shotDir, name)); err != nil {
			report("screenshot %s: %v", name, err)
		}
	}
	showCentre(d, lang, len(uishell.AllScreens)+1, report)
	smokeAccounts(d, lang, len(uishell.AllScreens)+2, report)
}

// welcome photographs the first-start question for the agent's name and
// closes it as Esc does: with a dialog open the window's shortcuts and
// screens are held back, so every later step needs it gone.
func welcome(d driver, lang string, report func(string, ...any)) {
	open := false
	fyne.DoAndWait(func() { open = d.Shell.Window().Canvas().Overlays().Top() != nil })
	if !open {
		report("no question for the agent's name on first start")
		return
	}
	if err := capture(d.Shell.Window(), filepath.Join(shotDir, lang+"-0-welcome.png")); err != nil {
		report("screenshot welcome: %v", err)
	}
	fyne.DoAndWait(d.Shell.CloseTopDialog)
}

// showCentre opens the notification centre: the first sync of the sandbox
// always raises some notifications, so an empty centre is a failure.
func showCentre(d driver, lang string, n int, report func(string, ...any)) {
	fyne.DoAndWait(func() { d.Shell.Show(uishell.ScreenOverview); d.Shell.ShowNotifications() })
	count := 0
	waitFor(5*time.Second, func() bool {
		fyne.DoAndWait(func() { count = shownNotifications(d.Shell) })
		return count > 0
	})
	if count <= 0 {
		report("the notification centre is empty after the first sync")
	}
	time.Sleep(500 * time.Millisecond) // let the pop-up draw before the capture
	name := fmt.Sprintf("%s-%d-notifications.png", lang, n)
	if err := capture(d.Shell.Window(), filepath.Join(shotDir, name)); err != nil {
		report("screenshot %s: %v", name, err)
	}
}

func checkRows(d driver, id uishell.ScreenID, report func(string, ...any)) {
	var n int
	var list bool
	fyne.DoAndWait(func() { n, list = shellRows(d.Shell, id) })
	if list && n == 0 {
		report("screen %q is empty after the first sync", id.Title())
	}
}

func waitFor(limit time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

func slug(id uishell.ScreenID) string {
	names := []string{"overview", "orders", "supervision", "tickets", "alerts", "bills", "exports", "settings"}
	return names[id]
}

// capture saves the window's canvas as a PNG and rejects a blank one.
// Under Xvfb's software GL the canvas may read back empty; then the X
// screen is grabbed with ImageMagick's import instead.
func capture(w fyne.Window, path string) error {
	var img image.Image
	fyne.DoAndWait(func() { img = w.Canvas().Capture() })
	if img == nil || blank(img) {
		return grabScreen(path)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}

func grabScreen(path string) error {
	if out, err := exec.Command("import", "-window", "root", path).CombinedOutput(); err != nil {
		return fmt.Errorf("import -window root: %v: %s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return err
	}
	if blank(img) {
		return errors.New("the window is blank")
	}
	return nil
}
