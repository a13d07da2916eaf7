package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
)

// GoldSeries is one line of a series gold file (testdata/series/gold.jsonl):
// a figure (doc, value, series, relation; an empty relation for the
// first claim of a series), a series' number of independent sources
// (series, sources), or a document's true date, story and original (doc,
// date, series, original).
type GoldSeries struct {
	Doc      string  `json:"doc,omitempty"`
	Value    float64 `json:"value,omitempty"`
	Series   string  `json:"series"`
	Relation string  `json:"relation,omitempty"`
	Sources  int     `json:"sources,omitempty"`
	Date     string  `json:"date,omitempty"`
	Original string  `json:"original,omitempty"`
}

// ReadSeriesGold reads a series gold JSONL file.
func ReadSeriesGold(r io.Reader, name string) ([]GoldSeries, error) {
	var out []GoldSeries
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldSeries
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// SeriesReport scores series against the gold.
type SeriesReport struct {
	Claims, Matched int
	BCubed          PRF
	Relations       map[string]PRF
	Series          int // gold series
	SourcesExact    int // gold series whose predicted series counts its sources right
	Errors          []string
}

// SourcesRate is the share of gold series with the exact source count.
func (r SeriesReport) SourcesRate() float64 {
	if r.Series == 0 {
		return 0
	}
	return float64(r.SourcesExact) / float64(r.Series)
}

// Series scores predicted series: each gold figure is matched to a
// predicted claim of the same document (by base name) and number; the
// claim-to-series assignment is scored by BCubed (an unmatched gold
// figure is a series of its own), each relation by precision and recall
// over the matched figures, and each gold series' source count against
// the predicted series holding most of its figures.
func Series(gold []GoldSeries, pred []dossier.Series) SeriesReport {
	r := SeriesReport{Relations: map[string]PRF{}}
	type ref struct {
		series string
		claim  dossier.Claim
	}
	byDoc := map[string][]ref{}
	seriesOf := map[string]dossier.Series{}
	for _, s := range pred {
		seriesOf[s.ID] = s
		for _, c := range s.Claims {
			d := filepath.Base(c.Input)
			byDoc[d] = append(byDoc[d], ref{s.ID, c})
		}
	}
	for d := range byDoc {
		l := byDoc[d]
		sort.SliceStable(l, func(i, j int) bool {
			if (l[i].claim.Field == "title") != (l[j].claim.Field == "title") {
				return l[i].claim.Field == "title"
			}
			return l[i].claim.Start < l[j].claim.Start
		})
	}
	used := map[string]bool{}
	type item struct {
		gold, pred string
		grel, prel string
	}
	var items []item
	sources := map[string]int{}
	for _, g := range gold {
		if g.Sources > 0 {
			sources[g.Series] = g.Sources
			continue
		}
		if g.Date != "" || g.Doc == "" {
			continue
		}
		r.Claims++
		it := item{gold: g.Series, grel: g.Relation, pred: "unmatched:" + g.Doc + fmt.Sprint(g.Value)}
		for _, p := range byDoc[g.Doc] {
			v := p.claim.Value
			if v == nil {
				v = p.claim.High
			}
			if !used[p.claim.ID] && v != nil && *v == g.Value {
				used[p.claim.ID] = true
				it.pred, it.prel = p.series, string(p.claim.Relation)
				r.Matched++
				break
			}
		}
		if strings.HasPrefix(it.pred, "unmatched:") {
			r.Errors = append(r.Errors, fmt.Sprintf("%s %v (%s): no predicted claim", g.Doc, g.Value, g.Series))
		}
		items = append(items, it)
	}
	// BCubed
	var p, rc float64
	for _, a := range items {
		sameG, sameP, both := 0, 0, 0
		for _, b := range items {
			if a.gold == b.gold {
				sameG++
			}
			if a.pred == b.pred {
				sameP++
			}
			if a.gold == b.gold && a.pred == b.pred {
				both++
			}
		}
		p += float64(both) / float64(sameP)
		rc += float64(both) / float64(sameG)
	}
	if n := float64(len(items)); n > 0 {
		p, rc = p/n, rc/n
		f := 0.0
		if p+rc > 0 {
			f = 2 * p * rc / (p + rc)
		}
		r.BCubed = PRF{p, rc, f}
	}
	// relations
	for _, rel := range dossier.ClaimRelations {
		tp, np, ng := 0, 0, 0
		for _, it := range items {
			if strings.HasPrefix(it.pred, "unmatched:") && it.grel != string(rel) {
				continue
			}
			if it.prel == string(rel) {
				np++
			}
			if it.grel == string(rel) {
				ng++
			}
			if it.prel == string(rel) && it.grel == string(rel) {
				tp++
			}
		}
		r.Relations[string(rel)] = newPRF(tp, np, ng)
		for _, it := range items {
			if (it.prel == string(rel)) != (it.grel == string(rel)) && (it.prel == string(rel) || it.grel == string(rel)) {
				r.Errors = append(r.Errors, fmt.Sprintf("%s: relation %q, gold %q", it.gold, it.prel, it.grel))
			}
		}
	}
	// sources
	for gs, want := range sources {
		r.Series++
		count := map[string]int{}
		for _, it := range items {
			if it.gold == gs && !strings.HasPrefix(it.pred, "unmatched:") {
				count[it.pred]++
			}
		}
		best, n := "", 0
		for id, c := range count {
			if c > n || c == n && id < best {
				best, n = id, c
			}
		}
		if got := seriesOf[best].Summary.Sources; best != "" && got == want {
			r.SourcesExact++
		} else {
			r.Errors = append(r.Errors, fmt.Sprintf("%s: %d sources, gold %d", gs, got, want))
		}
	}
	sort.Strings(r.Errors)
	return r
}

// Print writes the report.
func (r SeriesReport) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "gold figures %d matched %d\n", r.Claims, r.Matched)
	fmt.Fprintf(w, "assignment bcubed precision %.3f recall %.3f f1 %.3f\n", r.BCubed.P, r.BCubed.R, r.BCubed.F1)
	for _, rel := range dossier.ClaimRelations {
		m := r.Relations[string(rel)]
		fmt.Fprintf(w, "relation %-12s precision %.3f recall %.3f\n", rel, m.P, m.R)
	}
	fmt.Fprintf(w, "sources exact %d/%d (%.3f)\n", r.SourcesExact, r.Series, r.SourcesRate())
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintln(w, "  "+e)
		}
	}
}
