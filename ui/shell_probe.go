package ui

import "github.com/koogallery/merchant-console/domain"

// Rows is how many records a list screen matches now, for the smoke test
// and for tests that check a screen is not empty; false for screens that
// are not lists or were not built yet.
func (s *Shell) Rows(id ScreenID) (int, bool) {
	switch v := s.screens[id].(type) {
	case *RecordScreen[domain.Order]:
		return v.Table().Total(), true
	case *RecordScreen[domain.SupervisionTask]:
		return v.Table().Total(), true
	case *RecordScreen[domain.Ticket]:
		return v.Table().Total(), true
	case *RecordScreen[domain.InterfaceAlert]:
		return v.Table().Total(), true
	case *RecordScreen[domain.Bill]:
		return v.Table().Total(), true
	}
	return 0, false
}

// SelectFirst selects the first row of a list screen, opening its detail
// pane, so screenshots show a record.
func (s *Shell) SelectFirst(id ScreenID) {
	switch v := s.screens[id].(type) {
	case *RecordScreen[domain.Order]:
		v.Table().Select(0)
	case *RecordScreen[domain.SupervisionTask]:
		v.Table().Select(0)
	case *RecordScreen[domain.Ticket]:
		v.Table().Select(0)
	case *RecordScreen[domain.InterfaceAlert]:
		v.Table().Select(0)
	case *RecordScreen[domain.Bill]:
		v.Table().Select(0)
	}
}

// ShowNotifications opens the notification centre as the bell does.
func (s *Shell) ShowNotifications() {
	if !s.centre.visible() {
		s.centre.show()
	}
}

// Notifications is how many entries the open centre lists, for the smoke
// test; -1 while it is closed.
func (s *Shell) Notifications() int {
	if !s.centre.visible() {
		return -1
	}
	return len(s.centre.entries)
}
