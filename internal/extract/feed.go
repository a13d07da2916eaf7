package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Feed reads an RSS or Atom feed; each item is a document, with the full
// content:encoded where present, else the description. A UTF-8 feed is
// parsed item by item (feedItems): the parser builds a tree many times
// the size of its input, 456 MB for a 32 MB feed parsed whole.
func Feed(input string, b []byte) ([]Doc, []error) {
	if enc := xmlEncoding(b); enc == "" || strings.EqualFold(enc, "utf-8") {
		if docs, errs, ok := feedByItem(input, b); ok {
			return docs, errs
		}
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, []error{inputErr(input, fmt.Errorf("%w feed: %v", ErrMalformed, err))}
	}
	return feedDocs(input, f, 0)
}

// feedByItem parses each item of a feed on its own, as a feed of one item
// with the feed's head (what comes before the first item: its title,
// language and namespaces). ok is false when the feed cannot be cut so
// (not well-formed enough to find its items, or no items): the caller
// parses it whole.
func feedByItem(input string, b []byte) (docs []Doc, errs []error, ok bool) {
	items, head, tail, err := feedItems(b)
	if err != nil || len(items) == 0 || len(head) > 1<<20 {
		return nil, nil, false
	}
	p := gofeed.NewParser()
	for i, it := range items {
		one := make([]byte, 0, len(head)+len(it)+len(tail))
		one = append(append(append(one, head...), it...), tail...)
		f, err := p.Parse(bytes.NewReader(one))
		if err != nil || len(f.Items) != 1 {
			if i == 0 {
				return nil, nil, false // the head itself does not parse: the whole feed is tried
			}
			errs = append(errs, inputErr(fmt.Sprintf("%s#%d", input, i+1), fmt.Errorf("%w feed item: %v", ErrMalformed, err)))
			continue
		}
		d, e := feedDocs(input, f, i)
		docs, errs = append(docs, d...), append(errs, e...)
	}
	return docs, errs, true
}

// feedItems cuts a feed into the raw bytes of its items (RSS <item>, Atom
// <entry>), the bytes before the first item, and the end tags that close
// what is open around the items.
func feedItems(b []byte) (items [][]byte, head, tail []byte, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	var stack []xml.Name
	start, itemDepth := int64(-1), -1
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if itemDepth < 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				if head == nil {
					head = b[:off]
					for i := len(stack) - 1; i >= 0; i-- {
						tail = append(tail, "</"+qname(stack[i])+">"...)
					}
				}
				start, itemDepth = off, len(stack)
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, nil, nil, fmt.Errorf("unbalanced </%s>", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
			if len(stack) == itemDepth {
				items = append(items, b[start:d.InputOffset()])
				itemDepth = -1
			}
		}
	}
	if itemDepth >= 0 {
		return nil, nil, nil, errors.New("unclosed item")
	}
	return items, head, tail, nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// feedDocs turns the items of a parsed feed into documents; first is the
// number of the feed's first item, for their names.
func feedDocs(input string, f *gofeed.Feed, first int) ([]Doc, []error) {
	var docs []Doc
	var errs []error
	for i, it := range f.Items {
		name := fmt.Sprintf("%s#%d", input, first+i+1)
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
	if len(f.Items) == 0 && first == 0 {
		errs = append(errs, inputErr(input, fmt.Errorf("%w: feed has no items", ErrNoText)))
	}
	return docs, errs
}
