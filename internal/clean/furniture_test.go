package clean

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/pagegen"
)

// A generated labelled set of whole-page captures: outlets whose pages
// carry a menu, a cookie banner, a carousel of the day's other headlines,
// a "read also" link inside the body, a subscription notice and a footer,
// kept as lines or flattened into one, some pages captured twice with a
// different carousel. The truth is each article's standfirst and body.

type genPage struct {
	doc   extract.Doc
	truth string
	flat  bool
}

var (
	syllables = strings.Fields("ba be bi bo bu da de di do du fa fe fi fo la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu cha cho tri tra gro pla")
	stock     = []string{
		"a indiqué le porte-parole de la préfecture",
		"selon les chiffres publiés lundi par le ministère",
		"a-t-on appris de source proche du dossier",
	}
)

func genWord(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

func genSentence(r *rand.Rand, words int) string {
	ws := make([]string, words)
	for i := range ws {
		ws[i] = genWord(r)
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	s := strings.Join(ws, " ")
	if r.IntN(4) == 0 { // stock phrases real news shares across articles
		s += ", " + stock[r.IntN(len(stock))]
	}
	return s + "."
}

func genSet(seed uint64) []genPage {
	r := rand.New(rand.NewPCG(seed, 7))
	type art struct {
		title, standfirst, url string
		body                   []string
	}
	var pages []genPage
	for o := 0; o < 3; o++ {
		host := fmt.Sprintf("www.outlet%d.example", o)
		name := fmt.Sprintf("Le Quotidien %d", o)
		menu := "Accueil International Politique Économie Société Culture Sport Planète Idées Podcasts"
		cookie := "Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus. Accepter et fermer. Paramétrer les cookies."
		notice := "Cet article vous est offert. Abonnez-vous pour soutenir une information indépendante, à partir de 1 euro le premier mois."
		footer := fmt.Sprintf("Mentions légales Contact Publicité Conditions générales de vente Politique de confidentialité © %s 2025", name)
		for day := 0; day < 4; day++ {
			var arts []art
			for a := 0; a < 10; a++ {
				x := art{title: strings.TrimSuffix(genSentence(r, 8+r.IntN(4)), "."), standfirst: genSentence(r, 18),
					url: fmt.Sprintf("https://%s/2025/03/%02d/article-%d", host, 10+day, a)}
				for p := 0; p < 4+r.IntN(4); p++ {
					var ss []string
					for s := 0; s < 2+r.IntN(3); s++ {
						ss = append(ss, genSentence(r, 10+r.IntN(14)))
					}
					x.body = append(x.body, strings.Join(ss, " "))
				}
				arts = append(arts, x)
			}
			for a, x := range arts {
				for capture := 0; capture < 1+r.IntN(2); capture++ {
					var carousel []string
					for _, k := range r.Perm(len(arts))[:6] {
						if k != a {
							carousel = append(carousel, arts[k].title)
						}
					}
					lines := []string{cookie, name, menu, "À la une"}
					lines = append(lines, carousel[:5]...)
					lines = append(lines, x.title, x.standfirst)
					for p, para := range x.body {
						lines = append(lines, para)
						if p == 1 {
							lines = append(lines, "Lire aussi : "+arts[(a+1)%len(arts)].title)
						}
					}
					lines = append(lines, notice, footer)
					flat := r.IntN(2) == 0
					if flat {
						lines = []string{strings.Join(lines, " ")}
					}
					d := extract.Doc{Input: x.url, Format: extract.FormatJSONL, Lines: lines, Title: x.title, URL: x.url}
					pages = append(pages, genPage{doc: d, truth: x.standfirst + " " + strings.Join(x.body, " "), flat: flat})
				}
			}
		}
	}
	return pages
}

// tokenPR is the token precision and recall of pred against truth
// (multisets of folded words).
func tokenPR(truth, pred string) (p, rec float64) {
	want := map[string]int{}
	nt := 0
	for _, w := range spanWords(truth) {
		want[w]++
		nt++
	}
	np, tp := 0, 0
	for _, w := range spanWords(pred) {
		np++
		if want[w] > 0 {
			want[w]--
			tp++
		}
	}
	if np == 0 || nt == 0 {
		return 0, 0
	}
	return float64(tp) / float64(np), float64(tp) / float64(nt)
}

// cleanSet cleans the pages as one batch, lines and spans counted over it.
func cleanSet(pages []genPage, spans bool) []Result {
	lines, sp := NewCounter(), NewCounter()
	for _, p := range pages {
		lines.Add(Keys(p.doc))
		sp.Add(SpanKeys(p.doc))
	}
	out := make([]Result, len(pages))
	for i, p := range pages {
		k, _ := Keys(p.doc)
		opt := Options{Recurring: lines.Others(k)}
		if spans {
			sk, _ := SpanKeys(p.doc)
			opt.RecurringSpan = sp.Others(sk)
		}
		out[i] = Clean(p.doc, opt)
	}
	return out
}

func scoreSet(pages []genPage, res []Result, flat bool) (p, r float64, n int) {
	for i, pg := range pages {
		if pg.flat != flat {
			continue
		}
		pp, rr := tokenPR(pg.truth, res[i].Text)
		p, r, n = p+pp, r+rr, n+1
	}
	return p / float64(n), r / float64(n), n
}

func TestFurnitureSpans(t *testing.T) {
	pages := genSet(1)
	with, without := cleanSet(pages, true), cleanSet(pages, false)
	for _, flat := range []bool{false, true} {
		p, r, n := scoreSet(pages, with, flat)
		p0, r0, _ := scoreSet(pages, without, flat)
		t.Logf("flat %v (%d pages): spans P %.3f R %.3f; lines only P %.3f R %.3f", flat, n, p, r, p0, r0)
		if r < 0.95 || 1-p > 0.05 {
			t.Errorf("flat %v: body kept %.3f (want >= 0.95), furniture left %.3f (want <= 0.05)", flat, r, 1-p)
		}
		if flat && 1-p0 <= 0.05 {
			t.Errorf("flat pages pass without span learning (furniture %.3f): the set does not test it", 1-p0)
		}
	}
	// pages of unknown origin (copies of one story from anywhere) share
	// no site, so their common text is never furniture
	if _, keys := SpanKeys(extract.Doc{Lines: []string{strings.Repeat("un deux trois quatre cinq six sept ", 3)}}); keys != nil {
		t.Errorf("span keys for a page of unknown site: %d", len(keys))
	}
	// what was cut is kept with its reason
	for i, pg := range pages {
		if !pg.flat {
			continue
		}
		found := false
		for _, rm := range with[i].Removed {
			if strings.Contains(rm.Reason, "furniture span") && strings.Contains(rm.Text, "Accueil International") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: menu not reported as a furniture span: %v", pg.doc.Input, with[i].Removed)
		}
		break
	}
}

// BenchmarkCleanSpans measures what span learning and removal add to
// cleaning, per article, over the generated whole pages (internal/pagegen):
// lines only, then with each page's spans learned into its site's state
// (SiteSpans.Add) and cut. days=12 holds four times the pages of days=3:
// the cost per article stays flat when learning is linear.
func BenchmarkCleanSpans(b *testing.B) {
	for _, days := range []int{3, 12} {
		var docs []extract.Doc
		for _, p := range pagegen.Generate(2, pagegen.Options{Outlets: 4, Days: days, PerDay: 9}) {
			d := extract.Text(p.URL, p.Text)
			d.URL, d.Title, d.Date, d.Format = p.URL, p.Title, p.Date, extract.FormatJSONL
			docs = append(docs, d)
		}
		for _, spans := range []bool{false, true} {
			b.Run(fmt.Sprintf("days=%d/spans=%v", days, spans), func(b *testing.B) {
				c0, n := cpuTime(), 0
				defer func() { b.ReportMetric(float64(cpuTime()-c0)/float64(max(n, 1)), "cpu-ns/article") }()
				for b.Loop() {
					lines := NewCounter()
					sites := map[string]*SiteSpans{}
					for _, d := range docs {
						n++
						k, keys := Keys(d)
						lines.Add(k, keys)
						opt := Options{Recurring: lines.Others(k)}
						if spans {
							site := SpanSite(d)
							st := sites[site]
							if st == nil {
								st = NewSiteSpans()
								sites[site] = st
							}
							doc, sk := SpanKeys(d)
							day := SpanDay(d)
							st.Add(doc, day, sk)
							opt.RecurringSpan = st.Recurring(doc, day)
						}
						Clean(d, opt)
					}
				}
			})
		}
	}
}
