package notify

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/koogallery/merchant-console/i18n"
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

func TestEveryPhraseIsInBothCatalogues(t *testing.T) {
	// given every key the notification texts look up
	keys := []string{", ", "{{.List}}, …"}
	for _, p := range phrases {
		keys = append(keys, p.title, p.plural,
			p.body(event{left: time.Minute}), p.body(event{left: -time.Minute}))
	}

	// then each is translated in both languages, so no popup falls back to
	// the other language's words
	for _, k := range keys {
		for _, l := range i18n.Languages {
			assert.True(t, i18n.Has(l, k), "%s lacks %q", l, k)
		}
	}
}

func TestPluralBodiesUseEachLanguagesPunctuation(t *testing.T) {
	// given five new orders
	evs := []event{{ref: "CS1"}, {ref: "CS2"}, {ref: "CS3"}, {ref: "CS4"}, {ref: "CS5"}}

	// when worded as one notification
	zhTitle, zh := pluralText(LangZH, KindNewOrder, evs)
	enTitle, en := pluralText(LangEN, KindNewOrder, evs)

	// then each language counts and lists in its own way
	assert.Equal(t, "5 个新订单", zhTitle)
	assert.Equal(t, "CS1、CS2、CS3 等", zh)
	assert.Equal(t, "5 new orders", enTitle)
	assert.Equal(t, "CS1, CS2, CS3, …", en)
}
