package credentials

import (
	"fmt"
	"os"
	"strings"
)

// fromEnv reads the SDK environment variables; half a pair is an error.
func fromEnv() (Credential, error) {
	ak, sk := strings.TrimSpace(os.Getenv(EnvAK)), strings.TrimSpace(os.Getenv(EnvSK))
	switch {
	case ak == "" && sk == "":
		return Credential{}, fmt.Errorf("%s and %s are not set", EnvAK, EnvSK)
	case ak == "":
		return Credential{}, fmt.Errorf("%s is set but %s is not", EnvSK, EnvAK)
	case sk == "":
		return Credential{}, fmt.Errorf("%s is set but %s is not", EnvAK, EnvSK)
	}
	if err := validatePair(ak, sk); err != nil {
		return Credential{}, err
	}
	return Credential{AK: ak, SK: sk, Source: SourceEnv}, nil
}
