package extract

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// charsetCase is a text in the characters one charset can write, and
// that charset, for pages and files made by the tests.
type charsetCase struct {
	name  string // the label a page declares
	enc   encoding.Encoding
	lines []string
	// guessable: a file without any declaration is read right by detection
	// alone (ISO-8859-15 differs from windows-1252 only in the bytes of
	// eight letters, which no statistic can tell apart)
	guessable bool
}

var charsetCases = []charsetCase{
	{"windows-1252", charmap.Windows1252, []string{
		"Le café coûte 5 € à Noël : l’élève « Œdipe » déçoit, señor.",
		"Über die Straße gehen Männer; naïve façade, Ærø, ½ œuvre — fin.",
	}, true},
	{"iso-8859-1", charmap.ISO8859_1, []string{
		"Le café coûte cinq francs à Noël : l'élève « Dédé » déçoit, señor.",
		"Über die Straße gehen Männer; naïve façade, Ærø, ½ portion, fin.",
	}, true},
	{"iso-8859-15", charmap.ISO8859_15, []string{
		"Le café coûte 5 € à Noël : l'élève « Œdipe » déçoit, señor.",
		"Über die Straße gehen Männer; naïve façade, Šárka, Ÿvette, cœur.",
	}, false},
	{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), []string{
		"Le café coûte 5 € à Noël : l’élève « Œdipe » déçoit.",
		"東京都は月曜日、新しい防災計画を発表した。Ελληνικά, русский, العربية.",
	}, true},
	{"utf-16be", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), []string{
		"Le café coûte 5 € à Noël : l’élève « Œdipe » déçoit.",
		"国家统计局周一公布的数据显示，上半年国内生产总值同比增长。",
	}, true},
	{"shift_jis", japanese.ShiftJIS, []string{
		"東京都は月曜日、新しい防災計画を発表した。住民およそ三千人が避難訓練に参加し、消防庁の職員が指導にあたった。",
		"気象庁によると、今週末は関東地方で大雨が予想され、土砂災害への警戒が呼びかけられている。",
	}, true},
	{"gb18030", simplifiedchinese.GB18030, []string{
		"国家统计局周一公布的数据显示，上半年国内生产总值同比增长百分之五，消费对经济增长的贡献率明显提高。",
		"专家表示，下半年经济运行仍面临一些困难和挑战，但长期向好的基本面没有改变。",
	}, true},
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// charsetPage is an article page whose paragraphs are the case's lines,
// with meta as its charset declaration ("" for none).
func charsetPage(c charsetCase, meta string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + meta + "<title>Article</title></head><body><nav><a href=/>Home</a></nav><article>")
	for i := 0; i < 4; i++ {
		for _, l := range c.lines {
			b.WriteString("<p>" + l + " " + l + "</p>\n")
		}
	}
	b.WriteString("</article><footer>(c) Site</footer></body></html>")
	return b.String()
}

func wantLines(t *testing.T, what string, c charsetCase, docs []Doc, errs []error) {
	t.Helper()
	if len(errs) > 0 || len(docs) != 1 {
		t.Errorf("%s %s: %d docs, %v", c.name, what, len(docs), errs)
		return
	}
	got := strings.Join(docs[0].Lines, "\n")
	for _, l := range c.lines {
		if !strings.Contains(got, l) {
			t.Errorf("%s %s: %q missing from\n%s", c.name, what, l, got)
		}
	}
}

func TestCharsetHTML(t *testing.T) {
	for _, c := range charsetCases {
		metas := map[string]string{
			"meta charset": `<meta charset="` + c.name + `">`,
			"http-equiv":   `<meta http-equiv="Content-Type" content="text/html; charset=` + c.name + `">`,
		}
		if strings.HasPrefix(c.name, "utf-16") {
			metas = map[string]string{"BOM": ""}
		}
		for what, meta := range metas {
			b := encode(t, c.enc, charsetPage(c, meta))
			docs, errs := Parse("p.html", Detect("p", b), "", "", b)
			wantLines(t, what, c, docs, errs)
		}
		// declared by HTTP only
		b := encode(t, c.enc, charsetPage(c, ""))
		docs, errs := Parse("p", FormatHTML, "text/html; charset="+c.name, "", b)
		wantLines(t, "Content-Type", c, docs, errs)
		// HTTP wins over a wrong declaration in the page, as in browsers
		if !strings.HasPrefix(c.name, "utf-16") {
			b := encode(t, c.enc, charsetPage(c, `<meta charset="utf-8">`))
			docs, errs := Parse("p", FormatHTML, "text/html;charset="+c.name, "", b)
			wantLines(t, "Content-Type over meta", c, docs, errs)
		}
		if c.guessable {
			b := encode(t, c.enc, charsetPage(c, ""))
			docs, errs := Parse("p.html", FormatHTML, "", "", b)
			wantLines(t, "undeclared", c, docs, errs)
		}
	}
}

func TestCharsetText(t *testing.T) {
	for _, c := range charsetCases {
		if !c.guessable {
			continue
		}
		text := "Un titre\n\n" + strings.Join(c.lines, "\n\n") + "\n"
		b := encode(t, c.enc, text)
		docs, errs := Parse("a.txt", Detect("a.txt", b), "", "", b)
		wantLines(t, "text file", c, docs, errs)
		if len(docs) == 1 && strings.ContainsRune(strings.Join(docs[0].Lines, ""), '\ufeff') {
			t.Errorf("%s: BOM kept in the text", c.name)
		}
	}
	// declared by HTTP: ISO-8859-15 too
	c := charsetCases[2]
	b := encode(t, c.enc, strings.Join(c.lines, "\n"))
	docs, errs := Parse("u", FormatText, "text/plain; charset=ISO-8859-15", "", b)
	wantLines(t, "text/plain", c, docs, errs)
}

func TestCharsetFeed(t *testing.T) {
	c := charsetCases[0]
	item := "<item><title>T</title><link>https://x.example/1</link><description>" + c.lines[0] + " " + c.lines[1] + "</description></item>"
	declared := `<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>S</title>` + item + `</channel></rss>`
	undeclared := `<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>` + item + `</channel></rss>`
	for what, feed := range map[string]string{"declared": declared, "undeclared": undeclared} {
		b := encode(t, c.enc, feed)
		docs, errs := Parse("f.rss", FormatFeed, "", "", b)
		wantLines(t, "feed "+what, c, docs, errs)
	}
	b := encode(t, c.enc, undeclared)
	docs, errs := Parse("f", FormatFeed, "application/rss+xml; charset=windows-1252", "", b)
	wantLines(t, "feed over HTTP", c, docs, errs)
	u := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	b = encode(t, u, strings.Replace(declared, "windows-1252", "UTF-16", 1))
	docs, errs = Parse("f.rss", Detect("f", b), "", "", b)
	wantLines(t, "feed UTF-16", c, docs, errs)
}

func TestDecodeRefusesOnlyBinary(t *testing.T) {
	for _, b := range [][]byte{{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, {}, []byte(" \n")} {
		if _, err := Decode("x", FormatText, "", b); err == nil {
			t.Errorf("Decode(%q) accepted", b)
		}
	}
	if _, err := Decode("x", FormatText, "", []byte("\x89PNG\x00")); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	// invalid UTF-8 is not refused any more: it is another charset
	if b, err := Decode("x", FormatText, "", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e")); err != nil || string(b) != "café crème brûlée" {
		t.Errorf("Latin-1: %q, %v", b, err)
	}
}
