package reports

import (
	"context"
	"testing"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportTicketsMetrics(t *testing.T) {
	// given an open ticket answered after 90 minutes and a resolved one
	path := outPath(t, "tickets.xlsx")

	// when exported at exportNow, 49 h after the open one was created
	_, err := ExportTickets(context.Background(), path, FromSlice(sampleTickets()), Options{Location: shanghai, Now: exportNow})
	require.NoError(t, err)

	// then message counts, response and resolution hours and the SLA are shown
	f := openBook(t, path)
	const sh = "工单"
	assert.Equal(t, "处理中", text(t, f, sh, "F2"))
	assert.InDelta(t, 3, number(t, f, sh, "L2"), 0)
	assert.InDelta(t, 1, number(t, f, sh, "M2"), 0)
	assert.InDelta(t, 1.5, number(t, f, sh, "N2"), 1e-9)
	assert.Equal(t, "", value(t, f, sh, "O2"), "not resolved yet")
	// created 11-18 01:00 UTC, due 48 h later = 11-20 01:00; now 11-20 02:00: 1 h over
	assert.Equal(t, "已超时", text(t, f, sh, "Q2"))
	assert.InDelta(t, -1, number(t, f, sh, "R2"), 1e-9)
	assert.Equal(t, hoursFormat, numFmt(t, f, sh, "N2"))
	assert.InDelta(t, 30, number(t, f, sh, "O3"), 1e-9, "resolved 30 h after creation")
	assert.Equal(t, "不适用", text(t, f, sh, "Q3"))
	assert.Equal(t, "已按新抬头重新开票", text(t, f, sh, "T3"))
}

func TestSLAState(t *testing.T) {
	now := exportNow
	cases := []struct {
		name string
		tk   domain.Ticket
		want string
	}{
		{"running", domain.Ticket{Status: domain.TicketProcessing, SLADue: now.Add(time.Hour)}, SLARunning},
		{"breached", domain.Ticket{Status: domain.TicketPendingAccept, SLADue: now.Add(-time.Minute)}, SLABreached},
		{"paused", domain.Ticket{Status: domain.TicketAwaitingCustomer, SLADue: now.Add(time.Hour), SLAPausedAt: now.Add(-time.Hour)}, SLAPaused},
		{"done", domain.Ticket{Status: domain.TicketCompleted, SLADue: now.Add(-time.Hour)}, SLANone},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, SLAState(c.tk, now), c.name)
	}
}

func TestExportAlertsCountdownAndCode(t *testing.T) {
	// given an open create-instance failure that unsubscribes in 90 minutes,
	// and a resolved one
	first := exportNow.Add(-90 * time.Minute)
	alerts := []domain.InterfaceAlert{
		{Meta: meta("AL-1"), OrderID: "CS2611200830MNOP", OrderLineID: "CS2611200830MNOP-000001", ProductName: "企业网盘标准版",
			CustomerName: "杭州云栖科技", Kind: domain.IfaceCreateInstance, Attempts: 9, LastCode: "000005",
			LastMessage: "数据库连接超时", FirstFailureAt: first, LastAttemptAt: exportNow.Add(-5 * time.Minute),
			NextRetryAt: exportNow.Add(5 * time.Minute), UnsubscribeAt: first.Add(3 * time.Hour), State: domain.AlertRetrying},
		{Meta: meta("AL-2"), OrderID: "CS2611190830QRST", Kind: domain.IfaceRenew, License: true, Attempts: 2,
			LastCode: "000000", FirstFailureAt: exportNow.Add(-30 * time.Hour), LastAttemptAt: exportNow.Add(-29 * time.Hour),
			State: domain.AlertResolved},
	}
	path := outPath(t, "alerts.xlsx")

	// when exported in English
	_, err := ExportAlerts(context.Background(), path, FromSlice(alerts), Options{Lang: LangEN, Location: shanghai, Now: exportNow})
	require.NoError(t, err)

	// then the countdown is as of the export and the code is explained
	f := openBook(t, path)
	const sh = "Alerts"
	assert.Equal(t, "Create instance", text(t, f, sh, "F2"))
	assert.Equal(t, "no", text(t, f, sh, "G2"))
	assert.Equal(t, "Retrying automatically", text(t, f, sh, "H2"))
	assert.Equal(t, "000005", text(t, f, sh, "J2"), "codes keep their leading zeros")
	assert.Equal(t, "internal error", text(t, f, sh, "K2"))
	assert.InDelta(t, 1.5, number(t, f, sh, "Q2"), 1e-9)
	assert.Equal(t, "2026-11-20 11:30", value(t, f, sh, "P2"))
	assert.Equal(t, "", value(t, f, sh, "Q3"), "a resolved alert has no countdown")
	assert.Equal(t, "yes", text(t, f, sh, "G3"))
	assert.Equal(t, "success", text(t, f, sh, "K3"))
}

func TestExportSupervisionNodes(t *testing.T) {
	// given a hardware task signed for and a manual-service task frozen by an appeal
	created := exportNow.Add(-20 * 24 * time.Hour)
	tasks := []domain.SupervisionTask{
		{Meta: meta("SV-1"), OrderID: "CS01", ProductName: "边缘计算一体机", CustomerName: "苏州精工制造",
			Kind: domain.KindHardware, Current: domain.NodeInTransit, CreatedAt: created,
			NodeEnteredAt: created.Add(24 * time.Hour), SignedForAt: exportNow.Add(-2 * 24 * time.Hour)},
		{Meta: meta("SV-2"), OrderID: "CS02", ProductName: "等保咨询服务", CustomerName: "上海数智未来科技有限公司",
			Kind: domain.KindManualService, Current: domain.NodeConfirmRequirement, Rejections: 1, CreatedAt: created,
			NodeEnteredAt: created, Appeal: &domain.Appeal{By: domain.PartyUser, Reason: "商家超过5天未处理", OpenedAt: exportNow.Add(-time.Hour), Status: domain.AppealOpen}},
	}
	path := outPath(t, "supervision.xlsx")

	// when exported
	_, err := ExportSupervision(context.Background(), path, FromSlice(tasks), Options{Location: shanghai, Now: exportNow})
	require.NoError(t, err)

	// then the node, the next actor, the appeal and the deadlines are shown
	f := openBook(t, path)
	const sh = "服务监管"
	assert.Equal(t, "物流配送中", text(t, f, sh, "F2"))
	assert.Equal(t, "系统", text(t, f, sh, "G2"))
	assert.Equal(t, "无", text(t, f, sh, "I2"))
	assert.InDelta(t, excelSerial(tasks[0].AutoAcceptAt(), shanghai), number(t, f, sh, "N2"), 1e-9)
	assert.Equal(t, "运营经理", text(t, f, sh, "G3"), "an open appeal hands the flow to operations")
	assert.Equal(t, "申诉中", text(t, f, sh, "I3"))
	assert.Equal(t, "用户", text(t, f, sh, "J3"))
	assert.Equal(t, "商家超过5天未处理", text(t, f, sh, "K3"))
	assert.Equal(t, "", value(t, f, sh, "O3"), "no stall timer while frozen")
}

func TestExportTransactionsAndProgress(t *testing.T) {
	// given the sample transaction details and a progress callback
	_, txs := sampleBills()
	path := outPath(t, "tx.xlsx")
	var calls [][2]int

	// when exported with the total known
	res, err := ExportTransactions(context.Background(), path, FromSlice(txs), Options{
		Location: shanghai, Now: exportNow, Total: len(txs),
		Progress: func(rows, total int) { calls = append(calls, [2]int{rows, total}) },
	})

	// then the rows are there and the last progress call reports completion
	require.NoError(t, err)
	assert.Equal(t, 5, res.Rows)
	require.NotEmpty(t, calls)
	assert.Equal(t, [2]int{5, 5}, calls[len(calls)-1])
	f := openBook(t, path)
	assert.Equal(t, "未出账", text(t, f, "交易明细", "K6"))
	assert.Equal(t, "", value(t, f, "交易明细", "B6"), "unbilled: no bill ID")
	assert.InDelta(t, 140.00, number(t, f, "交易明细", "J6"), 1e-9)
}

func TestProgressIsReportedDuringLongExports(t *testing.T) {
	// given 1200 orders with an unknown total
	var calls []int
	_, err := ExportOrders(context.Background(), outPath(t, "o.csv"), generated(1200, func(int) error { return nil }),
		Options{Format: FormatCSV, Progress: func(rows, total int) { assert.Zero(t, total); calls = append(calls, rows) }})

	// then progress comes every 500 records and at the end
	require.NoError(t, err)
	assert.Equal(t, []int{500, 1000, 1200}, calls)
}
