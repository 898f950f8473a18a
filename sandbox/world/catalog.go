package world

import "github.com/koogallery/merchant-console/domain"

// product is one item of an account's catalog.
type product struct {
	id, sku, name string
	kind          domain.ProductKind // empty for SaaS opened online (no supervision)
	license       bool
	price         domain.Money // list price of one unit
	modes         []domain.ChargingMode
	delegated     bool // China site: delegated to the sub-account
	share         float64
}

func (p product) supervised() bool { return p.kind != "" }

var periodModes = []domain.ChargingMode{domain.ChargePeriod, domain.ChargePeriod, domain.ChargeOnDemand, domain.ChargeOnDemandPack}

func chinaCatalog() []product {
	return []product{
		{id: "OFFI01-SAAS-WEB", sku: "SKU-CN-1001", name: "云速建站 SaaS 企业版", price: 298000, modes: periodModes, share: 0.8},
		{id: "OFFI02-SAAS-BOT", sku: "SKU-CN-1002", name: "智能客服机器人 SaaS", price: 129900, modes: periodModes, delegated: true, share: 0.8},
		{id: "OFFI03-LIC-DBA", sku: "SKU-CN-1003", name: "数据库审计系统 License 版", kind: domain.KindLicense, license: true, price: 1580000,
			modes: []domain.ChargingMode{domain.ChargeOneTime, domain.ChargePeriod}, share: 0.75},
		{id: "OFFI04-SVC-DJB", sku: "SKU-CN-1004", name: "等保2.0合规咨询服务", kind: domain.KindManualService, price: 3600000,
			modes: []domain.ChargingMode{domain.ChargeOneTime}, delegated: true, share: 0.7},
		{id: "OFFI05-HW-EDGE", sku: "SKU-CN-1005", name: "边缘计算一体机 E200", kind: domain.KindHardware, price: 4999900,
			modes: []domain.ChargingMode{domain.ChargeOneTime}, share: 0.85},
		{id: "OFFI06-ORC-K8S", sku: "SKU-CN-1006", name: "容器应用一键部署（应用编排）", kind: domain.KindOrchestration, price: 88000,
			modes: []domain.ChargingMode{domain.ChargeOneTime, domain.ChargePeriod}, share: 0.8},
		{id: "OFFI07-SAAS-ERP", sku: "SKU-CN-1007", name: "ERP 实施服务（SaaS 线下交付）", kind: domain.KindSaaSOffline, price: 2000000,
			modes: []domain.ChargingMode{domain.ChargePeriod}, share: 0.75},
		{id: "OFFI08-SAAS-MTG", sku: "SKU-CN-1008", name: "视频会议 SaaS 专业版", price: 59900, modes: periodModes, share: 0.8},
	}
}

func intlCatalog() []product {
	return []product{
		{id: "INTL01-SAAS-DESK", sku: "SKU-IN-2001", name: "CloudDesk SaaS Pro", price: 4900, modes: periodModes, share: 0.8},
		{id: "INTL02-LIC-VAULT", sku: "SKU-IN-2002", name: "SecureVault License", kind: domain.KindLicense, license: true, price: 129900,
			modes: []domain.ChargingMode{domain.ChargeOneTime}, share: 0.75},
		{id: "INTL03-SVC-MIGR", sku: "SKU-IN-2003", name: "Cloud Migration Consulting", kind: domain.KindManualService, price: 500000,
			modes: []domain.ChargingMode{domain.ChargeOneTime}, share: 0.7},
		{id: "INTL04-HW-EDGE", sku: "SKU-IN-2004", name: "EdgeBox X1 Appliance", kind: domain.KindHardware, price: 699900,
			modes: []domain.ChargingMode{domain.ChargeOneTime}, share: 0.85},
		{id: "INTL05-ORC-FLOW", sku: "SKU-IN-2005", name: "DataFlow Orchestrator", kind: domain.KindOrchestration, price: 19900,
			modes: []domain.ChargingMode{domain.ChargeOneTime, domain.ChargePeriod}, share: 0.8},
	}
}

var cnCities = []string{"北京", "上海", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州", "广州", "重庆", "天津", "长沙", "合肥", "厦门"}
var cnCores = []string{"云帆", "智联", "星河", "数擎", "汇通", "博远", "启明", "天衡", "鼎盛", "嘉和", "青禾", "瀚海", "众创", "恒信", "睿达", "中科", "华拓", "易联"}
var cnTrades = []string{"科技", "信息技术", "网络科技", "数据服务", "软件", "教育科技", "医疗科技", "智能制造", "电子商务", "物流"}
var cnForms = []string{"有限公司", "股份有限公司", "有限责任公司"}

// oddCustomers are names that break careless code: emoji, quotes, very long
// names and strings a spreadsheet would run as formulas.
var oddCustomers = []string{
	"🚀 火箭云科技有限公司",
	`上海"引号"与'单引号'贸易有限公司`,
	"=cmd|' /C calc'!A0",
	"+SUM(1,1) 科技",
	"@HYPERLINK(\"http://x\")",
	"-2+3 数据有限公司",
	"北京市海淀区中关村大街一号院某某某某某某某某某某某某某某某某某某某某某某人工智能与大数据应用联合创新研究中心有限责任公司第一分公司",
	"Tab\t与换行\n公司",
}

var enFirst = []string{"Northwind", "Bluepeak", "Quantis", "Harbor", "Vertex", "Orchid", "Sable", "Kestrel", "Meridian", "Atlas", "Juniper", "Cobalt"}
var enSecond = []string{"Analytics", "Systems", "Labs", "Logistics", "Retail", "Health", "Capital", "Media", "Robotics", "Foods"}
var enForms = []string{"Ltd", "Pte. Ltd.", "GmbH", "S.A.", "Inc.", "Sdn. Bhd."}

var cnSubjects = []string{"无法登录管理后台", "开通后收不到激活邮件", "发票抬头需要修改", "接口调用返回 000005", "如何续费并保留数据",
	"License 激活码无效", "设备到货后无法开机", "需求确认后多久交付？", "申请退订并退款", "账号权限如何分配给子用户"}
var enSubjects = []string{"Cannot log in to the console", "Activation e-mail never arrived", "Need a VAT invoice", "API returns 000005",
	"How to renew without losing data", "License key rejected", "Appliance does not boot", "Delivery timeline?", "Refund request"}
var cnReplies = []string{"您好，我们已收到您的问题，正在排查。", "请提供一下报错截图和实例ID。", "已为您重置，请再试一次。", "该问题已在新版本修复。"}
var enReplies = []string{"Thanks, we are looking into it.", "Could you send a screenshot and the instance ID?", "We reset it, please retry.", "Fixed in the latest release."}
var cnCustomerReplies = []string{"好的，截图已上传。", "还是不行，报同样的错误。", "可以了，谢谢！", "请尽快处理，业务受影响。"}
var enCustomerReplies = []string{"Screenshot attached.", "Still failing with the same error.", "Works now, thanks!", "Please hurry, this blocks us."}
