package quickreply

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/domain"
)

var ticket = domain.Ticket{CustomerName: "王女士", OrderID: "CS2611200830MNOP", ProductName: "企业网盘"}

func TestExpandFillsEveryVariableUnderEitherName(t *testing.T) {
	// given a text using the English and the Chinese variable names
	text := "{customer}您好，订单 {订单} 的{product}由{客服}跟进 / {agent}"

	// when it is expanded for a ticket and an agent
	got := Expand(text, ValuesFor(ticket, "小李"))

	// then every variable is filled and nothing is reported
	assert.Equal(t, "王女士您好，订单 CS2611200830MNOP 的企业网盘由小李跟进 / 小李", got.Text)
	assert.True(t, got.Complete())
}

func TestExpandLeavesUnknownAndEmptyVariablesVisibleAndSaysSo(t *testing.T) {
	// given a misspelt variable, used twice, and a ticket without an order
	noOrder := ticket
	noOrder.OrderID = ""
	text := "{cutsomer} {cutsomer}，订单 {order}；{ 1, 2 } 不是变量"

	// when it is expanded
	got := Expand(text, ValuesFor(noOrder, "小李"))

	// then the text keeps them as written and names each once
	assert.Equal(t, text, got.Text)
	assert.Equal(t, []string{"cutsomer"}, got.Unknown)
	assert.Equal(t, []string{VarOrder}, got.Missing)
	assert.False(t, got.Complete())
}
