package config

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSellerCenterURLIsAnHTTPSPagePerSite(t *testing.T) {
	for _, s := range Sites {
		// given each site, when its seller center is asked for
		u, err := url.Parse(s.SellerCenterURL())

		// then it is an https page of Huawei Cloud's console
		require.NoError(t, err, s)
		assert.Equal(t, "https", u.Scheme, s)
		assert.Contains(t, u.Host, "huaweicloud", s)
	}
	assert.NotEqual(t, SiteChina.SellerCenterURL(), SiteIntl.SellerCenterURL())
	assert.Equal(t, SiteChina.SellerCenterURL(), SiteCustom.SellerCenterURL())
}
