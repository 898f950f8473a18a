package settings

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/koogallery/merchant-console/config"
	"github.com/koogallery/merchant-console/credentials"
)

// storeLabel names a key store for people.
func storeLabel(store string) string {
	switch config.KeyStore(store) {
	case config.KeyStoreKeyring:
		return lang.L("System keyring")
	case config.KeyStoreFile:
		return lang.L("Encrypted file")
	case config.KeyStoreEnv:
		return lang.L("Environment variables")
	}
	return lang.L("System keyring, else environment variables")
}

// storePicker shows every key store as a radio choice with its reason
// sentence and detail; stores that do not work here are greyed out. One
// radio group per store, because a group cannot disable a single option.
type storePicker struct {
	radios   map[config.KeyStore]*widget.RadioGroup
	selected config.KeyStore
	changed  func(config.KeyStore)
	root     fyne.CanvasObject
}

// newStorePicker lists c's options; why says why the preselected one is.
func newStorePicker(c credentials.StoreChoice, why string, changed func(config.KeyStore)) *storePicker {
	p := &storePicker{radios: map[config.KeyStore]*widget.RadioGroup{}, changed: changed}
	box := container.NewVBox()
	for _, o := range c.Options {
		store := o.Store
		radio := widget.NewRadioGroup([]string{storeLabel(string(store))}, nil)
		radio.Required = true // tapping the chosen store again keeps it
		radio.OnChanged = func(v string) {
			if v != "" {
				p.choose(store)
			}
		}
		p.radios[store] = radio
		reason := widget.NewLabel(optionText(o))
		reason.Wrapping = fyne.TextWrapWord
		if !o.Available {
			radio.Disable()
			reason.Importance = widget.LowImportance // greyed like its radio
		}
		indent := canvas.NewRectangle(color.Transparent)
		indent.SetMinSize(fyne.NewSize(theme.IconInlineSize(), 0))
		box.Add(container.NewVBox(radio, container.NewBorder(nil, nil, indent, nil, reason)))
	}
	because := widget.NewLabel(why)
	because.Wrapping = fyne.TextWrapWord
	because.TextStyle = fyne.TextStyle{Italic: true}
	p.root = container.NewVBox(because, box) // why first: it is read before the options
	return p
}

// optionText is the option's reason, translated, and its detail: a
// path, a masked AK, or what the keyring answered (without the sentence
// that only repeats the reason).
func optionText(o credentials.StoreOption) string {
	text := lang.L(o.Reason)
	if d := strings.TrimPrefix(o.Detail, credentials.ErrNoKeyring.Error()+": "); d != "" {
		text += "\n" + d
	}
	return text
}

// choose selects store and clears the others.
func (p *storePicker) choose(store config.KeyStore) {
	if p.selected == store {
		return
	}
	p.selected = store
	for s, r := range p.radios {
		if s == store {
			r.SetSelected(r.Options[0])
		} else {
			r.SetSelected("")
		}
	}
	if p.changed != nil {
		p.changed(store)
	}
}

// enabled reports whether store can be chosen here.
func (p *storePicker) enabled(store config.KeyStore) bool {
	r, ok := p.radios[store]
	return ok && !r.Disabled()
}
