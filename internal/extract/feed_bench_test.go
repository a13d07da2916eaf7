package extract

import (
	"fmt"
	"github.com/mmcdole/gofeed"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkFeedMemory parses one RSS feed of $DOSSIER_BENCH_FEED_MB
// (default 32, ingest's default --max-size, the largest feed a file or a
// URL may be) and reports what the parse allocates and the heap the
// process holds after it: feeds are parsed whole (gofeed has no item by
// item reader), so this is the memory a feed costs at most.
//
//	go test -run '^$' -bench FeedMemory -benchtime 1x ./internal/extract
func BenchmarkFeedMemory(b *testing.B) {
	mb := 32
	if v, err := strconv.Atoi(os.Getenv("DOSSIER_BENCH_FEED_MB")); err == nil && v > 0 {
		mb = v
	}
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Site</title><language>fr</language>`)
	n := 0
	for sb.Len() < mb<<20 {
		n++
		fmt.Fprintf(&sb, "<item><title>Conseil municipal %d</title><link>https://news.example/%d</link><pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate><description>Le conseil municipal a voté mardi soir un budget de %d euros pour la rénovation de l'école, après un débat de %d heures entre la majorité et l'opposition, qui demandait un report du vote.</description></item>\n", n, n, 1000+n*37%900000, 1+n%5)
	}
	sb.WriteString("</channel></rss>")
	feed := []byte(sb.String())
	sb.Reset()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		docs, errs := Feed("big.xml", feed)
		if len(docs) != n || len(errs) != 0 {
			b.Fatalf("%d items of %d, %d errors", len(docs), n, len(errs))
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(len(feed))/(1<<20), "feed-MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
	b.ReportMetric(float64(after.HeapSys)/(1<<20), "heap-sys-MB")
	b.ReportMetric(float64(n), "items")
}

// TestFeedByItem: a feed parsed item by item gives what the whole parse
// gives, with the namespaces of the feed's head (content:encoded,
// dc:creator) and for Atom; a malformed item is one error, not the feed.
func TestFeedByItem(t *testing.T) {
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Le Site</title><language>fr</language>
<item><title>Un</title><link>https://s.example/1</link><dc:creator>Ana B</dc:creator><pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>Le conseil a voté le budget de l'école mardi soir, après un long débat.</p>]]></content:encoded></item>
<item><title>Deux</title><link>https://s.example/2</link><description>La route de Blois sera refaite en 2025, a annoncé le département.</description><category>routes</category></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title>
<entry><title>Trois</title><link href="https://a.example/3"/><updated>2024-11-20T08:00:00Z</updated><author><name>Luc</name></author><content type="html">&lt;p&gt;Le pont de Tours rouvre lundi aux voitures.&lt;/p&gt;</content></entry></feed>`
	for name, feed := range map[string]string{"rss": rss, "atom": atom} {
		got, gotErrs, ok := feedByItem(name, []byte(feed))
		f, err := gofeed.NewParser().Parse(strings.NewReader(feed))
		if err != nil {
			t.Fatal(err)
		}
		want, wantErrs := feedDocs(name, f, 0)
		if !ok || fmt.Sprint(got) != fmt.Sprint(want) || len(gotErrs) != len(wantErrs) {
			t.Errorf("%s: by item (ok %v)\n%+v %v\nwhole\n%+v %v", name, ok, got, gotErrs, want, wantErrs)
		}
	}
	bad := strings.Replace(rss, "<title>Deux</title>", "<title>Deux</title><description>x</descr>", 1)
	docs, errs := Feed("bad.xml", []byte(bad))
	if len(docs) == 0 || docs[0].Author != "Ana B" {
		t.Errorf("malformed second item: docs %+v, errors %v", docs, errs)
	}
}
