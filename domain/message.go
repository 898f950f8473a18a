package domain

import "time"

// MessageCategory is a message-centre category.
type MessageCategory string

// Message-centre categories; Code gives the marketplace's numeric code where it has one.
const (
	MsgProductOpen MessageCategory = "PRODUCT_OPEN" // 产品创建开通通知 (101)
	MsgOperations  MessageCategory = "OPERATIONS"   // 运维提醒 (501)
	MsgOther       MessageCategory = "OTHER"        // 其他 (901)
	MsgTrade       MessageCategory = "TRADE"        // 交易
	MsgTicket      MessageCategory = "TICKET"       // 工单
)

// Code is the category's marketplace code, or 0 where it has none.
func (c MessageCategory) Code() int {
	switch c {
	case MsgProductOpen:
		return 101
	case MsgOperations:
		return 501
	case MsgOther:
		return 901
	}
	return 0
}

// Message is a message-centre message (the wire contract calls the resource "notifications").
type Message struct {
	Meta
	Category   MessageCategory `json:"category"`
	Code       int             `json:"code"`
	Title      string          `json:"title"`
	Body       string          `json:"body"`
	RecordKind Resource        `json:"recordKind,omitempty"` // what it is about, to open it
	RecordID   string          `json:"recordId,omitempty"`
	CreatedAt  time.Time       `json:"createdAt"`
}

// Resource implements Record.
func (Message) Resource() Resource { return ResMessages }
