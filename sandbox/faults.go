package sandbox

import (
	"math/rand/v2"
	"sync"
	"time"
)

// faultPlan is what one request suffers.
type faultPlan struct {
	delay     time.Duration
	fail      bool // HTTP 500 MKT.0999
	limit     bool // HTTP 429 MKT.0250
	truncate  bool
	retryWait time.Duration
}

// faultRoller rolls faults from the seed: every request draws the same
// number of values, so the same sequence of requests fails the same way.
type faultRoller struct {
	mu sync.Mutex
	r  *rand.Rand
	f  Faults
}

func newFaultRoller(seed uint64, f Faults) *faultRoller {
	if f.RetryAfter <= 0 {
		f.RetryAfter = time.Second
	}
	return &faultRoller{r: rand.New(rand.NewPCG(seed, 0xfa17)), f: f}
}

func (fr *faultRoller) roll() faultPlan {
	fr.mu.Lock()
	defer fr.mu.Unlock()
	lat, fail, limit, trunc := fr.r.Float64(), fr.r.Float64(), fr.r.Float64(), fr.r.Float64()
	p := faultPlan{retryWait: fr.f.RetryAfter}
	if lat < fr.f.LatencyRate {
		p.delay = fr.f.Latency
	}
	p.fail = fail < fr.f.ErrorRate
	p.limit = !p.fail && limit < fr.f.RateLimitRate
	p.truncate = trunc < fr.f.TruncateRate
	return p
}
