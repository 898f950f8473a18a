package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestEveryRuleHasTextsInBothLanguages(t *testing.T) {
	// given one event of every kind
	for _, kind := range AllKinds {
		ev := event{kind: kind, ref: "CS123", detail: "detail", left: 25 * time.Minute, at: noon}
		for _, lang := range []Lang{LangZH, LangEN} {
			// when it is worded alone and as a group of five
			title, body := singleText(lang, ev)
			plural, list := pluralText(lang, kind, []event{ev, ev, ev, ev, ev})

			// then both name what happened and the record
			assert.NotEmpty(t, title, "%s %s", kind, lang)
			assert.Contains(t, body, "CS123", "%s %s", kind, lang)
			assert.Contains(t, plural, "5", "%s %s", kind, lang)
			assert.True(t, strings.HasPrefix(list, "CS123"), "%s %s", kind, lang)
		}
	}
}

func TestSLATextOnceBreached(t *testing.T) {
	ev := event{kind: KindTicketSLA, ref: "无法登录", left: -5 * time.Minute}
	_, zh := singleText(LangZH, ev)
	_, en := singleText(LangEN, ev)
	assert.Equal(t, "「无法登录」已超过处理时限", zh)
	assert.Equal(t, "“无法登录”: SLA breached", en)
}

func TestSnippet(t *testing.T) {
	assert.Equal(t, "a b", snippet("  a \n b ", 10))
	assert.Equal(t, "订单已…", snippet("订单已经开通", 3))
}
