package config

// sellerCenter is each public site's seller center (卖家中心), where the
// marketplace's own 生产接口消息 list and its 重新启动 live; the console links
// there because neither the open API nor the gateway can press that
// button.
var sellerCenter = map[Site]string{
	SiteChina:  "https://console.huaweicloud.com/marketplace/isv/",
	SiteIntl:   "https://console-intl.huaweicloud.com/marketplace/isv/",
	SiteEurope: "https://console.eu.huaweicloud.com/marketplace/isv/",
}

// SellerCenterURL is the site's seller center. A custom base URL (a
// production-interface gateway, whose --marketplace defaults to the China
// site) gets the China site's.
func (s Site) SellerCenterURL() string {
	if u, ok := sellerCenter[s]; ok {
		return u
	}
	return sellerCenter[SiteChina]
}
