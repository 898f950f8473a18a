package app

// The POSIX locale (LANG=C, C.UTF-8: containers, CI) must read as English
// before Fyne's own package init parses the locale; see the package's doc.
import _ "github.com/koogallery/merchant-console/internal/posixlocale"
