package extract

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Feed reads an RSS or Atom feed; each item is a document, with the full
// content:encoded where present, else the description.
func Feed(input string, b []byte) ([]Doc, []error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, []error{inputErr(input, fmt.Errorf("%w feed: %v", ErrMalformed, err))}
	}
	var docs []Doc
	var errs []error
	for i, it := range f.Items {
		name := fmt.Sprintf("%s#%d", input, i+1)
		body, partial := it.Content, false
		if strings.TrimSpace(body) == "" {
			body, partial = it.Description, true
		}
		if strings.TrimSpace(body) == "" {
			errs = append(errs, inputErr(name, ErrNoText))
			continue
		}
		lines, err := ItemLines(name, body, it.Link)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d := Doc{Input: name, Format: FormatFeed, Lines: lines, Partial: partial, Title: strings.TrimSpace(it.Title), URL: it.Link, Site: strings.TrimSpace(f.Title), Lang: f.Language}
		if it.Link != "" {
			d.Input = it.Link
		}
		if it.PublishedParsed != nil {
			d.Date = it.PublishedParsed.UTC().Format("2006-01-02")
		} else if it.UpdatedParsed != nil {
			d.Date = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			d.Author = it.Authors[0].Name
		}
		d.Tags = append(d.Tags, it.Categories...)
		docs = append(docs, d)
	}
	if len(f.Items) == 0 {
		errs = append(errs, inputErr(input, fmt.Errorf("%w: feed has no items", ErrNoText)))
	}
	return docs, errs
}
