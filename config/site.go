package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Site is a KooGallery marketplace site (region) an account lives on.
type Site string

// The marketplace sites. SiteCustom means the account's BaseURL is used
// (a seller gateway or the sandbox).
const (
	SiteChina  Site = "cn"
	SiteIntl   Site = "intl"
	SiteEurope Site = "eu"
	SiteCustom Site = "custom"
)

// Sites lists the sites in the order a picker shows them.
var Sites = []Site{SiteChina, SiteIntl, SiteEurope, SiteCustom}

// siteInfo holds the fixed endpoints of the public sites.
var siteInfo = map[Site]struct{ label, base, fallback string }{
	SiteChina:  {"China (中国站)", "https://mkt.myhuaweicloud.com", "https://mkt.myhuaweicloud.cn"},
	SiteIntl:   {"International (国际站)", "https://mkt-intl.myhuaweicloud.com", ""},
	SiteEurope: {"Europe (欧洲站)", "https://mkt.myhuaweicloud.eu", ""},
	SiteCustom: {"Custom base URL", "", ""},
}

// ParseSite accepts a site code ("cn", "intl", "eu", "custom").
func ParseSite(s string) (Site, error) {
	site := Site(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := siteInfo[site]; !ok {
		return "", fmt.Errorf("config: unknown site %q (want cn, intl, eu or custom)", s)
	}
	return site, nil
}

// Label is the human name of the site.
func (s Site) Label() string { return siteInfo[s].label }

// BaseURL is the site's API base URL; empty for SiteCustom and unknown sites.
func (s Site) BaseURL() string { return siteInfo[s].base }

// FallbackURL is the site's alternative host, if it has one (China: .cn).
func (s Site) FallbackURL() string { return siteInfo[s].fallback }

// ValidateBaseURL accepts an absolute https URL without query or fragment;
// plain http only for a loopback host (the sandbox), because the marketplace
// requires strictly verified TLS everywhere else.
func ValidateBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("config: base URL %q: %w", raw, err)
	}
	if u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("config: base URL %q must be scheme://host[:port][/path] without user, query or fragment", raw)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if IsLoopback(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("config: base URL %q: plain http is only allowed for a loopback host; use https", raw)
	default:
		return fmt.Errorf("config: base URL %q: scheme must be https", raw)
	}
}

// IsLoopback reports whether host (without port) is localhost or a loopback IP.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
