package kit

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/credentials"
)

func TestALockedCredentialsFileIsExplainedAsSuch(t *testing.T) {
	// given the error a file-store account has before its passphrase is entered
	err := fmt.Errorf("sync shop: %w (/home/x/credentials.enc): the window asks for its passphrase", credentials.ErrLocked)

	// when it is explained
	p := Explain(err)

	// then it says the file is locked and where to unlock it, not "another copy" or "something went wrong"
	assert.Equal(t, "This account's keys are in the encrypted credentials file, which is locked.", p.What)
	assert.Contains(t, p.Todo, "Unlock")
}

func TestAWrongPassphraseIsExplainedAsSuch(t *testing.T) {
	// given a wrong passphrase, as Unlock wraps it
	err := fmt.Errorf("%w (/home/x/credentials.enc)", credentials.ErrWrongPassphrase)

	// when it is explained
	p := Explain(err)

	// then it asks to type it again
	assert.Equal(t, "This passphrase does not open the credentials file.", p.What)
	assert.Contains(t, p.Todo, "Type it again")
}
