package reports

// Lang selects the language of headers and status labels.
type Lang string

// Supported languages. Anything else falls back to Chinese, the marketplace's
// own language.
const (
	LangZH Lang = "zh-Hans"
	LangEN Lang = "en"
)

// ParseLang maps user input ("zh", "zh-Hans", "en", "en-US") to a Lang.
func ParseLang(s string) Lang {
	if len(s) >= 2 && (s[:2] == "en" || s[:2] == "EN") {
		return LangEN
	}
	return LangZH
}

// Text is a string in both supported languages.
type Text struct{ ZH, EN string }

// In returns the text in lang.
func (t Text) In(lang Lang) string {
	if lang == LangEN {
		return t.EN
	}
	return t.ZH
}

// LabelMap maps an enum value (as its string) to its label in both languages.
// The UI can reuse these maps for its own status columns.
type LabelMap map[string]Text

// Get returns the label of value in lang, or value itself when it is unknown,
// so a status added by the marketplace later still shows up readably.
func (m LabelMap) Get(lang Lang, value string) string {
	if t, ok := m[value]; ok {
		return t.In(lang)
	}
	return value
}

// Labels of the domain's enums, in Chinese as the seller center shows them.
var (
	OrderStatusLabels = LabelMap{
		"PROCESSING": {"处理中", "Processing"},
		"COMPLETED":  {"已完成", "Completed"},
		"CANCELLED":  {"已取消", "Cancelled"},
	}
	OrderTypeLabels = LabelMap{
		"NEW":             {"新购", "New purchase"},
		"RENEW":           {"续费", "Renewal"},
		"CHANGE":          {"变更/升级", "Change/upgrade"},
		"UNSUBSCRIBE":     {"退订", "Unsubscribe"},
		"TRIAL":           {"试用", "Trial"},
		"TRIAL_TO_FORMAL": {"试用转正", "Trial to formal"},
	}
	ChargingModeLabels = LabelMap{
		"PERIOD":        {"包周期", "Periodic"},
		"ONE_TIME":      {"按次", "One-time"},
		"ON_DEMAND":     {"按需", "On demand"},
		"ON_DEMAND_PKG": {"按需套餐包", "On-demand package"},
	}
	PeriodTypeLabels = LabelMap{
		"year":  {"年", "year"},
		"month": {"月", "month"},
		"day":   {"天", "day"},
	}
	BillStatusLabels = LabelMap{
		"PENDING_INVOICE":    {"待开票", "Pending invoice"},
		"INVOICE_REVIEW":     {"发票待审核", "Invoice under review"},
		"INVOICE_ERROR":      {"发票信息错误", "Invoice information error"},
		"INVOICE_APPROVED":   {"发票审核通过", "Invoice approved"},
		"PAYMENT_INFO_ERROR": {"支付信息错误", "Payment information error"},
		"PAYMENT_APP_FAILED": {"申付单创建失败", "Payment application failed"},
		"PAYMENT_REJECTED":   {"申请被驳回", "Payment application rejected"},
		"PAID":               {"已付款", "Paid"},
	}
	BillTypeLabels = LabelMap{
		"GENERAL": {"通用商品账单", "General goods"},
		"JOINT":   {"联营商品账单", "Joint operation"},
		"HUAWEI":  {"华为商品账单", "Huawei goods"},
	}
	TransactionStatusLabels = LabelMap{
		"UNBILLED": {"未出账", "Unbilled"},
		"BILLED":   {"已出账", "Billed"},
	}
	TicketStatusLabels = LabelMap{
		"PENDING_ACCEPT":    {"待受理", "Pending acceptance"},
		"PROCESSING":        {"处理中", "Processing"},
		"AWAITING_CUSTOMER": {"待客户反馈", "Awaiting customer"},
		"AWAITING_CONFIRM":  {"待确认结果", "Awaiting confirmation"},
		"COMPLETED":         {"已完成", "Completed"},
		"REVOKED":           {"已撤销", "Revoked"},
	}
	AlertStateLabels = LabelMap{
		"RETRYING":     {"自动重试中", "Retrying"},
		"FAILED":       {"重试已停止", "Failed"},
		"RESTARTING":   {"重新启动中", "Restarting"},
		"RESOLVED":     {"已恢复", "Resolved"},
		"UNSUBSCRIBED": {"已自动退订", "Unsubscribed"},
	}
	InterfaceKindLabels = LabelMap{
		"CREATE_INSTANCE": {"新购", "Create instance"},
		"UPGRADE":         {"变更/升级", "Upgrade"},
		"UPDATE_STATUS":   {"更新实例状态", "Update status"},
		"RENEW":           {"续费", "Renew"},
		"EXPIRE":          {"过期", "Expire"},
		"RELEASE":         {"释放", "Release"},
		"ORDER_NOTIFY":    {"订单通知", "Order notification"},
	}
	ProductKindLabels = LabelMap{
		"MANUAL_SERVICE": {"人工服务", "Manual service"},
		"SAAS_OFFLINE":   {"SaaS 线下交付", "SaaS (offline delivery)"},
		"HARDWARE":       {"硬件", "Hardware"},
		"ORCHESTRATION":  {"应用编排", "Orchestration"},
		"LICENSE":        {"License", "License"},
	}
	NodeLabels = LabelMap{
		"SUBMIT_REQUIREMENT":  {"用户提交需求", "User submits requirements"},
		"CONFIRM_REQUIREMENT": {"商家确认需求", "Merchant confirms requirements"},
		"DELIVER":             {"商家开通交付", "Merchant delivers"},
		"SHIP":                {"商家发货", "Merchant ships"},
		"IN_TRANSIT":          {"物流配送中", "In transit"},
		"CONFIRM_COMPLETION":  {"商家确认完成", "Merchant confirms completion"},
		"ACTIVATE_CODE":       {"激活码激活", "Code activation"},
		"UPLOAD_PROOF":        {"商家上传交付证明", "Merchant uploads proof"},
		"ACCEPTANCE":          {"用户确认验收", "User acceptance"},
		"DONE":                {"已完成", "Done"},
	}
	PartyLabels = LabelMap{
		"USER":       {"用户", "User"},
		"MERCHANT":   {"商家", "Merchant"},
		"OPERATIONS": {"运营经理", "Operations"},
		"SYSTEM":     {"系统", "System"},
	}
	AppealStatusLabels = LabelMap{
		"OPEN":     {"申诉中", "Open"},
		"UPHELD":   {"申诉成立", "Upheld"},
		"REJECTED": {"申诉驳回", "Rejected"},
	}
	// SLAStateLabels label the SLA states computed by SLAState.
	SLAStateLabels = LabelMap{
		SLARunning:  {"计时中", "Running"},
		SLAPaused:   {"已暂停", "Paused"},
		SLABreached: {"已超时", "Breached"},
		SLANone:     {"不适用", "n/a"},
	}
)

// Small words used in cells.
var (
	textYes  = Text{"是", "yes"}
	textNo   = Text{"否", "no"}
	textNone = Text{"无", "none"}
)

func yesNo(lang Lang, b bool) string {
	if b {
		return textYes.In(lang)
	}
	return textNo.In(lang)
}
