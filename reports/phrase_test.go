package reports

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/i18n"
)

func TestExportHeadsKeepTheirOwnWordingInBothLanguages(t *testing.T) {
	// given the orders and transactions sheets, whose heads share English
	// text with the window but not Chinese
	zh, en := heads(ordersTable.cols, LangZH), heads(ordersTable.cols, LangEN)
	txZH := heads(txTable.cols, LangZH)

	// then each language reads as the exports always did
	assert.Contains(t, zh, "商品名称")
	assert.Contains(t, zh, "订单状态")
	assert.Contains(t, en, "Product")
	assert.Contains(t, en, "Status")
	assert.Contains(t, txZH, "出账状态")
	assert.Contains(t, txZH, "交易金额")
	assert.Equal(t, "汇总", sumSheet.In(LangZH))
}

func TestEveryExportHeadIsInBothCatalogues(t *testing.T) {
	// given every column head of every sheet
	var keys []phrase
	for _, cols := range [][]column{alertsTable.cols, billsFlatTable.cols, ordersTable.cols,
		supervisionTable.cols, ticketsTable.cols, txTable.cols} {
		for _, c := range cols {
			keys = append(keys, c.Head)
		}
	}

	// then both languages word it, so no head falls back to its key
	for _, k := range keys {
		for _, l := range i18n.Languages {
			assert.True(t, i18n.Has(l, string(k)), "%s lacks %q", l, k)
		}
	}
}
