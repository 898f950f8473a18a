package kit

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/i18n"
)

func TestApplyLanguageForcesChinese(t *testing.T) {
	// given the system's locale (English on the test machine, or anything)
	// when Chinese is forced
	require.NoError(t, ApplyLanguage(i18n.Chinese))
	t.Cleanup(func() { _ = ApplyLanguage(i18n.English) })

	// then the window's texts and the exports' are Chinese, whatever the
	// system says
	assert.True(t, Chinese())
	assert.Equal(t, "订单", lang.L("Orders"))
	assert.Equal(t, "申请被驳回", lang.L("Payment application rejected"))
	assert.Equal(t, "订单", i18n.T("Orders"))
}

func TestApplyLanguageForcesEnglish(t *testing.T) {
	// when English is forced after Chinese
	require.NoError(t, ApplyLanguage(i18n.Chinese))
	require.NoError(t, ApplyLanguage(i18n.English))

	// then the texts are English again, in the window and outside it
	assert.False(t, Chinese())
	assert.Equal(t, "Orders", lang.L("Orders"))
	assert.Equal(t, "Orders", i18n.T("Orders"))
}
