package gateway

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Agent is one console user's access key. The secret must stay readable:
// APIG signatures are HMACs, so the gateway needs the SK itself to check
// them (a hash would not do). The file holding it is 0600.
type Agent struct {
	Name      string    `json:"name"`
	AK        string    `json:"ak"`
	SK        string    `json:"sk"`
	CreatedAt time.Time `json:"createdAt"`
}

// Keys is the agents file, <data>/agents.json (0600). The gateway rereads
// it when it changes, so `keys add` works while the gateway runs.
type Keys struct {
	path   string
	mu     sync.Mutex
	byAK   map[string]Agent
	loaded time.Time // the file's modification time when last read
}

// OpenKeys returns the agents file of a data directory.
func OpenKeys(dir string) *Keys { return &Keys{path: filepath.Join(dir, "agents.json")} }

// Secret finds the secret of an access key, for apig.Verify.
func (k *Keys) Secret(ak string) (string, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if st, err := os.Stat(k.path); err == nil && !st.ModTime().Equal(k.loaded) {
		if list, err := k.read(); err == nil {
			k.byAK = map[string]Agent{}
			for _, a := range list {
				k.byAK[a.AK] = a
			}
			k.loaded = st.ModTime()
		}
	}
	a, ok := k.byAK[ak]
	return a.SK, ok
}

// List returns the agents in the order they were added.
func (k *Keys) List() ([]Agent, error) { return k.read() }

// Add creates an agent with a fresh AK/SK and returns it; a name is used once.
func (k *Keys) Add(name string, now time.Time) (Agent, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Agent{}, errors.New("keys add: a name is required")
	}
	list, err := k.read()
	if err != nil {
		return Agent{}, err
	}
	for _, a := range list {
		if a.Name == name {
			return Agent{}, fmt.Errorf("keys add: an agent named %q already exists", name)
		}
	}
	a := Agent{Name: name, AK: strings.ToUpper(randomHex(10)), SK: randomHex(20), CreatedAt: now.UTC()}
	return a, k.write(append(list, a))
}

// Remove deletes an agent by name; its key stops working at once.
func (k *Keys) Remove(name string) error {
	list, err := k.read()
	if err != nil {
		return err
	}
	for i, a := range list {
		if a.Name == name {
			return k.write(append(list[:i], list[i+1:]...))
		}
	}
	return fmt.Errorf("keys remove: no agent named %q", name)
}

func (k *Keys) read() ([]Agent, error) {
	data, err := os.ReadFile(k.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("agents file: %w", err)
	}
	var list []Agent
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("agents file %s unreadable: %w", k.path, err)
	}
	return list, nil
}

// write replaces the file atomically (temp file, fsync, rename), 0600.
func (k *Keys) write(list []Agent) error {
	if err := os.MkdirAll(filepath.Dir(k.path), 0o700); err != nil {
		return err
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(k.path), ".agents-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), k.path)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}
