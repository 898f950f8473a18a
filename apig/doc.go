// Package apig signs and verifies HTTP requests with Huawei Cloud's
// SDK-HMAC-SHA256 (APIG "AK/SK") scheme, the scheme the KooGallery open API
// and every seller-gateway request of this console use.
//
// The algorithm follows Huawei Cloud's API signing guide:
//
//	CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n
//	                   CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
//	StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
//	Signature        = hex(HMAC-SHA256(SK, StringToSign))
//	Authorization    = SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., Signature=...
//
// The canonical URI always ends with '/', every path segment and every query
// key and value is percent-encoded except RFC 3986 unreserved characters,
// query parameters are sorted by key and then by value, and each canonical
// header line is "lower-case-name:trimmed-value" followed by a newline.
package apig
