package kit

import "fyne.io/fyne/v2"

// Do runs f on Fyne's goroutine; every goroutine of the ui packages hands
// its results over through it. Tests swap it for a queue the test goroutine
// drains (see ui/internal/uitest.NewLoop), because Fyne's test driver would
// otherwise run f on the calling goroutine, concurrently with the test's own
// widget calls.
var Do = fyne.Do
