package syncer

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// openAPIMessages explains the open API's result codes in the words a
// seller needs: what happened and what to do.
var openAPIMessages = map[string]string{
	marketapi.CodeOK:           "成功 / success",
	marketapi.CodeBadParam:     "参数缺失或格式错误，请检查订单号 / a parameter is missing or malformed: check the order ID",
	marketapi.CodeBadValue:     "参数取值不合法 / a parameter's value is not acceptable",
	marketapi.CodeBadRequest:   "请求不合法 / the request is not acceptable",
	marketapi.CodeNotAllowed:   "无权查询该订单 / this account may not query the order",
	marketapi.CodeAuthFailed:   "鉴权失败：请检查 AK/SK 与本机时间 / authentication failed: check the AK/SK and this computer's clock",
	marketapi.CodeTokenInvalid: "令牌无效 / the token is invalid",
	marketapi.CodeRateLimited:  "请求过于频繁，请稍后再试 / too many requests: try again later",
	marketapi.CodeInternal:     "云商店内部错误，请稍后再试 / marketplace internal error: try again later",
	marketapi.CodeNotFound:     "订单不存在 / no such order",
}

// ExplainCode returns the plain-language meaning of a marketplace result code.
func ExplainCode(code string) string {
	if m, ok := openAPIMessages[code]; ok {
		return m
	}
	return "未知错误码 / unknown result code " + code
}

// QueryOrder looks an order up on the real open API (order/query). lineID
// may be empty. The order comes back in the domain model with the fields the
// open API carries; failures name the result code and what it means.
func (c *Client) QueryOrder(ctx context.Context, orderID, lineID string) (domain.Order, error) {
	orderID = strings.TrimSpace(orderID)
	if orderID == "" {
		return domain.Order{}, errors.New("order lookup: an order ID is required")
	}
	q := url.Values{"orderId": {orderID}}
	if lineID = strings.TrimSpace(lineID); lineID != "" {
		q.Set("orderLineId", lineID)
	}
	var r marketapi.OrderQueryResponse
	err := c.call(ctx, &request{
		method: http.MethodGet, path: marketapi.OrderQueryPath, query: q, what: "order query reply",
		decode: decodeInto("order query reply", &r, func() marketapi.Envelope { return r.Envelope }),
	})
	var me *marketapi.Error
	if errors.As(err, &me) {
		return domain.Order{}, fmt.Errorf("order %s: %s: %w", orderID, ExplainCode(me.Code), err)
	}
	if err != nil {
		return domain.Order{}, fmt.Errorf("order %s: %w", orderID, err)
	}
	if r.OrderInfo == nil {
		return domain.Order{}, fmt.Errorf("order %s: %s", orderID, ExplainCode(marketapi.CodeNotFound))
	}
	o, err := marketapi.FromOpen(*r.OrderInfo)
	if err != nil {
		return domain.Order{}, fmt.Errorf("order %s: reply unreadable: %w", orderID, err)
	}
	return o, nil
}
