package world

import (
	"sort"

	"github.com/koogallery/merchant-console/domain"
)

// logEntry says that record id reached version; entries are appended in
// version order, so a page "since cursor" is a binary search and a scan.
type logEntry struct {
	version int64
	id      string
}

// table holds one resource of one account: live records, tombstones and
// the change log. An entry is stale once its record moved to a newer version.
type table struct {
	live    map[string]domain.Record
	gone    map[string]int64
	log     []logEntry
	stale   int
	walking bool // inside eachLive: compaction waits, the log's order must hold
}

func newTable() *table {
	return &table{live: map[string]domain.Record{}, gone: map[string]int64{}}
}

// put stores a record whose Meta was already stamped with a new version.
func (t *table) put(r domain.Record) {
	m := r.RecordMeta()
	if _, ok := t.live[m.ID]; ok {
		t.stale++
	}
	if _, ok := t.gone[m.ID]; ok {
		delete(t.gone, m.ID)
		t.stale++
	}
	t.live[m.ID] = r
	t.log = append(t.log, logEntry{m.Version, m.ID})
	t.compact()
}

// remove turns a live record into a tombstone at version v.
func (t *table) remove(id string, v int64) bool {
	if _, ok := t.live[id]; !ok {
		return false
	}
	delete(t.live, id)
	t.gone[id] = v
	t.stale++
	t.log = append(t.log, logEntry{v, id})
	return true
}

// eachLive calls fn for every record live when it starts, in version
// order, so a simulation step draws its random numbers and stamps its new
// versions in the same order every run of a seed (a map's order differs
// from run to run). fn may put or remove records of the table: a record
// it changed is not visited again, one it added not at all.
func (t *table) eachLive(fn func(id string, r domain.Record)) {
	t.walking = true
	n := len(t.log)
	for i := 0; i < n; i++ {
		e := t.log[i]
		r, ok := t.live[e.id]
		if !ok || r.RecordMeta().Version != e.version {
			continue
		}
		fn(e.id, r)
	}
	t.walking = false
	t.compact()
}

// current is the version the log must show for id, or -1 if unknown.
func (t *table) current(id string) int64 {
	if r, ok := t.live[id]; ok {
		return r.RecordMeta().Version
	}
	if v, ok := t.gone[id]; ok {
		return v
	}
	return -1
}

// compact drops stale log entries once they outnumber the live ones, so the
// log stays proportional to the data however busy the simulation is.
func (t *table) compact() {
	if t.walking || t.stale < len(t.live)+1024 {
		return
	}
	kept := t.log[:0]
	for _, e := range t.log {
		if t.current(e.id) == e.version {
			kept = append(kept, e)
		}
	}
	clear(t.log[len(kept):])
	t.log = kept
	t.stale = 0
}

// since returns up to limit changes with a version above cursor, in version
// order, the version of the last one and whether more follow.
func (t *table) since(cursor int64, limit int) (items []domain.Record, removed []domain.Tombstone, last int64, more bool) {
	i := sort.Search(len(t.log), func(i int) bool { return t.log[i].version > cursor })
	items = make([]domain.Record, 0, min(limit, len(t.log)-i))
	removed = []domain.Tombstone{}
	n := 0
	for ; i < len(t.log); i++ {
		e := t.log[i]
		if t.current(e.id) != e.version {
			continue
		}
		if n == limit {
			return items, removed, last, true
		}
		if r, ok := t.live[e.id]; ok {
			items = append(items, r)
		} else {
			removed = append(removed, domain.Tombstone{ID: e.id, Version: e.version})
		}
		last = e.version
		n++
	}
	return items, removed, last, false
}
