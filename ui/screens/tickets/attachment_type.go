package tickets

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// fileKinds names the file types customers attach, by MIME type, in words
// an agent reads at a glance instead of
// "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
var fileKinds = map[string]string{
	"image/png":       "PNG image",
	"image/jpeg":      "JPEG image",
	"image/gif":       "GIF image",
	"application/pdf": "PDF document",
	"text/plain":      "Text file",
	"text/csv":        "CSV table",
	"application/zip": "ZIP archive",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
	"application/vnd.ms-excel": "Excel workbook",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
	"application/msword": "Word document",
}

// fileKind is the attachment's type in words: a known MIME type's name, else
// the file's extension ("LOG file"), else "File".
func fileKind(mime, name string) string {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(mime)), ";")
	if k, ok := fileKinds[base]; ok {
		return lang.L(k)
	}
	if ext := strings.TrimPrefix(filepath.Ext(name), "."); ext != "" {
		return lang.L("{{.Ext}} file", map[string]any{"Ext": strings.ToUpper(ext)})
	}
	return lang.L("File")
}
