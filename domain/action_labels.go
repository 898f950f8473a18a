package domain

// actionLabels are the merchant actions as the marketplace's buttons name
// them, and as the console's buttons and outbox rows show them.
var actionLabels = map[ActionName]Label{
	ActTicketAccept:        {"受理", "Accept"},
	ActTicketReply:         {"回复", "Reply"},
	ActTicketAwaitCustomer: {"待客户反馈", "Wait for customer"},
	ActTicketResolve:       {"确认解决", "Resolve"},
	ActTicketNote:          {"内部备注", "Internal note"},
	ActConfirmRequirement:  {"确认需求", "Confirm requirement"},
	ActRejectRequirement:   {"驳回需求", "Reject requirement"},
	ActUploadReport:        {"上传交付验收报告", "Upload report"},
	ActShip:                {"发货", "Ship"},
	ActConfirmCompletion:   {"确认完成", "Confirm completion"},
	ActAppeal:              {"申诉", "Appeal"},
	ActRestart:             {"重新启动", "Restart"},
}

// Label is the action's name in both languages; an unknown action reads
// as its code.
func (n ActionName) Label() Label { return labelOf(actionLabels, n) }
