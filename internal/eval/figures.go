package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/dossier-news/dossier"
	"golang.org/x/text/unicode/norm"
)

// GoldFigure is one line of a gold figures file.
type GoldFigure struct {
	Doc      string        `json:"doc"`
	Line     int           `json:"line"`
	Mention  string        `json:"mention"`
	Value    *float64      `json:"value"`
	Low      *float64      `json:"low"`
	High     *float64      `json:"high"`
	Bound    dossier.Bound `json:"bound"`
	Thing    Alts          `json:"thing"`
	Unit     *string       `json:"unit"`
	Kind     string        `json:"kind"`
	Modality Alts          `json:"modality"`
	Source   Alts          `json:"source"`
	Subject  Alts          `json:"subject"`
}

// Alts is a list of accepted answers; JSON null is no list, a string one answer.
type Alts []string

// UnmarshalJSON accepts null, a string or a list of strings.
func (a *Alts) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*a = nil
		return nil
	}
	var one string
	if json.Unmarshal(b, &one) == nil {
		*a = Alts{one}
		return nil
	}
	var many []*string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*a = nil
	for _, s := range many {
		if s != nil {
			*a = append(*a, *s)
		}
	}
	return nil
}

// ReadGold reads a gold figures file.
func ReadGold(r io.Reader, name string) ([]GoldFigure, error) {
	var out []GoldFigure
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldFigure
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Report is the score of predicted figures against gold.
type Report struct {
	Gold, Predicted, Matched int
	Precision, Recall, F1    float64
	Bound, Modality, Source  float64 // shares over matched pairs
	NBound, NModality, NSrc  int
	Subject                  float64 // share over matched pairs whose gold names a subject (informative)
	NSubject                 int
	Misses                   []GoldFigure
	Extras                   []dossier.Figure
	FieldErrors              []string
}

func normText(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s = strings.NewReplacer("’", "'", "-", " ").Replace(b.String())
	return strings.Join(strings.Fields(s), " ")
}

var stop = map[string]bool{"le": true, "la": true, "les": true, "l": true, "the": true, "de": true, "des": true, "du": true, "d": true, "of": true, "a": true, "an": true, "un": true, "une": true}

func tokens(s string) []string {
	var out []string
	for _, t := range strings.Fields(strings.NewReplacer("'", " ", ".", " ", ",", " ").Replace(normText(s))) {
		if !stop[t] {
			out = append(out, t)
		}
	}
	return out
}

func sameWord(a, b string) bool {
	return a == b || (min(len(a), len(b)) >= 4 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)))
}

func contains(longer, shorter []string) bool {
	if len(shorter) == 0 {
		return false
	}
	for _, w := range shorter {
		ok := false
		for _, x := range longer {
			if sameWord(w, x) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// AgreeText: the answer and one accepted answer contain each other's words.
func AgreeText(pred string, alts Alts) bool {
	p := tokens(pred)
	if len(p) == 0 {
		return false
	}
	for _, a := range alts {
		g := tokens(a)
		if len(g) > 0 && (contains(p, g) || contains(g, p)) {
			return true
		}
	}
	return false
}

func numbersAgree(p dossier.Figure, g GoldFigure) bool {
	if g.Bound == dossier.BoundVague || g.Value == nil {
		glo, ghi := 0.0, math.Inf(1)
		if g.Low != nil {
			glo = *g.Low
		}
		if g.High != nil {
			ghi = *g.High
		}
		lo, hi := p.Low, p.High
		if lo == nil {
			lo = p.Value
		}
		if hi == nil {
			hi = p.Value
		}
		if lo == nil && hi == nil {
			return false
		}
		l, h := 0.0, math.Inf(1)
		if lo != nil {
			l = *lo
		}
		if hi != nil {
			h = *hi
		}
		return l <= ghi && glo <= h
	}
	return p.Value != nil && math.Abs(*p.Value-*g.Value) <= 1e-9*math.Max(1, math.Abs(*g.Value))
}

// unitAliases: units written as symbols or names are the same unit as
// their code, as grade-figures has them.
var unitAliases = map[string]string{"$": "usd", "us$": "usd", "dollar": "usd", "dollars": "usd", "€": "eur", "euro": "eur",
	"euros": "eur", "£": "gbp", "livre": "gbp", "pound": "gbp", "chf": "chf", "franc": "chf",
	"percent": "%", "pourcent": "%", "pour cent": "%", "pct": "%"}

func unitKey(u string) string {
	u = normText(u)
	if a, ok := unitAliases[u]; ok {
		return a
	}
	return u
}

// Matches reports whether predicted figure p is gold figure g, by the
// rules of grade-figures: same document, numbers agree, and the thing (or
// its English gloss) agrees, or else the unit is the gold's.
func Matches(p dossier.Figure, g GoldFigure) bool {
	if filepath.Base(p.Doc) != filepath.Base(g.Doc) || !numbersAgree(p, g) {
		return false
	}
	if len(g.Thing) > 0 && (AgreeText(p.Thing, g.Thing) || AgreeText(p.Gloss, g.Thing)) {
		return true
	}
	if g.Unit != nil && *g.Unit != "" && p.Unit != "" {
		return unitKey(p.Unit) == unitKey(*g.Unit)
	}
	return len(g.Thing) == 0 && (g.Unit == nil || *g.Unit == "")
}

// Figures scores preds against gold, greedily in gold order as grade-figures does.
func Figures(gold []GoldFigure, preds []dossier.Figure) Report {
	r := Report{Gold: len(gold), Predicted: len(preds)}
	used := make([]bool, len(preds))
	var bOK, mOK, sOK, subOK int
	for _, g := range gold {
		found := -1
		for i, p := range preds {
			if !used[i] && Matches(p, g) {
				found = i
				break
			}
		}
		if found < 0 {
			r.Misses = append(r.Misses, g)
			continue
		}
		used[found] = true
		r.Matched++
		p := preds[found]
		var bad []string
		if g.Bound != "" {
			r.NBound++
			if normText(string(p.Bound)) == normText(string(g.Bound)) {
				bOK++
			} else {
				bad = append(bad, "bound "+string(p.Bound)+"!="+string(g.Bound))
			}
		}
		if len(g.Modality) > 0 {
			r.NModality++
			ok := false
			for _, m := range g.Modality {
				if normText(m) == normText(string(p.Modality)) {
					ok = true
				}
			}
			if ok {
				mOK++
			} else {
				bad = append(bad, fmt.Sprintf("modality %s!=%v", p.Modality, []string(g.Modality)))
			}
		}
		if len(g.Source) > 0 {
			r.NSrc++
			if AgreeText(p.Source, g.Source) {
				sOK++
			} else {
				bad = append(bad, fmt.Sprintf("source %q!=%v", p.Source, []string(g.Source)))
			}
		}
		if len(g.Subject) > 0 {
			r.NSubject++
			if AgreeText(p.Subject, g.Subject) {
				subOK++
			}
		}
		if len(bad) > 0 {
			r.FieldErrors = append(r.FieldErrors, fmt.Sprintf("%s: %s: %s", g.Doc, g.Mention, strings.Join(bad, "; ")))
		}
	}
	for i, p := range preds {
		if !used[i] {
			r.Extras = append(r.Extras, p)
		}
	}
	share := func(ok, n int) float64 {
		if n == 0 {
			return 1
		}
		return float64(ok) / float64(n)
	}
	r.Bound, r.Modality, r.Source = share(bOK, r.NBound), share(mOK, r.NModality), share(sOK, r.NSrc)
	r.Subject = share(subOK, r.NSubject)
	if r.Predicted > 0 {
		r.Precision = float64(r.Matched) / float64(r.Predicted)
	}
	if r.Gold > 0 {
		r.Recall = float64(r.Matched) / float64(r.Gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// Write prints the report: the scores, then misses, extras and field errors.
func (r Report) Write(w io.Writer, verbose bool) {
	if verbose {
		r.writeDetails(w)
	}
	r.WriteScores(w)
}

// WriteScores prints the three lines grade-figures prints.
func (r Report) WriteScores(w io.Writer) {
	fmt.Fprintf(w, "gold %d predicted %d matched %d\n", r.Gold, r.Predicted, r.Matched)
	fmt.Fprintf(w, "bound %.2f (%d)  modality %.2f (%d)  source %.2f (%d)  subject %.2f (%d, informative)\n",
		r.Bound, r.NBound, r.Modality, r.NModality, r.Source, r.NSrc, r.Subject, r.NSubject)
	fmt.Fprintf(w, "precision %.2f recall %.2f f1 %.2f\n", r.Precision, r.Recall, r.F1)
}

func (r Report) writeDetails(w io.Writer) {
	for _, g := range r.Misses {
		fmt.Fprintf(w, "missed: %s:%d %s\n", g.Doc, g.Line, g.Mention)
	}
	for _, p := range r.Extras {
		what := p.Thing
		if what == "" {
			what = p.Unit
		}
		fmt.Fprintf(w, "extra: %s %q %s\n", filepath.Base(p.Doc), p.Text, what)
	}
	for _, e := range r.FieldErrors {
		fmt.Fprintf(w, "field: %s\n", e)
	}
}

// ByLanguage scores the figures of each language apart; lang gives a
// document's language (by base name), "" when unknown.
func ByLanguage(gold []GoldFigure, preds []dossier.Figure, lang func(doc string) string) map[string]Report {
	gs, ps := map[string][]GoldFigure{}, map[string][]dossier.Figure{}
	for _, g := range gold {
		l := lang(filepath.Base(g.Doc))
		gs[l] = append(gs[l], g)
	}
	for _, p := range preds {
		l := lang(filepath.Base(p.Doc))
		ps[l] = append(ps[l], p)
	}
	out := map[string]Report{}
	for l := range gs {
		out[l] = Figures(gs[l], ps[l])
	}
	for l := range ps {
		if _, ok := out[l]; !ok {
			out[l] = Figures(nil, ps[l])
		}
	}
	return out
}
