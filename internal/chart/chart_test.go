package chart

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

func f(v float64) *float64 { return &v }

// elements parses svg and counts its elements by name and class; it fails
// the test when the SVG is not well-formed XML.
func elements(t *testing.T, svg string) map[string]int {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	n := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
			for _, a := range se.Attr {
				if a.Name.Local == "class" {
					n["."+a.Value]++
				}
			}
		}
	}
}

var hostile = `<script>alert(1)</script>" onload="x" javascript:alert(2)`

func TestTimeline(t *testing.T) {
	marks := []Mark{
		{ID: "c1", Date: "2024-10-18", Value: f(1500), Bound: dossier.BoundExact, Modality: dossier.ModalityFact, Source: "South Korean intelligence", Text: "1 500 soldats"},
		{ID: "c2", Date: "2024-10-18", High: f(12000), Bound: dossier.BoundAtMost, Modality: dossier.ModalityPlanned, Text: "jusqu'à 12 000"},
		{ID: "c3", Date: "2024-11", Low: f(10000), Bound: dossier.BoundMoreThan, Modality: dossier.ModalityFact, Text: "plus de 10 000", Estimated: true, DateLow: "2024-11-01", DateHigh: "2024-11-30"},
		{ID: "c4", Date: "2025-03-02", Low: f(1000), High: f(9999), Bound: dossier.BoundVague, Modality: dossier.ModalityEstimate, Text: "des milliers", Contradicts: []string{"c3"}},
		{ID: "c5", Date: "2025-03-05", High: f(100000), Bound: dossier.BoundAtMost, Modality: dossier.ModalityPossible, Source: "Bloomberg", Text: "100 000"},
		{ID: "c6", Date: "2025-03-06", High: f(100000), Bound: dossier.BoundAtMost, Modality: dossier.ModalityPossible, Source: "Bloomberg", Text: hostile, RelayOf: "c5", Outlet: hostile},
		{ID: "c7", Date: "", Value: f(3), Modality: dossier.ModalityFact, Text: "undated"},
	}
	svg := Timeline("North Korea — soldiers sent "+hostile, marks)
	n := elements(t, svg)
	if n[".mark"] != 6 {
		t.Errorf("%d marks, want one per dated claim (6)", n[".mark"])
	}
	if n[".relay"] != 1 || n[".contradiction"] != 1 {
		t.Errorf("relay lines %d, contradiction lines %d; want 1 and 1", n[".relay"], n[".contradiction"])
	}
	if n["title"] < 7 || !strings.Contains(svg, `aria-labelledby="tl-t tl-d"`) {
		t.Errorf("chart or marks lack their labels: %d titles", n["title"])
	}
	for _, id := range []string{"c1", "c2", "c3", "c4", "c5", "c6"} {
		if !strings.Contains(svg, `href="#claim-`+id+`"`) {
			t.Errorf("mark %s does not open its evidence", id)
		}
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, `" onload="`) {
		t.Error("text reached the SVG unescaped")
	}
	write(t, "timeline.svg", svg)
}

func TestCoverageAndSparkline(t *testing.T) {
	points := []Point{{"2025-03-14", "Le Courrier", 2}, {"2025-03-15", "The River Post", 1}, {"2025-03-15", "Le Courrier", 1}, {"2025-03-20", hostile, 1}, {"", "X", 3}}
	svg := Coverage("Coverage "+hostile, points)
	n := elements(t, svg)
	if n["rect"] != 4+3 { // one per (day, outlet), one per outlet in the legend
		t.Errorf("%d rects, want 7", n["rect"])
	}
	if !strings.Contains(svg, "3 undated") || strings.Contains(svg, "<script") {
		t.Errorf("coverage desc or escaping wrong:\n%s", svg)
	}
	write(t, "coverage.svg", svg)
	sp := Sparkline("5 articles", points)
	if n := elements(t, sp); n["rect"] != 3 {
		t.Errorf("sparkline has %d bars, want 3 days", n["rect"])
	}
	if n := elements(t, Coverage("none", nil)); n["text"] != 1 {
		t.Errorf("empty coverage = %v", n)
	}
}

func TestValueText(t *testing.T) {
	for _, c := range []struct {
		v, l, h *float64
		b       dossier.Bound
		want    string
	}{
		{f(12000), nil, nil, dossier.BoundExact, "12,000"},
		{nil, f(10000), nil, dossier.BoundMoreThan, "more than 10,000"},
		{f(100000), nil, f(100000), dossier.BoundAtMost, "up to 100,000"},
		{nil, f(1000), f(9999), dossier.BoundVague, "1,000–9,999"},
		{f(6.2), nil, nil, dossier.BoundExact, "6.2"},
	} {
		if got := ValueText(c.v, c.l, c.h, c.b); got != c.want {
			t.Errorf("ValueText(%v) = %q, want %q", c.b, got, c.want)
		}
	}
}

func TestDay(t *testing.T) {
	for _, c := range []struct{ in, want string }{{"2024-11-22", "2024-11-22"}, {"2024-11", "2024-11-15"}, {"2024", "2024-07-01"}, {"2024-11-22T10:00:00Z", "2024-11-22"}} {
		d, ok := Day(c.in)
		if !ok || d.Format("2006-01-02") != c.want {
			t.Errorf("Day(%q) = %v, %v; want %s", c.in, d, ok, c.want)
		}
	}
	if _, ok := Day("hier"); ok {
		t.Error("Day(hier) parsed")
	}
}

// write keeps a chart under the test's output when DOSSIER_CHART_OUT names a folder, to look at.
func write(t *testing.T, name, svg string) {
	if dir := os.Getenv("DOSSIER_CHART_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), []byte(svg), 0o644)
	}
}
