//go:build !smoke

package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	uishell "github.com/koogallery/merchant-console/ui/shell"
)

// How a launch child knows the Overview is on screen: the count texts of
// its to-do cards, a frame probe that fires when Fyne paints, and a grab
// of the X screen that confirms the counts are drawn.

// frameProbe is an invisible overlay whose raster generator Fyne calls
// when it paints the probe after a Refresh: the moment of the first frame
// drawn after arm.
type frameProbe struct {
	raster *canvas.Raster
	armed  atomic.Bool
	first  atomic.Int64 // Unix nanoseconds of the first paint of the probe
	frames chan time.Time
}

func newFrameProbe() *frameProbe {
	p := &frameProbe{frames: make(chan time.Time, 1)}
	clear := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	p.raster = canvas.NewRaster(func(int, int) image.Image {
		p.first.CompareAndSwap(0, time.Now().UnixNano())
		if p.armed.CompareAndSwap(true, false) {
			p.frames <- time.Now()
		}
		return clear
	})
	return p
}

// arm makes the next painted frame report; call it on Fyne's goroutine.
func (p *frameProbe) arm() {
	p.armed.Store(true)
	p.raster.Refresh() // drops the cached texture: the next paint regenerates it
}

// overviewCounts finds the four to-do counts of the Overview shown: the
// big bold texts of its cards. nil while the Overview is not shown or a
// count still shows its placeholder.
func overviewCounts(s *uishell.Shell) ([]*canvas.Text, []string) {
	if s.Current() != uishell.ScreenOverview {
		return nil, nil
	}
	scr, ok := s.ScreenFor(uishell.ScreenOverview)
	if !ok {
		return nil, nil
	}
	var texts []*canvas.Text
	walkObjects(scr.Object(), func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok && t.TextStyle.Bold && t.TextSize >= 2*theme.TextSize() {
			texts = append(texts, t)
		}
	})
	if len(texts) != 4 {
		return nil, nil
	}
	counts := make([]string, len(texts))
	for i, t := range texts {
		if strings.IndexFunc(t.Text, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
			return nil, nil // still the placeholder
		}
		counts[i] = t.Text
	}
	return texts, counts
}

// walkObjects visits o and, through containers, everything inside it. The
// cards are plain containers, so no widget renderer is needed.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			walkObjects(child, visit)
		}
	}
}

// countsOnScreen grabs the X screen (the GL front buffer reads back black
// under Xvfb) and checks every non-zero count is drawn where its text is:
// a count above zero is drawn in the theme's error colour, the "—"
// placeholder is not. The window sits at the screen's origin under a bare
// Xvfb; the position is taken from the window when a manager moved it.
func countsOnScreen(w fyne.Window, texts []*canvas.Text) error {
	var boxes []image.Rectangle
	var labels []string
	var red color.NRGBA
	var title string
	fyne.DoAndWait(func() {
		title = w.Title()
		red = color.NRGBAModel.Convert(theme.Color(theme.ColorNameError)).(color.NRGBA)
		scale := w.Canvas().Scale()
		drv := fyne.CurrentApp().Driver()
		for _, t := range texts {
			if t.Text == "0" {
				continue
			}
			p, sz := drv.AbsolutePositionForObject(t), t.Size()
			labels = append(labels, t.Text)
			boxes = append(boxes, image.Rect(int(p.X*scale), int(p.Y*scale), int((p.X+sz.Width)*scale), int((p.Y+sz.Height)*scale)))
		}
	})
	out, err := exec.Command("import", "-window", "root", "png:-").Output()
	if err != nil {
		return fmt.Errorf("grab the X screen with ImageMagick's import: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return fmt.Errorf("decode the screen grab: %w", err)
	}
	origin := windowOrigin(title)
	for i, box := range boxes {
		box = box.Add(origin)
		if n := colouredPixels(img, box.Intersect(img.Bounds()), red); n < 20 {
			return fmt.Errorf("the count %q is not on the screen: %d pixels of its colour in %v", labels[i], n, box)
		}
	}
	return nil
}

// windowOrigin is where the X server placed the window titled title on
// the screen (the first window is smaller than Xvfb's screen and need not
// sit at its corner), from xwininfo; the corner when it cannot tell.
func windowOrigin(title string) image.Point {
	out, err := exec.Command("xwininfo", "-name", title).Output()
	if err != nil {
		return image.Point{}
	}
	var p image.Point
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, "Absolute upper-left X:"); ok {
			p.X, _ = strconv.Atoi(strings.TrimSpace(v))
		}
		if v, ok := strings.CutPrefix(line, "Absolute upper-left Y:"); ok {
			p.Y, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return p
}

// colouredPixels counts pixels in box of want's colour, as drawn or as
// dimmed by a modal dialog's shade over the window (the first start asks
// for the agent's name): want scaled by one factor, within a small distance.
func colouredPixels(img image.Image, box image.Rectangle, want color.NRGBA) int {
	near := func(a, b float64) bool { return a-b <= 24 && b-a <= 24 }
	n := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			f := float64(c.R) / float64(max(want.R, 1))
			if f >= 0.4 && f <= 1.1 && near(float64(c.G), f*float64(want.G)) && near(float64(c.B), f*float64(want.B)) {
				n++
			}
		}
	}
	return n
}
