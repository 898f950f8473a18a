package app

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/koogallery/merchant-console/domain"
	uibackend "github.com/koogallery/merchant-console/ui/backend"
)

// summaryFacts reads the label → value pairs at the top of an English
// workbook's summary sheet.
func summaryFacts(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer func() { require.NoError(t, f.Close()) }()
	rows, err := f.GetRows("Summary")
	require.NoError(t, err)
	facts := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			facts[r[0]] = r[1]
		}
	}
	return facts
}

func TestWindowExportSaysItsFilterAndTimeZone(t *testing.T) {
	// given the window's backend on a fresh home
	b := testBackend(t, t.TempDir())
	acct := b.Accounts()[0].ID

	// when the Exports screen asks for completed orders of November, in English
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
	to := time.Date(2026, 11, 30, 0, 0, 0, 0, time.Local).AddDate(0, 0, 1).Add(-time.Nanosecond)
	path, err := b.Export(context.Background(), acct, uibackend.ExportRequest{Kind: domain.ResOrders, From: from, To: to,
		Statuses: []string{string(domain.OrderCompleted)}, Format: "xlsx", Language: "en"}, nil)
	require.NoError(t, err)

	// then the summary sheet names the period, the status and a real time zone
	facts := summaryFacts(t, path)
	assert.Equal(t, "created 2026-11-01 ~ 2026-11-30; status Completed", facts["Filter"])
	assert.NotEqual(t, "Local", facts["Time zone"])
	assert.NotEmpty(t, facts["Time zone"])
}
