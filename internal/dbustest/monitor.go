package dbustest

import (
	"bytes"
	"encoding/binary"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/stretchr/testify/require"
)

// Call is one org.freedesktop.Notifications.Notify as sent.
type Call struct {
	Title, Body string
	Actions     []string
	Urgency     byte
	Timeout     int32
	IconSize    [2]int32 // of the image-data hint; zero without one
	Bytes       int      // the encoded message
}

// Calls collects the Notify calls a monitor saw; safe for concurrent use.
type Calls struct {
	mu    sync.Mutex
	calls []Call
}

// All returns the calls seen so far, oldest first.
func (c *Calls) All() []Call {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Call(nil), c.calls...)
}

// MonitorNotify becomes a D-Bus monitor of Notify calls, as dbus-monitor
// does, and decodes each as the daemon receives it, until the test ends.
func MonitorNotify(t *testing.T) *Calls {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	rule := "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"
	require.NoError(t, conn.BusObject().Call("org.freedesktop.DBus.Monitoring.BecomeMonitor", 0, []string{rule}, uint32(0)).Err)
	ch := make(chan *dbus.Message, 64)
	conn.Eavesdrop(ch)
	var c Calls
	go func() {
		for m := range ch {
			if n, ok := decodeNotify(m); ok {
				c.mu.Lock()
				c.calls = append(c.calls, n)
				c.mu.Unlock()
			}
		}
	}()
	return &c
}

func decodeNotify(m *dbus.Message) (Call, bool) {
	if len(m.Body) != 8 {
		return Call{}, false
	}
	var n Call
	n.Title, _ = m.Body[3].(string)
	n.Body, _ = m.Body[4].(string)
	n.Actions, _ = m.Body[5].([]string)
	hints, _ := m.Body[6].(map[string]dbus.Variant)
	if u, ok := hints["urgency"]; ok {
		n.Urgency, _ = u.Value().(byte)
	}
	if img, ok := hints["image-data"]; ok {
		if fields, ok := img.Value().([]any); ok && len(fields) == 7 {
			w, _ := fields[0].(int32)
			h, _ := fields[1].(int32)
			n.IconSize = [2]int32{w, h}
		}
	}
	n.Timeout, _ = m.Body[7].(int32)
	var buf bytes.Buffer
	if err := m.EncodeTo(&buf, binary.LittleEndian); err == nil {
		n.Bytes = buf.Len()
	}
	return n, true
}
