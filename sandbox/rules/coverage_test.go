package rules

import (
	"math/rand/v2"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/koogallery/merchant-console/domain"
	"github.com/koogallery/merchant-console/marketapi"
)

// testStart is a fixed moment for the rules: 2026-11-02 10:00 CST.
var testStart = time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)

// goodParams are inputs every action accepts, so a refusal can only come
// from the record's state.
var goodParams = domain.ActionParams{Agent: "客服-甲", Message: "说明", Cause: "配置错误", Solution: "已修正",
	FileName: "验收报告.pdf", Tracking: "SF1234567890"}

// applyRule runs the rule for the record's kind, as the world does.
func applyRule(t *testing.T, r domain.Record, name domain.ActionName) (changed bool, rf *Refusal) {
	t.Helper()
	now := testStart
	switch v := r.(type) {
	case domain.Ticket:
		_, changed, rf = TicketAction(v, name, goodParams, now)
	case domain.SupervisionTask:
		_, changed, rf = SupervisionAction(v, name, goodParams, now)
	case domain.InterfaceAlert:
		_, changed, rf = RestartAlert(v, rand.New(rand.NewPCG(1, 2)), 1, now)
	default:
		t.Fatalf("no rule for %T", r)
	}
	return changed, rf
}

// statusRecords builds one record of the resource in every status of its
// kind; supervision gets one task per product kind and node of its flow.
func statusRecords(t *testing.T, k domain.Kind) []domain.Record {
	t.Helper()
	var out []domain.Record
	for _, code := range k.Codes() {
		switch k.Resource {
		case domain.ResTickets:
			out = append(out, domain.Ticket{Meta: domain.Meta{ID: "T1"}, Status: domain.TicketStatus(code)})
		case domain.ResAlerts:
			out = append(out, domain.InterfaceAlert{Meta: domain.Meta{ID: "A1"}, State: domain.AlertState(code)})
		case domain.ResSupervision:
			for _, pk := range domain.ProductKinds {
				task := domain.SupervisionTask{Meta: domain.Meta{ID: "S1"}, Kind: pk, Current: domain.Node(code)}
				if domain.Node(code) == domain.NodeDone || contains(task.Flow(), task.Current) {
					out = append(out, task)
				}
			}
		default:
			t.Fatalf("%s has actions but no records here", k.Resource)
		}
	}
	return out
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestEveryStatusHasTheDomainsSandboxRule(t *testing.T) {
	for _, k := range domain.Kinds() {
		acts := domain.ActionsFor(k.Resource)
		if len(acts) == 0 {
			continue // covered by TestKindsWithoutActionsRefuseEveryAction
		}
		for _, r := range statusRecords(t, k) {
			for _, name := range acts {
				// given a record in one status and an action of its kind
				// when the sandbox's rule is applied with good inputs
				changed, rf := applyRule(t, r, name)

				// then it is accepted exactly where the domain allows it
				if domain.Allows(r, name) {
					assert.Nil(t, rf, "%s %s: %s refused: %v", k.Resource, describe(r), name, rf)
					assert.True(t, changed, "%s %s: %s changed nothing", k.Resource, describe(r), name)
				} else {
					require.NotNil(t, rf, "%s %s: %s accepted though the domain forbids it", k.Resource, describe(r), name)
					assert.Equal(t, http.StatusConflict, rf.Status(), "%s %s: %s", k.Resource, describe(r), name)
				}
			}
		}
	}
}

func describe(r domain.Record) string {
	if t, ok := r.(domain.SupervisionTask); ok {
		return string(t.Kind) + "/" + string(t.Current)
	}
	return domain.StatusOf(r)
}

func TestTicketReplyIsRefusedWhileAwaitingTheCustomersConfirmation(t *testing.T) {
	// given a resolved ticket waiting for the customer to confirm the result
	tk := domain.Ticket{Meta: domain.Meta{ID: "T1"}, Status: domain.TicketAwaitingConfirm, Assignee: "客服-甲"}

	// when the agent replies
	_, changed, rf := TicketAction(tk, domain.ActTicketReply, goodParams, testStart)

	// then the sandbox refuses, as the window disables the reply box there
	require.NotNil(t, rf)
	assert.False(t, changed)
	assert.Equal(t, marketapi.ReasonInvalidState, rf.reason)
}

func TestLicenseRequirementCannotBeRejected(t *testing.T) {
	// given a License task at the merchant's confirmation: its flow has no requirement step
	task := domain.SupervisionTask{Meta: domain.Meta{ID: "S1"}, Kind: domain.KindLicense, Current: domain.NodeConfirmRequirement}

	// when the merchant rejects the requirement
	_, _, rf := SupervisionAction(task, domain.ActRejectRequirement, goodParams, testStart)

	// then it is refused, and the domain does not offer it either
	require.NotNil(t, rf)
	assert.Equal(t, marketapi.ReasonInvalidState, rf.reason)
	assert.NotContains(t, domain.Actions(task), domain.ActRejectRequirement)
}
