package syncer

import (
	"github.com/koogallery/merchant-console/apig"
	"github.com/koogallery/merchant-console/config"
)

// OptionsFor are the client options of a configured account: its site or
// base URL, and its AK/SK (from package credentials, never from a file).
func OptionsFor(a config.Account, ak, sk string) Options {
	return Options{Site: a.Site, BaseURL: a.Endpoint(), Signer: apig.Signer{AK: ak, SK: sk}}
}
