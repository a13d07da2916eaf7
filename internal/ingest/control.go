package ingest

import (
	"strings"

	"github.com/dossier-news/dossier/internal/extract"
)

// dropControl removes the control characters from every text field of a
// document, where extraction hands it to cleaning: C0 but tab, DEL and C1
// are never text (a NUL in a JSON string, an escape sequence in a page),
// and stored they would reach whoever reads them. Form feeds, vertical
// tabs and carriage returns inside a line are spacing: they become spaces.
func dropControl(d extract.Doc) extract.Doc {
	for i, l := range d.Lines {
		if hasControl(l) {
			// a copy: the lines may be shared with the caller
			lines := make([]string, len(d.Lines))
			copy(lines, d.Lines)
			for j := i; j < len(lines); j++ {
				lines[j] = stripControl(lines[j])
			}
			d.Lines = lines
			break
		}
	}
	for _, f := range []*string{&d.Title, &d.Site, &d.Author, &d.Date, &d.Lang, &d.URL} {
		*f = stripControl(*f)
	}
	if len(d.Tags) > 0 {
		tags := make([]string, 0, len(d.Tags))
		for _, t := range d.Tags {
			tags = append(tags, stripControl(t))
		}
		d.Tags = tags
	}
	return d
}

// hasControl: s holds a C0 control but tab, DEL or a C1 control (whose
// UTF-8 form starts with 0xC2).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0 {
			return true
		}
	}
	return false
}

func stripControl(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r == '\t':
			return r
		case r < 0x20 || 0x7f <= r && r <= 0x9f:
			return -1
		}
		return r
	}, s)
}
