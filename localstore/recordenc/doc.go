// Package recordenc is the cache's binary encoding of the synced records:
// one layout per kind (orders and transaction details, the bulk of a
// cache, and the other synced kinds), each led by a layout byte so a field
// can be added without a schema migration and older rows stay readable.
// It knows nothing of bbolt or of the cache's keys; localstore's codecs
// (localstore/codec.go) call it.
package recordenc
