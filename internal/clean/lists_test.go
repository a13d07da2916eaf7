package clean

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
)

// listPage is an article whose lists and table are its content (a bullet
// summary, numbered offers, tour dates, standings), in a page whose menu,
// share bar and related links are not.
const listPage = `<!doctype html><html><head><title>The Harbour Band announce a summer tour</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/music">Music</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav>
<article>
<h1>The Harbour Band announce a summer tour</h1>
<ul><li>Twelve dates across the country from June</li><li>Tickets on sale from Friday at 10am</li></ul>
<p>The Harbour Band will go back on the road this summer for their first tour in six years, the group said on Monday in a statement to fans.</p>
<p>The band, formed in 1994 in a fishing town on the east coast, sold more than two million records in their first decade together.</p>
<p>Fans who signed up to the mailing list get three offers before the general sale opens:</p>
<ol><li>Early access to tickets on Thursday</li><li>A signed poster with every pair of tickets</li><li>Ten per cent off the tour programme</li></ol>
<p>The tour dates are:</p>
<ul><li>June 9 – Riverside Arena, Northport</li><li>June 12 – The Old Mill, Eastham</li><li>June 15 – City Hall, Westbury</li></ul>
<h2>How the bands stand</h2>
<p>The band sits third in the summer ticket sales chart, behind two acts that have been touring since the spring.</p>
<table><tr><th>Rank</th><th>Act</th><th>Tickets</th></tr><tr><td>1</td><td>The Lanterns</td><td>81,000</td></tr><tr><td>2</td><td>Mira Stone</td><td>64,500</td></tr><tr><td>3</td><td>The Harbour Band</td><td>52,300</td></tr></table>
<p>Their last album reached number four in the charts when it came out in 2019, and the band said new songs would be played on the tour.</p>
<ul class="share"><li>Facebook</li><li>Twitter</li><li>Email</li></ul>
</article>
<aside><h3>Related articles</h3><ul><li><a href="/a">Festival season opens with record crowds</a></li><li><a href="/b">Ticket prices rise again this year</a></li></ul></aside>
</body></html>`

func TestListsAndTablesKept(t *testing.T) {
	d, err := extract.HTML("list.html", []byte(listPage), "")
	if err != nil {
		t.Fatal(err)
	}
	r := Clean(d, Options{})
	for _, want := range []string{
		"• Twelve dates across the country from June", "• Tickets on sale from Friday at 10am",
		"• Early access to tickets on Thursday", "• Ten per cent off the tour programme",
		"The tour dates are:", "• June 9 – Riverside Arena, Northport", "• June 15 – City Hall, Westbury",
		"Rank | Act | Tickets", "2 | Mira Stone | 64,500", "3 | The Harbour Band | 52,300",
	} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("%q not kept in:\n%s\nremoved: %v", want, r.Text, r.Removed)
		}
	}
	for _, gone := range []string{"Facebook", "Culture", "Festival season opens", "Related articles"} {
		if strings.Contains(r.Text, gone) {
			t.Errorf("%q kept in:\n%s", gone, r.Text)
		}
	}
	// each list item and row is a paragraph of its own
	n := 0
	for _, p := range r.Paragraphs {
		if s := r.Text[p.Start:p.End]; strings.HasPrefix(s, "• ") || strings.Contains(s, " | ") {
			n++
		}
	}
	if n != 12 {
		t.Errorf("%d item or row paragraphs, want 12", n)
	}
}

func TestMenuListOutsideBodyGoes(t *testing.T) {
	d := extract.Doc{Input: "m.html", Format: extract.FormatHTML, Lines: []string{
		"Un titre d'article assez court",
		"La mairie a voté le budget de l'année prochaine lors d'un conseil municipal animé.",
		"Les travaux de la nouvelle médiathèque commenceront au printemps, selon la mairie.",
		extract.HeadingPrefix + "Rubriques",
		extract.ItemPrefix + "Politique", extract.ItemPrefix + "Sport", extract.ItemPrefix + "Culture",
	}}
	r := Clean(d, Options{})
	if strings.Contains(r.Text, "Sport") || strings.Contains(r.Text, "Rubriques") {
		t.Errorf("menu kept: %q", r.Text)
	}
}
