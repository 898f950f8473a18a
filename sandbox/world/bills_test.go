package world

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// billSizes are the worlds the bill tests run on: the demo default and a
// large one with the benchmark's bill count (fewer orders, to keep -race
// runs short; still 10+ rows per bill).
var billSizes = []struct {
	name string
	mod  func(*Options)
}{
	{"demo", nil},
	{"large", func(o *Options) { o.Orders, o.Bills = 30_000, 2_000 }},
}

var allAccounts = []string{AccountMain, AccountSub, AccountIntl}

func TestBills_GeneratedWorld(t *testing.T) {
	for _, size := range billSizes {
		t.Run(size.name, func(t *testing.T) {
			// given a world of the requested size
			srv := startWorld(t, size.mod)
			opts := Options{}
			if size.mod != nil {
				size.mod(&opts)
			}
			t.Run("count honoured", func(t *testing.T) { assertBillCount(t, srv, opts.sizes().bills) })
			t.Run("every bill reconciles", func(t *testing.T) {
				for _, acct := range allAccounts {
					assertBillsReconcile(t, srv, acct)
				}
			})
			t.Run("one category per bill, history capped", func(t *testing.T) {
				for _, acct := range allAccounts {
					assertBillCategories(t, srv, acct)
				}
			})
			t.Run("statuses follow age", func(t *testing.T) { assertBillStatuses(t, srv) })
			t.Run("every bill type appears", func(t *testing.T) {
				types := map[domain.BillType]bool{}
				for _, acct := range allAccounts {
					for _, r := range srv.Records(acct, domain.ResBills) {
						types[r.(domain.Bill).Type] = true
					}
				}
				for _, bt := range domain.BillTypes {
					assert.True(t, types[bt], "a %s bill", bt)
				}
			})
		})
	}
}

func assertBillCount(t *testing.T, srv *testWorld, want int) {
	got := 0
	for _, acct := range allAccounts {
		got += srv.Count(acct, domain.ResBills)
	}
	assert.GreaterOrEqual(t, float64(got), 0.95*float64(want), "bills generated")
	assert.LessOrEqual(t, float64(got), 1.05*float64(want), "bills generated")
}

// assertBillsReconcile checks every bill of an account: its lines sum to its
// amount, and its 已出账 transaction details (those carrying its ID) are its
// lines one to one and sum to the same amount.
func assertBillsReconcile(t *testing.T, srv *testWorld, acct string) {
	byBill := map[string][]domain.TransactionDetail{}
	for _, r := range srv.Records(acct, domain.ResTransactions) {
		tx := r.(domain.TransactionDetail)
		if tx.Status != domain.TxBilled {
			assert.Empty(t, tx.BillID, tx.ID)
			continue
		}
		_, ok := srv.Record(acct, domain.ResBills, tx.BillID)
		assert.True(t, ok, "row %s points at bill %s", tx.ID, tx.BillID)
		byBill[tx.BillID] = append(byBill[tx.BillID], tx)
	}
	bills := srv.Records(acct, domain.ResBills)
	require.NotEmpty(t, bills, acct)
	orders := map[string]bool{}
	for _, r := range srv.Records(acct, domain.ResOrders) {
		orders[r.RecordMeta().ID] = true
	}
	for _, r := range bills {
		b := r.(domain.Bill)
		require.NotEmpty(t, b.Lines, b.ID)
		assert.Equal(t, b.Amount, b.LinesTotal(), b.ID)
		rows := byBill[b.ID]
		require.Len(t, rows, len(b.Lines), b.ID)
		var rowsTotal domain.Money
		for _, tx := range rows {
			rowsTotal += tx.SellerAmount
			assert.Equal(t, b.Period, monthOf(tx.TradeTime), "row %s is of the bill's month", tx.ID)
		}
		assert.Equal(t, b.Amount, rowsTotal, b.ID)
		for _, l := range b.Lines {
			assert.True(t, hasRow(rows, l), "line %s has its transaction row", l.ID)
			assert.NotEmpty(t, l.ChargingMode, l.ID)
			assert.True(t, orders[l.OrderID], "line %s names a known order", l.ID)
		}
	}
}

// assertBillCategories checks that each bill holds one settlement category
// (the one its ID names), that a month has a bill for every category sold
// in it, and that the history stays within the cap.
func assertBillCategories(t *testing.T, srv *testWorld, acct string) {
	catOf := categoryOf(accountCatalog(t, acct))
	perMonth := map[string]map[string]bool{}
	for _, r := range srv.Records(acct, domain.ResBills) {
		b := r.(domain.Bill)
		c := categoryOfBill(b.ID)
		assert.Equal(t, c.kind, b.Type, "bill %s carries its category's type", b.ID)
		for _, l := range b.Lines {
			assert.Equal(t, c.code, catOf(l.ProductName).code, "line %s of bill %s", l.ID, b.ID)
		}
		if perMonth[b.Period] == nil {
			perMonth[b.Period] = map[string]bool{}
		}
		perMonth[b.Period][c.code] = true
	}
	assert.LessOrEqual(t, len(perMonth), maxHistoryMonths, acct)
	for _, r := range srv.Records(acct, domain.ResTransactions) {
		tx := r.(domain.TransactionDetail)
		if tx.Status == domain.TxBilled {
			assert.True(t, perMonth[monthOf(tx.TradeTime)][catOf(tx.ProductName).code], tx.ID)
		}
	}
}

// assertBillStatuses checks that bills older than three months are paid and
// the latest month's bills wait mostly on the merchant or on review.
func assertBillStatuses(t *testing.T, srv *testWorld) {
	last := lastBillable(srv.now)
	latest := map[domain.BillStatus]int{}
	for _, acct := range allAccounts {
		for _, r := range srv.Records(acct, domain.ResBills) {
			b := r.(domain.Bill)
			age := monthsBetween(b.Period, last)
			require.GreaterOrEqual(t, age, 0, "%s is billed before its month closed", b.ID)
			if age >= 3 {
				assert.Equal(t, domain.BillPaid, b.Status, b.ID)
			}
			if age == 0 {
				latest[b.Status]++
				assert.NotEqual(t, domain.BillPaid, b.Status, "%s was paid within the month", b.ID)
			}
		}
	}
	assert.Positive(t, latest[domain.BillPendingInvoice], "the latest month has bills to invoice")
}

func accountCatalog(t *testing.T, id string) []product {
	for _, a := range makeAccounts(7) {
		if a.ID == id {
			return a.catalog
		}
	}
	t.Fatalf("no account %s", id)
	return nil
}

func TestBills_ApportionSplitsIntoSimilarSizes(t *testing.T) {
	tests := []struct {
		name string
		rows []int
		want int
		sum  int
	}{
		{"fewer wanted than groups: one each", []int{5, 9, 1}, 2, 3},
		{"exact when rows suffice", []int{300, 100, 40, 10}, 45, 45},
		{"capped by rows", []int{2, 1, 3}, 50, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := apportion(tt.rows, tt.want)
			sum, minAvg, maxAvg := 0, 1e9, 0.0
			for i, n := range tt.rows {
				require.GreaterOrEqual(t, k[i], 1)
				require.LessOrEqual(t, k[i], n)
				sum += k[i]
				if k[i] < n { // a group split to one row per bill cannot be split further
					avg := float64(n) / float64(k[i])
					minAvg, maxAvg = min(minAvg, avg), max(maxAvg, avg)
				}
			}
			assert.Equal(t, tt.sum, sum)
			if maxAvg > 0 && tt.sum == tt.want && tt.want > len(tt.rows) {
				assert.LessOrEqual(t, maxAvg, 2*minAvg, "bills of similar size: %v", k)
			}
		})
	}
}

func TestBills_DatedTheThirdInTheMarketplaceZoneAndTheUsersZones(t *testing.T) {
	// given the generated world and one bill the living simulation adds
	srv := startWorld(t, nil)
	srv.Advance(34 * time.Hour) // past 3 November's bill run
	zones := []*time.Location{time.FixedZone("UTC-12", -12*3600), time.UTC, cst, time.FixedZone("UTC+11", 11*3600)}
	var fresh int
	for _, acct := range allAccounts {
		for _, r := range srv.Records(acct, domain.ResBills) {
			b := r.(domain.Bill)
			if b.Period == "2026-10" {
				fresh++
			}
			// then each reads as generated on the 3rd wherever the window runs
			for _, z := range zones {
				assert.Equal(t, 3, b.GeneratedAt.In(z).Day(), "%s in %s: %s", b.ID, z, b.GeneratedAt.In(z))
			}
		}
	}
	require.NotZero(t, fresh, "the simulation billed October")
}

func TestSim_BillAppearsOnTheThirdFromBilledTransactions(t *testing.T) {
	srv := startWorld(t, nil)
	for _, r := range srv.Records(AccountMain, domain.ResBills) {
		require.NotEqual(t, "2026-10", r.(domain.Bill).Period, "no October bill before the 3rd")
	}
	// when the clock passes 20:00 CST on 3 November
	srv.Advance(34 * time.Hour)
	// then there is one new bill per settlement category sold in October
	bills := map[string]domain.Bill{}
	for _, r := range srv.Records(AccountMain, domain.ResBills) {
		if b := r.(domain.Bill); b.Period == "2026-10" {
			assert.Equal(t, domain.BillPendingInvoice, b.Status, b.ID)
			bills[b.ID] = b
		}
	}
	require.NotEmpty(t, bills, "October's bills after the 3rd")
	catOf := categoryOf(accountCatalog(t, AccountMain))
	sold := map[string]bool{}
	rows := map[string]map[string]domain.TransactionDetail{}
	for _, r := range srv.Records(AccountMain, domain.ResTransactions) {
		tx := r.(domain.TransactionDetail)
		if monthOf(tx.TradeTime) != "2026-10" {
			continue
		}
		// and every October row is billed, to the bill of its category
		assert.Equal(t, domain.TxBilled, tx.Status, tx.ID)
		require.Contains(t, bills, tx.BillID, tx.ID)
		assert.Equal(t, catOf(tx.ProductName), categoryOfBill(tx.BillID), tx.ID)
		sold[catOf(tx.ProductName).code] = true
		if rows[tx.BillID] == nil {
			rows[tx.BillID] = map[string]domain.TransactionDetail{}
		}
		rows[tx.BillID][tx.OrderLineID] = tx
	}
	assert.Len(t, bills, len(sold), "one bill per category sold")
	// and each bill's lines sum to its amount and match its rows one to one
	for id, bill := range bills {
		assert.Equal(t, bill.Amount, bill.LinesTotal(), id)
		assert.Len(t, rows[id], len(bill.Lines), id)
		for _, l := range bill.Lines {
			assert.Equal(t, rows[id][l.OrderLineID].SellerAmount, l.Amount, l.ID)
			assert.Equal(t, rows[id][l.OrderLineID].Amount, l.OrderAmount, l.ID)
		}
	}
	assertBillsReconcile(t, srv, AccountMain)
}

// hasRow says whether a bill line has its transaction row among rows.
func hasRow(rows []domain.TransactionDetail, l domain.BillLine) bool {
	for _, tx := range rows {
		if tx.OrderLineID == l.OrderLineID && tx.SellerAmount == l.Amount && tx.Amount == l.OrderAmount {
			return true
		}
	}
	return false
}
