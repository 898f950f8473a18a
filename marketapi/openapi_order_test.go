package marketapi

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
)

// realisticOrder is a year-long renewal-capable order with two lines, placed
// in Beijing time, as the sandbox would hold it.
func realisticOrder() domain.Order {
	shanghai := time.FixedZone("CST", 8*3600)
	return domain.Order{
		Meta:      domain.Meta{ID: "CS1906271632YBNUD"},
		Type:      domain.OrderNew,
		CreatedAt: time.Date(2026, 11, 22, 18, 15, 0, 0, shanghai), // 10:15 UTC
		Buyer: domain.Buyer{
			CustomerID: "c1f5e0a2b3", CustomerName: "杭州某某科技有限公司",
			UserID: "u-9921", UserName: "hz_admin", MobilePhone: "+86-138****0000", Email: "ops@example.cn",
		},
		Lines: []domain.OrderLine{
			{
				ID: "CS1906271632YBNUD-000001", ChargingMode: domain.ChargePeriod,
				PeriodType: domain.PeriodYear, PeriodNumber: 1,
				ExpireTime: time.Date(2027, 11, 22, 10, 15, 0, 0, time.UTC),
				Products: []domain.ProductInfo{
					{SKUCode: "sku-basic", ProductID: "OFFI123", LinearValue: 1},
					{SKUCode: "sku-users", ProductID: "OFFI124", LinearValue: 50},
				},
			},
			{
				ID: "CS1906271632YBNUD-000002", ChargingMode: domain.ChargeOneTime,
				Products: []domain.ProductInfo{{SKUCode: "sku-setup", ProductID: "OFFI200"}},
			},
		},
		Extend: []domain.Param{{Name: "emailDomainName", Value: "example.cn"}, {Name: "区域", Value: "华东-上海一"}},
	}
}

func TestToOpenWritesUTCOpenTimes(t *testing.T) {
	// when
	info := ToOpen(realisticOrder())
	// then
	assert.Equal(t, "20261122101500", info.CreateTime)
	require.Len(t, info.OrderLine, 2)
	assert.Equal(t, "20271122101500", info.OrderLine[0].ExpireTime)
	assert.Empty(t, info.OrderLine[1].ExpireTime, "no expiry for a one-time line")
	assert.Equal(t, "NEW", info.OrderType)
	assert.Equal(t, "PERIOD", info.OrderLine[0].ChargingMode)
	assert.Equal(t, "year", info.OrderLine[0].PeriodType)
}

func TestToOpenFromOpenRoundTrip(t *testing.T) {
	// given
	want := realisticOrder()
	// when
	got, err := FromOpen(ToOpen(want))
	// then
	require.NoError(t, err)
	assert.True(t, want.CreatedAt.Equal(got.CreatedAt), "createTime %v vs %v", want.CreatedAt, got.CreatedAt)
	assert.Equal(t, time.UTC, got.CreatedAt.Location())
	assert.Equal(t, want.ID, got.ID)
	assert.Equal(t, want.Type, got.Type)
	assert.Equal(t, want.Buyer, got.Buyer)
	assert.Equal(t, want.Extend, got.Extend)
	require.Len(t, got.Lines, len(want.Lines))
	for i := range want.Lines {
		w, g := want.Lines[i], got.Lines[i]
		assert.True(t, w.ExpireTime.Equal(g.ExpireTime), "line %d expireTime", i)
		w.ExpireTime, g.ExpireTime = time.Time{}, time.Time{}
		assert.Equal(t, w, g, "line %d", i)
	}
	assert.Equal(t, want.ProductIDs(), got.ProductIDs())
}

func TestFromOpenRejectsMalformedTimes(t *testing.T) {
	good := ToOpen(realisticOrder())
	tests := []struct {
		name  string
		edit  func(*OpenOrderInfo)
		field string
		value string
	}{
		{"createTime with separators", func(i *OpenOrderInfo) { i.CreateTime = "2026-11-22 10:15:00" }, "createTime", "2026-11-22 10:15:00"},
		{"createTime too short", func(i *OpenOrderInfo) { i.CreateTime = "202611221015" }, "createTime", "202611221015"},
		{"createTime month 13", func(i *OpenOrderInfo) { i.CreateTime = "20261322101500" }, "createTime", "20261322101500"},
		{"expireTime as epoch millis", func(i *OpenOrderInfo) { i.OrderLine[0].ExpireTime = "1795342500000" }, "CS1906271632YBNUD-000001 expireTime", "1795342500000"},
		{"expireTime with letters", func(i *OpenOrderInfo) { i.OrderLine[1].ExpireTime = "2027112210150Z" }, "CS1906271632YBNUD-000002 expireTime", "2027112210150Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given an order with one bad time
			info := good
			info.OrderLine = append([]OpenOrderLine(nil), good.OrderLine...)
			tt.edit(&info)
			// when
			_, err := FromOpen(info)
			// then the error names the field and quotes the value
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.field)
			assert.Contains(t, err.Error(), tt.value)
		})
	}
}

// orderQueryReply is an order/query answer written by hand after docs/api.md.
const orderQueryReply = `{
  "resultCode": "MKT.0000",
  "resultMsg": "success",
  "orderInfo": {
    "orderId": "MOCKPERIODYEARNEW",
    "orderType": "NEW",
    "createTime": "20261122101500",
    "orderLine": [
      {
        "orderLineId": "MOCKPERIODYEARNEW-000001",
        "chargingMode": "PERIOD",
        "periodType": "year",
        "periodNumber": 1,
        "expireTime": "20271122101500",
        "productInfo": [
          {"skuCode": "8ea3c1e9-58b4-4a3b-a0c4-6b7b3c1f0b11", "productId": "OFFI454488846796414976", "linearValue": 1}
        ]
      }
    ],
    "buyerInfo": {
      "customerId": "68cbc86abc2018ab880d92f36422fa0e",
      "customerName": "huaweicloud_test",
      "userId": "0b4b4d7f7e80d5b91f80c00c2bcf4bd8",
      "userName": "huaweicloud_test_user",
      "mobilePhone": "13800000000",
      "email": "test@example.com"
    },
    "extendParams": [{"name": "emailDomainName", "value": "example.com"}]
  }
}`

func TestDecodeOrderQueryReply(t *testing.T) {
	// when
	var resp OrderQueryResponse
	require.NoError(t, json.Unmarshal([]byte(orderQueryReply), &resp))
	// then the envelope and every documented field arrive
	assert.True(t, resp.OK())
	require.NoError(t, resp.Err(200))
	require.NotNil(t, resp.OrderInfo)
	o, err := FromOpen(*resp.OrderInfo)
	require.NoError(t, err)
	assert.Equal(t, "MOCKPERIODYEARNEW", o.ID)
	assert.Contains(t, MockOrderIDs, o.ID)
	assert.Equal(t, domain.OrderNew, o.Type)
	assert.True(t, time.Date(2026, 11, 22, 10, 15, 0, 0, time.UTC).Equal(o.CreatedAt))
	require.Len(t, o.Lines, 1)
	l := o.Lines[0]
	assert.Equal(t, o.ID+"-000001", l.ID)
	assert.Equal(t, domain.ChargePeriod, l.ChargingMode)
	assert.Equal(t, domain.PeriodYear, l.PeriodType)
	assert.Equal(t, 1, l.PeriodNumber)
	assert.True(t, time.Date(2027, 11, 22, 10, 15, 0, 0, time.UTC).Equal(l.ExpireTime))
	assert.Equal(t, []domain.ProductInfo{{SKUCode: "8ea3c1e9-58b4-4a3b-a0c4-6b7b3c1f0b11", ProductID: "OFFI454488846796414976", LinearValue: 1}}, l.Products)
	assert.Equal(t, domain.Buyer{
		CustomerID: "68cbc86abc2018ab880d92f36422fa0e", CustomerName: "huaweicloud_test",
		UserID: "0b4b4d7f7e80d5b91f80c00c2bcf4bd8", UserName: "huaweicloud_test_user",
		MobilePhone: "13800000000", Email: "test@example.com",
	}, o.Buyer)
	assert.Equal(t, []domain.Param{{Name: "emailDomainName", Value: "example.com"}}, o.Extend)
}

func TestDecodeOrderQueryNotFound(t *testing.T) {
	// given the reply for an unknown order
	body := `{"resultCode":"MKT.9001","resultMsg":"order not found"}`
	// when
	var resp OrderQueryResponse
	require.NoError(t, json.Unmarshal([]byte(body), &resp))
	// then
	assert.False(t, resp.OK())
	assert.Nil(t, resp.OrderInfo)
	err := resp.Err(HTTPStatusFor(resp.ResultCode, resp.Reason))
	require.Error(t, err)
	assert.Equal(t, "MKT.9001 order not found (HTTP 404)", err.Error())
}
