// Package localstore is the console's local cache: one bbolt file per
// marketplace account holding the synced records, their secondary indexes,
// the sync cursors, the outbox of user actions and the notification log.
//
// # One file per account
//
// Each account gets its own file (for example accounts/<id>.db) rather than
// one shared file with buckets keyed by account, because:
//   - Isolation is structural: a Store handle can only reach the file it
//     opened, and the file's meta bucket names its account, so opening it for
//     another account fails with ErrForeignAccount. No query can forget an
//     account prefix and leak another seller's data.
//   - bbolt allows one writer per file. Accounts sync independently (often on
//     different sites), so separate files let them write in parallel.
//   - Removing an account, moving a corrupt cache aside, compacting or
//     re-syncing touches that account only; damage to one file cannot take the
//     other accounts' caches or their unsent actions with it.
//   - The file lock doubles as the "already open in another copy" guard,
//     scoped to the account rather than the whole application.
//
// # Layout
//
// Every resource has a top-level bucket "res/<resource>" with sub-buckets:
// rec (ID → encoded record), row (ID → the compact filter row: version,
// status, times, amount, lower-cased customer/product and search text),
// tomb (removed IDs → version), cnt (status → count, maintained
// incrementally), the indexes ix/status, ix/time and ix/deadline, whose keys
// end in the record ID so a range scan yields IDs in order, the search
// segments seg (first ID → ~256 records' filter columns and search text,
// localstore/segment) and dict (status, customer and product names ↔ numbers). An
// index is kept only while a query reads it: schema 3 dropped ix/updated,
// ix/customer and ix/product, which nothing read. A page of records and the resource's
// cursor are written in one transaction (ApplyPage), so a crash leaves data
// and cursor consistent. Top-level "_meta" (account, schema), "_settings",
// "_cursors", "_outbox" (seq, keys, open, byrec, bad), "_notices" and
// "_setaside" complete it.
//
// # Bad data never stops a sync
//
// A record the cache cannot store or that breaks the contract (no ID, an ID
// over 1 KiB or not UTF-8, no status, a field of the wrong type) is set
// aside in "_setaside" with its reason, in the transaction of its page: the
// rest of the page and the cursor go on, and a later valid version of the
// record removes the entry (SetAsideRecords, SetAsideCount). An outbox entry
// that no longer decodes is quarantined in "_outbox/bad" (DamagedActions)
// and the others are still sent. Messages quote at most MaxQuoted bytes of
// any value (Quote).
//
// # Damage and repair
//
// bbolt takes an empty file for a new cache and silently falls back to the
// older meta page when the newer is damaged. Each cache therefore keeps a
// sidecar, <cache>.state (0600, no customer data): its account, whether a
// cursor was ever stored, and its transaction ID at the last Close (or the
// first stored cursor). Open then refuses with ErrCorrupt an emptied or
// too-small file of an account that synced before, a file older than the
// sidecar says (a rolled-back meta page, an old copy put back) and a file
// shorter than its own meta page says (truncated). Verify reads a cache
// whole (every key, record, outbox entry and index). Repair moves a damaged
// file aside with a timestamp and carries every readable outbox entry (also
// from raw bytes, so entries a rolled-back meta hides are found), the
// notification log and the settings (the marketplace account binding, a
// server's wait) into a fresh cache, and reports what it saved in plain
// words (RepairReport.Lines).
//
// # Writing
//
// ApplyPage encodes the page before taking bbolt's writer lock, writes rec
// and row as it goes (later items of the page read them), holds the index
// writes and status counts until the end of the page, then applies the
// index writes sorted by key (bbolt only splits nodes at commit, so unsorted
// inserts into the one big node a page fills cost a slice shift each) and
// each count once. The file is mapped 256 MiB up front on 64-bit
// non-Windows systems, so a growing file does not remap (and copy every
// in-memory node) inside write transactions; growth steps follow the data
// so small caches stay small (localstore/cachefile). Commits always fsync: NoSync is for
// throwaway test caches only. The freelist is synced too: NoFreelistSync
// would save writing it per commit, but then every Open rebuilds it by
// walking the whole file, against the reopen-and-first-screen budget.
//
// # Encoding
//
// Every synced kind uses a hand-rolled binary encoding: for an order 229
// bytes and about 1.6 µs to encode and decode against JSON's 615 bytes and
// about 11 µs (BenchmarkOrderEncoding). A one-byte tag in front of every
// record names its encoding, so rows written as JSON by earlier versions
// still decode and no migration is needed. The layouts themselves live in
// localstore/recordenc; this package adds the tag and the index fields.
//
// # Queries
//
// The first screen (newest records, optionally of one status) walks ix/time
// or ix/status and decodes only the page it shows; totals and the Overview
// come from the maintained counts. Filters and searches read every search
// segment straight from the file's memory map (exact totals, no per-query
// allocation beyond the page, nothing kept between queries), matching names
// once per distinct name; Options.NoRowCache scans the row bucket instead.
// Scan in time order walks ix/time a batch at a time, so an export holds one
// batch, not the list of every ID.
package localstore
