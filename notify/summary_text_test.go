package notify

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/i18n"
)

func TestSummaryCountsHaveChineseForEveryRule(t *testing.T) {
	// given the count forms a summary looks up from a table (the catalogue
	// scan only sees literal keys)
	keys := append([]string{}, overdueCounts[:]...)
	for _, k := range AllKinds {
		forms, ok := summaryCounts[k]
		assert.True(t, ok, "no summary words for %s", k)
		keys = append(keys, forms[:]...)
	}

	// then the Chinese catalogue words each one (a missing key reads as the English)
	for _, key := range keys {
		zh := i18n.In(i18n.Chinese, key, map[string]any{"N": 3})
		assert.NotEqual(t, i18n.In(i18n.English, key, map[string]any{"N": 3}), zh, "no Chinese for %q", key)
		assert.Contains(t, zh, "3", key)
	}
}

func TestStateCountsHaveChinese(t *testing.T) {
	// given the count forms the launch's state summary looks up from tables
	var keys []string
	for _, forms := range [][2]string{countdownCounts, failedCallCounts, supervisionCounts, nearSLACounts, invoiceCounts} {
		keys = append(keys, forms[:]...)
	}

	// then the Chinese catalogue words each one
	for _, key := range keys {
		args := map[string]any{"N": 3, "Min": 7}
		zh := i18n.In(i18n.Chinese, key, args)
		assert.NotEqual(t, i18n.In(i18n.English, key, args), zh, "no Chinese for %q", key)
		assert.Contains(t, zh, "3", key)
	}
}
