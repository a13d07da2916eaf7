package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
)

// Mark is one claim on a timeline.
type Mark struct {
	ID        string // the claim's id: the mark links to #claim-ID, its evidence
	Date      string // as stated or estimated
	Estimated bool   // the date is estimated: drawn hollow-edged with its range
	DateLow   string
	DateHigh  string
	Value     *float64
	Low       *float64
	High      *float64
	Bound     dossier.Bound
	Modality  dossier.Modality
	Source    string // the independent source, relays folded
	Outlet    string
	Text      string // the figure's words
	// RelayOf is the id of the claim this one relays: drawn small, joined
	// to it, the two counted as one source.
	RelayOf string
	// Contradicts are the ids of claims this one contradicts.
	Contradicts []string
}

// Projection tells whether a claim is about what may be rather than what
// is: possible, planned or expected figures never contradict facts.
func Projection(m dossier.Modality) bool {
	return m == dossier.ModalityPossible || m == dossier.ModalityPlanned || m == dossier.ModalityExpected
}

// interval is where a mark's number lies; open says an end is unbounded.
func (m Mark) interval() (lo, hi float64, openLo, openHi, ok bool) {
	v := func(p *float64) (float64, bool) {
		if p == nil {
			return 0, false
		}
		return *p, true
	}
	val, hasV := v(m.Value)
	l, hasL := v(m.Low)
	h, hasH := v(m.High)
	switch m.Bound {
	case dossier.BoundAtLeast, dossier.BoundMoreThan:
		if !hasL {
			l, hasL = val, hasV
		}
		return l, l, false, true, hasL
	case dossier.BoundAtMost, dossier.BoundLessThan:
		if !hasH {
			h, hasH = val, hasV
		}
		return h, h, true, false, hasH
	}
	if hasL && hasH {
		return l, h, false, false, true
	}
	if hasV {
		return val, val, false, false, true
	}
	return 0, 0, false, false, false
}

// shape of a modality's marker: facts filled circles, estimates filled
// diamonds, projections hollow triangles, unconfirmed hollow circles,
// denied crosses.
func marker(b *strings.Builder, m dossier.Modality, x, y, r float64, color string) {
	switch {
	case m == dossier.ModalityEstimate:
		fmt.Fprintf(b, `<path d="M%.1f %.1fl%.1f %.1fl%.1f %.1fl%.1f %.1fz" fill="%s" stroke="#fff"/>`, x, y-r*1.3, r*1.3, r*1.3, -r*1.3, r*1.3, -r*1.3, -r*1.3, color)
	case Projection(m):
		fmt.Fprintf(b, `<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fz" fill="#fff" stroke="%s" stroke-width="2"/>`, x, y-r*1.2, x+r*1.1, y+r*0.8, x-r*1.1, y+r*0.8, color)
	case m == dossier.ModalityDenied:
		fmt.Fprintf(b, `<path d="M%.1f %.1fl%.1f %.1fM%.1f %.1fl%.1f %.1f" stroke="%s" stroke-width="2.5"/>`, x-r, y-r, 2*r, 2*r, x-r, y+r, 2*r, -2*r, color)
	case m == dossier.ModalityUnconfirmed:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#fff" stroke="%s" stroke-width="2"/>`, x, y, r, color)
	default:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#fff"/>`, x, y, r, color)
	}
}

const (
	factColor = "#0072B2"
	projColor = "#E69F00"
	contraRed = "#C0392B"
)

// Timeline draws a series: each claim a mark at its date and value (a bar
// over its interval for bounds, ranges and vague amounts), facts and
// estimates in the upper lane, projections apart in the lower one, relays
// joined small to what they relay, contradictions joined by a red line.
// Each mark is a link to #claim-ID with its evidence in a <title>.
func Timeline(title string, marks []Mark) string {
	type placed struct {
		Mark
		x, ylo, yhi, y float64
		openLo, openHi bool
		proj           bool
	}
	var lo, hi = math.Inf(1), math.Inf(-1)
	var first, last time.Time
	n := 0
	for _, m := range marks {
		l, h, _, _, ok := m.interval()
		d, dok := Day(m.Date)
		if !ok || !dok {
			continue
		}
		lo, hi = math.Min(lo, l), math.Max(hi, h)
		if n == 0 || d.Before(first) {
			first = d
		}
		if n == 0 || d.After(last) {
			last = d
		}
		n++
	}
	const w, left, right, top, laneH, gap = 680.0, 70.0, 20.0, 24.0, 170.0, 34.0
	h := top + laneH + gap + laneH + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" viewBox="0 0 %g %g" role="group" aria-labelledby="tl-t tl-d">`, w, h)
	fmt.Fprintf(&b, `<title id="tl-t">%s</title><desc id="tl-d">%d claims on a timeline; facts and estimates above, projections below; bars show intervals, red lines contradictions.</desc>`, esc(title), len(marks))
	if n == 0 {
		fmt.Fprintf(&b, `<text x="%g" y="%g" font-size="13">No dated claim with a number</text></svg>`, left, top+20)
		return b.String()
	}
	log := lo > 0 && hi/lo > 30
	pad := 0.08
	var ymin, ymax float64
	if log {
		ymin, ymax = math.Log10(lo), math.Log10(hi)
	} else {
		ymin, ymax = math.Min(0, lo), hi
	}
	if ymax == ymin {
		ymax, ymin = ymax+1, ymin-1
	}
	ymin, ymax = ymin-(ymax-ymin)*pad, ymax+(ymax-ymin)*pad
	if !log && lo >= 0 {
		ymin = math.Max(ymin, 0)
	}
	yOf := func(v float64, lane int) float64 {
		t := v
		if log {
			t = math.Log10(math.Max(v, math.Pow(10, ymin)))
		}
		base := top + float64(lane)*(laneH+gap)
		return base + laneH - (t-ymin)/(ymax-ymin)*laneH
	}
	span := last.Sub(first)
	if span < 24*time.Hour {
		first, last = first.Add(-48*time.Hour), last.Add(48*time.Hour)
		span = last.Sub(first)
	}
	xOf := func(d time.Time) float64 {
		return left + 10 + float64(d.Sub(first))/float64(span)*(w-left-right-20)
	}
	// lanes, axes and value ticks
	for lane, name := range []string{"Facts and estimates", "Projections: possible, planned, expected"} {
		base := top + float64(lane)*(laneH+gap)
		fmt.Fprintf(&b, `<g class="lane" font-size="11" fill="#333"><rect x="%g" y="%g" width="%g" height="%g" fill="%s"/><text x="%g" y="%g" font-weight="bold">%s</text>`,
			left, base, w-left-right, laneH, []string{"#f4f8fb", "#fdf6ec"}[lane], left+4, base-6, esc(name))
		for _, v := range valueTicks(ymin, ymax, log) {
			y := yOf(v, lane)
			fmt.Fprintf(&b, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="#ddd"/><text x="%g" y="%.1f" text-anchor="end">%s</text>`, left, y, w-right, y, left-4, y+4, esc(short(v)))
		}
		b.WriteString(`</g>`)
	}
	axisY := top + 2*laneH + gap
	fmt.Fprintf(&b, `<g class="axis" font-size="11" fill="#333">`)
	for _, t := range dateTicks(first, last) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle">%s</text>`, xOf(t), axisY+16, t.Format("2006-01-02"))
	}
	b.WriteString(`</g>`)
	// place the marks; claims of one day spread a little so none hides another
	var ps []placed
	byID := map[string]int{}
	sameDay := map[string]int{}
	sorted := append([]Mark(nil), marks...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Date < sorted[j].Date })
	for _, m := range sorted {
		l, hv, ol, oh, ok := m.interval()
		d, dok := Day(m.Date)
		if !ok || !dok {
			continue
		}
		lane := 0
		proj := Projection(m.Modality)
		if proj {
			lane = 1
		}
		key := fmt.Sprint(lane, d.Format("2006-01-02"))
		k := sameDay[key]
		sameDay[key]++
		x := xOf(d) + float64((k+1)/2)*7*float64(1-2*(k%2))
		p := placed{Mark: m, x: x, ylo: yOf(l, lane), yhi: yOf(hv, lane), openLo: ol, openHi: oh, proj: proj}
		p.y = (p.ylo + p.yhi) / 2
		if ol {
			p.y = p.yhi
		}
		if oh {
			p.y = p.ylo
		}
		byID[m.ID] = len(ps)
		ps = append(ps, p)
	}
	// relays and contradictions under the marks
	b.WriteString(`<g class="links">`)
	pairs := map[[2]string]bool{}
	for _, p := range ps {
		if i, ok := byID[p.RelayOf]; ok && p.RelayOf != "" {
			q := ps[i]
			fmt.Fprintf(&b, `<line class="relay" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#777" stroke-dasharray="2 3"><title>%s relays the report of %s: one source</title></line>`,
				q.x, q.y, p.x, p.y, esc(dash(p.Outlet)), esc(dash(q.Source)))
		}
		for _, c := range p.Contradicts {
			pair := [2]string{min(c, p.ID), max(c, p.ID)}
			if i, ok := byID[c]; ok && !pairs[pair] {
				pairs[pair] = true
				q := ps[i]
				fmt.Fprintf(&b, `<line class="contradiction" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2" stroke-dasharray="6 3"><title>contradiction: %s against %s</title></line>`,
					q.x, q.y, p.x, p.y, contraRed, esc(q.Text), esc(p.Text))
			}
		}
	}
	b.WriteString(`</g><g class="marks">`)
	contradicted := map[string]bool{}
	for _, p := range ps {
		for _, c := range p.Contradicts {
			contradicted[c], contradicted[p.ID] = true, true
		}
	}
	for _, p := range ps {
		color := factColor
		if p.proj {
			color = projColor
		}
		label := describe(p.Mark)
		fmt.Fprintf(&b, `<a class="mark" href="#claim-%s" data-claim="%s" aria-label="%s"><g><title>%s</title>`, esc(p.ID), esc(p.ID), esc(label), esc(label))
		if p.ylo != p.yhi || p.openLo || p.openHi {
			y1, y2 := p.yhi, p.ylo
			if p.openHi {
				y1 = p.ylo - 28
			}
			if p.openLo {
				y2 = p.yhi + 28
			}
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="4" stroke-opacity="0.45" stroke-linecap="round"/>`, p.x, y1, p.x, y2, color)
			if p.openHi {
				fmt.Fprintf(&b, `<path d="M%.1f %.1fl-5 7h10z" fill="%s" fill-opacity="0.6"/>`, p.x, y1-6, color)
			}
			if p.openLo {
				fmt.Fprintf(&b, `<path d="M%.1f %.1fl-5 -7h10z" fill="%s" fill-opacity="0.6"/>`, p.x, y2+6, color)
			}
		}
		r := 6.0
		if p.RelayOf != "" {
			r = 4
		}
		if contradicted[p.ID] {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="%s" stroke-width="2"/>`, p.x, p.y, r+4, contraRed)
		}
		if p.Estimated {
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="1 2"/>`, p.x-10, p.y+r+3, p.x+10, p.y+r+3, color)
		}
		marker(&b, p.Modality, p.x, p.y, r, color)
		b.WriteString(`</g></a>`)
	}
	b.WriteString(`</g>`)
	// legend
	ly := h - 8
	fmt.Fprintf(&b, `<g class="legend" font-size="11" fill="#222">`)
	lx := left
	for _, l := range []struct {
		m    dossier.Modality
		name string
	}{{dossier.ModalityFact, "fact"}, {dossier.ModalityEstimate, "estimate"}, {dossier.ModalityPlanned, "projection"}, {dossier.ModalityUnconfirmed, "unconfirmed"}, {dossier.ModalityDenied, "denied"}} {
		c := factColor
		if Projection(l.m) {
			c = projColor
		}
		marker(&b, l.m, lx+6, ly-4, 5, c)
		fmt.Fprintf(&b, `<text x="%g" y="%g">%s</text>`, lx+15, ly, l.name)
		lx += 88
	}
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="2" stroke-dasharray="6 3"/><text x="%g" y="%g">contradiction</text>`, lx, ly-4, lx+18, ly-4, contraRed, lx+22, ly)
	b.WriteString(`</g></svg>`)
	return b.String()
}

// describe is a mark's label: what it says, who says it, when.
func describe(m Mark) string {
	var parts []string
	parts = append(parts, fmt.Sprintf("%q", m.Text))
	if m.Value != nil || m.Low != nil {
		parts = append(parts, ValueText(m.Value, m.Low, m.High, m.Bound))
	}
	parts = append(parts, string(m.Modality))
	if m.Source != "" {
		parts = append(parts, "source: "+m.Source)
	}
	if m.Outlet != "" {
		parts = append(parts, m.Outlet)
	}
	d := m.Date
	if m.Estimated {
		d = "about " + d
		if m.DateLow != "" && m.DateHigh != "" {
			d += " (" + m.DateLow + ".." + m.DateHigh + ")"
		}
	}
	parts = append(parts, d)
	if m.RelayOf != "" {
		parts = append(parts, "relays "+m.RelayOf)
	}
	if len(m.Contradicts) > 0 {
		parts = append(parts, "contradicts "+strings.Join(m.Contradicts, ", "))
	}
	return strings.Join(parts, "; ")
}

// ValueText reads a figure's number with its bound: "more than 10,000",
// "1,000–9,999".
func ValueText(value, low, high *float64, bound dossier.Bound) string {
	n := func(p *float64) string {
		if p == nil {
			return "?"
		}
		return Num(*p)
	}
	pick := func(a, b *float64) *float64 {
		if a != nil {
			return a
		}
		return b
	}
	switch bound {
	case dossier.BoundAtLeast:
		return "at least " + n(pick(low, value))
	case dossier.BoundMoreThan:
		return "more than " + n(pick(low, value))
	case dossier.BoundAtMost:
		return "up to " + n(pick(high, value))
	case dossier.BoundLessThan:
		return "less than " + n(pick(high, value))
	case dossier.BoundAbout:
		return "about " + n(pick(value, low))
	case dossier.BoundRange, dossier.BoundVague:
		if low != nil && high != nil {
			return n(low) + "–" + n(high)
		}
	}
	return n(pick(value, low))
}

// valueTicks are round values within [ymin, ymax] (in log10 when log).
func valueTicks(ymin, ymax float64, log bool) []float64 {
	var out []float64
	if log {
		for e := math.Ceil(ymin); e <= ymax; e++ {
			out = append(out, math.Pow(10, e))
		}
		return out
	}
	step := math.Pow(10, math.Floor(math.Log10((ymax-ymin)/4)))
	for (ymax-ymin)/step > 5 {
		step *= 2
	}
	for v := math.Ceil(ymin/step) * step; v <= ymax; v += step {
		out = append(out, v)
	}
	return out
}

// short writes an axis value: 12000 as "12k".
func short(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e6:
		return fmt.Sprintf("%gM", math.Round(v/1e5)/10)
	case a >= 1e3:
		return fmt.Sprintf("%gk", math.Round(v/1e2)/10)
	}
	return fmt.Sprintf("%g", math.Round(v*100)/100)
}
