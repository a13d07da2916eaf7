package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"a.html", "", FormatHTML}, {"a.rss", "", FormatFeed}, {"a.jsonl", "", FormatJSONL}, {"a.txt", "<html>", FormatText},
		{"page", "<!DOCTYPE html><html>", FormatHTML}, {"feed", `<?xml version="1.0"?><rss>`, FormatFeed},
		{"feed", `<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed}, {"x", `{"text": "a"}`, FormatJSONL}, {"x", "Un texte", FormatText},
		{"https://x.example/a.html?x=1", "", FormatHTML},
	}
	for _, tt := range tests {
		if got := Detect(tt.name, []byte(tt.body)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", tt.name, tt.body, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		body string
		want error
	}{
		{"", ErrEmpty}, {"  \n\t", ErrEmpty}, {"a\x00b", ErrBinary}, {"caf\xe9", ErrInvalidUTF8}, {"\x01\x02\x03\x04\x05 ab", ErrBinary}, {"café", nil},
	}
	for _, tt := range tests {
		err := Check("in", []byte(tt.body))
		if !errors.Is(err, tt.want) && !(err == nil && tt.want == nil) {
			t.Errorf("Check(%q) = %v, want %v", tt.body, err, tt.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "in: ") {
			t.Errorf("error %q does not name the input", err)
		}
	}
}

func TestFeed(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Actu</title>
<item><title>Un</title><link>https://x.example/1</link><pubDate>Sun, 16 Mar 2025 18:00:00 +0100</pubDate><description>court</description><content:encoded><![CDATA[<p>Premier paragraphe complet.</p><h2>Titre</h2><p>Second.</p>]]></content:encoded></item>
<item><title>Deux</title><link>https://x.example/2</link><description>Seulement la description.</description></item>
</channel></rss>`
	docs, errs := Feed("f.rss", []byte(rss))
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("Feed = %d docs, %v", len(docs), errs)
	}
	if docs[0].Date != "2025-03-16" || docs[0].Site != "Actu" || docs[0].URL != "https://x.example/1" || len(docs[0].Lines) != 3 || !strings.HasPrefix(docs[0].Lines[1], HeadingPrefix) {
		t.Errorf("item 1 = %+v", docs[0])
	}
	if docs[1].Lines[0] != "Seulement la description." {
		t.Errorf("item 2 lines = %q", docs[1].Lines)
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://x.example/e"/><updated>2024-11-22T10:00:00Z</updated><content type="html">&lt;p&gt;Texte.&lt;/p&gt;</content></entry></feed>`
	docs, errs = Feed("a.atom", []byte(atom))
	if len(errs) != 0 || len(docs) != 1 || docs[0].Date != "2024-11-22" {
		t.Errorf("Atom = %+v, %v", docs, errs)
	}
	if _, errs := Feed("bad.rss", []byte("<rss><channel><item>")); len(errs) == 0 {
		t.Error("broken feed gave no error")
	}
}

func TestJSONL(t *testing.T) {
	in := `{"url": "https://x.example/a", "title": "T", "text": "Un texte.", "date": "2025-01-02", "site": "S", "lang": "fr", "tags": ["a"]}
{"html": "<html><body><article><p>Un paragraphe d'article assez long pour que trafilatura le garde comme texte principal de la page.</p><p>Et un second paragraphe qui complète le premier avec quelques détails.</p></article></body></html>"}

not json
{"title": "no text"}
`
	docs, errs := JSONL("in.jsonl", []byte(in))
	if len(docs) != 2 || len(errs) != 2 {
		t.Fatalf("JSONL = %d docs, errors %v", len(docs), errs)
	}
	if d := docs[0]; d.Input != "https://x.example/a" || d.Title != "T" || d.Date != "2025-01-02" || d.Site != "S" || d.Lang != "fr" || d.Tags[0] != "a" {
		t.Errorf("doc 0 = %+v", d)
	}
	if !strings.Contains(errs[0].Error(), "in.jsonl:4") || !errors.Is(errs[0], ErrMalformed) {
		t.Errorf("error 0 = %v", errs[0])
	}
	if !strings.Contains(errs[1].Error(), "in.jsonl:5") || !errors.Is(errs[1], ErrNoText) {
		t.Errorf("error 1 = %v", errs[1])
	}
}

func TestHTML(t *testing.T) {
	page := `<html lang="fr"><head><title>Le titre | Site</title><meta property="og:site_name" content="Le Site"><meta name="author" content="Ana B"><meta property="article:published_time" content="2024-11-22T08:00:00Z"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav><article><h1>Le titre</h1>
<p>Un premier paragraphe assez long pour être gardé comme texte principal par l'extracteur, avec une deuxième proposition qui l'allonge encore un peu.</p>
<p>Un deuxième paragraphe raconte la suite des événements, cite un témoin et donne le contexte nécessaire à la compréhension du lecteur.</p>
<h2>Un intertitre</h2>
<p>Un troisième paragraphe, lui aussi assez long pour compter dans le texte principal, revient sur les chiffres annoncés par les autorités.</p>
<p>Un dernier paragraphe conclut l'article en évoquant les prochaines étapes et les réactions attendues dans les jours qui viennent.</p>
</article><footer>© Le Site</footer></body></html>`
	d, err := HTML("p.html", []byte(page), "https://www.site.example/a")
	if err != nil {
		t.Fatal(err)
	}
	if d.Site != "Le Site" || d.Author != "Ana B" || d.Date != "2024-11-22" {
		t.Errorf("metadata = %+v", d)
	}
	joined := strings.Join(d.Lines, "\n")
	if !strings.Contains(joined, HeadingPrefix+"Un intertitre") || strings.Contains(joined, "Accueil") {
		t.Errorf("lines = %q", d.Lines)
	}
	if _, err := HTML("deep.html", []byte(strings.Repeat("<div>", MaxNesting+10)), ""); !errors.Is(err, ErrTooDeep) {
		t.Errorf("deep page: %v", err)
	}
}

func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss><channel><item><title>x</title><description>y</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>z</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, _ := Feed("f", b)
		for _, d := range docs {
			if d.Input == "" {
				t.Fatal("document without input name")
			}
		}
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"text": "a b c", "title": "t"}` + "\n" + `{"html": "<p>x</p>"}`))
	f.Add([]byte("{\n}\n{\"text\": 3}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, errs := JSONL("j", b)
		_ = errs
		for _, d := range docs {
			if len(d.Lines) == 0 {
				t.Fatal("document without lines")
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	page := []byte(`<html><head><title>T</title></head><body><article>` + strings.Repeat("<p>Un paragraphe assez long pour être gardé comme texte principal de la page par l'extracteur.</p>", 20) + `</article></body></html>`)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := HTML("b.html", page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	text := strings.Repeat("Une ligne de texte d'article.\n\n", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Text("b.txt", text)
	}
}

// TestJSONLLongLine: a line longer than any line-reading buffer (64 MB
// here) is read like the others, and the lines after it are not lost.
func TestJSONLLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("65 MB line")
	}
	long := bytes.Repeat([]byte("word "), 13<<20)
	in := append(append([]byte(`{"title":"Long","text":"`), long...), "\"}\n"+`{"title":"Short","text":"A short one."}`+"\n"...)
	docs, errs := JSONL("x.jsonl", in)
	if len(errs) != 0 || len(docs) != 2 || docs[1].Title != "Short" {
		t.Fatalf("%d docs, errors %v; want both lines", len(docs), errs)
	}
}

// TestFeedItemLimits: a feed item's HTML has the limits of a page: an
// item nested 10,000 levels deep is refused as too deep (never stored as
// its markup), one with a deep widget beside its paragraphs keeps them.
func TestFeedItemLimits(t *testing.T) {
	deep := strings.Repeat("<div>", 10000) + "x" + strings.Repeat("</div>", 10000)
	para := "<p>Le conseil municipal a voté mardi le budget de la rénovation du pont, après trois heures de débat entre la majorité et l'opposition.</p>"
	item := func(n int, body string) string {
		return fmt.Sprintf("<item><title>T%d</title><link>https://x.example/%d</link><description><![CDATA[%s]]></description></item>", n, n, body)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>` + item(1, deep) + item(2, para+para+deep) + `</channel></rss>`
	docs, errs := Feed("f.rss", []byte(feed))
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooDeep) || !strings.Contains(errs[0].Error(), "f.rss#1") {
		t.Errorf("deep item: errors %v", errs)
	}
	if len(docs) != 1 {
		t.Fatalf("docs %d", len(docs))
	}
	text := strings.Join(docs[0].Lines, "\n")
	if strings.Contains(text, "<div") || !strings.Contains(text, "rénovation du pont") {
		t.Errorf("item 2 lines: %.300q", text)
	}
}
