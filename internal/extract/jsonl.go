package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// jsonArticle is one line of a JSON Lines input.
type jsonArticle struct {
	URL    string          `json:"url"`
	Title  string          `json:"title"`
	Text   string          `json:"text"`
	HTML   string          `json:"html"`
	Date   string          `json:"date"`
	Site   string          `json:"site"`
	Lang   string          `json:"lang"`
	Author string          `json:"author"`
	Tags   json.RawMessage `json:"tags"`
}

// JSONL reads one article a line; a bad line is one error and the others go on.
func JSONL(input string, b []byte) ([]Doc, []error) {
	var docs []Doc
	var errs []error
	// Lines are cut from the input, already in memory and within the size
	// limit, with no limit of their own: a scanner's line limit stopped the
	// reading at a long line, losing the good lines after it.
	n := 0
	for rest := b; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte{'\n'})
		n++
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		name := fmt.Sprintf("%s:%d", input, n)
		var ja jsonArticle
		if err := json.Unmarshal(line, &ja); err != nil {
			errs = append(errs, inputErr(name, fmt.Errorf("%w JSON: %v", ErrMalformed, err)))
			continue
		}
		var d Doc
		switch {
		case strings.TrimSpace(ja.Text) != "":
			d = Text(name, ja.Text)
		case strings.TrimSpace(ja.HTML) != "":
			var err error
			d, err = HTML(name, []byte(ja.HTML), ja.URL)
			if err != nil {
				errs = append(errs, err)
				continue
			}
		default:
			errs = append(errs, inputErr(name, fmt.Errorf("%w: neither text nor html", ErrNoText)))
			continue
		}
		d.Format = FormatJSONL
		if ja.URL != "" {
			d.URL = ja.URL
			d.Input = ja.URL
		}
		d.Title = firstNonEmpty(ja.Title, d.Title)
		d.Date = firstNonEmpty(ja.Date, d.Date)
		d.Site = firstNonEmpty(ja.Site, d.Site)
		d.Lang = firstNonEmpty(ja.Lang, d.Lang)
		d.Author = firstNonEmpty(ja.Author, d.Author)
		if len(ja.Tags) > 0 {
			var tags []string
			if json.Unmarshal(ja.Tags, &tags) == nil {
				d.Tags = append(d.Tags, tags...)
			}
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
