package rules

import (
	"slices"
	"strings"
	"time"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// NextNode is the node after n in the task's flow (DONE stays DONE).
func NextNode(t domain.SupervisionTask) domain.Node {
	flow := t.Flow()
	i := slices.Index(flow, t.Current)
	if i < 0 || i+1 >= len(flow) {
		return domain.NodeDone
	}
	return flow[i+1]
}

// MoveTo records the step just taken and enters the next node.
func MoveTo(t *domain.SupervisionTask, next domain.Node, by domain.Party, action, note string, now time.Time) {
	t.History = append(slices.Clip(t.History), domain.NodeEvent{Node: t.Current, By: by, Action: action, Note: note, At: now})
	t.Current, t.NodeEnteredAt = next, now
}

// SupervisionAction applies a merchant action to a task by the flow's
// rules: which node allows which action is the domain's (domain.Allows).
func SupervisionAction(t domain.SupervisionTask, name domain.ActionName, p domain.ActionParams, now time.Time) (domain.SupervisionTask, bool, *Refusal) {
	if t.Frozen() {
		if name == domain.ActAppeal {
			return t, false, Refuse(marketapi.ReasonFlowFrozen, "已有申诉在处理中 / an appeal is already open")
		}
		return t, false, Refuse(marketapi.ReasonFlowFrozen, "申诉处理中，流程已冻结 / an open appeal freezes the flow")
	}
	if !domain.Allows(t, name) {
		return t, false, invalidState(t.Current, name)
	}
	by := domain.PartyMerchant
	switch name {
	case domain.ActAppeal:
		return appealTask(t, p, now)
	case domain.ActRejectRequirement:
		t.Rejections++
		MoveTo(&t, domain.NodeSubmitRequirement, by, string(name), p.Message, now)
	case domain.ActUploadReport:
		if strings.TrimSpace(p.FileName) == "" {
			return t, false, BadParam("上传报告需要 fileName / upload-report needs fileName")
		}
		t.ReportName = p.FileName
		MoveTo(&t, NextNode(t), by, string(name), p.FileName, now)
	case domain.ActShip:
		if strings.TrimSpace(p.Tracking) == "" {
			return t, false, BadParam("发货需要 tracking / ship needs tracking")
		}
		MoveTo(&t, NextNode(t), by, string(name), p.Tracking, now)
	default:
		MoveTo(&t, NextNode(t), by, string(name), p.Message, now)
	}
	return t, true, nil
}

func appealTask(t domain.SupervisionTask, p domain.ActionParams, now time.Time) (domain.SupervisionTask, bool, *Refusal) {
	reason := strings.TrimSpace(p.Message)
	if reason == "" {
		return t, false, BadParam("申诉需要理由 message / appeal needs a reason in message")
	}
	t.Appeal = &domain.Appeal{By: domain.PartyMerchant, Reason: reason, OpenedAt: now, Status: domain.AppealOpen}
	return t, true, nil
}
