package apig

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Published worked example of Huawei Cloud's API signing guide
// ("API签名指南": 构造规范请求 / 创建待签字符串 / 计算签名 / 添加签名信息到请求头,
// support.huaweicloud.com/devg-apisign/api-sign-algorithm-00{2,3,4,5}.html):
// the VPC list request below, signed at 20191115T033655Z with the guide's
// sample key pair, yields the hashed canonical request, string to sign and
// signature quoted here verbatim from the guide.
const (
	docAK            = "QTWAOYTTINDUT2QVKYUC"
	docSK            = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
	docURL           = "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"
	docDate          = "20191115T033655Z"
	docHashedRequest = "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
	docStringToSign  = "SDK-HMAC-SHA256\n20191115T033655Z\n" + docHashedRequest
	docAuthorization = "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
)

func TestSign_PublishedExample(t *testing.T) {
	// given the guide's request with its Content-Type header and fixed date
	r, err := http.NewRequest(http.MethodGet, docURL, nil)
	require.NoError(t, err)
	r.Header.Set("Content-Type", "application/json")
	now, err := time.Parse(DateFormat, docDate)
	require.NoError(t, err)

	// when it is signed with the guide's key pair
	require.NoError(t, Signer{AK: docAK, SK: docSK}.Sign(r, nil, now))

	// then every intermediate value and the header match the guide
	canonical := CanonicalRequest(r, nil)
	assert.Equal(t, docHashedRequest, hashHex([]byte(canonical)))
	assert.Equal(t, docStringToSign, StringToSign(canonical, docDate))
	assert.Equal(t, docDate, r.Header.Get(HeaderDate))
	assert.Equal(t, docAuthorization, r.Header.Get("Authorization"))
}

func TestVerify_PublishedExample(t *testing.T) {
	// given the guide's request carrying the guide's Authorization header
	r, err := http.NewRequest(http.MethodGet, docURL, nil)
	require.NoError(t, err)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set(HeaderDate, docDate)
	r.Header.Set("Authorization", docAuthorization)
	now, err := time.Parse(DateFormat, docDate)
	require.NoError(t, err)
	secrets := func(ak string) (string, bool) { return docSK, ak == docAK }

	// when verified at the signing time
	ak, err := Verify(r, nil, secrets, now.Add(time.Minute), 15*time.Minute)

	// then the guide's signature is accepted
	require.NoError(t, err)
	assert.Equal(t, docAK, ak)
}
