package kit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/i18n"
	"github.com/koogallery/merchant-console/reports"
)

func TestEveryStatusHasAWindowLabelInBothLanguages(t *testing.T) {
	for _, l := range []i18n.Language{i18n.Chinese, i18n.English} {
		// given the window in one language
		require.NoError(t, ApplyLanguage(l))
		for _, k := range domain.Kinds() {
			// then every kind and status reads in the domain's words for it
			assert.Equal(t, k.Label.Pick(l == i18n.English), ResourceLabel(k.Resource))
			for _, st := range k.Statuses {
				got := StatusLabel(k.Resource, st.Code)
				assert.Equal(t, st.Label.Pick(l == i18n.English), got, "%s %s in %s", k.Resource, st.Code, l)
				assert.NotEqual(t, st.Code, got, "%s %s shows its code", k.Resource, st.Code)
			}
		}
	}
	require.NoError(t, ApplyLanguage(i18n.English))
}

func TestOrderTypesReadAsInTheExports(t *testing.T) {
	// given the window in English
	require.NoError(t, ApplyLanguage(i18n.English))

	// then every order type (a changed order once read "Change" here and
	// "Change/upgrade" in the exports) and charging mode says what the
	// exports say
	for _, ot := range domain.OrderTypes {
		assert.Equal(t, reports.OrderTypeLabels.Get(reports.LangEN, string(ot)), LabelOrderType(ot), ot)
	}
	for _, m := range domain.ChargingModes {
		assert.Equal(t, reports.ChargingModeLabels.Get(reports.LangEN, string(m)), LabelChargingMode(m), m)
	}
}
