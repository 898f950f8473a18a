// Package produce is the production-interface contract of KooGallery's SaaS
// access guide V2.0: the activities the marketplace calls on a seller's
// server, the seller's result codes, and the body signature. The gateway
// verifies with it, the sandbox signs with it, so the two cannot drift.
package produce

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// EnvKey names the environment variable holding the key created in
// 卖家中心 > 应用工具 > 密钥管理, with which KooGallery signs production calls.
const EnvKey = "KOOGALLERY_PRODUCE_KEY"

// Activities of the production interfaces, sent in the body's "activity".
const (
	ActNewInstance          = "newInstance"
	ActRefreshInstance      = "refreshInstance"
	ActUpdateInstanceStatus = "updateInstanceStatus"
	ActUpgradeInstance      = "upgradeInstance"
	ActReleaseInstance      = "releaseInstance"
	ActQueryInstance        = "queryInstance"
	ActOrderNotify          = "orderNotify"
)

// Seller result codes the gateway and the sandbox read or answer; their
// meanings are domain.SellerResultCodes.
const (
	CodeOK         = "000000"
	CodeAuthFailed = "000001"
	CodeInProgress = "000004"
	CodeInternal   = "000005"
)

// Signature is KooGallery's production-interface signature, as the SaaS
// access guide V2.0 writes it under "HTTP Body Signature"
// (https://support.huaweicloud.com/eu/accessg-marketplace/en-us_topic_000007.html):
//
//	canonical = key + nonce + timestamp + lowercase(hex(HMAC-SHA256(key, body)))
//	signature = hex(HMAC-SHA256(key, canonical))
//
// It returns lower-case hex; the guide's examples show upper case, so a
// comparison must ignore case. This is the one place the rule lives.
func Signature(key, nonce, timestamp string, body []byte) string {
	bodyMAC := hmac.New(sha256.New, []byte(key))
	bodyMAC.Write(body)
	canonical := key + nonce + timestamp + strings.ToLower(hex.EncodeToString(bodyMAC.Sum(nil)))
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(canonical))
	return hex.EncodeToString(mac.Sum(nil))
}

// Sign sets the signature, timestamp (ms) and nonce query parameters of a
// call with this body, as KooGallery sends them (upper-case hex).
func Sign(q url.Values, key string, body []byte, at time.Time, nonce string) {
	ts := strconv.FormatInt(at.UnixMilli(), 10)
	q.Set("timestamp", ts)
	q.Set("nonce", nonce)
	q.Set("signature", strings.ToUpper(Signature(key, nonce, ts, body)))
}
