// Package kit holds the small pieces every part of the window uses: Do (the
// hand-over to Fyne's goroutine), Explain and ShowError (errors as what
// happened + what to do), date, money and duration formatting, the users'
// words for domain codes, and ApplyLanguage, which registers the i18n
// catalogues with Fyne's lang.
package kit
