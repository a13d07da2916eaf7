package server

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
)

// articleHTML writes an article's clean text as paragraphs and headings,
// figures and entity mentions highlighted (a figure wins where they
// overlap), every piece of the text escaped.
func articleHTML(a *dossier.Article) template.HTML {
	type span struct {
		start, end int
		open       string
		prio       int
	}
	var spans []span
	for i, f := range a.Figures {
		if f.Field == "" && f.Start >= 0 && f.End <= len(a.Text) && f.Start < f.End {
			label := chart.ValueText(f.Value, f.Low, f.High, f.Bound) + " " + f.Thing + f.Unit + ", " + string(f.Modality)
			if f.Source != "" {
				label += ", source: " + f.Source
			}
			spans = append(spans, span{f.Start, f.End, fmt.Sprintf(`<mark class="fig" id="fig-%d" title="%s">`, i, html.EscapeString(label)), 0})
		}
	}
	for _, m := range a.Mentions {
		if m.Start >= 0 && m.End <= len(a.Text) && m.Start < m.End {
			spans = append(spans, span{m.Start, m.End, fmt.Sprintf(`<a class="ent ent-%s" href="/entities/%s" title="%s">`, html.EscapeString(string(m.Type)), html.EscapeString(url.PathEscape(m.Entity)), html.EscapeString(m.Entity)), 1})
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].prio < spans[j].prio
	})
	paras := a.Paragraphs
	if len(paras) == 0 && a.Text != "" {
		paras = []dossier.Paragraph{{Start: 0, End: len(a.Text)}}
	}
	var b strings.Builder
	k := 0
	for _, p := range paras {
		if p.Start < 0 || p.End > len(a.Text) || p.Start > p.End {
			continue
		}
		tag := "p"
		if p.Heading {
			tag = "h3"
		}
		b.WriteString("<" + tag + ">")
		at := p.Start
		for k < len(spans) && spans[k].start < p.End {
			s := spans[k]
			k++
			if s.start < at || s.end > p.End {
				continue // overlaps what is marked, or crosses the paragraph
			}
			b.WriteString(html.EscapeString(a.Text[at:s.start]))
			b.WriteString(s.open)
			b.WriteString(html.EscapeString(a.Text[s.start:s.end]))
			if s.prio == 0 {
				b.WriteString("</mark>")
			} else {
				b.WriteString("</a>")
			}
			at = s.end
		}
		b.WriteString(html.EscapeString(a.Text[at:p.End]))
		b.WriteString("</" + tag + ">\n")
	}
	return template.HTML(b.String())
}

// snippetHTML escapes a search snippet and highlights its matches, which
// the store marks with \x02 and \x03 (characters no clean text has).
func snippetHTML(s string) template.HTML {
	e := html.EscapeString(strings.Join(strings.Fields(s), " "))
	e = strings.ReplaceAll(e, "\x02", "<mark>")
	e = strings.ReplaceAll(e, "\x03", "</mark>")
	return template.HTML(e)
}

// snippetText brackets the matches of a snippet, as the CLI prints them.
func snippetText(s string) string {
	return strings.NewReplacer("\x02", "[", "\x03", "]").Replace(s)
}

// provenance reads the chain from the first source to the article.
func provenance(cs []dossier.Citation) []string {
	var origin, cites, relays []string
	for _, c := range cs {
		switch c.Kind {
		case dossier.CiteSource:
			origin = append(origin, c.Name+" (source link)")
		case dossier.CiteRelays:
			relays = append(relays, c.Name+" (relays)")
		default:
			cites = append(cites, c.Name)
		}
	}
	chain := append(append(origin, cites...), relays...)
	if len(chain) == 0 {
		return nil
	}
	return append(chain, "this article")
}
