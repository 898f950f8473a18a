package syncer

import (
	"context"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/marketapi"
)

// MetaServes is the store meta key holding the resources the account's
// server publishes, comma-separated; empty means all. Screens read it
// (ServedResources) to say "not served by this gateway" instead of
// showing an empty list as if there were nothing.
const MetaServes = "sync.serves"

// noteServes remembers what a whoami reply says the server publishes.
func (e *Engine) noteServes(who marketapi.WhoAmI) {
	s := who.Serves
	e.serves = &s
	names := make([]string, len(s))
	for i, r := range s {
		names[i] = string(r)
	}
	// Best effort: the list is asked again on the next start if this fails.
	_ = e.opts.Store.SetMeta(MetaServes, strings.Join(names, ","))
}

// servedOnly narrows a pull to the resources the server publishes: a
// production-interface gateway serves orders and alerts, and asking it for
// tickets would only fail. A server whose whoami lists none serves all.
func (e *Engine) servedOnly(ctx context.Context, resources []domain.Resource) ([]domain.Resource, error) {
	if e.serves == nil {
		who, err := e.opts.Client.WhoAmI(ctx)
		if err != nil {
			// Not knowing is not a reason to sync nothing: a server without
			// whoami is asked for everything, and whoami is asked again next
			// time. A dead network fails the pulls themselves, with their
			// own resource-by-resource errors.
			return resources, nil
		}
		e.noteServes(who)
	}
	who := marketapi.WhoAmI{Serves: *e.serves}
	out := make([]domain.Resource, 0, len(resources))
	for _, r := range resources {
		if who.ServesResource(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// ServedResources reads which resources an account's server publishes, as
// the last sync learnt it; nil means all (or not known yet).
func ServedResources(s *localstore.Store) ([]domain.Resource, error) {
	v, err := s.Meta(MetaServes)
	if err != nil || v == "" {
		return nil, err
	}
	var out []domain.Resource
	for _, name := range strings.Split(v, ",") {
		out = append(out, domain.Resource(name))
	}
	return out, nil
}
