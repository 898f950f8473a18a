package credentials

import (
	"regexp"
	"strings"
)

// secretNames are the names whose values are masked entirely.
const secretNames = EnvSK + `|` + EnvPassphrase + `|secret_?access_?key|secret_?key|app_?secret|secret|passphrase|password|passwd|\bsk`

// Redaction rules, applied in order. Secrets are fully masked; access keys
// keep their first four characters so a reader can still tell accounts apart.
var (
	// Signature=<hex> in an SDK-HMAC-SHA256 Authorization header.
	reSignature = regexp.MustCompile(`(Signature=)[0-9A-Za-z]+`)
	// Access=<AK> in the same header.
	reAccess = regexp.MustCompile(`(Access=)([^\s,"]+)`)
	// secret-ish names followed by = or :, optionally quoted (JSON, env, query).
	reSecretKV = regexp.MustCompile(`(?i)((?:` + secretNames + `)"?\s*[:=]\s*"?)([^\s"',&;]+)`)
	// the same with a quoted value, which may hold spaces (a passphrase).
	reSecretQuoted = regexp.MustCompile(`(?i)((?:` + secretNames + `)"?\s*[:=]\s*")([^"]*)"`)
	// access-key names followed by = or :.
	reAccessKV = regexp.MustCompile(`(?i)((?:` + EnvAK + `|access_?key_?id|access_?key|app_?key|\bak)"?\s*[:=]\s*"?)([^\s"',&;]+)`)
	// bare 40-character tokens: the shape of a Huawei Cloud SK.
	reBareSK = regexp.MustCompile(`\b[0-9A-Za-z]{40}\b`)
	// bare 20-character upper-case tokens: the shape of a Huawei Cloud AK.
	reBareAK = regexp.MustCompile(`\b[0-9A-Z]{20}\b`)
)

// Redact masks AK/SK-like values and Authorization signatures in s, for logs
// and error messages. It errs on the side of masking.
func Redact(s string) string {
	s = reSignature.ReplaceAllString(s, "${1}****")
	s = reAccess.ReplaceAllStringFunc(s, func(m string) string {
		sub := reAccess.FindStringSubmatch(m)
		return sub[1] + maskKeep(sub[2], 4)
	})
	s = reSecretQuoted.ReplaceAllString(s, `${1}****"`)
	s = reSecretKV.ReplaceAllString(s, "${1}****")
	s = reAccessKV.ReplaceAllStringFunc(s, func(m string) string {
		sub := reAccessKV.FindStringSubmatch(m)
		return sub[1] + maskKeep(sub[2], 4)
	})
	s = reBareSK.ReplaceAllString(s, "****")
	return reBareAK.ReplaceAllStringFunc(s, func(m string) string { return maskKeep(m, 4) })
}

// maskKeep keeps the first n characters of v and masks the rest; short
// values are masked entirely since a prefix would reveal too much of them.
func maskKeep(v string, n int) string {
	if v == "****" || strings.HasSuffix(v, "****") {
		return v
	}
	if len(v) <= 2*n {
		return "****"
	}
	return v[:n] + "****"
}
