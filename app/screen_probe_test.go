package app

import (
	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// The smoke test and the launch benchmark read the list screens through
// these adapters rather than through hooks in the product: each list
// screen's own table.

// lister is what every record screen's table offers.
type lister interface {
	Total() int
	Select(row int)
}

// screenTable is the table of a list screen, false for screens that are
// not lists or were not built yet.
func screenTable(s *uishell.Shell, id uishell.ScreenID) (lister, bool) {
	scr, ok := s.ScreenFor(id)
	if !ok {
		return nil, false
	}
	switch v := scr.(type) {
	case *screens.RecordScreen[domain.Order]:
		return v.Table(), true
	case *screens.RecordScreen[domain.SupervisionTask]:
		return v.Table(), true
	case *screens.RecordScreen[domain.Ticket]:
		return v.Table(), true
	case *screens.RecordScreen[domain.InterfaceAlert]:
		return v.Table(), true
	case *screens.RecordScreen[domain.Bill]:
		return v.Table(), true
	}
	return nil, false
}

// shellRows is how many records a list screen matches now.
func shellRows(s *uishell.Shell, id uishell.ScreenID) (int, bool) {
	t, ok := screenTable(s, id)
	if !ok {
		return 0, false
	}
	return t.Total(), true
}
