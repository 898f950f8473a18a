package gateway

import (
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkAddedLatency measures, in the same run, a production call sent
// straight to the upstream and the same call through the gateway (verify,
// forward, journal, answer; the store is written just after), and with the
// journal fsynced before each answer, over real loopback HTTP with keep-alive.
// It reports p50/p99 per call and calls/s; the gateway's added latency is
// the difference of the two sub-benchmarks' figures.
//
//	go test -run '^$' -bench AddedLatency -benchtime 3x ./gateway
func BenchmarkAddedLatency(b *testing.B) {
	const callsPerOp = 1000
	r := newRig(b, Config{})
	r.clock = nil
	r.gw.cfg.Now = time.Now
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	send := func(b *testing.B, base string, i int) {
		body := newInstanceBody("CSBENCH" + strconv.Itoa(i))
		q := signedQuery(testKey, []byte(body), time.Now(), nextNonce())
		resp, err := client.Post(base+"?"+q.Encode(), "application/json", strings.NewReader(body))
		require.NoError(b, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		require.Equal(b, http.StatusOK, resp.StatusCode)
	}
	strict := newRig(b, Config{}) // the same, fsyncing the journal before each answer
	strict.gw.cfg.Now = time.Now
	strict.gw.cfg.Journal.opts.SyncEachCall = true
	for _, target := range []struct{ name, url string }{
		{"direct", r.up.srv.URL + "/produce-api"},
		{"gateway", r.url + ProducePath},
		{"gateway-sync-each-call", strict.url + ProducePath},
	} {
		b.Run(target.name, func(b *testing.B) {
			var lat []time.Duration
			b.ResetTimer()
			start := time.Now()
			for b.Loop() { // each iteration is a sample of callsPerOp, so -benchtime 3x still gives a p99
				for range callsPerOp {
					t0 := time.Now()
					send(b, target.url, len(lat))
					lat = append(lat, time.Since(t0))
				}
			}
			elapsed := time.Since(start)
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "calls/s")
		})
	}
}
