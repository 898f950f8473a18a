package shell

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/screens/alerts"
	"github.com/koogallery/merchant-console/ui/screens/bills"
	"github.com/koogallery/merchant-console/ui/screens/exports"
	"github.com/koogallery/merchant-console/ui/screens/orders"
	"github.com/koogallery/merchant-console/ui/screens/overview"
	"github.com/koogallery/merchant-console/ui/screens/settings"
	"github.com/koogallery/merchant-console/ui/screens/supervision"
	"github.com/koogallery/merchant-console/ui/screens/tickets"
)

// ScreenID names a page of the console; its order is the navigation's and
// Ctrl+1…8's.
type ScreenID int

// The console's screens.
const (
	ScreenOverview ScreenID = iota
	ScreenOrders
	ScreenSupervision
	ScreenTickets
	ScreenAlerts
	ScreenBills
	ScreenExports
	ScreenSettings
	screenCount
)

// AllScreens lists every screen in navigation order.
var AllScreens = []ScreenID{
	ScreenOverview, ScreenOrders, ScreenSupervision, ScreenTickets,
	ScreenAlerts, ScreenBills, ScreenExports, ScreenSettings,
}

// Title is the screen's name in the navigation.
func (id ScreenID) Title() string {
	switch id {
	case ScreenOverview:
		return lang.L("Overview")
	case ScreenOrders:
		return lang.L("Orders")
	case ScreenSupervision:
		return lang.L("Service supervision")
	case ScreenTickets:
		return lang.L("Tickets")
	case ScreenAlerts:
		return lang.L("Interface alerts")
	case ScreenBills:
		return lang.L("Bills")
	case ScreenExports:
		return lang.L("Exports")
	case ScreenSettings:
		return lang.L("Settings")
	}
	return ""
}

// Icon is the screen's icon in the navigation.
func (id ScreenID) Icon() fyne.Resource {
	switch id {
	case ScreenOverview:
		return theme.HomeIcon()
	case ScreenOrders:
		return theme.ListIcon()
	case ScreenSupervision:
		return theme.VisibilityIcon()
	case ScreenTickets:
		return theme.MailComposeIcon()
	case ScreenAlerts:
		return theme.WarningIcon()
	case ScreenBills:
		return theme.DocumentIcon()
	case ScreenExports:
		return theme.DownloadIcon()
	case ScreenSettings:
		return theme.SettingsIcon()
	}
	return theme.QuestionIcon()
}

// screenFor is the list screen showing a resource, for overview cards.
func screenFor(res domain.Resource) (ScreenID, bool) {
	switch res {
	case domain.ResOrders:
		return ScreenOrders, true
	case domain.ResSupervision:
		return ScreenSupervision, true
	case domain.ResTickets:
		return ScreenTickets, true
	case domain.ResAlerts:
		return ScreenAlerts, true
	case domain.ResBills, domain.ResTransactions:
		return ScreenBills, true
	}
	return 0, false
}

// buildScreen makes a record screen for the current account.
func (s *Shell) buildScreen(id ScreenID) screens.Screen {
	b := s.screenBackend()
	switch id {
	case ScreenOverview:
		return overview.New(b)
	case ScreenOrders:
		return orders.New(b)
	case ScreenSupervision:
		return supervision.New(b)
	case ScreenTickets:
		return tickets.New(b)
	case ScreenAlerts:
		return alerts.New(b)
	case ScreenBills:
		return bills.New(b)
	case ScreenExports:
		return exports.New(b)
	default:
		return settings.New(s)
	}
}
