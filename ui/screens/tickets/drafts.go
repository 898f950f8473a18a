package tickets

import (
	"encoding/json"
	"maps"
	"strings"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/koogallery/merchant-console/localstore"
)

// metaDrafts is the cache setting that keeps the account's unsent replies
// across a restart, as JSON (ticket ID → text). The account's cache is its
// own 0600 file, so a draft stays with its account, goes when the account's
// folder is removed, and survives a repair (settings are carried over).
const metaDrafts = "tickets.reply-drafts"

// draftBook writes the drafts of one ticket pane to its account's cache.
// Writes run on workers; gen orders them, so a late write of an older
// snapshot never overwrites a newer one.
type draftBook struct {
	mu      sync.Mutex
	written uint64 // the newest snapshot written
	gen     uint64 // the newest snapshot taken; Fyne's goroutine only
	loaded  bool   // the saved drafts were merged in; Fyne's goroutine only
	loading bool   // they are being read
	pending bool   // a save was asked for before they were
	// store is the cache of the account the pane was built for: drafts
	// never follow the window to another account's cache.
	store *localstore.Store
}

// readDrafts is what the cache holds; a missing or unreadable setting is no
// drafts (a draft is a convenience, never a reason to stop the pane).
func readDrafts(s *localstore.Store) map[string]string {
	out := map[string]string{}
	if s == nil {
		return out
	}
	raw, err := s.Meta(metaDrafts)
	if err != nil {
		fyne.LogError("read reply drafts", err)
		return out
	}
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			fyne.LogError("reply drafts are not readable; starting without them", err)
			return map[string]string{}
		}
	}
	return out
}

// write stores snapshot gen unless a newer one was stored already.
func (b *draftBook) write(s *localstore.Store, gen uint64, drafts map[string]string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s == nil || gen <= b.written {
		return
	}
	raw := ""
	if len(drafts) > 0 {
		buf, err := json.Marshal(drafts)
		if err != nil {
			fyne.LogError("encode reply drafts", err)
			return
		}
		raw = string(buf)
	}
	if err := s.SetMeta(metaDrafts, raw); err != nil {
		fyne.LogError("save reply drafts", err)
		return
	}
	b.written = gen
}

// draftsLoader is the extra reading for the first ticket shown: the drafts
// saved by an earlier run, read in the same job as the ticket, so they land
// together (screens.LoadActionable's also); none once they are in hand.
func (d *ticketDetail) draftsLoader() []func() func() {
	if d.book.loaded || d.book.loading {
		return nil
	}
	d.book.loading = true
	s := d.book.store
	return []func() func(){func() func() {
		saved := readDrafts(s)
		return func() {
			if d.book.loaded { // flushed on close meanwhile
				return
			}
			d.mergeDrafts(saved, true)
			if d.book.pending {
				d.saveDrafts()
			}
		}
	}}
}

// mergeDrafts adds the saved drafts to what was typed meanwhile, which wins;
// toBox puts the shown ticket's draft in an empty reply box.
func (d *ticketDetail) mergeDrafts(saved map[string]string, toBox bool) {
	for id, text := range saved {
		if _, typed := d.drafts[id]; !typed && id != d.ticket.ID {
			d.drafts[id] = text
		}
	}
	if text, ok := saved[d.ticket.ID]; ok && toBox && d.reply.Text == "" {
		d.reply.SetText(text)
	}
	d.book.loaded = true
}

// keepDraft files what the box holds under ticket id and reports whether
// the drafts changed.
func (d *ticketDetail) keepDraft(id string) bool {
	if id == "" {
		return false
	}
	old, had := d.drafts[id]
	if text := d.reply.Text; strings.TrimSpace(text) != "" {
		d.drafts[id] = text
		return !had || old != text
	}
	delete(d.drafts, id)
	return had
}

// snapshotDrafts is the drafts to save: the kept ones, with the box's text
// under the ticket shown.
func (d *ticketDetail) snapshotDrafts() map[string]string {
	snap := maps.Clone(d.drafts)
	if id := d.ticket.ID; id != "" {
		if text := d.reply.Text; strings.TrimSpace(text) != "" {
			snap[id] = text
		} else {
			delete(snap, id)
		}
	}
	d.book.gen++
	return snap
}

// saveDrafts writes the drafts on a worker. Before the saved ones are
// loaded it only notes that a save is due, so an early save cannot wipe them.
func (d *ticketDetail) saveDrafts() {
	if !d.book.loaded {
		d.book.pending = true
		return
	}
	snap := d.snapshotDrafts()
	gen, s := d.book.gen, d.book.store
	d.f.Jobs.Run(func() func() { d.book.write(s, gen, snap); return nil })
}

// flushDrafts writes the drafts before the pane goes (quit, account
// switch), on the caller's goroutine: the cache closes right after.
func (d *ticketDetail) flushDrafts() {
	d.f.Jobs.Wait()
	s := d.book.store
	if !d.book.loaded {
		d.mergeDrafts(readDrafts(s), false)
	}
	snap := d.snapshotDrafts()
	d.book.write(s, d.book.gen, snap)
}
