package chart

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Palette is the Okabe-Ito set: told apart with the common colour-vision
// deficiencies. Outlets beyond it cycle.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

func esc(s string) string { return html.EscapeString(s) }

// Day parses a date as stated ("2024-11-22", "2024-11", "2024") into the
// day it stands for: the middle of a month or a year when only that is
// known. ok is false for anything else.
func Day(s string) (t time.Time, ok bool) {
	for _, l := range []struct {
		layout string
		mid    time.Duration
	}{{"2006-01-02", 0}, {"2006-01", 14 * 24 * time.Hour}, {"2006", 182 * 24 * time.Hour}} {
		if len(s) >= len(l.layout) {
			if t, err := time.Parse(l.layout, s[:len(l.layout)]); err == nil && len(s) == len(l.layout) {
				return t.Add(l.mid), true
			}
		}
	}
	if len(s) > 10 { // a timestamp
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Point is how many articles one outlet published one day.
type Point struct {
	Date   string
	Outlet string
	N      int
}

type dayCount struct {
	day     time.Time
	outlets map[string]int
	total   int
}

// days groups points by day, dated ones in order; undated counts apart.
func days(points []Point) ([]dayCount, int) {
	by := map[time.Time]*dayCount{}
	undated := 0
	for _, p := range points {
		d, ok := Day(p.Date)
		if !ok {
			undated += p.N
			continue
		}
		d = d.Truncate(24 * time.Hour)
		c := by[d]
		if c == nil {
			c = &dayCount{day: d, outlets: map[string]int{}}
			by[d] = c
		}
		c.outlets[p.Outlet] += p.N
		c.total += p.N
	}
	out := make([]dayCount, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].day.Before(out[j].day) })
	return out, undated
}

// Coverage draws the articles per day, stacked by outlet, with a legend.
func Coverage(title string, points []Point) string {
	ds, undated := days(points)
	outletN := map[string]int{}
	for _, p := range points {
		if _, ok := Day(p.Date); ok {
			outletN[p.Outlet] += p.N
		}
	}
	outlets := make([]string, 0, len(outletN))
	for o := range outletN {
		outlets = append(outlets, o)
	}
	sort.Slice(outlets, func(i, j int) bool {
		if outletN[outlets[i]] != outletN[outlets[j]] {
			return outletN[outlets[i]] > outletN[outlets[j]]
		}
		return outlets[i] < outlets[j]
	})
	color := map[string]string{}
	for i, o := range outlets {
		color[o] = Palette[i%len(Palette)]
	}
	const w, plotH, left, right, top = 640.0, 160.0, 40.0, 10.0, 10.0
	legendRows := (len(outlets) + 2) / 3
	h := top + plotH + 30 + float64(legendRows)*18 + 10
	var b strings.Builder
	desc := fmt.Sprintf("%d articles on %d days", total(ds), len(ds))
	if undated > 0 {
		desc += fmt.Sprintf(", %d undated", undated)
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart coverage" viewBox="0 0 %g %g" role="img" aria-labelledby="cov-t cov-d">`, w, h)
	fmt.Fprintf(&b, `<title id="cov-t">%s</title><desc id="cov-d">%s</desc>`, esc(title), esc(desc))
	if len(ds) == 0 {
		fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="13" fill="#333">No dated article%s</text></svg>`, left, top+20, map[bool]string{true: fmt.Sprintf(" (%d undated)", undated)}[undated > 0])
		return b.String()
	}
	first, last := ds[0].day, ds[len(ds)-1].day
	span := int(last.Sub(first).Hours()/24) + 1
	maxN := 0
	for _, d := range ds {
		maxN = max(maxN, d.total)
	}
	plotW := w - left - right
	bw := plotW / float64(span)
	y := func(n float64) float64 { return top + plotH - n/float64(maxN)*plotH }
	// axis: 0 and the largest count
	fmt.Fprintf(&b, `<g class="axis" font-size="11" fill="#333"><line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#555"/>`, left, top+plotH, w-right, top+plotH)
	for _, n := range ticks(maxN) {
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="end">%d</text><line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#ddd"/>`, left-4, y(float64(n))+4, n, left, y(float64(n)), w-right, y(float64(n)))
	}
	for _, t := range dateTicks(first, last) {
		x := left + (float64(int(t.Sub(first).Hours()/24))+0.5)*bw
		fmt.Fprintf(&b, `<text x="%g" y="%g" text-anchor="middle">%s</text>`, x, top+plotH+14, t.Format("2006-01-02"))
	}
	b.WriteString(`</g><g class="bars">`)
	for _, d := range ds {
		x := left + float64(int(d.day.Sub(first).Hours()/24))*bw
		acc := 0
		for _, o := range outlets {
			n := d.outlets[o]
			if n == 0 {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s: %s, %d article%s</title></rect>`,
				x+bw*0.1, y(float64(acc+n)), math.Max(bw*0.8, 1), y(float64(acc))-y(float64(acc+n)), color[o], d.day.Format("2006-01-02"), esc(dash(o)), n, plural(n))
			acc += n
		}
	}
	b.WriteString(`</g><g class="legend" font-size="12" fill="#222">`)
	for i, o := range outlets {
		lx := left + float64(i%3)*(plotW/3)
		ly := top + plotH + 34 + float64(i/3)*18
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="10" height="10" fill="%s"/><text x="%g" y="%g">%s (%d)</text>`, lx, ly-9, color[o], lx+14, ly, esc(truncate(dash(o), 28)), outletN[o])
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// Sparkline draws the articles per day as a small bar strip.
func Sparkline(label string, points []Point) string {
	ds, _ := days(points)
	const w, h = 120.0, 24.0
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart spark" width="%g" height="%g" viewBox="0 0 %g %g" role="img" aria-label="%s">`, w, h, w, h, esc(label))
	fmt.Fprintf(&b, `<title>%s</title>`, esc(label))
	if len(ds) > 0 {
		first, last := ds[0].day, ds[len(ds)-1].day
		span := int(last.Sub(first).Hours()/24) + 1
		maxN := 0
		for _, d := range ds {
			maxN = max(maxN, d.total)
		}
		bw := w / float64(span)
		for _, d := range ds {
			x := float64(int(d.day.Sub(first).Hours()/24)) * bw
			bh := math.Max(2, float64(d.total)/float64(maxN)*(h-2))
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#0072B2"/>`, x, h-bh, math.Max(bw-0.5, 1), bh)
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func total(ds []dayCount) int {
	n := 0
	for _, d := range ds {
		n += d.total
	}
	return n
}

// ticks are up to five round counts from 0 to max.
func ticks(maxN int) []int {
	step := 1
	for k := 0; maxN/step > 4; k++ {
		step = []int{1, 2, 5}[(k+1)%3] * pow10((k+1)/3)
	}
	var out []int
	for n := 0; n <= maxN; n += step {
		out = append(out, n)
	}
	return out
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// dateTicks are up to five dates spread from first to last.
func dateTicks(first, last time.Time) []time.Time {
	days := int(last.Sub(first).Hours()/24) + 1
	n := min(5, days)
	out := []time.Time{first}
	for i := 1; i < n; i++ {
		out = append(out, first.Add(time.Duration(i*(days-1)/(n-1))*24*time.Hour))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Num writes a figure's value for a reader: 12000 as "12,000".
func Num(v float64) string {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(v)), 10)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
