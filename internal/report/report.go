package report

import (
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/query"
)

// Report is everything a story's record holds.
type Report struct {
	Story    *query.StoryView        `json:"story"`
	Entities []dossier.EntitySummary `json:"entities"`
	Series   []Series                `json:"series"`
	// Figures are the figures of the story's articles, each with its
	// evidence (sentence, offsets, article).
	Figures   []dossier.Figure           `json:"figures"`
	Articles  map[string]dossier.Summary `json:"-"`
	Generated string                     `json:"generated"`
}

// Load assembles the report of one story (id or unique prefix).
func Load(ctx context.Context, s dossier.Store, id string) (*Report, error) {
	v, err := query.Story(ctx, s, id)
	if err != nil {
		return nil, err
	}
	r := &Report{Story: v, Articles: map[string]dossier.Summary{}, Figures: []dossier.Figure{}, Generated: time.Now().UTC().Format(time.RFC3339)}
	for _, it := range v.Items {
		r.Articles[it.ID] = it.Summary
		for _, c := range it.Copies {
			r.Articles[c.ID] = c.Summary
		}
	}
	for _, aid := range v.Articles {
		figs, err := s.Figures(ctx, dossier.FigureFilter{Article: aid})
		if err != nil {
			return nil, err
		}
		r.Figures = append(r.Figures, figs...)
	}
	for _, eid := range v.Entities {
		if e, err := s.Entity(ctx, eid); err == nil {
			r.Entities = append(r.Entities, *e)
		}
	}
	if r.Series, err = loadSeries(ctx, s, v); err != nil {
		return nil, err
	}
	return r, nil
}

// Formats are the formats Write knows.
var Formats = []string{"html", "md", "csv", "json"}

// Write writes r in format.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "html":
		return writeHTML(w, r)
	case "md":
		return writeMarkdown(w, r)
	case "csv":
		return writeCSV(w, r)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return fmt.Errorf("unknown report format %q (want one of %v)", format, Formats)
}

// Link is where a reader can check an article: its URL, else its input.
func (r *Report) Link(id string) string {
	m := r.Articles[id]
	if u := articleURL(m); u != "" {
		return u
	}
	return m.Input
}

func articleURL(m dossier.Summary) string {
	if strings.HasPrefix(m.Input, "http://") || strings.HasPrefix(m.Input, "https://") {
		return m.Input
	}
	return ""
}

// Coverage is the story's coverage chart.
func (r *Report) Coverage() template.HTML {
	var pts []chart.Point
	for _, m := range r.Articles {
		pts = append(pts, chart.Point{Date: m.Date, Outlet: m.Outlet, N: 1})
	}
	return template.HTML(chart.Coverage(fmt.Sprintf("Coverage of %q per day by outlet", r.Story.Title), pts))
}

//go:embed report.html
var htmlTemplate string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"join": strings.Join,
	"dash": func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	},
	"headline": query.Headline,
	"anchorID": func(id string) string { return strings.TrimPrefix(query.Anchor(id), "claim-") },
	"value":    func(f dossier.Figure) string { return chart.ValueText(f.Value, f.Low, f.High, f.Bound) },
	"safeURL": func(s string) template.URL {
		// only web links become links; an input path stays text
		if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
			return template.URL(s)
		}
		return ""
	},
}).Parse(htmlTemplate))

func writeHTML(w io.Writer, r *Report) error { return page.Execute(w, r) }

func writeMarkdown(w io.Writer, r *Report) error {
	st := r.Story
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("# %s\n\n", md(st.Title))
	p("- Story: `%s`\n- Dates: %s – %s\n- Articles: %d\n- Outlets: %s\n- Languages: %s\n", st.ID, dash(st.Start), dash(st.End), len(st.Articles), md(strings.Join(st.Outlets, ", ")), strings.Join(st.Languages, ", "))
	if len(r.Entities) > 0 {
		var names []string
		for _, e := range r.Entities {
			names = append(names, md(e.Name))
		}
		p("- Main entities: %s\n", strings.Join(names, ", "))
	}
	p("- Generated: %s by dossier\n\n", r.Generated)
	writeSeriesMarkdown(w, r)
	p("## Articles\n\n")
	for _, it := range st.Items {
		p("- %s · %s · %s · [%s](%s) `%s`\n", dash(it.Date), md(dash(it.Outlet)), it.Lang, md(query.Headline(it.Summary)), mdURL(r.Link(it.ID)), it.ID)
		for _, c := range it.Copies {
			p("  - %s: %s · %s · %s `%s`\n", c.Relation, md(dash(c.Outlet)), dash(c.Date), c.Lang, c.ID)
		}
	}
	if len(st.Groups) > 0 {
		p("\n## Copies\n\n")
		for _, g := range st.Groups {
			orig := g.Original
			if g.OriginalTitle != "" {
				orig += " (" + g.OriginalTitle + ")"
			}
			p("- Original: %s\n", md(orig))
			for _, m := range g.Copies {
				p("  - %s `%s` %s %s\n", m.Relation, m.ID, md(dash(m.Outlet)), dash(m.Date))
			}
		}
	}
	p("\n## Figures and their evidence\n\n")
	for _, f := range r.Figures {
		p("- **%s** (%s, %s%s) — %s · `%s`\n  > %s\n", md(f.Text), chart.ValueText(f.Value, f.Low, f.High, f.Bound), f.Modality, sourceOf(f), md(dash(r.Articles[f.Doc].Outlet)), f.Doc, md(strings.Join(strings.Fields(f.Sentence), " ")))
	}
	return nil
}

func sourceOf(f dossier.Figure) string {
	if f.Source == "" {
		return ""
	}
	return ", source: " + md(f.Source)
}

// md escapes the characters Markdown would read as markup.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

func md(s string) string { return mdEscaper.Replace(s) }

func mdURL(s string) string {
	if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
		return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(s)
	}
	return "#"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func num(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// writeCSV writes the claims, one a row: the claims of the series when
// the story has any, and the story's other figures after them.
func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"series", "series_title", "claim", "article", "input", "outlet", "date", "date_estimated", "text", "value", "low", "high", "bound", "thing", "unit", "modality", "source", "relation", "relay_of", "sentence", "link"})
	inSeries := writeSeriesCSV(cw, r)
	for _, f := range r.Figures {
		if inSeries[figKey(f.Doc, f.Start, f.End, f.Field)] {
			continue
		}
		m := r.Articles[f.Doc]
		cw.Write([]string{"", "", "", f.Doc, m.Input, m.Outlet, m.Date, "false", f.Text, num(f.Value), num(f.Low), num(f.High), string(f.Bound), f.Thing, f.Unit, string(f.Modality), f.Source, "", "", f.Sentence, r.Link(f.Doc)})
	}
	cw.Flush()
	return cw.Error()
}

func figKey(doc string, start, end int, field string) string {
	return fmt.Sprintf("%s/%d/%d/%s", doc, start, end, field)
}
