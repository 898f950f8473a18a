package credentials

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zalando/go-keyring"

	"github.com/koogallery/merchant-console/config"
)

const (
	sampleAK = "QTWAOYTTINDUT2QVKYUC"
	sampleSK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
)

// clearEnv makes each test independent of the developer's own variables
// and account list.
func clearEnv(t *testing.T) {
	t.Setenv(config.HomeEnv, t.TempDir())
	t.Setenv(EnvAK, "")
	t.Setenv(EnvSK, "")
	t.Setenv(EnvPassphrase, "")
}

func TestLookup_EnvFallback(t *testing.T) {
	// given an empty in-memory keyring and the SDK variables set
	keyring.MockInit()
	clearEnv(t)
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, " "+sampleSK+" ")

	for _, account := range []string{"", "shop-without-entry"} {
		// when credentials are looked up
		c, err := Lookup(account)

		// then the environment pair is returned, trimmed
		require.NoError(t, err)
		assert.Equal(t, Credential{AK: sampleAK, SK: sampleSK, Source: SourceEnv}, c)
	}
}

func TestLookup_HalfEnvPairIsClearError(t *testing.T) {
	keyring.MockInit()
	clearEnv(t)
	t.Setenv(EnvAK, sampleAK)
	_, err := Lookup("")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.ErrorContains(t, err, EnvSK)
}

func TestSaveLookupDelete_Keyring(t *testing.T) {
	// given the library's in-memory keyring and different env credentials
	keyring.MockInit()
	clearEnv(t)
	t.Setenv(EnvAK, "ENVAKENVAKENVAKENVAK")
	t.Setenv(EnvSK, "env-secret")

	// when a pair is saved for an account
	require.NoError(t, Save("华为店铺", sampleAK, sampleSK))

	// then Lookup prefers the keyring entry for that account
	c, err := Lookup("华为店铺")
	require.NoError(t, err)
	assert.Equal(t, Credential{AK: sampleAK, SK: sampleSK, Source: SourceKeyring}, c)

	// and after Delete it falls back to the environment; deleting twice is fine
	require.NoError(t, Delete("华为店铺"))
	require.NoError(t, Delete("华为店铺"))
	c, err = Lookup("华为店铺")
	require.NoError(t, err)
	assert.Equal(t, SourceEnv, c.Source)
}

func TestLookup_NothingAnywhere(t *testing.T) {
	keyring.MockInit()
	clearEnv(t)
	_, err := Lookup("shop")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.NotErrorIs(t, err, ErrNoKeyring)
}

func TestNoKeyring_TypedError(t *testing.T) {
	// given a keyring backend that fails like a missing Secret Service
	keyring.MockInitWithError(errors.New("dbus: couldn't determine address of session bus"))
	clearEnv(t)

	// when saving and looking up
	saveErr := Save("shop", sampleAK, sampleSK)
	_, lookErr := Lookup("shop")

	// then both say there is no keyring, and Lookup mentions the env variables
	assert.ErrorIs(t, saveErr, ErrNoKeyring)
	assert.ErrorIs(t, lookErr, ErrNoKeyring)
	assert.ErrorContains(t, lookErr, EnvAK)

	// and with the variables set, Lookup still succeeds from them
	t.Setenv(EnvAK, sampleAK)
	t.Setenv(EnvSK, sampleSK)
	c, err := Lookup("shop")
	require.NoError(t, err)
	assert.Equal(t, SourceEnv, c.Source)
}

func TestSave_RejectsBadPairs(t *testing.T) {
	keyring.MockInit()
	for _, pair := range [][2]string{{"", sampleSK}, {sampleAK, ""}, {"AK WITH SPACE", sampleSK}, {sampleAK, "sk\n"}} {
		assert.Error(t, Save("shop", pair[0], pair[1]), pair)
	}
	assert.Error(t, Save("", sampleAK, sampleSK))
}

func TestLookup_CorruptKeyringEntry(t *testing.T) {
	keyring.MockInit()
	clearEnv(t)
	require.NoError(t, keyring.Set(Service, "shop", "not json"))
	_, err := Lookup("shop")
	assert.ErrorContains(t, err, "not readable")
	assert.NotContains(t, err.Error(), "not json")
}

func TestCredential_PrintingNeverShowsSecret(t *testing.T) {
	c := Credential{AK: sampleAK, SK: sampleSK, Source: SourceKeyring}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%v %+v %#v %s", c, c, c, c)} {
		assert.NotContains(t, s, sampleSK)
		assert.NotContains(t, s, sampleAK)
	}
}
