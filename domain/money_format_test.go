package domain

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMoneyFormat_ReadsAsEachLanguageWritesMoney(t *testing.T) {
	assert.Equal(t, "¥75,600.00", Money(7560000).Format("CNY", true))
	assert.Equal(t, "CNY 75,600.00", Money(7560000).Format("CNY", false))
	assert.Equal(t, "CNY 0.05", Money(5).Format("", false), "no currency is the marketplace's CNY")
	assert.Equal(t, "US$-1,234.50", Money(-123450).Format("USD", true))
	assert.Equal(t, "JPY 1,000.00", Money(100000).Format("JPY", true), "a currency without a sign keeps its code")
	assert.Equal(t, "-92,233,720,368,547,758.08", Money(math.MinInt64).Grouped(), "the most negative amount does not overflow")
}
