package orders

import (
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/marketapi"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/kit"
)

// latin finds words in Latin letters, which a Chinese sentence should not hold
// except for identifiers such as order numbers.
var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

func TestOrderWords_ChineseWindowShowsNoCodesOrEnglish(t *testing.T) {
	// given the window in Chinese
	require.NoError(t, kit.ApplyLanguage(i18n.Chinese))
	t.Cleanup(func() { _ = kit.ApplyLanguage(i18n.English) })
	o := uitest.Order("CS9", "云备份", domain.OrderProcessing, 1, 19900)
	o.Type = domain.OrderNew
	o.CreatedAt = time.Date(2026, 12, 2, 11, 51, 51, 0, time.UTC)
	info := marketapi.ToOpen(o)
	info.OrderID = "订单九"

	// when the lookup's answer and a yearly line are written out
	answer := lookupText(marketapi.OrderQueryResponse{Envelope: marketapi.Envelope{ResultCode: marketapi.CodeOK}, OrderInfo: &info}, nil)
	charging := chargingText(domain.OrderLine{ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodYear, PeriodNumber: 1})

	// then neither holds the open API's timestamp, a type code or English
	assert.NotContains(t, answer, info.CreateTime)
	assert.Contains(t, answer, kit.FormatDateTime(o.CreatedAt))
	assert.Contains(t, answer, kit.LabelOrderType(domain.OrderNew))
	assert.Empty(t, latin.FindAllString(answer, -1), answer)
	assert.Equal(t, "包周期 · 1年", charging)
}

func TestOrderWords_EnglishPeriodsArePlural(t *testing.T) {
	assert.Equal(t, "Periodic · 3 months", chargingText(domain.OrderLine{ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodMonth, PeriodNumber: 3}))
	assert.Equal(t, "Periodic · 1 year", chargingText(domain.OrderLine{ChargingMode: domain.ChargePeriod, PeriodType: domain.PeriodYear, PeriodNumber: 1}))
}
