package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sampleAccounts() []Account {
	return []Account{
		{Name: "华为店铺", Site: SiteChina},
		{Name: "shop-intl", Site: SiteIntl, SubAccount: true},
		{Name: "sandbox", Site: SiteCustom, BaseURL: "http://127.0.0.1:8080/"},
	}
}

func TestSaveLoadAccounts_RoundTrip(t *testing.T) {
	// given a list of accounts on several sites
	path := filepath.Join(t.TempDir(), "cfg", "accounts.json")
	in := sampleAccounts()

	// when saved and loaded again
	require.NoError(t, SaveAccounts(path, in))
	out, err := LoadAccounts(path)

	// then the list is identical, the file private, the directory too, and no temp files remain
	require.NoError(t, err)
	assert.Equal(t, in, out)
	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	dirInfo, err := os.Stat(filepath.Dir(path))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), dirInfo.Mode().Perm())
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1)
}

func TestLoadAccounts_MissingFileIsEmpty(t *testing.T) {
	got, err := LoadAccounts(filepath.Join(t.TempDir(), "none.json"))
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestLoadAccounts_MalformedFileIsClearErrorAndKept(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string
	}{
		{"truncated", `{"version":1,"accounts":[{"name":"a"`, "malformed"},
		{"secret smuggled in", `{"version":1,"accounts":[{"name":"a","site":"cn","sk":"x"}]}`, "unknown field"},
		{"newer format", `{"version":2,"accounts":[]}`, "version 2"},
		{"bad site", `{"version":1,"accounts":[{"name":"a","site":"mars"}]}`, "unknown site"},
		{"duplicate name", `{"version":1,"accounts":[{"name":"A","site":"cn"},{"name":"a","site":"eu"}]}`, "used twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// given a broken accounts file
			path := filepath.Join(t.TempDir(), "accounts.json")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o600))

			// when it is loaded
			_, err := LoadAccounts(path)

			// then the error names the file and the problem, and the file is unchanged
			require.Error(t, err)
			assert.Contains(t, err.Error(), path)
			assert.Contains(t, err.Error(), tt.want)
			data, rerr := os.ReadFile(path)
			require.NoError(t, rerr)
			assert.Equal(t, tt.content, string(data))
		})
	}
}

func TestSaveAccounts_RejectsInvalidAndKeepsOldFile(t *testing.T) {
	// given a saved valid list
	path := filepath.Join(t.TempDir(), "accounts.json")
	require.NoError(t, SaveAccounts(path, sampleAccounts()))
	bad := [][]Account{
		{{Name: "x", Site: SiteCustom}},
		{{Name: "x", Site: SiteCustom, BaseURL: "http://example.com"}},
		{{Name: "x", Site: SiteChina, BaseURL: "ftp://h"}},
		{{Name: "a/b", Site: SiteChina}},
	}
	for _, list := range bad {
		// when an invalid list is saved
		err := SaveAccounts(path, list)

		// then it is refused and the old list survives
		assert.Error(t, err)
		got, lerr := LoadAccounts(path)
		require.NoError(t, lerr)
		assert.Equal(t, sampleAccounts(), got)
	}
}

func TestAccountEndpointAndFind(t *testing.T) {
	list := sampleAccounts()
	a, err := FindAccount(list, "sandbox")
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:8080", a.Endpoint())
	c, err := FindAccount(list, "华为店铺")
	require.NoError(t, err)
	assert.Equal(t, "https://mkt.myhuaweicloud.com", c.Endpoint())
	_, err = FindAccount(list, "nobody")
	assert.ErrorIs(t, err, ErrAccountNotFound)
}

func TestSites(t *testing.T) {
	tests := []struct {
		code, base, fallback string
	}{
		{"cn", "https://mkt.myhuaweicloud.com", "https://mkt.myhuaweicloud.cn"},
		{"INTL", "https://mkt-intl.myhuaweicloud.com", ""},
		{"eu", "https://mkt.myhuaweicloud.eu", ""},
		{"custom", "", ""},
	}
	for _, tt := range tests {
		s, err := ParseSite(tt.code)
		require.NoError(t, err)
		assert.Equal(t, tt.base, s.BaseURL())
		assert.Equal(t, tt.fallback, s.FallbackURL())
		assert.NotEmpty(t, s.Label())
	}
	_, err := ParseSite("mars")
	assert.Error(t, err)
}

func TestValidateBaseURL(t *testing.T) {
	ok := []string{"https://gw.example.com", "https://gw.example.com:8443/base", "http://127.0.0.1:9000", "http://localhost:1", "http://[::1]:80"}
	bad := []string{"http://gw.example.com", "gw.example.com", "https://", "https://h/?q=1", "https://u:p@h", "ftp://h"}
	for _, u := range ok {
		assert.NoError(t, ValidateBaseURL(u), u)
	}
	for _, u := range bad {
		assert.Error(t, ValidateBaseURL(u), u)
	}
}
