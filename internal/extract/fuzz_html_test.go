package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHTML: any page is a document or one input error naming it, never a
// panic, and what is extracted is text.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title></head><body><article><p>Un paragraphe de texte.</p></article></body></html>`))
	f.Add([]byte(`<div><div><div><p>x</p></div></div>` + strings.Repeat("<b>", 600)))
	f.Add([]byte("<p>\x00\x1b[2J</p><script>x</script><p>é\xff</p>"))
	f.Add([]byte(`<html><body><table><tr><td>1<td>2</table><p>Fin.`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := HTML("f.html", b, "https://example.org/a")
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Input != "f.html" {
				t.Fatalf("error %v does not name the input", err)
			}
			return
		}
		for _, l := range d.Lines {
			// pages reach HTML checked (Check refuses invalid UTF-8)
			if utf8.Valid(b) && !utf8.ValidString(l) {
				t.Fatalf("line %q is not UTF-8", l)
			}
		}
	})
}
