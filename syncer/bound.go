package syncer

import (
	"errors"
	"fmt"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// DefaultMaxPullTime bounds how long one resource may keep paging in one
// sync: a server that always answers hasMore with a new cursor must not
// hold the account's sync lock for hours.
const DefaultMaxPullTime = 15 * time.Minute

// PagingError says a resource's paging was cut off: the server kept saying
// "more" beyond what its total (or the time bound) allows. What arrived is
// kept; the next sync continues from the stored cursor.
type PagingError struct {
	Resource domain.Resource
	Pages    int
	Records  int
	Total    int // the server's last total; 0 when it gave none
	Took     time.Duration
	Why      string
}

// Error implements error.
func (e *PagingError) Error() string {
	return fmt.Sprintf("sync %s: stopped after %d pages (%d records, the server's total is %d, %s): %s; "+
		"what arrived is kept and the next sync continues from there",
		e.Resource, e.Pages, e.Records, e.Total, e.Took.Round(time.Second), e.Why)
}

// pagingBound decides when a resource's paging has gone on too long: more
// records than its total can explain, more pages than any account holds, or
// more time than a sync may take.
type pagingBound struct {
	res      domain.Resource
	pageSize int
	started  time.Time
	maxTime  time.Duration
	now      func() time.Time
	pages    int
	records  int
	total    int
}

func newPagingBound(res domain.Resource, pageSize int, maxTime time.Duration, now func() time.Time) *pagingBound {
	return &pagingBound{res: res, pageSize: max(pageSize, 1), started: now(), maxTime: maxTime, now: now}
}

// slackPages is how many pages beyond its total a feed may run: records
// change while a first sync pages through them, and removals count too.
const slackPages = 20

// after counts a page that said hasMore and returns an error when paging must stop.
func (b *pagingBound) after(p Page) error {
	b.pages++
	b.records += len(p.Items) + len(p.Removed) + len(p.SetAside)
	if p.Total > 0 {
		b.total = p.Total
	}
	took := b.now().Sub(b.started)
	fail := func(why string) error {
		return &PagingError{Resource: b.res, Pages: b.pages, Records: b.records, Total: b.total, Took: took, Why: why}
	}
	switch {
	case b.total > 0 && b.records > 3*b.total+slackPages*b.pageSize:
		return fail("more than three times its total, and it still says there is more")
	case b.total > 0 && b.pages > 3*(b.total/b.pageSize+1)+slackPages:
		return fail("far more pages than its total needs, and it still says there is more")
	case b.pages >= maxPagesPerPull:
		return fail("more pages than any account holds")
	case took > b.maxTime:
		return fail(fmt.Sprintf("paging took longer than %s", b.maxTime))
	}
	return nil
}

// resourceOnly reports whether a failure concerns one resource's replies,
// so the other resources still sync: a page breaking the contract, an
// unreadable reply, endless paging, a request the server refuses for that
// resource. Failures that would hit every resource the same way (the
// server unreachable or asking to wait, a certificate not trusted, the
// cache failing) stop the whole sync.
func resourceOnly(err error) bool {
	var ce *ContractError
	var pe *PagingError
	var de *DecodeError
	var me *marketapi.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &pe), errors.As(err, &de), errors.Is(err, ErrTooLarge):
		return true
	case errors.As(err, &me):
		return !me.Retryable() && me.Code != marketapi.CodeAuthFailed && me.Code != marketapi.CodeTokenInvalid
	}
	return false
}
