package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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

func newStorePicker(c credentials.StoreChoice, changed func(config.KeyStore)) *storePicker {
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
		reason.Importance = widget.LowImportance
		if !o.Available {
			radio.Disable()
		}
		box.Add(container.NewBorder(nil, nil, nil, nil, container.NewVBox(radio, container.NewPadded(reason))))
	}
	why := widget.NewLabel(lang.L(c.Reason))
	why.Wrapping = fyne.TextWrapWord
	why.TextStyle = fyne.TextStyle{Italic: true}
	p.root = container.NewVBox(box, why)
	return p
}

// optionText is the option's reason, translated, and its detail.
func optionText(o credentials.StoreOption) string {
	text := lang.L(o.Reason)
	if o.Detail != "" {
		text += "\n" + o.Detail
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
