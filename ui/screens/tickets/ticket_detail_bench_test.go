package tickets

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/ui/internal/uitest"
	"github.com/koogallery/merchant-console/ui/screens"
	"github.com/koogallery/merchant-console/ui/theme"
)

// BenchmarkTicketDetail_Show200Messages measures drawing a long conversation.
// It runs with the console's theme, whose embedded CJK font is what a user
// sees; Fyne's test theme would fall back to fonts on disk.
func BenchmarkTicketDetail_Show200Messages(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(theme.New(theme.Light))
	tk := uitest.Ticket("T1", "长对话", domain.TicketProcessing)
	for i := range 200 {
		from := domain.PartyUser
		if i%2 == 1 {
			from = domain.PartyMerchant
		}
		tk.Messages = append(tk.Messages, domain.TicketMessage{ID: fmt.Sprint(i), From: from, Author: "x", Body: "您好，这是第几条消息，内容较长需要换行显示。", At: uitest.Now})
	}
	d := newTicketDetail(&screens.Backend{Now: func() time.Time { return uitest.Now }})
	test.NewTempWindow(b, d.root)
	for b.Loop() {
		d.show(tk, nil)
	}
}
