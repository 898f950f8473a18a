package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/localstore"
	"github.com/koogallery/merchant-console/sandbox"
)

const exportAccount = "hz-yunqi"

// exportCache writes records into a real cache file and closes it.
func exportCache(t *testing.T, pages ...localstore.Page) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := localstore.Open(path, exportAccount, localstore.Options{NoSync: true})
	require.NoError(t, err)
	for _, p := range pages {
		_, err := s.ApplyPage(p)
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	return path
}

func exportOrder(id string, st domain.OrderStatus, created time.Time, customer string) domain.Order {
	return domain.Order{
		Meta: domain.Meta{ID: id, Account: exportAccount, Version: 1, UpdatedAt: created},
		Type: domain.OrderNew, Status: st, CreatedAt: created, ProductName: "企业网盘标准版",
		Amount: 48000, Currency: "CNY", Buyer: domain.Buyer{CustomerID: "c-" + id, CustomerName: customer},
		Lines: []domain.OrderLine{{ID: id + "-000001", ChargingMode: domain.ChargePeriod, Amount: 48000,
			Products: []domain.ProductInfo{{SKUCode: "sku-pan-std", ProductID: "OFFI8001", ProductName: "企业网盘标准版"}}}},
	}
}

func runExport(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := RunExport(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestRunExportOrdersFromCache(t *testing.T) {
	// given a cache with orders in September, October (one completed, one
	// processing) and November, Beijing time
	at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 4, 0, 0, 0, time.UTC) }
	cache := exportCache(t, localstore.Page{Resource: domain.ResOrders, Items: []domain.Record{
		exportOrder("CS0930", domain.OrderCompleted, at(9, 30), "苏州精工制造"),
		exportOrder("CS1005", domain.OrderCompleted, at(10, 5), "@SUM(1+1)"),
		exportOrder("CS1020", domain.OrderProcessing, at(10, 20), "上海数智未来科技有限公司"),
		exportOrder("CS1031", domain.OrderCompleted, at(10, 31), "深圳前海小微商贸"),
		exportOrder("CS1101", domain.OrderCompleted, at(11, 1), "杭州云栖科技"),
	}})
	out := filepath.Join(t.TempDir(), "订单.xlsx")

	// when October's completed orders are exported
	stdout, _, err := runExport(t, "orders", "--cache", cache, "--account", exportAccount, "--from", "2026-10-01",
		"--to", "2026-10-31", "--status", "已完成", "--tz", "Asia/Shanghai", "-o", out)

	// then only those two are in the workbook, and the summary says why
	require.NoError(t, err)
	assert.Contains(t, stdout, "exported 2 orders (2 rows)")
	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("订单")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	ids := []string{rows[1][0], rows[2][0]}
	assert.ElementsMatch(t, []string{"CS1005", "CS1031"}, ids)
	filter, err := f.GetCellValue("汇总", "B5")
	require.NoError(t, err)
	assert.Equal(t, "创建时间 2026-10-01 ~ 2026-10-31; 状态 已完成", filter)
	account, err := f.GetCellValue("汇总", "B2")
	require.NoError(t, err)
	assert.Equal(t, exportAccount, account)
}

func TestRunExportBillsCSVByExtension(t *testing.T) {
	// given a cache with one bill and its transaction detail
	bill := domain.Bill{Meta: domain.Meta{ID: "B-1", Account: exportAccount, Version: 1},
		Period: "2026-10", Status: domain.BillPendingInvoice, Amount: 33600, Currency: "CNY",
		GeneratedAt: time.Date(2026, 11, 3, 1, 0, 0, 0, time.UTC),
		Lines:       []domain.BillLine{{ID: "L1", OrderID: "CS1005", OrderLineID: "CS1005-000001", ProductName: "企业网盘标准版", ShareRate: 0.7, OrderAmount: 48000, Amount: 33600}}}
	tx := domain.TransactionDetail{Meta: domain.Meta{ID: "T1", Account: exportAccount, Version: 1}, BillID: "B-1",
		OrderID: "CS1005", TradeTime: time.Date(2026, 10, 5, 4, 0, 0, 0, time.UTC), Amount: 48000, SellerAmount: 33600, Status: domain.TxBilled}
	cache := exportCache(t,
		localstore.Page{Resource: domain.ResBills, Items: []domain.Record{bill}},
		localstore.Page{Resource: domain.ResTransactions, Items: []domain.Record{tx}})
	dir := t.TempDir()

	// when bills are exported to a directory as CSV, in English
	stdout, _, err := runExport(t, "bills", "--cache", cache, "--account", exportAccount, "--lang", "en", "--format", "csv", "-o", dir)

	// then one CSV named after account and kind holds the bill line
	require.NoError(t, err)
	assert.Contains(t, stdout, "exported 1 bills")
	matches, err := filepath.Glob(filepath.Join(dir, exportAccount+"-bills-*.csv"))
	require.NoError(t, err)
	require.Len(t, matches, 1)
	b, err := os.ReadFile(matches[0])
	require.NoError(t, err)
	assert.Contains(t, string(b), "B-1,2026-10,")
	assert.Contains(t, string(b), "Pending invoice")
}

func TestRunExportRejectsBadInput(t *testing.T) {
	cache := exportCache(t)
	out := filepath.Join(t.TempDir(), "x.xlsx")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown kind", []string{"invoices", "--cache", cache, "--account", exportAccount, "-o", out}, "unknown KIND"},
		{"no output", []string{"orders", "--cache", cache, "--account", exportAccount}, "-o FILE is required"},
		{"no kind", []string{"-o", out}, "KIND is required"},
		{"bad date", []string{"orders", "--cache", cache, "--account", exportAccount, "--from", "10/01/2026", "-o", out}, "want YYYY-MM-DD"},
		{"reversed range", []string{"orders", "--cache", cache, "--account", exportAccount, "--from", "2026-11-01", "--to", "2026-10-01", "-o", out}, "is after"},
		{"bad status", []string{"tickets", "--cache", cache, "--account", exportAccount, "--status", "DONE", "-o", out}, "unknown status"},
		{"bad format", []string{"orders", "--cache", cache, "--account", exportAccount, "--format", "pdf", "-o", out}, "want xlsx or csv"},
		{"cache without account", []string{"orders", "--cache", cache, "-o", out}, "--cache needs --account"},
		{"missing cache", []string{"orders", "--cache", cache + ".missing", "--account", exportAccount, "-o", out}, "sync the account first"},
		{"missing output directory", []string{"orders", "--cache", cache, "--account", exportAccount, "-o", out + ".d/"}, "no such directory"},
		{"foreign cache", []string{"orders", "--cache", cache, "--account", "someone-else", "-o", out}, "another account"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := runExport(t, c.args...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			_, statErr := os.Stat(out)
			assert.True(t, os.IsNotExist(statErr), "no file written")
		})
	}
}

func TestRunExportSanitisesFileName(t *testing.T) {
	// given an empty cache and an output name with characters Windows refuses
	cache := exportCache(t)
	dir := t.TempDir()

	// when tickets are exported to it
	_, stderr, err := runExport(t, "tickets", "--cache", cache, "--account", exportAccount, "-o", filepath.Join(dir, "工单:10月?.csv"))

	// then the file gets a safe name and the user is told
	require.NoError(t, err)
	assert.Contains(t, stderr, `changed to "工单_10月_.csv"`)
	_, err = os.Stat(filepath.Join(dir, "工单_10月_.csv"))
	assert.NoError(t, err)
}

func TestRunExportWithNoAccountReadsTheSandboxCacheTheWindowShows(t *testing.T) {
	// given no configured account, and the sandbox main account's cache in
	// the data folder, where the window keeps it
	home := t.TempDir()
	t.Setenv(config.HomeEnv, home)
	paths, err := config.DefaultPaths()
	require.NoError(t, err)
	name := config.SandboxAccountName(sandbox.AccountMain)
	dir, err := paths.AccountDataDir(name)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o700))
	s, err := localstore.Open(filepath.Join(dir, config.CacheFileName), name, localstore.Options{NoSync: true})
	require.NoError(t, err)
	o := exportOrder("CS2001", domain.OrderCompleted, time.Date(2026, 10, 9, 4, 0, 0, 0, time.UTC), "杭州云栖科技")
	o.Account = name
	_, err = s.ApplyPage(localstore.Page{Resource: domain.ResOrders, Items: []domain.Record{o}})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	out := filepath.Join(t.TempDir(), "orders.xlsx")

	// when orders are exported without --account
	stdout, _, err := runExport(t, "orders", "--from", "2026-10-01", "--to", "2026-10-31", "-o", out)

	// then the sandbox's orders are in the workbook
	require.NoError(t, err)
	assert.Contains(t, stdout, "exported 1 orders")
	assert.FileExists(t, out)

	// and an unknown real account is still refused plainly
	_, _, err = runExport(t, "orders", "--account", "no-such-shop", "-o", filepath.Join(t.TempDir(), "x.xlsx"))
	assert.ErrorIs(t, err, config.ErrAccountNotFound)
}
