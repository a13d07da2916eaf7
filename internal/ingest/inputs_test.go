package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var encodedCases = []struct {
	label string
	enc   encoding.Encoding
	text  string
}{
	{"windows-1252", charmap.Windows1252, "Le café coûte 5 € à Noël : l’élève « Œdipe » déçoit, señor Müller."},
	{"iso-8859-1", charmap.ISO8859_1, "Le café coûte cinq francs à Noël : l'élève « Dédé » déçoit, señor Müller."},
	{"iso-8859-15", charmap.ISO8859_15, "Le café coûte 5 € à Noël : l'élève « Œdipe » déçoit, Šárka et Ÿvette."},
	{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "Le café coûte 5 € à Noël, 東京都は月曜日、防災計画を発表した。"},
	{"shift_jis", japanese.ShiftJIS, "東京都は月曜日、新しい防災計画を発表した。住民およそ三千人が避難訓練に参加し、消防庁の職員が指導にあたった。"},
	{"gb18030", simplifiedchinese.GB18030, "国家统计局周一公布的数据显示，上半年国内生产总值同比增长百分之五，消费对经济增长的贡献率明显提高。"},
}

func encodedPage(text, meta string) string {
	p := strings.Repeat("<p>"+text+" "+text+"</p>\n", 5)
	return "<!DOCTYPE html><html><head>" + meta + "<title>Article</title></head><body><article>" + p + "</article></body></html>"
}

func docsText(docs []extract.Doc) string {
	var all []string
	for _, d := range docs {
		all = append(all, d.Lines...)
	}
	return strings.Join(all, "\n")
}

// TestReadCharsets reads pages and text files in other charsets than
// UTF-8 from files and from URLs, declared in the page, by HTTP or not at
// all, and wants every character back.
func TestReadCharsets(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pages := map[string][]byte{}
	headers := map[string]string{}
	p := New(nil, Options{AllowPrivate: true})
	for _, c := range encodedCases {
		meta := `<meta charset="` + c.label + `">`
		if strings.HasPrefix(c.label, "utf-16") {
			meta = ""
		}
		page, err := c.enc.NewEncoder().Bytes([]byte(encodedPage(c.text, meta)))
		if err != nil {
			t.Fatal(err)
		}
		bare, err := c.enc.NewEncoder().Bytes([]byte(encodedPage(c.text, "")))
		if err != nil {
			t.Fatal(err)
		}
		pages["/meta/"+c.label] = page
		headers["/meta/"+c.label] = "text/html"
		pages["/http/"+c.label] = bare
		headers["/http/"+c.label] = "text/html; charset=" + c.label
		file := filepath.Join(dir, c.label+".html")
		if err := os.WriteFile(file, page, 0o644); err != nil {
			t.Fatal(err)
		}
		txt, err := c.enc.NewEncoder().Bytes([]byte("Un titre\n\n" + c.text + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		txtFile := filepath.Join(dir, c.label+".txt")
		if err := os.WriteFile(txtFile, txt, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{file, txtFile} {
			if c.label == "iso-8859-15" && name == txtFile {
				continue // undeclared ISO-8859-15 cannot be told from windows-1252
			}
			docs, errs := p.read(ctx, source{name: name}, nil)
			if got := docsText(docs); len(errs) > 0 || !strings.Contains(got, c.text) {
				t.Errorf("%s: %q, %v", filepath.Base(name), got, errs)
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", headers[r.URL.Path])
		w.Write(b)
	}))
	defer srv.Close()
	for _, c := range encodedCases {
		for _, how := range []string{"meta", "http"} {
			u := srv.URL + "/" + how + "/" + c.label
			docs, errs := p.read(ctx, source{name: u, url: true}, nil)
			if got := docsText(docs); len(errs) > 0 || !strings.Contains(got, c.text) {
				t.Errorf("%s: %q, %v", u, got, errs)
			}
		}
	}
}
