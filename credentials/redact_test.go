package credentials

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"authorization header",
			"Authorization: SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
			"Authorization: SDK-HMAC-SHA256 Access=QTWA****, SignedHeaders=host;x-sdk-date, Signature=****"},
		{"env assignment", "HUAWEICLOUD_SDK_SK=abc123 HUAWEICLOUD_SDK_AK=QTWAOYTTINDUT2QVKYUC",
			"HUAWEICLOUD_SDK_SK=**** HUAWEICLOUD_SDK_AK=QTWA****"},
		{"json fields", `{"ak":"shortak","sk":"s3cr3t","secretKey":"x"}`, `{"ak":"****","sk":"****","secretKey":"****"}`},
		{"query", "?app_secret=zz&limit=2", "?app_secret=****&limit=2"},
		{"passphrase", "MERCHANT_CONSOLE_PASSPHRASE=hunter2hunter2 passphrase: \"open sesame\"", "MERCHANT_CONSOLE_PASSPHRASE=**** passphrase: \"****\""},
		{"bare SK", "using MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc now", "using **** now"},
		{"bare AK", "key QTWAOYTTINDUT2QVKYUC failed", "key QTWA**** failed"},
		{"harmless text kept", "GET /api/mkp-seller/v1/tickets?limit=500 task=1 disk:2 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"GET /api/mkp-seller/v1/tickets?limit=500 task=1 disk:2 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Redact(tt.in))
		})
	}
}
