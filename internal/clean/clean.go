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
	n      int // 1-based line number in the input
	orig   string
	text   string // trimmed, unglued
	words  int
	label  dossier.Label
	reason string
}

// maxPatternWords: a boilerplate phrase inside a long paragraph is quoted
// text, not boilerplate.
const maxPatternWords = 20

// Clean labels the lines of d and builds the clean text.
func Clean(d extract.Doc, opt Options) Result {
	if opt.MinRecurrence == 0 {
		opt.MinRecurrence = 2
	}
	res := Result{Title: d.Title, Site: d.Site, Author: d.Author, Date: d.Date}
	res.Tags = append(res.Tags, d.Tags...)
	var ls []*line
	for i, raw := range d.Lines {
		t := strings.TrimFunc(raw, isSpace)
		heading := false
		if strings.HasPrefix(t, extract.HeadingPrefix) {
			heading = true
			t = strings.TrimFunc(strings.TrimPrefix(t, extract.HeadingPrefix), isSpace)
		}
		if t == "" {
			continue
		}
		l := &line{n: i + 1, orig: raw, text: t}
		if m := dateRe.FindStringSubmatchIndex(t); m != nil && len(ls) < 3 {
			if res.Date == "" {
				res.Date = t[m[4]:m[5]]
			}
			t = strings.TrimFunc(t[m[1]:], isSpace)
			res.Removed = append(res.Removed, dossier.Removed{Line: l.n, Text: raw[:len(raw)-len(strings.TrimLeftFunc(t, isSpace))], Label: "date", Reason: "date metadata prefix"})
			if t == "" {
				continue
			}
		}
		l.text = collapseSpaces(Unglue(t))
		l.words = len(strings.Fields(l.text))
		if heading {
			l.label = dossier.LabelHeading
			l.reason = "marked as a heading in the markup"
		}
		ls = append(ls, l)
	}
	if len(ls) == 0 {
		return res
	}
	// Pass 1: what a line says by itself.
	for _, l := range ls {
		if l.label != "" {
			continue
		}
		switch {
		case l.words <= 6 && sourceRe.MatchString(l.text): // "source : URL" has at most six words
			l.label, l.reason = dossier.LabelSource, "link to the original article"
			if res.SourceURL == "" {
				res.SourceURL = sourceRe.FindStringSubmatch(l.text)[2]
			}
		case l.words <= 5 && bylineRe.MatchString(l.text):
			l.label, l.reason = dossier.LabelByline, "byline"
			if res.Author == "" {
				res.Author = bylineRe.FindStringSubmatch(l.text)[2]
			}
		case isTagLine(l.text):
			l.label, l.reason = dossier.LabelTags, "tag line"
		}
		if l.label != "" || l.words > maxPatternWords {
			continue
		}
		for _, p := range boilerplatePatterns {
			if p.re.MatchString(l.text) {
				l.label, l.reason = dossier.LabelBoilerplate, p.reason
				break
			}
		}
		if l.label == "" && opt.Recurring != nil && !isSentence(l) {
			if n := opt.Recurring(LineKey(l.text)); n >= opt.MinRecurrence {
				l.label, l.reason = dossier.LabelBoilerplate, "recurs in "+strconv.Itoa(n)+" other articles"
			}
		}
	}
	// Pass 2: the header, before the first paragraph.
	first := -1
	for i, l := range ls {
		if (l.label == "" && isBody(l)) || (l.label == dossier.LabelHeading && i > 0) {
			first = i
			break
		}
	}
	if first < 0 {
		first = len(ls)
	}
	// A one-sentence first paragraph right after a banner or breadcrumb,
	// with paragraphs after it, is the title ending in a full stop.
	if first > 0 && first < len(ls)-1 && res.Title == "" && isTitle(ls[first]) && ls[first].words <= 25 && hasBodyAfter(ls, first) {
		// ... only when what stands before is a lone banner (a brand name
		// in capitals, or a line recurring across articles), not a title.
		var top []*line
		for _, l := range ls[:first] {
			if l.label == "" || strings.HasPrefix(l.reason, "recurs") {
				top = append(top, l)
			}
		}
		if len(top) == 1 && (strings.HasPrefix(top[0].reason, "recurs") || brandLike(top[0].text)) && top[0].words <= 6 {
			ls[first].label, ls[first].reason, res.Title = dossier.LabelTitle, "the title", ls[first].text
			for first++; first < len(ls) && !(ls[first].label == "" && isBody(ls[first])); first++ {
			}
		}
	}
	// The header: banner and breadcrumb lines, then the title.
	var hdr []*line
	for i, l := range ls[:first] {
		if l.label == "" || (l.label == dossier.LabelBoilerplate && strings.HasPrefix(l.reason, "recurs")) ||
			(l.label == dossier.LabelHeading && i == 0) {
			hdr = append(hdr, l)
		}
	}
	k := 0
	for ; k < len(hdr); k++ {
		l := hdr[k]
		recurs := strings.HasPrefix(l.reason, "recurs")
		switch {
		case d.Title != "" && sameText(l.text, d.Title):
			l.label, l.reason = dossier.LabelTitle, "the title"
			continue
		case isNav(l, ls, first):
			l.label, l.reason = dossier.LabelNav, "breadcrumb navigation"
			continue
		case k == 0 && (recurs || (!isSentence(l) && l.words <= 6 && (k+1 < len(hdr) || res.Title != ""))):
			l.label, l.reason = dossier.LabelSite, "site banner"
			if recurs {
				l.reason = "site banner (recurs across articles)"
			}
			if res.Site == "" {
				res.Site = collapseSpaces(strings.TrimFunc(l.orig, isSpace)) // brand names keep their inner capitals
			}
			continue
		}
		break
	}
	if k < len(hdr) && isTitle(hdr[k]) && first < len(ls) {
		l := hdr[k]
		if res.Title == "" {
			res.Title = l.text
			l.label, l.reason = dossier.LabelTitle, "the title"
		} else if l.label != dossier.LabelTitle {
			l.label, l.reason = dossier.LabelTitle, "a headline; the metadata gives the title"
		}
	}
	noBody := first == len(ls)
	if noBody {
		// no paragraph shape anywhere (a feed summary, a short note): keep
		// the lines that are not furniture as text.
		first = 0
	}
	// A long first line after banner and title, title-shaped but alone, may
	// still be the title when a body follows; otherwise body decides.
	last := first
	for i := len(ls) - 1; i >= first; i-- {
		if ls[i].label == "" && isBody(ls[i]) {
			last = i
			break
		}
	}
	for i, l := range ls {
		if l.label != "" && l.label != dossier.LabelHeading {
			continue
		}
		inBody := i >= first && i <= last
		switch {
		case l.label == dossier.LabelHeading:
			if !inBody && i > last {
				l.label, l.reason = dossier.LabelBoilerplate, "heading with no text after it"
			}
		case inBody && isBody(l), noBody && l.words >= 3:
			l.label = dossier.LabelBody
		case inBody && l.words >= 2 && isHeadingShape(l):
			l.label, l.reason = dossier.LabelHeading, ""
		case inBody && l.words >= 2 && isSentence(l):
			l.label = dossier.LabelBody
		case l.words <= 15 && captionRe.MatchString(l.text):
			l.label, l.reason = dossier.LabelCaption, "image caption or credit"
		case !inBody && isTagWords(l):
			l.label, l.reason = dossier.LabelTags, "category or tag"
		case l.words <= 2:
			l.label, l.reason = dossier.LabelBoilerplate, "stray short line with no sentence shape"
		case !inBody:
			l.label, l.reason = dossier.LabelBoilerplate, "outside the article body"
		default:
			l.label, l.reason = dossier.LabelBody, ""
		}
	}
	// Headings must introduce text: a heading followed by no body is dropped.
	var b strings.Builder
	for i, l := range ls {
		switch l.label {
		case dossier.LabelBody, dossier.LabelHeading:
			if l.label == dossier.LabelHeading && !bodyFollows(ls, i) {
				l.label, l.reason = dossier.LabelBoilerplate, "heading with no text after it"
				break
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			start := b.Len()
			b.WriteString(l.text)
			res.Paragraphs = append(res.Paragraphs, dossier.Paragraph{Start: start, End: b.Len(), Heading: l.label == dossier.LabelHeading})
			continue
		case dossier.LabelTags:
			res.Tags = append(res.Tags, splitTags(l.text)...)
		}
		if l.label != dossier.LabelBody && l.label != dossier.LabelHeading {
			res.Removed = append(res.Removed, dossier.Removed{Line: l.n, Text: l.orig, Label: l.label, Reason: reasonOr(l)})
		}
	}
	res.Text = b.String()
	res.Tags = dedupeTags(res.Tags)
	return res
}

func hasBodyAfter(ls []*line, i int) bool {
	for _, l := range ls[i+1:] {
		if l.label == "" && isBody(l) {
			return true
		}
	}
	return false
}

func reasonOr(l *line) string {
	if l.reason != "" {
		return l.reason
	}
	return string(l.label)
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
		if t == "" || len(strings.Fields(t)) > maxPatternWords {
			continue
		}
		k := LineKey(Unglue(t))
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
		return r == '»' || r == '”' || r == '"' || r == '\'' || r == ')' || r == '’' || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
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
	orig := strings.TrimFunc(l.orig, isSpace)
	if glued := len(strings.Fields(Unglue(orig))) - len(strings.Fields(orig)); glued >= 2 && !isSentence(l) && l.words <= 6 {
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
