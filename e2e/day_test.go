package e2e

import (
	"testing"

	"github.com/koogallery/merchant-console/sandbox"
)

// TestDayInTheLife runs the whole product headless against the sandbox on a
// clock the test advances: two agents' consoles sync, orders arrive and are
// announced once, an offline accept and reply go out exactly once while the
// other agent's accept is refused, an interface failure counts down and is
// restarted in time, a supervision task is completed and the month's bill is
// exported and reconciled. Each step builds on the state the previous left.
func TestDayInTheLife(t *testing.T) {
	d := &day{w: startWorld(t)}
	d.applied0 = d.w.sb.Applied(sandbox.AccountMain)
	d.a = newConsole(t, d.w, "客服-甲")
	d.b = newConsole(t, d.w, "客服-乙")
	steps := []struct {
		name string
		run  func(*testing.T)
	}{
		{"2 initial sync converges", d.initialSync},
		{"3 new orders are notified once, coalesced", d.newOrders},
		{"4 offline accept and reply go out exactly once; the other agent is refused", d.offlineTicket},
		{"4b a reply stops when another agent answered first; send anyway sends it once", d.trafficCop},
		{"4c a quick reply, an internal note and a batch accept", d.workspace},
		{"5 interface failure counts down offline and is restarted in time", d.alertCountdown},
		{"6 supervision task is completed", d.supervision},
		{"7 the month's bill is synced, exported and reconciled", d.monthlyBill},
		{"8 the background scheduler keeps the console current", d.background},
		{"9 end of day: both consoles agree with the marketplace", d.endOfDay},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			t.Fatalf("step %q failed; later steps depend on it", s.name)
		}
	}
}

// day is the state one scenario carries from step to step.
type day struct {
	w    *world
	a, b *console // two agents of the same seller, each with their own console

	applied0 int    // actions the account had applied before the day began
	ticket   string // the ticket agent A took in step 4
	// workspaceDone counts step 4c's actions: quick reply, note, batch accepts
	workspaceDone int
}
