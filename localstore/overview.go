package localstore

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore/topk"
)

// StatusCounts returns how many cached records of res have each status
// (statuses with no records are absent). It reads the counts the writes
// maintain, so it costs the same at 100 records as at 100k.
func (s *Store) StatusCounts(res domain.Resource) (map[string]int, error) {
	if _, err := codecFor(res); err != nil {
		return nil, fmt.Errorf("localstore: status counts: %w", err)
	}
	var out map[string]int
	err := s.view(func(tx *bolt.Tx) error {
		out = statusCounts(resBucket(tx, res).Bucket(subCount))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: status counts of %s: %w", res, err)
	}
	return out, nil
}

func statusCounts(cnt *bolt.Bucket) map[string]int {
	out := map[string]int{}
	_ = cnt.ForEach(func(k, v []byte) error {
		if len(k) > 0 && k[0] != '#' && len(v) == 8 {
			out[string(k)] = int(u64(v))
		}
		return nil
	})
	return out
}

func flagCount(cnt *bolt.Bucket, flag uint8) int {
	for i, name := range flagNames {
		if flag == 1<<i {
			if v := cnt.Get([]byte(name)); len(v) == 8 {
				return int(u64(v))
			}
		}
	}
	return 0
}

// Overview is the console's to-do summary.
type Overview struct {
	// TicketsWaiting counts tickets to accept or being processed (待受理 + 处理中).
	TicketsWaiting int
	// AlertsOpen counts failed interface calls still open (retrying, failed, restarting).
	AlertsOpen int
	// NearestUnsubscribe is the earliest automatic-unsubscription time of an
	// open alert at or after now; zero when none is pending.
	NearestUnsubscribe time.Time
	// SupervisionWaiting counts supervision tasks where the merchant must act.
	SupervisionWaiting int
	// BillsNeedingMerchant counts bills the merchant must act on (invoice, fix details).
	BillsNeedingMerchant int
	// Counts holds every resource's status counts.
	Counts map[domain.Resource]map[string]int
}

// Overview returns the to-do counts, all read from maintained counters and
// the first entry of the alert deadline index: no record is scanned.
func (s *Store) Overview(now time.Time) (Overview, error) {
	o := Overview{Counts: map[domain.Resource]map[string]int{}}
	err := s.view(func(tx *bolt.Tx) error {
		for _, res := range domain.AllResources {
			o.Counts[res] = statusCounts(resBucket(tx, res).Bucket(subCount))
		}
		o.TicketsWaiting = flagCount(resBucket(tx, domain.ResTickets).Bucket(subCount), flagOpen)
		o.AlertsOpen = flagCount(resBucket(tx, domain.ResAlerts).Bucket(subCount), flagOpen)
		o.SupervisionWaiting = flagCount(resBucket(tx, domain.ResSupervision).Bucket(subCount), flagWaitingMerchant)
		o.BillsNeedingMerchant = flagCount(resBucket(tx, domain.ResBills).Bucket(subCount), flagNeedsMerchant)
		c := resBucket(tx, domain.ResAlerts).Bucket(subDeadline).Cursor()
		if k, _ := c.Seek(binaryTime(timeKey(now))); k != nil {
			o.NearestUnsubscribe = keyTime(u64(k))
		}
		return nil
	})
	if err != nil {
		return Overview{}, fmt.Errorf("localstore: overview: %w", err)
	}
	return o, nil
}

func binaryTime(t uint64) []byte { return seqKey(t) }

// Deadline is one running countdown.
type Deadline struct {
	Resource domain.Resource
	ID       string
	Title    string
	// Kind names the countdown: "unsubscribe" (alert auto-unsubscription),
	// "sla" (ticket), "auto-accept", "stall-appeal" or "unaccepted-warning" (supervision).
	Kind string
	At   time.Time
}

// deadlineResources are the resources with countdowns.
var deadlineResources = []domain.Resource{domain.ResAlerts, domain.ResTickets, domain.ResSupervision}

// NearestDeadlines returns the n earliest running countdowns across alerts,
// tickets and supervision. Overdue ones (before now) are included and come
// first: a breached SLA still needs the seller. Alerts whose unsubscription
// time has passed are left out, as the marketplace has acted already.
func (s *Store) NearestDeadlines(now time.Time, n int) ([]Deadline, error) {
	var out []Deadline
	err := s.view(func(tx *bolt.Tx) error {
		var cand []topk.Match
		owner := map[string]domain.Resource{}
		for _, res := range deadlineResources {
			c := resBucket(tx, res).Bucket(subDeadline).Cursor()
			k, _ := c.First()
			if res == domain.ResAlerts {
				k, _ = c.Seek(binaryTime(timeKey(now)))
			}
			for taken := 0; k != nil && taken < n; k, _ = c.Next() {
				id := string(k[8:])
				cand = append(cand, topk.Match{Value: u64(k), ID: []byte(string(res) + "\x00" + id)})
				owner[string(res)+"\x00"+id] = res
				taken++
			}
		}
		top := topk.New(n, false)
		for _, c := range cand {
			top.Offer(c.Value, c.ID)
		}
		for _, c := range top.Sorted() {
			d, err := describeDeadline(tx, owner[string(c.ID)], string(c.ID[len(owner[string(c.ID)])+1:]), keyTime(c.Value))
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: nearest deadlines: %w", err)
	}
	return out, nil
}

// describeDeadline decodes one record to title its countdown.
func describeDeadline(tx *bolt.Tx, res domain.Resource, id string, at time.Time) (Deadline, error) {
	c, _ := codecFor(res)
	rec, err := c.decode(resBucket(tx, res).Bucket(subRec).Get([]byte(id)))
	if err != nil {
		return Deadline{}, fmt.Errorf("%s %s: %w", res, id, err)
	}
	d := Deadline{Resource: res, ID: id, At: at}
	switch v := rec.(type) {
	case domain.InterfaceAlert:
		d.Kind, d.Title = "unsubscribe", fmt.Sprintf("%s %s · %s", v.Kind, v.OrderID, v.ProductName)
	case domain.Ticket:
		d.Kind, d.Title = "sla", v.Subject
	case domain.SupervisionTask:
		d.Title = fmt.Sprintf("%s · %s", v.OrderID, v.ProductName)
		switch {
		case at.Equal(v.AutoAcceptAt()):
			d.Kind = "auto-accept"
		case at.Equal(v.StallAppealAt()):
			d.Kind = "stall-appeal"
		default:
			d.Kind = "unaccepted-warning"
		}
	}
	return d, nil
}

// DayPoint is one day of the order series.
type DayPoint struct {
	Day    time.Time // midnight in the series' location
	Orders int
	Amount domain.Money
}

// DailySeries returns days points ending with end's day (in loc): how many
// orders were placed each day and their amount. Cancelled orders (unpaid)
// are left out. It reads only the time index, whose values carry amount and
// status.
func (s *Store) DailySeries(end time.Time, days int, loc *time.Location) ([]DayPoint, error) {
	if days <= 0 {
		return nil, nil
	}
	if loc == nil {
		loc = time.Local
	}
	e := end.In(loc)
	last := time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, loc)
	points := make([]DayPoint, days)
	starts := make([]uint64, days+1)
	for i := range days {
		points[i].Day = last.AddDate(0, 0, i-days+1)
		starts[i] = timeKey(points[i].Day)
	}
	starts[days] = timeKey(last.AddDate(0, 0, 1))
	err := s.view(func(tx *bolt.Tx) error {
		c := resBucket(tx, domain.ResOrders).Bucket(subTime).Cursor()
		day := 0
		for k, v := c.Seek(binaryTime(starts[0])); k != nil; k, v = c.Next() {
			t := u64(k)
			for day < days && t >= starts[day+1] {
				day++
			}
			if day >= days {
				break
			}
			if len(v) < 8 || string(v[8:]) == string(domain.OrderCancelled) {
				continue
			}
			points[day].Orders++
			points[day].Amount += domain.Money(int64(u64(v)))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localstore: daily series: %w", err)
	}
	return points, nil
}

// failureSlack bounds how long before its unsubscription an alert first
// failed: the longest automatic retry window (3 h) with room to spare.
const failureSlack = 24 * time.Hour

// DelistingCounts is, per product, this month's orders failed by interface
// errors against the delisting limit, and those still counting down
// (domain.DelistingCounts). It reads only the alerts that can count:
// unsubscribed ones that first failed this month (or just before), and the
// open ones, through the status and time indexes.
func (s *Store) DelistingCounts(now time.Time) ([]domain.DelistingCount, error) {
	start, end := domain.MonthOf(now)
	var alerts []domain.InterfaceAlert
	keep := func(a domain.InterfaceAlert) error { alerts = append(alerts, a); return nil }
	ended := Query{Statuses: []string{string(domain.AlertUnsubscribed)}, From: start.Add(-failureSlack), To: end}
	if err := Scan(s, ended, keep); err != nil {
		return nil, err
	}
	var open []string
	for _, st := range domain.AlertStates {
		if st.Open() {
			open = append(open, string(st))
		}
	}
	if err := Scan(s, Query{Statuses: open}, keep); err != nil {
		return nil, err
	}
	return domain.DelistingCounts(alerts, now), nil
}
