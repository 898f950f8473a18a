package quickreply

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func titles(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Title)
	}
	return out
}

func TestSearchRanksTitleThenCategoryThenText(t *testing.T) {
	// given replies where 开票 is in a title's start, inside a title, a category and a text
	entries := []Entry{
		{Reply: Reply{Title: "退订说明", Category: "账务", Text: "已开票的订单需先退票"}, Scope: ScopeExample},
		{Reply: Reply{Title: "发票", Category: "开票", Text: "请在买家中心申请"}, Scope: ScopePersonal},
		{Reply: Reply{Title: "如何开票", Category: "账务", Text: "…"}, Scope: ScopeShared},
		{Reply: Reply{Title: "开票进度", Category: "账务", Text: "…"}, Scope: ScopeExample},
		{Reply: Reply{Title: "问候", Category: "开场", Text: "您好"}, Scope: ScopePersonal},
	}

	// when searching for 开票
	got := Search(entries, "开票")

	// then the order follows where it was found, and the greeting is left out
	assert.Equal(t, []string{"开票进度", "如何开票", "发票", "退订说明"}, titles(got))
}

func TestSearchNeedsEveryTermAndIgnoresCase(t *testing.T) {
	// given English and mixed replies
	entries := []Entry{
		{Reply: Reply{Title: "Invoice help", Category: "Billing", Text: "Request it in the buyer center"}},
		{Reply: Reply{Title: "Invoice status", Category: "Billing", Text: "Under review"}},
	}

	// when searching two terms in other case
	got := Search(entries, "INVOICE buyer")

	// then only the reply holding both is found
	assert.Equal(t, []string{"Invoice help"}, titles(got))
	assert.Len(t, Search(entries, "  "), 2, "an empty query keeps all")
}

// BenchmarkSearch ranks a full set (MaxReplies) for a two-term Chinese query,
// what each keystroke in the search box costs.
func BenchmarkSearch(b *testing.B) {
	entries := make([]Entry, MaxReplies)
	for i := range entries {
		entries[i] = Entry{Reply: Reply{Title: fmt.Sprintf("开通进度 %d", i), Category: "订单",
			Text: strings.Repeat("订单正在开通，预计三小时内完成。", 8)}, Scope: ScopeShared}
	}
	ix := NewIndex(entries)
	b.ResetTimer()
	for b.Loop() {
		ix.Search("开通 小时")
	}
}
