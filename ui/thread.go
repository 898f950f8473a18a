package ui

import "fyne.io/fyne/v2"

// uiDo runs f on Fyne's goroutine; every goroutine in this package hands
// its results over through it. Tests swap it for a queue the test goroutine
// drains (see newTestLoop), because Fyne's test driver would otherwise run
// f on the calling goroutine, concurrently with the test's own widget calls.
var uiDo = fyne.Do
