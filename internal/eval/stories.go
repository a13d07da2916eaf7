package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// GoldStoryDoc is one line of a story gold file.
type GoldStoryDoc struct {
	Doc      string  `json:"doc"`
	Story    string  `json:"story"`
	Original *string `json:"original"`
	Relation *string `json:"relation"`
}

// ReadStoryGold reads a story gold JSONL file.
func ReadStoryGold(r io.Reader, name string) ([]GoldStoryDoc, error) {
	var out []GoldStoryDoc
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldStoryDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// PredCopy is what the system says a document copies.
type PredCopy struct {
	Original string // a document name
	Relation string
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

func newPRF(tp, pred, gold int) PRF {
	p, r, f := prf(tp, pred, gold)
	return PRF{p, r, f}
}

// StoryReport scores clustering and copy detection.
type StoryReport struct {
	Docs      int
	Stories   int // predicted
	Pairwise  PRF
	BCubed    PRF
	Relations map[string]PRF
	Copies    PRF // any relation, counted per document
	Errors    []string
	// Similarity holds estimated Jaccard similarities of gold pairs by
	// relation, to measure thresholds by.
	Similarity map[string][]float64
}

// Stories scores predicted story ids and copy relations per document.
func Stories(gold []GoldStoryDoc, story map[string]string, copies map[string]PredCopy) StoryReport {
	r := StoryReport{Docs: len(gold), Relations: map[string]PRF{}}
	// pairwise
	var tp, predPairs, goldPairs int
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			same := gold[i].Story == gold[j].Story
			ps := story[gold[i].Doc] != "" && story[gold[i].Doc] == story[gold[j].Doc]
			if same {
				goldPairs++
			}
			if ps {
				predPairs++
			}
			if same && ps {
				tp++
			}
		}
	}
	r.Pairwise = newPRF(tp, predPairs, goldPairs)
	// BCubed
	var bp, br float64
	for _, g := range gold {
		var inPred, inGold, both float64
		for _, h := range gold {
			sg := g.Story == h.Story
			sp := story[g.Doc] != "" && story[g.Doc] == story[h.Doc] || g.Doc == h.Doc
			if sp {
				inPred++
			}
			if sg {
				inGold++
			}
			if sg && sp {
				both++
			}
		}
		bp += both / inPred
		br += both / inGold
	}
	n := float64(len(gold))
	if n > 0 {
		p, rc := bp/n, br/n
		f := 0.0
		if p+rc > 0 {
			f = 2 * p * rc / (p + rc)
		}
		r.BCubed = PRF{p, rc, f}
	}
	stories := map[string]bool{}
	for _, s := range story {
		stories[s] = true
	}
	r.Stories = len(stories)
	// copies: a document's relation is right when it names a member of its
	// gold copy group with the gold relation
	group := map[string]string{} // doc -> its gold group's original
	for _, g := range gold {
		if g.Original == nil {
			group[g.Doc] = g.Doc
		}
	}
	for changed := true; changed; {
		changed = false
		for _, g := range gold {
			if g.Original != nil && group[g.Doc] == "" && group[*g.Original] != "" {
				group[g.Doc] = group[*g.Original]
				changed = true
			}
		}
	}
	type count struct{ tp, pred, gold int }
	counts := map[string]*count{}
	get := func(rel string) *count {
		if counts[rel] == nil {
			counts[rel] = &count{}
		}
		return counts[rel]
	}
	var all count
	for _, g := range gold {
		pc, predicted := copies[g.Doc]
		if predicted {
			get(pc.Relation).pred++
			all.pred++
		}
		if g.Relation != nil {
			get(*g.Relation).gold++
			all.gold++
		}
		switch {
		case g.Relation != nil && predicted && pc.Relation == *g.Relation && group[pc.Original] == group[g.Doc]:
			get(pc.Relation).tp++
			all.tp++
		case g.Relation != nil && predicted && group[pc.Original] == group[g.Doc]:
			all.tp++
			r.Errors = append(r.Errors, fmt.Sprintf("%s: relation %s, want %s", g.Doc, pc.Relation, *g.Relation))
		case g.Relation != nil && predicted:
			r.Errors = append(r.Errors, fmt.Sprintf("%s: copy of %s (%s), want of %s (%s)", g.Doc, pc.Original, pc.Relation, *g.Original, *g.Relation))
		case g.Relation != nil:
			r.Errors = append(r.Errors, fmt.Sprintf("%s: missed %s of %s", g.Doc, *g.Relation, *g.Original))
		case predicted:
			r.Errors = append(r.Errors, fmt.Sprintf("%s: not a copy, said %s of %s", g.Doc, pc.Relation, pc.Original))
		}
	}
	for rel, c := range counts {
		r.Relations[rel] = newPRF(c.tp, c.pred, c.gold)
	}
	r.Copies = newPRF(all.tp, all.pred, all.gold)
	// clustering errors: documents outside their gold story's main cluster
	main := map[string]map[string]int{}
	for _, g := range gold {
		if main[g.Story] == nil {
			main[g.Story] = map[string]int{}
		}
		main[g.Story][story[g.Doc]]++
	}
	for _, g := range gold {
		best, bn := "", 0
		for s, k := range main[g.Story] {
			if k > bn || k == bn && s < best {
				best, bn = s, k
			}
		}
		if story[g.Doc] != best {
			r.Errors = append(r.Errors, fmt.Sprintf("%s: in story %q, the rest of %s is in %q", g.Doc, story[g.Doc], g.Story, best))
		}
	}
	return r
}

// Write prints the report.
func (r StoryReport) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "documents %d, predicted stories %d\n", r.Docs, r.Stories)
	fmt.Fprintf(w, "stories pairwise precision %.3f recall %.3f f1 %.3f\n", r.Pairwise.P, r.Pairwise.R, r.Pairwise.F1)
	fmt.Fprintf(w, "stories bcubed   precision %.3f recall %.3f f1 %.3f\n", r.BCubed.P, r.BCubed.R, r.BCubed.F1)
	fmt.Fprintf(w, "copies (any)     precision %.3f recall %.3f f1 %.3f\n", r.Copies.P, r.Copies.R, r.Copies.F1)
	var rels []string
	for rel := range r.Relations {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		x := r.Relations[rel]
		fmt.Fprintf(w, "  %-15s precision %.3f recall %.3f f1 %.3f\n", rel, x.P, x.R, x.F1)
	}
	var kinds []string
	for k := range r.Similarity {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		v := append([]float64(nil), r.Similarity[k]...)
		sort.Float64s(v)
		if len(v) > 0 {
			fmt.Fprintf(w, "  minhash similarity %-22s min %.2f  p10 %.2f  median %.2f  max %.2f  (%d pairs)\n", k, v[0], v[len(v)/10], v[len(v)/2], v[len(v)-1], len(v))
		}
	}
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
}
