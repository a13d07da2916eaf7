package extract

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// warcRecordBytes writes one WARC/1.1 record as crawlers do.
func warcRecordBytes(typ, uri, date, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%08x-1111-2222-3333-444455556666>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
		date, len(block)*7919+len(typ), contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

func httpResponse(status, headers string, body []byte) []byte {
	return append([]byte("HTTP/1.1 "+status+"\r\n"+headers+fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))), body...)
}

// testWARC returns the records of a small crawl and the articles in it.
func testWARC(t *testing.T) ([][]byte, map[string]string) {
	para := func(s string) string { return strings.Repeat("<p>"+s+" "+s+"</p>\n", 4) }
	page1 := "<html><head><title>Crue</title></head><body><article>" + para("La préfecture du Loiret a évacué 2 000 habitants dimanche soir, à cause de la crue de la Loire.") + "</article></body></html>"
	page2 := "<html><head><title>Digues</title></head><body><article>" + para("Les digues de la Loire ont tenu, selon les ingénieurs, mais la décrue sera lente cette semaine.") + "</article></body></html>"
	latin, err := charmap.Windows1252.NewEncoder().Bytes([]byte(page2))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page1))
	zw.Close()
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", gz.Len(), gz.String())
	text := "Un titre\n\nLes pompiers du Loiret sont intervenus plus de 300 fois depuis le début de la crue, selon le service départemental.\n"
	d := "2025-03-14T10:00:00Z"
	recs := [][]byte{
		warcRecordBytes("warcinfo", "", d, "application/warc-fields", []byte("software: test\r\nformat: WARC File Format 1.1\r\n")),
		warcRecordBytes("request", "https://a.example/crue", d, "application/http; msgtype=request", []byte("GET /crue HTTP/1.1\r\nHost: a.example\r\n\r\n")),
		warcRecordBytes("response", "https://a.example/crue", "2025-03-14T10:00:01Z", "application/http; msgtype=response",
			append([]byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"), chunked...)),
		warcRecordBytes("metadata", "https://a.example/crue", d, "application/warc-fields", []byte("outlink: https://a.example/x\r\n")),
		warcRecordBytes("response", "https://a.example/logo.png", d, "application/http; msgtype=response", httpResponse("200 OK", "Content-Type: image/png\r\n", []byte("\x89PNG\r\n\x1a\n\x00\x00"))),
		warcRecordBytes("response", "https://a.example/missing", d, "application/http; msgtype=response", httpResponse("404 Not Found", "Content-Type: text/html\r\n", []byte("<html>not found</html>"))),
		warcRecordBytes("response", "https://b.example/digues", "2025-03-15T08:30:00Z", "application/http; msgtype=response", httpResponse("200 OK", "Content-Type: text/html; charset=windows-1252\r\n", latin)),
		warcRecordBytes("revisit", "https://b.example/digues", d, "application/http; msgtype=response", []byte("HTTP/1.1 200 OK\r\n\r\n")),
		warcRecordBytes("resource", "file:///crawl/pompiers.txt", "2025-03-16T12:00:00Z", "text/plain", []byte(text)),
	}
	want := map[string]string{
		"https://a.example/crue":     "La préfecture du Loiret a évacué 2 000 habitants",
		"https://b.example/digues":   "Les digues de la Loire ont tenu, selon les ingénieurs, mais la décrue sera lente",
		"file:///crawl/pompiers.txt": "Les pompiers du Loiret sont intervenus plus de 300 fois",
	}
	return recs, want
}

func TestWARC(t *testing.T) {
	recs, want := testWARC(t)
	var plain, gzipped, whole bytes.Buffer
	for _, r := range recs {
		plain.Write(r)
		zw := gzip.NewWriter(&gzipped) // one gzip member a record, as crawlers write
		zw.Write(r)
		zw.Close()
	}
	zw := gzip.NewWriter(&whole) // the file gzipped whole, as gzip(1) does
	zw.Write(plain.Bytes())
	zw.Close()
	fetched := map[string]string{"https://a.example/crue": "2025-03-14T10:00:01Z", "https://b.example/digues": "2025-03-15T08:30:00Z", "file:///crawl/pompiers.txt": "2025-03-16T12:00:00Z"}
	for name, b := range map[string][]byte{"crawl.warc": plain.Bytes(), "crawl.warc.gz": gzipped.Bytes(), "whole.warc.gz": whole.Bytes()} {
		if f := Detect(name, b); f != FormatWARC {
			t.Fatalf("Detect(%s) = %s", name, f)
		}
		skipped := WARCSkipped{}
		var docs []Doc
		WARC(name, bytes.NewReader(b), 1<<20, skipped, func(d Doc, err error) bool {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			docs = append(docs, d)
			return true
		})
		if len(docs) != len(want) {
			t.Errorf("%s: %d articles, want %d", name, len(docs), len(want))
		}
		for _, d := range docs {
			w, ok := want[d.URL]
			if !ok || d.Input != d.URL || !strings.Contains(strings.Join(d.Lines, "\n"), w) {
				t.Errorf("%s: article %s: %q", name, d.URL, d.Lines)
			}
			if got := d.Fetched.Format(time.RFC3339); got != fetched[d.URL] {
				t.Errorf("%s: %s fetched %s, want %s", name, d.URL, got, fetched[d.URL])
			}
		}
		wantSkipped := WARCSkipped{"warcinfo record": 1, "request record": 1, "metadata record": 1, "revisit record": 1, "not HTML or text": 1, "HTTP status other than 200": 1}
		if fmt.Sprint(skipped) != fmt.Sprint(wantSkipped) {
			t.Errorf("%s: skipped %v, want %v", name, skipped, wantSkipped)
		}
	}
	// a record over the cap is one error, and the records after it are read
	var docs, errs int
	WARC("c.warc", bytes.NewReader(plain.Bytes()), 200, WARCSkipped{}, func(d Doc, err error) bool {
		if err != nil {
			errs++
		} else {
			docs++
		}
		return true
	})
	if docs != 1 || errs != 2 { // the text resource is small enough
		t.Errorf("capped: %d docs, %d errors", docs, errs)
	}
	// a truncated file: the records before the break, then one error
	cut := plain.Bytes()[:plain.Len()-len(recs[len(recs)-1])/2]
	docs, errs = 0, 0
	WARC("cut.warc", bytes.NewReader(cut), 1<<20, WARCSkipped{}, func(d Doc, err error) bool {
		if err != nil {
			errs++
			if !strings.Contains(err.Error(), "cut.warc#9") {
				t.Errorf("error does not name the record: %v", err)
			}
		} else {
			docs++
		}
		return true
	})
	if docs != 2 || errs != 1 {
		t.Errorf("truncated: %d docs, %d errors", docs, errs)
	}
}

func FuzzWARC(f *testing.F) {
	f.Add(warcRecordBytes("response", "https://x.example/", "2025-01-01T00:00:00Z", "application/http; msgtype=response", httpResponse("200 OK", "Content-Type: text/html\r\n", []byte("<p>x</p>"))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		WARC("f.warc", bytes.NewReader(b), 1<<16, WARCSkipped{}, func(d Doc, err error) bool {
			if err == nil && (len(d.Lines) == 0 || d.Input == "") {
				t.Fatal("document without lines or input")
			}
			return true
		})
	})
}
