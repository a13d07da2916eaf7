package clean

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/zeebo/xxh3"
)

// Options tune cleaning.
type Options struct {
	// Recurring reports in how many other articles (with different
	// content) a line has been seen; nil means no corpus knowledge yet.
	Recurring func(key uint64) int
	// MinRecurrence is how many other articles must share a line before
	// it counts as boilerplate; 0 means 2.
	MinRecurrence int
	// RecurringSpan reports in how many other pages of the same site a
	// word span (SpanKeys) has been seen; nil turns span furniture off.
	RecurringSpan func(key uint64) int
	// MinSpanRecurrence: 0 means MinSpanRecurrence.
	MinSpanRecurrence int
	// GluedElsewhere reports how many other sites of the corpus write a
	// word with an inner capital (case folded: "techcrunch") as one word:
	// corpus evidence that it is a name, kept whole like a name the page
	// itself writes so twice. A scraping artefact ("BloombergLa") comes
	// from one site's template. nil means no corpus knowledge.
	GluedElsewhere func(folded string) int
}

// Result is a cleaned document.
type Result struct {
	Title      string
	Site       string
	Author     string
	Date       string
	SourceURL  string
	Tags       []string
	Text       string
	Paragraphs []dossier.Paragraph
	Removed    []dossier.Removed
}

// line is one non-empty input line being labelled.
type line struct {
	n       int // 1-based line number in the input
	orig    string
	text    string // trimmed, unglued
	words   int
	glued   int    // words unglued in the line
	written string // trimmed, before ungluing: the recurrence key's text
	kind    kind
	label   dossier.Label
	why     why // what made the label; rendered as the user-facing reason at the end
	arg     int // the why's argument: recurrence count, pattern index
}

// kind is a line's structure in the markup.
type kind uint8

const (
	kindPlain kind = iota
	kindItem       // a list item
	kindRow        // a table row, its cells joined by extract.CellSep
)

// why is the ground of a line's label. Passes steer by it; the sentence a
// user reads is made from it only when the removed lines are reported.
type why uint8

const (
	whyNone          why = iota // the label says it all
	whyMarkup                   // a heading in the markup
	whySource                   // a link to the original article
	whyByline                   // a byline
	whyTagLine                  // tags separated by bars
	whyPattern                  // a boilerplate phrase; arg is its index in boilerplatePatterns
	whyRecurs                   // recurs across articles; arg is how many
	whyTitle                    // the title
	whyHeadline                 // a headline when the metadata gives the title
	whyBanner                   // a site banner
	whyBannerRecurs             // a site banner recurring across articles
	whyBreadcrumb               // breadcrumb navigation
	whyCaption                  // image caption or credit
	whyTagWords                 // a category or tag
	whyStray                    // stray short line
	whyOutside                  // outside the article body
	whyOrphanHeading            // a heading with no text after it
	whyNavList                  // a list of short items with no figures
	whyFurnitureList            // a list after furniture
	whySpan                     // word spans recurring across the site's pages; arg is how many
)

func (l *line) set(label dossier.Label, w why) { l.label, l.why, l.arg = label, w, 0 }

// reason is the sentence shown to a user for a removed line.
func (l *line) reason() string {
	switch l.why {
	case whyMarkup:
		return "marked as a heading in the markup"
	case whySource:
		return "link to the original article"
	case whyByline:
		return "byline"
	case whyTagLine:
		return "tag line"
	case whyPattern:
		return boilerplatePatterns[l.arg].reason
	case whyRecurs:
		return "recurs in " + strconv.Itoa(l.arg) + " other articles"
	case whyTitle:
		return "the title"
	case whyHeadline:
		return "a headline; the metadata gives the title"
	case whyBanner:
		return "site banner"
	case whyBannerRecurs:
		return "site banner (recurs across articles)"
	case whyBreadcrumb:
		return "breadcrumb navigation"
	case whyCaption:
		return "image caption or credit"
	case whyTagWords:
		return "category or tag"
	case whyStray:
		return "stray short line with no sentence shape"
	case whyOutside:
		return "outside the article body"
	case whyOrphanHeading:
		return "heading with no text after it"
	case whyNavList:
		return "navigation list (short items with no figures)"
	case whySpan:
		if l.arg >= spanDocs-1 {
			// a span remembers its last spanDocs pages: past them the count is not known
			return "recurs in " + strconv.Itoa(spanDocs-1) + " or more other recent pages of the site (furniture span)"
		}
		return "recurs in " + strconv.Itoa(l.arg) + " other recent pages of the site (furniture span)"
	case whyFurnitureList:
		return "list or table after removed furniture"
	}
	return string(l.label)
}

// maxPatternWords: a boilerplate phrase inside a long paragraph is quoted
// text, not boilerplate.
const maxPatternWords = 20

// cleaner holds the state the passes share.
type cleaner struct {
	d   extract.Doc
	opt Options
	res Result
	ls  []*line
	// first and last are the indexes of the first and last paragraph of the
	// body; noBody says no line has paragraph shape.
	first, last int
	noBody      bool
	v           vocab // the page's words, made when a line needs ungluing
}

func (c *cleaner) vocab() vocab {
	if c.v == nil {
		c.v = newVocab(c.d.Lines)
		if c.opt.GluedElsewhere != nil {
			for w := range c.v {
				if c.opt.GluedElsewhere(w) > 0 {
					c.v[w] += 2 // as if the page wrote it glued twice more
				}
			}
		}
	}
	return c.v
}

// Clean labels the lines of d and builds the clean text.
func Clean(d extract.Doc, opt Options) Result {
	if opt.MinRecurrence == 0 {
		opt.MinRecurrence = 2
	}
	if opt.MinSpanRecurrence == 0 {
		opt.MinSpanRecurrence = MinSpanRecurrence
	}
	c := &cleaner{d: d, opt: opt, res: Result{Title: d.Title, Site: d.Site, Author: d.Author, Date: d.Date}}
	c.res.Tags = append(c.res.Tags, d.Tags...)
	c.split()
	c.spans()
	c.segment()
	if len(c.ls) == 0 {
		return c.res
	}
	c.bySelf()
	c.findFirst()
	c.titleAfterBanner()
	c.header()
	c.bodyRange()
	c.rest()
	c.build()
	return c.res
}

// split makes the non-empty lines, strips date prefixes and marks the
// headings of the markup.
func (c *cleaner) split() {
	for i, raw := range c.d.Lines {
		t := strings.TrimFunc(raw, isSpace)
		heading := false
		k := kindPlain
		for _, m := range []struct {
			prefix string
			kind   kind
		}{{extract.HeadingPrefix, kindPlain}, {extract.ItemPrefix, kindItem}, {extract.RowPrefix, kindRow}} {
			if strings.HasPrefix(t, m.prefix) {
				heading = m.prefix == extract.HeadingPrefix
				k = m.kind
				t = strings.TrimFunc(strings.TrimPrefix(t, m.prefix), isSpace)
				raw = t // the mark is not the input's
				break
			}
		}
		if t == "" {
			continue
		}
		l := &line{n: i + 1, orig: raw, text: t, kind: k}
		if m := dateRe.FindStringSubmatchIndex(t); m != nil && len(c.ls) < 3 {
			if c.res.Date == "" {
				c.res.Date = t[m[4]:m[5]]
			}
			t = strings.TrimFunc(t[m[1]:], isSpace)
			c.res.Removed = append(c.res.Removed, dossier.Removed{Line: l.n, Text: raw[:len(raw)-len(strings.TrimLeftFunc(t, isSpace))], Label: "date", Reason: "date metadata prefix"})
			if t == "" {
				continue
			}
		}
		l.written = t
		if needsUnglue(t) {
			l.text = collapseSpaces(Unglue(t, c.vocab()))
			l.glued = fieldCount(l.text) - fieldCount(t)
		} else {
			l.text = collapseSpaces(t)
		}
		l.words = wordCount(l.text)
		if heading {
			l.set(dossier.LabelHeading, whyMarkup)
		}
		c.ls = append(c.ls, l)
	}
}

// bySelf labels what a line says by itself: source links, bylines, tag
// lines, boilerplate phrases and lines recurring across articles.
func (c *cleaner) bySelf() {
	for _, l := range c.ls {
		if l.label != "" {
			continue
		}
		switch {
		case l.words <= 6 && sourceRe.MatchString(l.text): // "source : URL" has at most six words
			l.set(dossier.LabelSource, whySource)
			if c.res.SourceURL == "" {
				c.res.SourceURL = sourceRe.FindStringSubmatch(l.text)[2]
			}
		case l.words <= 5 && bylineRe.MatchString(l.text):
			l.set(dossier.LabelByline, whyByline)
			if c.res.Author == "" {
				c.res.Author = bylineRe.FindStringSubmatch(l.text)[2]
			}
		case l.kind != kindRow && isTagLine(l.text):
			l.set(dossier.LabelTags, whyTagLine)
		}
		if l.label != "" || l.words > maxPatternWords {
			continue
		}
		for i, p := range boilerplatePatterns {
			if p.re.MatchString(l.text) {
				l.set(dossier.LabelBoilerplate, whyPattern)
				l.arg = i
				break
			}
		}
		if l.label == "" && c.opt.Recurring != nil && !isSentence(l) {
			if n := c.opt.Recurring(LineKey(l.written)); n >= c.opt.MinRecurrence {
				l.set(dossier.LabelBoilerplate, whyRecurs)
				l.arg = n
			}
		}
	}
}

// findFirst finds the first paragraph: the end of the header.
func (c *cleaner) findFirst() {
	c.first = len(c.ls)
	for i, l := range c.ls {
		if (l.label == "" && isBody(l)) || (l.label == dossier.LabelHeading && i > 0) {
			c.first = i
			return
		}
	}
}

// titleAfterBanner: a one-sentence first paragraph right after a banner or
// breadcrumb, with paragraphs after it, is the title ending in a full stop
// ... only when what stands before is a lone banner (a brand name in
// capitals, or a line recurring across articles), not a title.
func (c *cleaner) titleAfterBanner() {
	ls, first := c.ls, c.first
	if !(first > 0 && first < len(ls)-1 && c.res.Title == "" && isTitle(ls[first]) && ls[first].words <= 25 && hasBodyAfter(ls, first)) {
		return
	}
	var top []*line
	for _, l := range ls[:first] {
		if l.label == "" || l.why == whyRecurs {
			top = append(top, l)
		}
	}
	if len(top) == 1 && (top[0].why == whyRecurs || brandLike(top[0].text)) && top[0].words <= 6 {
		ls[first].set(dossier.LabelTitle, whyTitle)
		c.res.Title = ls[first].text
		for first++; first < len(ls) && !(ls[first].label == "" && isBody(ls[first])); first++ {
		}
		c.first = first
	}
}

// header labels the lines before the first paragraph: banner and
// breadcrumb lines, then the title.
func (c *cleaner) header() {
	ls, first := c.ls, c.first
	var hdr []*line
	for i, l := range ls[:first] {
		if l.kind != kindPlain {
			continue // lists and tables are not banners or titles
		}
		if l.label == "" || (l.label == dossier.LabelBoilerplate && l.why == whyRecurs) ||
			(l.label == dossier.LabelHeading && i == 0) {
			hdr = append(hdr, l)
		}
	}
	k := 0
	for ; k < len(hdr); k++ {
		l := hdr[k]
		recurs := l.why == whyRecurs
		switch {
		case c.d.Title != "" && sameText(l.text, c.d.Title):
			l.set(dossier.LabelTitle, whyTitle)
			continue
		case isNav(l, ls, first):
			l.set(dossier.LabelNav, whyBreadcrumb)
			continue
		case k == 0 && (recurs || (!isSentence(l) && l.words <= 6 && (k+1 < len(hdr) || c.res.Title != ""))):
			l.set(dossier.LabelSite, whyBanner)
			if recurs {
				l.why = whyBannerRecurs
			}
			if c.res.Site == "" {
				c.res.Site = collapseSpaces(strings.TrimFunc(l.orig, isSpace)) // brand names keep their inner capitals
			}
			continue
		}
		break
	}
	if k < len(hdr) && isTitle(hdr[k]) && first < len(ls) {
		l := hdr[k]
		if c.res.Title == "" {
			c.res.Title = l.text
			l.set(dossier.LabelTitle, whyTitle)
		} else if l.label != dossier.LabelTitle && similarTitle(l.text, c.res.Title) {
			l.set(dossier.LabelTitle, whyHeadline)
		}
	}
}

// bodyRange sets the span of the body, from the first paragraph to the last.
func (c *cleaner) bodyRange() {
	c.noBody = c.first == len(c.ls)
	if c.noBody {
		// no paragraph shape anywhere (a feed summary, a short note): keep
		// the lines that are not furniture as text.
		c.first = 0
	}
	c.last = c.first
	for i := len(c.ls) - 1; i >= c.first; i-- {
		if c.ls[i].label == "" && isBody(c.ls[i]) {
			c.last = i
			return
		}
	}
}

// rest labels the lines no earlier pass labelled, by their shape and
// whether they stand inside the body.
func (c *cleaner) rest() {
	for i, l := range c.ls {
		if l.label != "" && l.label != dossier.LabelHeading {
			continue
		}
		inBody := i >= c.first && i <= c.last
		switch {
		case l.label == "" && l.kind != kindPlain && c.structured(i, inBody):
		case l.label == dossier.LabelHeading:
			if !inBody && i > c.last {
				l.set(dossier.LabelBoilerplate, whyOrphanHeading)
			}
		case inBody && isBody(l), c.noBody && l.words >= 3:
			l.set(dossier.LabelBody, whyNone)
		case inBody && l.words >= 2 && isHeadingShape(l):
			l.set(dossier.LabelHeading, whyNone)
		case inBody && (isSentence(l) || endsSentence(l.text) && l.words >= 1 && hasLetter(l.text)):
			l.set(dossier.LabelBody, whyNone) // "Really." between paragraphs is the writer's
		case c.continues(i):
			l.set(dossier.LabelBody, whyNone)
		case l.words <= 15 && captionRe.MatchString(l.text):
			l.set(dossier.LabelCaption, whyCaption)
		case !inBody && isTagWords(l):
			l.set(dossier.LabelTags, whyTagWords)
		case l.words <= 2:
			l.set(dossier.LabelBoilerplate, whyStray)
		case !inBody:
			l.set(dossier.LabelBoilerplate, whyOutside)
		default:
			l.set(dossier.LabelBody, whyNone)
		}
	}
}

// continues: in a page's main text as the HTML extractor chose it, a line
// right after the body's last paragraph (or after a line that continues
// it) is the article's (tour dates, a reference, an editor's note) unless
// furniture stands between: pages put their menus and related links
// before and after the article, not inside it.
func (c *cleaner) continues(i int) bool {
	if c.d.Format != extract.FormatHTML || i == 0 {
		return false
	}
	if i < c.first {
		// before the first paragraph, what the header pass left is a
		// standfirst or lede when it is long enough to say something
		return c.ls[i].words >= 4 && !isTagWords(c.ls[i])
	}
	if i <= c.last {
		return false
	}
	p := c.ls[i-1]
	return p.label == dossier.LabelBody || p.label == dossier.LabelHeading && p.why == whyMarkup
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// structured labels a list item or table row: in the body, in a bullet
// summary right before it, or after it when the list follows the body or
// a heading or line that introduces it; a list of short items without
// figures outside the body is navigation. It says whether it labelled l.
func (c *cleaner) structured(i int, inBody bool) bool {
	l := c.ls[i]
	if inBody || c.noBody {
		l.set(dossier.LabelBody, whyNone)
		return true
	}
	// the block of list lines around l
	s, e := i, i
	for s > 0 && c.ls[s-1].kind != kindPlain {
		s--
	}
	for e+1 < len(c.ls) && c.ls[e+1].kind != kindPlain {
		e++
	}
	if menuLike(c.ls[s : e+1]) {
		l.set(dossier.LabelBoilerplate, whyNavList)
		return true
	}
	if i < c.first {
		if e+1 == c.first { // a summary before the first paragraph
			l.set(dossier.LabelBody, whyNone)
			return true
		}
		return false
	}
	// after the body: the line before the block introduces it
	if s == 0 {
		return false
	}
	intro := c.ls[s-1]
	switch {
	case intro.label == dossier.LabelBody, intro.label == dossier.LabelHeading:
		l.set(dossier.LabelBody, whyNone)
	case intro.label == "" || intro.why == whyOutside:
		// "Tour dates:" introduces the list it stands over
		if !endsWithColon(intro.text) {
			return false
		}
		intro.set(dossier.LabelBody, whyNone)
		l.set(dossier.LabelBody, whyNone)
	default:
		l.set(dossier.LabelBoilerplate, whyFurnitureList)
	}
	return true
}

// menuLike: three or more items of at most three words, none with a
// figure, as menus, share bars and tag lists are.
func menuLike(ls []*line) bool {
	if len(ls) < 3 {
		return false
	}
	for _, l := range ls {
		if l.words > 3 || strings.IndexFunc(l.text, unicode.IsDigit) >= 0 {
			return false
		}
	}
	return true
}

func endsWithColon(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

// build writes the clean text and the removed lines. Headings must
// introduce text: a heading followed by no body is dropped.
func (c *cleaner) build() {
	var b strings.Builder
	for i, l := range c.ls {
		switch l.label {
		case dossier.LabelBody, dossier.LabelHeading:
			if l.label == dossier.LabelHeading && !bodyFollows(c.ls, i) {
				if l.why == whyNone && i <= c.last {
					// a heading-shaped line among others in the body
					// ("Q: Favorite apps?", a run of short lines) is text
					l.set(dossier.LabelBody, whyNone)
				} else if l.why != whyMarkup || !bodyAfter(c.ls, i) {
					l.set(dossier.LabelBoilerplate, whyOrphanHeading)
					break
				}
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			if l.kind == kindItem {
				b.WriteString("• ")
			}
			b.WriteString(l.text)
			c.res.Paragraphs = append(c.res.Paragraphs, dossier.Paragraph{Start: start, End: b.Len(), Heading: l.label == dossier.LabelHeading})
			continue
		case dossier.LabelTags:
			c.res.Tags = append(c.res.Tags, splitTags(l.text)...)
		}
		c.res.Removed = append(c.res.Removed, dossier.Removed{Line: l.n, Text: l.orig, Label: l.label, Reason: l.reason()})
	}
	c.res.Text = b.String()
	c.res.Tags = dedupeTags(c.res.Tags)
}

func hasBodyAfter(ls []*line, i int) bool {
	for _, l := range ls[i+1:] {
		if l.label == "" && isBody(l) {
			return true
		}
	}
	return false
}

// bodyAfter: some body line comes after line i.
func bodyAfter(ls []*line, i int) bool {
	for _, l := range ls[i+1:] {
		if l.label == dossier.LabelBody {
			return true
		}
	}
	return false
}

func bodyFollows(ls []*line, i int) bool {
	for _, l := range ls[i+1:] {
		if l.label == dossier.LabelBody {
			return true
		}
		if l.label == dossier.LabelHeading {
			return false
		}
	}
	return false
}

// LineKey identifies a line for recurrence counting: case and spacing
// folded, digits kept (a changed number is a changed line).
func LineKey(s string) uint64 {
	return xxh3.HashString(strings.ToLower(collapseSpaces(strings.TrimFunc(s, isSpace))))
}

// Keys returns the recurrence keys of the short lines of d, the ones that
// can be boilerplate, and a key for the document's content so that copies
// of one article do not make each other's lines look recurrent.
func Keys(d extract.Doc) (doc uint64, keys []uint64) {
	longest := ""
	seen := map[uint64]bool{}
	for _, raw := range d.Lines {
		t := strings.TrimFunc(raw, isSpace)
		if len(t) > len(longest) {
			longest = t
		}
		if t == "" || wordCount(t) > maxPatternWords {
			continue
		}
		// the line as written: ungluing depends on the page's words, and a
		// site's glued menu must have one key on all its pages
		k := LineKey(t)
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return LineKey(longest), keys
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\n") {
		return s
	}
	var b strings.Builder
	sp := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteRune(r)
	}
	return b.String()
}

// endsSentence: the line ends like a sentence, closing quotes allowed.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '»' || r == '”' || r == '"' || r == '\'' || r == ')' || r == '’' || unicode.IsSpace(r) ||
			r == '」' || r == '』' || r == '）' || r == '】'
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…',
		'。', '！', '？', '｡', // Chinese and Japanese
		'।', '॥', // Devanagari and Bengali
		'؟', '۔', // Arabic and Urdu
		'።': // Ethiopic
		return true
	}
	return false
}

func isSentence(l *line) bool { return l.words >= 6 && endsSentence(l.text) }

// isBody: a paragraph of the article.
func isBody(l *line) bool {
	return (l.words >= 8 && endsSentence(l.text)) || l.words >= 30
}

func isTitle(l *line) bool {
	return l.words >= 2 && l.words <= 30 && !strings.Contains(strings.TrimRight(l.text, ".!?»”"), ". ")
}

func isHeadingShape(l *line) bool {
	// headings do not end with a full stop ("Vers une escalade ?" may)
	if l.words > 15 || strings.HasSuffix(strings.TrimRight(l.text, "»”\" "), ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsUpper(r) || r == '«' || r == '“' || r == '"' || unicode.IsDigit(r)
}

func isNav(l *line, ls []*line, first int) bool {
	if navRe.MatchString(l.text) {
		return true
	}
	if l.glued >= 2 && !isSentence(l) && l.words <= 6 {
		return true // glued menu items: "À la uneGuerreRussieUkraine"
	}
	for _, o := range ls[:first] {
		if o != l && o.words >= 4 && strings.Contains(l.text, o.text) && len(l.text) > len(o.text) {
			return true // a breadcrumb ending in the title
		}
	}
	return false
}

func isTagLine(s string) bool {
	parts := strings.Split(s, "|")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 5 {
			return false
		}
	}
	return true
}

// isTagWords: one to three capitalised words with no sentence shape.
func isTagWords(l *line) bool {
	if l.words > 3 || endsSentence(l.text) || strings.ContainsAny(l.text, ":;,") {
		return false
	}
	for _, w := range strings.Fields(l.text) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func splitTags(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func dedupeTags(tags []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, t := range tags {
		k := strings.ToLower(strings.TrimSpace(t))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, strings.TrimSpace(t))
	}
	return out
}

// similarTitle: the line shares at least half the title's words, as a
// headline varying the metadata's title does.
func similarTitle(line, title string) bool {
	tw := strings.Fields(strings.ToLower(title))
	if len(tw) == 0 {
		return false
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(line)) {
		in[strings.Trim(w, ".,;:!?«»“”\"'’()")] = true
	}
	n := 0
	for _, w := range tw {
		if in[strings.Trim(w, ".,;:!?«»“”\"'’()")] {
			n++
		}
	}
	return 2*n >= len(tw)
}

func sameText(a, b string) bool {
	return strings.EqualFold(collapseSpaces(strings.TrimSpace(a)), collapseSpaces(strings.TrimSpace(b)))
}

// brandLike: every word of three letters or more is capitalised, as in
// outlet names ("News Day FR", "Le Courrier du Fleuve"), unlike French
// sentence-case titles ("Un titre assez court").
func brandLike(s string) bool {
	for _, w := range strings.Fields(s) {
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
