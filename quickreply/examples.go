package quickreply

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/koogallery/merchant-console/domain"
)

//go:embed examples/*.json
var examples embed.FS

// Examples is the example set shipped for lang (Chinese unless lang asks
// for English), read through Decode like any file so it obeys the schema.
func Examples(lang string) ([]Reply, error) {
	name := "examples/zh.json"
	if domain.English(lang) {
		name = "examples/en.json"
	}
	data, err := examples.ReadFile(name)
	if err != nil {
		return nil, err
	}
	f, err := Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("shipped %s: %w", name, err)
	}
	return f.Replies, nil
}
