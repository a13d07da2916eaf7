package clean

import (
	"math/bits"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/zeebo/xxh3"
)

// Furniture spans: menus, the carousel of the day's headlines, notices and
// footers recur across a site's pages as word sequences, whether the page
// kept its line breaks or was flattened into one line. A span of SpanWords
// words seen in MinSpanRecurrence other pages of the same site is
// furniture; the runs of such spans are cut out of their lines, and what
// stands between them becomes lines (blocks) of its own.
const (
	// SpanWords is the length of the word sequences counted: long enough
	// that a sentence of the body rarely repeats one of another article,
	// short enough for a two-item menu or a headline.
	SpanWords = 6
	// MinSpanRecurrence is how many other pages of the site must share a
	// span; repeat captures of one page count once (see SpanKeys).
	MinSpanRecurrence = 2
	// maxSpanWords bounds the words of a page whose spans are counted.
	maxSpanWords = 8000
	// minKeptRun: a run of fewer words between two furniture runs
	// ("|", "Lire aussi") goes with them.
	minKeptRun = 4
	// maxPhraseRun: a run of fewer words standing inside a sentence is a
	// phrase the site's articles share, not furniture.
	maxPhraseRun = 2 * SpanWords
)

// SpanKeys returns the key that identifies a page for span counting (its
// URL when known, so that repeat captures of one page with a different
// carousel count once; its content key otherwise) and the keys of its
// word spans, each tied to the page's site.
func SpanKeys(d extract.Doc) (doc uint64, keys []uint64) {
	site := spanSite(d)
	if site == "" {
		return 0, nil // pages of unknown origin are not one site: copies of a story would look like furniture
	}
	if d.URL != "" {
		doc = xxh3.HashString("url\x00" + pageURL(d.URL))
	} else {
		doc, _ = Keys(d)
	}
	n := 0
	sh := xxh3.HashString(site)
	var hs []uint64
	for _, raw := range d.Lines {
		// the line as written, as cutSpans reads it (l.written)
		hs = wordHashes(stripMark(strings.TrimFunc(raw, isSpace)), hs[:0], nil)
		for i := 0; i+SpanWords <= len(hs) && n < maxSpanWords; i++ {
			n++
			keys = append(keys, spanKey(sh, hs[i:i+SpanWords])) // Counter.Add counts a page once per key
		}
	}
	return doc, keys
}

// wordHashes appends the hashes of the words of s (case and edge
// punctuation folded) to hs, and the index of each word's field to at
// when at is not nil. Fields are split on white space as strings.Fields
// does; it scans bytes and hashes as it goes (FNV-1a), since it runs
// over every word of every page twice.
func wordHashes(s string, hs []uint64, at *[]int) []uint64 {
	fi := 0
	for i := 0; i < len(s); {
		// skip white space
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			i += n
			continue
		}
		// the field
		start := i
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if h, ok := foldedWord(s[start:i]); ok {
			hs = append(hs, h)
			if at != nil {
				*at = append(*at, fi)
			}
		}
		fi++
	}
	return hs
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// foldedWord hashes a field's word: its edge characters that are not
// letters or digits trimmed, in lower case. ok is false when nothing is
// left.
func foldedWord(f string) (h uint64, ok bool) {
	f = strings.TrimFunc(f, notWordRune)
	if f == "" {
		return 0, false
	}
	h = 14695981039346656037
	for i := 0; i < len(f); {
		c := f[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * 1099511628211
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(f[i:])
		i += n
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * 1099511628211
		}
	}
	return h, true
}

func notWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// spanKey combines the site's hash and a window of word hashes; the
// rotation makes the order count.
func spanKey(site uint64, ws []uint64) uint64 {
	h := site
	for _, w := range ws {
		h = bits.RotateLeft64(h, 23)*0x9e3779b97f4a7c15 ^ w
	}
	return h
}

// spans cuts the furniture runs out of the lines no markup or earlier
// pass labelled, leaving the text between them as lines of their own.
func (c *cleaner) spans() {
	if c.opt.RecurringSpan == nil {
		return
	}
	if spanSite(c.d) == "" {
		return
	}
	site := xxh3.HashString(spanSite(c.d))
	var out []*line
	for _, l := range c.ls {
		if l.label != "" || l.words < SpanWords {
			out = append(out, l)
			continue
		}
		out = append(out, c.cutSpans(l, site)...)
	}
	c.ls = out
}

// cutSpans splits l into its furniture runs (labelled) and the text
// between them.
func (c *cleaner) cutSpans(l *line, site uint64) []*line {
	fields := strings.Fields(l.written)
	// the folded words, each tied to the field it comes from
	at := make([]int, 0, len(fields))
	ws := wordHashes(l.written, make([]uint64, 0, len(fields)), &at)
	covered := make([]bool, len(fields))
	most, any := 0, false
	for i := 0; i+SpanWords <= len(ws); i++ {
		if n := c.opt.RecurringSpan(spanKey(site, ws[i:i+SpanWords])); n >= c.opt.MinSpanRecurrence {
			for j := at[i]; j <= at[i+SpanWords-1]; j++ {
				covered[j] = true
			}
			most, any = max(most, n), true
		}
	}
	if !any {
		return []*line{l}
	}

	// a run that ends inside a phrase the text goes on with ("... de
	// Nama [Le] national train") gives back its words from the last
	// capitalised one: the menus and headlines it holds end before
	for i := 1; i < len(fields); i++ {
		if covered[i-1] && !covered[i] && !endsBlock(fields[i-1]) && !startsUpper(fields[i]) {
			for k := i - 1; k >= 0 && k >= i-SpanWords+1 && covered[k]; k-- {
				if startsUpper(fields[k]) {
					if k > 0 && covered[k-1] {
						for m := k; m < i; m++ {
							covered[m] = false
						}
					}
					break
				}
			}
		}
	}
	// a phrase the site's articles share ("a indiqué le porte-parole de
	// la préfecture") stands inside a sentence; furniture stands between
	// blocks. Runs are looked at piece by piece, a piece ending where a
	// sentence or block ends: a short piece that starts or ends inside a
	// sentence is the article's. Menus and headlines have no sentence
	// ends, so their pieces are long.
	for i := 0; i < len(fields); {
		if !covered[i] {
			i++
			continue
		}
		j := i
		for j < len(fields) && covered[j] {
			j++
			if endsBlock(fields[j-1]) {
				break
			}
		}
		midStart := i > 0 && !endsBlock(fields[i-1])
		midEnd := j < len(fields) && !endsBlock(fields[j-1]) && !startsUpper(fields[j])
		if midEnd && !midStart {
			// what finishes the piece's sentence: a few words ("à 7h42")
			// finish a notice or a byline, not an article's sentence
			k := j
			for k < len(fields) && k-j < minKeptRun && !covered[k] && !endsBlock(fields[k]) && (k == j || !startsUpper(fields[k])) {
				k++
			}
			midEnd = k-j >= minKeptRun || k < len(fields) && !covered[k] && !startsUpper(fields[k]) && k-j+1 >= minKeptRun
		}
		if (midStart || midEnd) && j-i < maxPhraseRun {
			for k := i; k < j; k++ {
				covered[k] = false
			}
		}
		i = j
	}
	// a run ending mid-phrase ("Publié le 11 mars 2025 à") takes the
	// few words that finish it, up to the next capitalised word
	for i := 1; i < len(fields); i++ {
		if covered[i-1] && !covered[i] && !endsBlock(fields[i-1]) {
			j := i
			for j < len(fields) && j-i < 2 && !covered[j] && !startsUpper(fields[j]) {
				j++
			}
			if j < len(fields) && j > i && (covered[j] || startsUpper(fields[j])) && endsBlock(fields[j-1]) || j > i && j < len(fields) && startsUpper(fields[j]) {
				for k := i; k < j; k++ {
					covered[k] = true
				}
			}
		}
	}
	// short gaps between furniture runs are furniture; so is a short
	// tail or head hanging on a run
	for i := 0; i < len(fields); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(fields) && !covered[j] {
			j++
		}
		if j-i < minKeptRun {
			for k := i; k < j; k++ {
				covered[k] = true
			}
		}
		i = j
	}
	if !slices.Contains(covered, true) {
		return []*line{l}
	}
	var out []*line
	for i := 0; i < len(fields); {
		j := i
		for j < len(fields) && covered[j] == covered[i] {
			j++
		}
		written := strings.Join(fields[i:j], " ")
		text := written
		if needsUnglue(text) {
			text = Unglue(text, c.vocab())
		}
		seg := &line{n: l.n, orig: written, written: written, text: text, words: wordCount(text), kind: l.kind}
		if covered[i] {
			seg.set(dossier.LabelBoilerplate, whySpan)
			seg.arg = most
		}
		out = append(out, seg)
		i = j
	}
	return out
}

// endsBlock: a field that ends a sentence or a block, or is punctuation.
func endsBlock(f string) bool {
	r, _ := utf8.DecodeLastRuneInString(f)
	return endsSentence(f) || r == ':' || strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

func startsUpper(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsUpper(r)
}

// stripMark removes the HTML step's mark of a heading, item or row.
func stripMark(t string) string {
	for _, p := range []string{extract.HeadingPrefix, extract.ItemPrefix, extract.RowPrefix} {
		if strings.HasPrefix(t, p) {
			return strings.TrimPrefix(t, p)
		}
	}
	return t
}

// spanSite is the outlet a page's spans are counted in: its host, or its
// site name; "" when unknown, and then spans are not learned.
func spanSite(d extract.Doc) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return strings.ToLower(strings.TrimSpace(d.Site))
}

// spanWords are the words of s, case and edge punctuation folded.
func spanWords(s string) []string {
	var out []string
	for f := range strings.FieldsSeq(s) {
		w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// SpanSite is the site a page's spans are learned in ("" when unknown:
// then they are not).
func SpanSite(d extract.Doc) string { return spanSite(d) }

// pageDay finds a day in a date or a URL path: "2025-03-14", ".../2025/03/14/...".
var pageDay = regexp.MustCompile(`((?:19|20)[0-9]{2})[-/_.]?(0[1-9]|1[0-2])[-/_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

// SpanDay is the day a page's spans are counted on, in days since
// 1970-01-01: its date, else the date in its URL, else when it was
// fetched; 0 when none is known (the site's latest day is taken).
func SpanDay(d extract.Doc) int32 {
	for _, s := range []string{d.Date, d.URL} {
		if m := pageDay.FindStringSubmatch(s); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3]); err == nil {
				return int32(t.Unix() / 86400)
			}
		}
	}
	if !d.Fetched.IsZero() {
		return int32(d.Fetched.Unix() / 86400)
	}
	return 0
}

// pageURL is the page a URL names, for counting a page once: scheme,
// "www.", case of the host, a trailing slash, the fragment and tracking
// parameters (utm_*, fbclid, xtor...) vary between captures of one page.
func pageURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return raw
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || strings.HasPrefix(lk, "at_") || trackingParams[lk] {
			q.Del(k)
		}
	}
	key := strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
	if e := q.Encode(); e != "" { // Encode sorts by key
		key += "?" + e
	}
	return key
}

var trackingParams = map[string]bool{"fbclid": true, "gclid": true, "xtor": true, "ref": true, "cmp": true, "mc_cid": true, "mc_eid": true, "ocid": true, "amp": true}
