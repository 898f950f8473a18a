package exports

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// exportHistoryFile holds the recent exports beside the caches; it is small
// and per user, so a JSON file is enough.
const exportHistoryFile = "export-history.json"

// maxExportHistory bounds the history; older entries fall off.
const maxExportHistory = 50

// ExportEntry is one export in the history.
type ExportEntry struct {
	At       time.Time       `json:"at"`
	Kind     domain.Resource `json:"kind"`
	From     time.Time       `json:"from"`
	To       time.Time       `json:"to"`
	Format   string          `json:"format"`
	Path     string          `json:"path,omitempty"`
	Error    string          `json:"error,omitempty"`
	Canceled bool            `json:"canceled,omitempty"`
}

// loadExportHistory reads the history; a missing file is an empty history.
func loadExportHistory(dir string) ([]ExportEntry, error) {
	b, err := os.ReadFile(filepath.Join(dir, exportHistoryFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read export history: %w", err)
	}
	var out []ExportEntry
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("export history %s is damaged: %w", exportHistoryFile, err)
	}
	return out, nil
}

// saveExportHistory writes the newest entries first through a temporary
// file and a rename, so a crash never leaves half a file.
func saveExportHistory(dir string, entries []ExportEntry) error {
	if len(entries) > maxExportHistory {
		entries = entries[:maxExportHistory]
	}
	b, err := json.MarshalIndent(entries, "", "  ")
	if err != nil {
		return fmt.Errorf("encode export history: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	tmp := filepath.Join(dir, exportHistoryFile+".tmp")
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("write export history: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, exportHistoryFile)); err != nil {
		return fmt.Errorf("replace export history: %w", err)
	}
	return nil
}
