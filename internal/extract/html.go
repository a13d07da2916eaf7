package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extracts the main text of a page with go-trafilatura (whose
// metadata date comes from go-htmldate) and keeps headings as headings.
// pageURL, when known, resolves relative links and gives the outlet.
func HTML(input string, b []byte, pageURL string) (Doc, error) {
	// a widget nested too deeply is cut, not the page: the parser and the
	// extractors stop at depth, the article is rarely the deep part
	b, pruned := prune(b, MaxNesting-16) // the parser adds html, body and the like above the page's tags
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return Doc{}, inputErr(input, fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	noText := ErrNoText
	if pruned {
		noText = fmt.Errorf("%w (more than %d levels, nothing left once cut)", ErrTooDeep, MaxNesting)
	}
	opts := trafilatura.Options{ExcludeComments: true, EnableFallback: true, Deduplicate: false}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return Doc{}, inputErr(input, noText)
	}
	d := Doc{Input: input, Format: FormatHTML}
	d.Lines = blockLines(res.ContentNode)
	if len(d.Lines) == 0 {
		return Doc{}, inputErr(input, noText)
	}
	m := res.Metadata
	d.Title = strings.TrimSpace(m.Title)
	d.Site = strings.TrimSpace(m.Sitename)
	d.Author = strings.TrimSpace(m.Author)
	d.URL = m.URL
	if d.URL == "" {
		d.URL = pageURL
	}
	d.Lang = m.Language
	if !m.Date.IsZero() {
		d.Date = m.Date.Format("2006-01-02")
	}
	d.Tags = append(append([]string(nil), m.Categories...), m.Tags...)
	return d, nil
}

// HeadingPrefix marks a line that the markup says is a heading; cleaning
// strips it and labels the line a heading.
const HeadingPrefix = "\x01h "

// ItemPrefix marks a list item and RowPrefix a table row (its cells joined
// by CellSep): cleaning keeps them as lines of their own when the list or
// table belongs to the article.
const (
	ItemPrefix = "\x01li "
	RowPrefix  = "\x01tr "
	CellSep    = " | "
)

// blockLines flattens an HTML tree into one line per block element, a list
// item or a table row being one line.
func blockLines(n *html.Node) []string {
	var lines []string
	var cur strings.Builder
	heading := false
	items, rows := 0, 0 // depth of the list items and table rows around
	flush := func() {
		s := strings.Join(strings.Fields(cur.String()), " ")
		if s != "" && s != strings.TrimSpace(CellSep) {
			switch {
			case heading:
				s = HeadingPrefix + s
			case rows > 0:
				s = RowPrefix + strings.Trim(s, "| ")
			case items > 0:
				s = ItemPrefix + s
			}
			lines = append(lines, s)
		}
		cur.Reset()
		heading = false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch atom.Lookup([]byte(strings.ToLower(n.Data))) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				if rows > 0 {
					cur.WriteByte(' ')
				} else {
					flush()
				}
				return
			}
		}
		// trafilatura builds its output tree without atoms: compare names
		a := atom.Lookup([]byte(strings.ToLower(n.Data)))
		block := n.Type == html.ElementNode && isBlock(a)
		cell := rows > 0 && (a == atom.Td || a == atom.Th)
		if rows > 0 && a != atom.Table {
			block = false // a row is one line, whatever blocks its cells hold
		}
		if block {
			flush()
			switch a {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				heading = true
			case atom.Li, atom.Dd, atom.Dt:
				items++
				defer func() { items-- }()
			case atom.Tr:
				rows++
				defer func() { rows-- }()
			}
		}
		if cell && cur.Len() > 0 {
			cur.WriteString(CellSep)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return lines
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Figure, atom.Figcaption, atom.Main, atom.Aside, atom.Nav, atom.Dd, atom.Dt, atom.Hr:
		return true
	}
	// trafilatura's output tree uses its own names for some blocks.
	return false
}

// prune returns the page without the elements nested deeper than max
// levels (their content with them), and whether it cut any. Only a page
// that goes too deep is copied.
func prune(b []byte, max int) ([]byte, bool) {
	if depthOf(b) <= max {
		return b, false
	}
	var out bytes.Buffer
	out.Grow(len(b))
	z := html.NewTokenizer(bytes.NewReader(b))
	depth := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes(), true
		}
		keep := depth <= max
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !isVoid(string(name)) {
				depth++
				keep = depth <= max
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !isVoid(string(name)) && depth > 0 {
				depth--
			}
		}
		if keep {
			out.Write(z.Raw())
		}
	}
}

// depthOf is the deepest element nesting of a page, counted on its tags
// (p and li, often left open, do not count).
func depthOf(b []byte) int {
	z := html.NewTokenizer(bytes.NewReader(b))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if isVoid(string(name)) {
				continue
			}
			depth++
			deepest = max(deepest, depth)
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li":
		return true
	}
	return false
}

// FragmentLines turns an HTML fragment into lines without main-text
// extraction, with the depth limit of pages: elements nested too deeply
// are cut, and a fragment the parser refuses gives no lines (never its
// markup as text).
func FragmentLines(s string) []string {
	b, _ := prune([]byte(s), MaxNesting-16)
	nodes, err := html.ParseFragment(bytes.NewReader(b), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return blockLines(root)
}

// ItemLines extracts the text of a feed item's HTML as a page's: the same
// depth limit, the same main-text extraction (which drops the share bars,
// "related" lists and "appeared first on" trailers feeds put in items).
// An item is the article already, and often short: when extraction keeps
// less than half of its text, the item's own blocks are its lines.
func ItemLines(input, fragment, link string) ([]string, error) {
	if !strings.ContainsAny(fragment, "<&") {
		return nonEmpty(strings.Split(fragment, "\n")), nil
	}
	own := FragmentLines(fragment)
	if len(own) == 0 {
		if depthOf([]byte(fragment)) > MaxNesting-16 {
			return nil, inputErr(input, fmt.Errorf("%w (more than %d levels, nothing left once cut)", ErrTooDeep, MaxNesting))
		}
		return nil, inputErr(input, ErrNoText)
	}
	d, err := HTML(input, []byte("<html><body><article>"+fragment+"</article></body></html>"), link)
	if err != nil || 2*textLen(d.Lines) < textLen(own) {
		return own, nil
	}
	// the extractor's fallbacks may merge blocks of a short fragment:
	// keep its choice of blocks, never text the item does not have as is
	all := strings.Join(own, "\n")
	for _, l := range d.Lines {
		if !strings.Contains(all, stripMarks(l)) {
			return own, nil
		}
	}
	return d.Lines, nil
}

func stripMarks(l string) string {
	for _, p := range []string{HeadingPrefix, ItemPrefix, RowPrefix} {
		l = strings.TrimPrefix(l, p)
	}
	return l
}

func textLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return n
}

func nonEmpty(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
