package world

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// stateFormat numbers the saved-world layout; another number is refused.
const stateFormat = 1

// ErrStateMismatch says a saved world cannot be continued: another format,
// or made with other options (seed, sizes), so its records would not be
// the world these options describe.
var ErrStateMismatch = errors.New("sandbox: the saved world does not match these options")

// savedWorld is everything the simulation needs to go on where it stopped:
// records, tombstones, versions, idempotency replies, the random sources,
// the clock, and the epoch its cursors carry (so a client's cursor from
// the previous run stays valid).
type savedWorld struct {
	Format   int         `json:"format"`
	Options  string      `json:"options"` // worldKey of the options it was made with
	Epoch    uint64      `json:"epoch"`
	SimNow   time.Time   `json:"simNow"`  // the clock when saved
	SavedAt  time.Time   `json:"savedAt"` // the wall clock when saved
	LastStep time.Time   `json:"lastStep"`
	RNG      []byte      `json:"rng"`
	Books    []savedBook `json:"books"`
}

type savedBook struct {
	Account  string                               `json:"account"`
	Seq      int64                                `json:"seq"`
	Applied  int                                  `json:"applied"`
	Billed   string                               `json:"billed"`
	Warned   map[string]bool                      `json:"warned"`
	Arrivals float64                              `json:"arrivals"`
	Tickets  float64                              `json:"tickets"`
	GenRNG   []byte                               `json:"genRng"`
	GenSeq   int                                  `json:"genSeq"`
	Live     map[domain.Resource]json.RawMessage  `json:"live"` // a JSON array of the resource's type
	Gone     map[domain.Resource]map[string]int64 `json:"gone"`
	Idem     map[string]savedReply                `json:"idem"`
}

// savedReply is a stored idempotent answer; Resource is set when Body is
// an ActionResult carrying a record of that resource.
type savedReply struct {
	Status   int             `json:"status"`
	Resource domain.Resource `json:"resource,omitempty"`
	Body     json.RawMessage `json:"body"`
}

// worldKey names the options that shape a generated world.
func worldKey(o Options) string {
	return fmt.Sprintf("seed=%d sizes=%v arrivals=%t rates=%v", o.Seed, o.sizes(), !o.NoArrivals, o.Rates.withDefaults())
}

// Save writes the world (gzip-compressed JSON) so that Restore continues
// it: made with o, in the server run epoch, at simNow on the sandbox's
// clock. It holds the world's lock while it copies, so it may run while
// the world is served.
func (w *World) Save(out io.Writer, o Options, epoch uint64, simNow time.Time) error {
	w.mu.Lock()
	sw, err := w.save(o)
	w.mu.Unlock()
	if err != nil {
		return err
	}
	sw.Epoch, sw.SimNow, sw.SavedAt = epoch, simNow, time.Now()
	zw := gzip.NewWriter(out)
	if err := json.NewEncoder(zw).Encode(sw); err != nil {
		return fmt.Errorf("sandbox: save the world: %w", err)
	}
	return zw.Close()
}

func (w *World) save(o Options) (savedWorld, error) {
	rng, err := w.rngSrc.MarshalBinary()
	if err != nil {
		return savedWorld{}, err
	}
	sw := savedWorld{Format: stateFormat, Options: worldKey(o), LastStep: w.lastStep, RNG: rng}
	for _, id := range w.order {
		sb, err := w.books[id].save()
		if err != nil {
			return savedWorld{}, fmt.Errorf("sandbox: save %s: %w", id, err)
		}
		sw.Books = append(sw.Books, sb)
	}
	return sw, nil
}

func (b *book) save() (savedBook, error) {
	genRNG, err := b.gen.src.MarshalBinary()
	if err != nil {
		return savedBook{}, err
	}
	sb := savedBook{Account: b.acct.ID, Seq: b.seq, Applied: b.applied, Billed: b.billed, Warned: b.warned,
		Arrivals: b.arrivals, Tickets: b.tickets, GenRNG: genRNG, GenSeq: b.gen.seq,
		Live: map[domain.Resource]json.RawMessage{}, Gone: map[domain.Resource]map[string]int64{},
		Idem: map[string]savedReply{}}
	for res, t := range b.tables {
		recs := make([]domain.Record, 0, len(t.live))
		for _, r := range t.live {
			recs = append(recs, r)
		}
		if sb.Live[res], err = json.Marshal(recs); err != nil {
			return sb, err
		}
		sb.Gone[res] = t.gone
	}
	for k, r := range b.idem {
		sr := savedReply{Status: r.status}
		if ar, ok := r.body.(marketapi.ActionResult[domain.Record]); ok && ar.Data != nil {
			sr.Resource = ar.Data.Resource()
		}
		if sr.Body, err = json.Marshal(r.body); err != nil {
			return sb, err
		}
		sb.Idem[k] = sr
	}
	return sb, nil
}

// loadState reads a saved world made with the same options.
func loadState(raw []byte, o Options) (savedWorld, error) {
	var sw savedWorld
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return sw, fmt.Errorf("sandbox: read the saved world: %w", err)
	}
	if err := json.NewDecoder(zr).Decode(&sw); err != nil {
		return sw, fmt.Errorf("sandbox: read the saved world: %w", err)
	}
	if sw.Format != stateFormat || sw.Options != worldKey(o) {
		return sw, ErrStateMismatch
	}
	return sw, nil
}

// restoreWorld rebuilds the world a savedWorld describes.
func restoreWorld(sw savedWorld, o Options) (*World, error) {
	w := emptyWorld(o, sw.LastStep)
	if err := w.rngSrc.UnmarshalBinary(sw.RNG); err != nil {
		return nil, fmt.Errorf("sandbox: saved random source: %w", err)
	}
	if len(sw.Books) != len(w.order) {
		return nil, ErrStateMismatch
	}
	for _, sb := range sw.Books {
		b, ok := w.books[sb.Account]
		if !ok {
			return nil, ErrStateMismatch
		}
		if err := b.restore(sb); err != nil {
			return nil, fmt.Errorf("sandbox: restore %s: %w", sb.Account, err)
		}
	}
	return w, nil
}

func (b *book) restore(sb savedBook) error {
	if err := b.gen.src.UnmarshalBinary(sb.GenRNG); err != nil {
		return err
	}
	b.seq, b.applied, b.billed, b.arrivals, b.tickets, b.gen.seq = sb.Seq, sb.Applied, sb.Billed, sb.Arrivals, sb.Tickets, sb.GenSeq
	if sb.Warned != nil {
		b.warned = sb.Warned
	}
	for res, t := range b.tables {
		recs, err := decodeRecords(res, sb.Live[res])
		if err != nil {
			return err
		}
		for _, r := range recs {
			t.live[r.RecordMeta().ID] = r
		}
		for id, v := range sb.Gone[res] {
			t.gone[id] = v
		}
		t.rebuildLog()
	}
	for k, sr := range sb.Idem {
		body, err := restoreReply(sr)
		if err != nil {
			return err
		}
		b.idem[k] = storedReply{status: sr.Status, body: body}
	}
	return nil
}

// rebuildLog lists every live record and tombstone at its version, in
// version order: the compacted log the table would have.
func (t *table) rebuildLog() {
	t.log = t.log[:0]
	for id, r := range t.live {
		t.log = append(t.log, logEntry{r.RecordMeta().Version, id})
	}
	for id, v := range t.gone {
		t.log = append(t.log, logEntry{v, id})
	}
	slices.SortFunc(t.log, func(a, b logEntry) int {
		switch {
		case a.version < b.version:
			return -1
		case a.version > b.version:
			return 1
		}
		return 0
	})
	t.stale = 0
}

// restoreReply gives an ActionResult back its typed record, so a replay
// is still marked Replayed; other bodies (refusals) are sent as saved.
func restoreReply(sr savedReply) (any, error) {
	if sr.Resource == "" {
		return sr.Body, nil
	}
	var ar marketapi.ActionResult[json.RawMessage]
	if err := json.Unmarshal(sr.Body, &ar); err != nil {
		return nil, err
	}
	recs, err := decodeRecords(sr.Resource, append(append([]byte("["), ar.Data...), ']'))
	if err != nil || len(recs) != 1 {
		return nil, fmt.Errorf("stored reply of %s: %v", sr.Resource, err)
	}
	return marketapi.ActionResult[domain.Record]{Envelope: ar.Envelope, Data: recs[0]}, nil
}

// decodeRecords reads a JSON array of one resource's records.
func decodeRecords(res domain.Resource, raw json.RawMessage) ([]domain.Record, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	switch res {
	case domain.ResOrders:
		return decodeAs[domain.Order](raw)
	case domain.ResSupervision:
		return decodeAs[domain.SupervisionTask](raw)
	case domain.ResTickets:
		return decodeAs[domain.Ticket](raw)
	case domain.ResAlerts:
		return decodeAs[domain.InterfaceAlert](raw)
	case domain.ResBills:
		return decodeAs[domain.Bill](raw)
	case domain.ResTransactions:
		return decodeAs[domain.TransactionDetail](raw)
	case domain.ResMessages:
		return decodeAs[domain.Message](raw)
	}
	return nil, fmt.Errorf("no records of resource %q", res)
}

func decodeAs[T domain.Record](raw json.RawMessage) ([]domain.Record, error) {
	var typed []T
	if err := json.Unmarshal(raw, &typed); err != nil {
		return nil, err
	}
	out := make([]domain.Record, len(typed))
	for i, r := range typed {
		out[i] = r
	}
	return out, nil
}

// Resumed is what a saved world says of the run that saved it.
type Resumed struct {
	Epoch   uint64    // the epoch its cursors carry
	SimNow  time.Time // the sandbox's clock when saved
	SavedAt time.Time // the wall clock when saved
}

// Restore continues a world Save wrote with the same options; other
// options, or another format, give ErrStateMismatch.
func Restore(raw []byte, o Options) (*World, Resumed, error) {
	sw, err := loadState(raw, o)
	if err != nil {
		return nil, Resumed{}, err
	}
	w, err := restoreWorld(sw, o)
	if err != nil {
		return nil, Resumed{}, err
	}
	return w, Resumed{Epoch: sw.Epoch, SimNow: sw.SimNow, SavedAt: sw.SavedAt}, nil
}
