package recordenc

import (
	"fmt"
	"math"
	"time"

	"github.com/koogallery/merchant-console/domain"
)

// Binary layouts of the other synced kinds. JSON cost about as much CPU on
// a first sync as all the index writes of those records together (and two
// to three times the bytes); the same small format as orders removes it.
// Rows written as JSON by earlier versions still decode: the one-byte tag
// in front of every record says which encoding it uses.
const (
	ticketLayout       = 2 // 2 added the internal-note flag per message; 1 is still read
	supervisionLayout  = 1
	alertLayout        = 1
	billLayout         = 2 // 2 added Type; 1 is still read
	notificationLayout = 1
)

func putStrs(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = putStr(b, s)
	}
	return b
}

func putTimes(b []byte, ts ...time.Time) []byte {
	for _, t := range ts {
		b = putTime(b, t)
	}
	return b
}

// layout checks the leading layout byte of a record.
func (r *reader) layout(want byte, what string) error {
	if v := r.byte(); v != want {
		if r.err != nil {
			return r.err
		}
		return fmt.Errorf("%s layout %d not known", what, v)
	}
	return nil
}

// EncodeTicket appends a ticket in its current binary layout to b.
func EncodeTicket(b []byte, t *domain.Ticket) []byte {
	b = append(b, ticketLayout)
	b = putMeta(b, &t.Meta)
	b = putStrs(b, t.Subject, t.CustomerName, t.ProductID, t.ProductName, t.OrderID, string(t.Status), t.Assignee)
	b = putTimes(b, t.CreatedAt, t.AcceptedAt, t.ResolvedAt, t.ClosedAt, t.SLADue, t.SLAPausedAt)
	b = putInt(b, int64(t.SLAPausedFor))
	b = putStrs(b, t.Cause, t.Solution)
	b = putLen(b, len(t.Messages))
	for _, m := range t.Messages {
		b = putBool(putTime(putStrs(b, m.ID, string(m.From), m.Author, m.Body), m.At), m.Internal)
	}
	b = putLen(b, len(t.Attachments))
	for _, a := range t.Attachments {
		b = putStrs(b, a.ID, a.MessageID, a.Name)
		b = putTime(putStr(putInt(b, a.Size), a.MIME), a.At)
	}
	return b
}

// DecodeTicket reads a ticket written by any layout EncodeTicket has used into the
// value given; a truncated or unknown layout is an error.
func DecodeTicket(data []byte, t *domain.Ticket) error {
	r := &reader{b: data}
	layout := r.byte()
	if r.err != nil {
		return r.err
	}
	if layout != ticketLayout && layout != 1 {
		return fmt.Errorf("ticket layout %d not known", layout)
	}
	r.meta(&t.Meta)
	t.Subject, t.CustomerName, t.ProductID, t.ProductName = r.str(), r.str(), r.str(), r.str()
	t.OrderID, t.Status, t.Assignee = r.str(), domain.TicketStatus(r.str()), r.str()
	t.CreatedAt, t.AcceptedAt, t.ResolvedAt = r.time(), r.time(), r.time()
	t.ClosedAt, t.SLADue, t.SLAPausedAt = r.time(), r.time(), r.time()
	t.SLAPausedFor = time.Duration(r.int())
	t.Cause, t.Solution = r.str(), r.str()
	if n := r.count(); n > 0 {
		t.Messages = make([]domain.TicketMessage, n)
		for i := range t.Messages {
			t.Messages[i] = domain.TicketMessage{ID: r.str(), From: domain.Party(r.str()), Author: r.str(), Body: r.str(), At: r.time()}
			if layout >= 2 {
				t.Messages[i].Internal = r.bool()
			}
		}
	}
	if n := r.count(); n > 0 {
		t.Attachments = make([]domain.Attachment, n)
		for i := range t.Attachments {
			t.Attachments[i] = domain.Attachment{ID: r.str(), MessageID: r.str(), Name: r.str(), Size: r.int(), MIME: r.str(), At: r.time()}
		}
	}
	return r.err
}

// EncodeSupervision appends a supervision task in its current binary layout to b.
func EncodeSupervision(b []byte, t *domain.SupervisionTask) []byte {
	b = append(b, supervisionLayout)
	b = putMeta(b, &t.Meta)
	b = putStrs(b, t.OrderID, t.ProductID, t.ProductName, t.CustomerName, string(t.Kind), string(t.Current))
	b = putInt(b, int64(t.Rejections))
	b = putBool(b, t.Appeal != nil)
	if a := t.Appeal; a != nil {
		b = putStrs(putTime(putStrs(b, string(a.By), a.Reason), a.OpenedAt), string(a.Status), a.Decision)
	}
	b = putTimes(b, t.CreatedAt, t.NodeEnteredAt, t.SignedForAt)
	b = putStr(putBool(b, t.PhoneMismatch), t.ReportName)
	b = putLen(b, len(t.History))
	for _, e := range t.History {
		b = putTime(putStrs(b, string(e.Node), string(e.By), e.Action, e.Note), e.At)
	}
	return b
}

// DecodeSupervision reads a supervision task written by any layout EncodeSupervision has used into the
// value given; a truncated or unknown layout is an error.
func DecodeSupervision(data []byte, t *domain.SupervisionTask) error {
	r := &reader{b: data}
	if err := r.layout(supervisionLayout, "supervision task"); err != nil {
		return err
	}
	r.meta(&t.Meta)
	t.OrderID, t.ProductID, t.ProductName, t.CustomerName = r.str(), r.str(), r.str(), r.str()
	t.Kind, t.Current = domain.ProductKind(r.str()), domain.Node(r.str())
	t.Rejections = int(r.int())
	if r.bool() {
		t.Appeal = &domain.Appeal{By: domain.Party(r.str()), Reason: r.str(), OpenedAt: r.time(),
			Status: domain.AppealStatus(r.str()), Decision: r.str()}
	}
	t.CreatedAt, t.NodeEnteredAt, t.SignedForAt = r.time(), r.time(), r.time()
	t.PhoneMismatch, t.ReportName = r.bool(), r.str()
	if n := r.count(); n > 0 {
		t.History = make([]domain.NodeEvent, n)
		for i := range t.History {
			t.History[i] = domain.NodeEvent{Node: domain.Node(r.str()), By: domain.Party(r.str()),
				Action: r.str(), Note: r.str(), At: r.time()}
		}
	}
	return r.err
}

// EncodeAlert appends an interface alert in its current binary layout to b.
func EncodeAlert(b []byte, a *domain.InterfaceAlert) []byte {
	b = append(b, alertLayout)
	b = putMeta(b, &a.Meta)
	b = putStrs(b, a.OrderID, a.OrderLineID, a.ProductName, a.CustomerName, string(a.Kind))
	b = putInt(putBool(b, a.License), int64(a.Attempts))
	b = putStrs(b, a.LastCode, a.LastMessage)
	b = putTimes(b, a.FirstFailureAt, a.LastAttemptAt, a.NextRetryAt, a.UnsubscribeAt)
	return putStr(b, string(a.State))
}

// DecodeAlert reads an interface alert written by any layout EncodeAlert has used into the
// value given; a truncated or unknown layout is an error.
func DecodeAlert(data []byte, a *domain.InterfaceAlert) error {
	r := &reader{b: data}
	if err := r.layout(alertLayout, "alert"); err != nil {
		return err
	}
	r.meta(&a.Meta)
	a.OrderID, a.OrderLineID, a.ProductName, a.CustomerName = r.str(), r.str(), r.str(), r.str()
	a.Kind, a.License, a.Attempts = domain.InterfaceKind(r.str()), r.bool(), int(r.int())
	a.LastCode, a.LastMessage = r.str(), r.str()
	a.FirstFailureAt, a.LastAttemptAt, a.NextRetryAt, a.UnsubscribeAt = r.time(), r.time(), r.time(), r.time()
	a.State = domain.AlertState(r.str())
	return r.err
}

// EncodeBill appends a bill in its current binary layout to b.
func EncodeBill(b []byte, x *domain.Bill) []byte {
	b = append(b, billLayout)
	b = putMeta(b, &x.Meta)
	b = putTime(putStr(b, x.Period), x.GeneratedAt)
	b = putStr(b, string(x.Type))
	b = putInt(putStr(b, string(x.Status)), int64(x.Amount))
	b = putStrs(b, x.Currency, x.PaymentAppNo, x.StatusMessage)
	// Lines is not omitempty in JSON, so nil and empty differ there: keep it (0 = nil, else len+1).
	if x.Lines == nil {
		b = putLen(b, 0)
	} else {
		b = putLen(b, len(x.Lines)+1)
	}
	for _, l := range x.Lines {
		b = putStrs(b, l.ID, l.OrderID, l.OrderLineID, l.ProductName, string(l.ChargingMode))
		b = putInt(b, int64(l.OrderAmount))
		b = putInt(b, int64(math.Float64bits(l.ShareRate)))
		b = putInt(b, int64(l.Amount))
	}
	return b
}

// DecodeBill reads a bill written by any layout EncodeBill has used into the
// value given; a truncated or unknown layout is an error.
func DecodeBill(data []byte, x *domain.Bill) error {
	r := &reader{b: data}
	layout := r.byte()
	if r.err != nil {
		return r.err
	}
	if layout != billLayout && layout != 1 {
		return fmt.Errorf("bill layout %d not known", layout)
	}
	r.meta(&x.Meta)
	x.Period, x.GeneratedAt = r.str(), r.time()
	if layout >= 2 {
		x.Type = domain.BillType(r.str())
	}
	x.Status, x.Amount = domain.BillStatus(r.str()), domain.Money(r.int())
	x.Currency, x.PaymentAppNo, x.StatusMessage = r.str(), r.str(), r.str()
	if n := r.uvarint(); n > uint64(len(r.b))+1 {
		r.fail()
	} else if n > 0 {
		x.Lines = make([]domain.BillLine, n-1)
		for i := range x.Lines {
			x.Lines[i] = domain.BillLine{ID: r.str(), OrderID: r.str(), OrderLineID: r.str(), ProductName: r.str(),
				ChargingMode: domain.ChargingMode(r.str()), OrderAmount: domain.Money(r.int()),
				ShareRate: math.Float64frombits(uint64(r.int())), Amount: domain.Money(r.int())}
		}
	}
	return r.err
}

// EncodeNotification appends a message-centre message in its current binary layout to b.
func EncodeNotification(b []byte, n *domain.Message) []byte {
	b = append(b, notificationLayout)
	b = putMeta(b, &n.Meta)
	b = putInt(putStr(b, string(n.Category)), int64(n.Code))
	b = putStrs(b, n.Title, n.Body, string(n.RecordKind), n.RecordID)
	return putTime(b, n.CreatedAt)
}

// DecodeNotification reads a message-centre message written by any layout EncodeNotification has used into the
// value given; a truncated or unknown layout is an error.
func DecodeNotification(data []byte, n *domain.Message) error {
	r := &reader{b: data}
	if err := r.layout(notificationLayout, "notification"); err != nil {
		return err
	}
	r.meta(&n.Meta)
	n.Category, n.Code = domain.MessageCategory(r.str()), int(r.int())
	n.Title, n.Body, n.RecordKind, n.RecordID = r.str(), r.str(), domain.Resource(r.str()), r.str()
	n.CreatedAt = r.time()
	return r.err
}
