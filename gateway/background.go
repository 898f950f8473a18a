package gateway

import (
	"context"
	"errors"
	"time"

	"github.com/koogallery/merchant-console/marketapi"
)

// Intervals of the background work.
const (
	completeEvery = 30 * time.Second // retry order/query for orders still pending
	expireEvery   = 30 * time.Second // close retry windows without a new call
)

// Run does the background work until ctx ends: completing new orders with
// order/query, and closing alerts' retry windows as time passes.
func (g *Gateway) Run(ctx context.Context) {
	complete := time.NewTicker(completeEvery)
	expire := time.NewTicker(expireEvery)
	defer complete.Stop()
	defer expire.Stop()
	g.completeAll(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-g.wake:
			g.completeAll(ctx)
		case <-complete.C:
			g.completeAll(ctx)
		case <-expire.C:
			if _, err := g.cfg.Store.Expire(g.cfg.Now()); err != nil {
				g.cfg.Log.Error("closing retry windows", "err", err)
			}
		}
	}
}

// completeAll asks order/query for every pending order. An order the
// marketplace does not know (MKT.9001) leaves the list; other failures are
// tried again later.
func (g *Gateway) completeAll(ctx context.Context) {
	if g.cfg.Orders == nil {
		return
	}
	ids, err := g.cfg.Store.Pending()
	if err != nil {
		g.cfg.Log.Error("listing orders to complete", "err", err)
		return
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		o, err := g.cfg.Orders.QueryOrder(ctx, id, "")
		var me *marketapi.Error
		switch {
		case errors.As(err, &me) && me.Code == marketapi.CodeNotFound:
			g.cfg.Log.Warn("order/query does not know the order", "order", id)
			err = g.cfg.Store.Unpend(id)
		case err != nil:
			g.cfg.Log.Warn("order/query failed; will retry", "order", id, "err", err)
			continue
		default:
			err = g.cfg.Store.Complete(o, g.cfg.Now())
		}
		if err != nil {
			g.cfg.Log.Error("storing a completed order", "order", id, "err", err)
		}
	}
}
