package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier"
)

// GoldSentence is one line of an entity gold file: the plain sentence and
// its mentions with their offsets.
type GoldSentence struct {
	Line     int
	Text     string
	Mentions []dossier.Mention
}

// ReadEntityGold reads the bracket format: "[la Corée du Nord|country:KP]"
// marks a mention and its entity; lines starting with # are comments.
func ReadEntityGold(r io.Reader, name string) ([]GoldSentence, error) {
	var out []GoldSentence
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g := GoldSentence{Line: n}
		var b strings.Builder
		for len(line) > 0 {
			i := strings.IndexByte(line, '[')
			if i < 0 {
				b.WriteString(line)
				break
			}
			b.WriteString(line[:i])
			j := strings.IndexByte(line[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("%s:%d: unclosed [", name, n)
			}
			inner := line[i+1 : i+j]
			bar := strings.LastIndexByte(inner, '|')
			if bar < 0 {
				return nil, fmt.Errorf("%s:%d: mention %q has no |entity", name, n, inner)
			}
			start := b.Len()
			b.WriteString(inner[:bar])
			g.Mentions = append(g.Mentions, dossier.Mention{Start: start, End: b.Len(), Text: inner[:bar], Entity: inner[bar+1:]})
			line = line[i+j+1:]
		}
		g.Text = b.String()
		out = append(out, g)
	}
	return out, sc.Err()
}

// EntityReport scores mention detection (spans) and linking (span and entity).
type EntityReport struct {
	Gold, Predicted            int
	SpanMatched, LinkMatched   int
	DetectP, DetectR, DetectF1 float64
	LinkP, LinkR, LinkF1       float64
	// TypeMatched counts found spans whose type is the gold's (the gold
	// type is the entity id's prefix: "place:", "org:"); TypeAccuracy is
	// its share of the found spans.
	TypeMatched  int
	TypeAccuracy float64
	Errors       []string
}

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Entities scores predicted mentions per sentence against the gold.
func Entities(gold []GoldSentence, find func(string) []dossier.Mention) EntityReport {
	var r EntityReport
	for _, g := range gold {
		pred := find(g.Text)
		r.Gold += len(g.Mentions)
		r.Predicted += len(pred)
		type sp struct{ s, e int }
		ps := map[sp]string{}
		pt := map[sp]dossier.EntityType{}
		for _, p := range pred {
			ps[sp{p.Start, p.End}] = p.Entity
			pt[sp{p.Start, p.End}] = p.Type
		}
		gs := map[sp]bool{}
		for _, m := range g.Mentions {
			gs[sp{m.Start, m.End}] = true
			id, ok := ps[sp{m.Start, m.End}]
			if ok && pt[sp{m.Start, m.End}] == GoldType(m.Entity) {
				r.TypeMatched++
			} else if ok {
				r.Errors = append(r.Errors, fmt.Sprintf("line %d: %q typed %s, want %s", g.Line, m.Text, pt[sp{m.Start, m.End}], GoldType(m.Entity)))
			}
			switch {
			case !ok:
				r.Errors = append(r.Errors, fmt.Sprintf("line %d: missed %q (%s)", g.Line, m.Text, m.Entity))
			case id != m.Entity:
				r.SpanMatched++
				r.Errors = append(r.Errors, fmt.Sprintf("line %d: %q linked to %s, want %s", g.Line, m.Text, id, m.Entity))
			default:
				r.SpanMatched++
				r.LinkMatched++
			}
		}
		for _, p := range pred {
			if !gs[sp{p.Start, p.End}] {
				r.Errors = append(r.Errors, fmt.Sprintf("line %d: extra %q (%s)", g.Line, p.Text, p.Entity))
			}
		}
	}
	r.DetectP, r.DetectR, r.DetectF1 = prf(r.SpanMatched, r.Predicted, r.Gold)
	r.LinkP, r.LinkR, r.LinkF1 = prf(r.LinkMatched, r.Predicted, r.Gold)
	if r.SpanMatched > 0 {
		r.TypeAccuracy = float64(r.TypeMatched) / float64(r.SpanMatched)
	}
	return r
}

// GoldType is the type an entity id of the gold names by its prefix.
func GoldType(id string) dossier.EntityType {
	prefix, _, _ := strings.Cut(id, ":")
	if prefix == "org" {
		return dossier.EntityOrganisation
	}
	return dossier.EntityType(prefix)
}

// Write prints the scores and, when verbose, each error.
func (r EntityReport) Write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "gold %d predicted %d\n", r.Gold, r.Predicted)
	fmt.Fprintf(w, "detection precision %.3f recall %.3f f1 %.3f\n", r.DetectP, r.DetectR, r.DetectF1)
	fmt.Fprintf(w, "linking   precision %.3f recall %.3f f1 %.3f\n", r.LinkP, r.LinkR, r.LinkF1)
	fmt.Fprintf(w, "type accuracy %.3f (%d of %d found spans)\n", r.TypeAccuracy, r.TypeMatched, r.SpanMatched)
	if verbose {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
}
