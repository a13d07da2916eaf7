package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segmentation of flat pages: a scraper that kept the page as one line
// lost its paragraphs. Once the furniture is cut out (spans), what is
// left between the cuts are blocks; a long block is split again at its
// metadata title, then into paragraphs at sentence ends, so that the
// clean text has paragraphs again. The breaks inside a block are
// estimated: flat text does not say where the writer's were.
const (
	// flatWords: a page whose longest line holds this many words and
	// nearly all of them was flattened.
	flatWords = 150
	// paraWords: a paragraph of a flat block closes at the first sentence
	// end past this many words (news paragraphs run 30 to 80).
	paraWords = 45
)

// flat: the page is one long line, or nearly.
func (c *cleaner) flat() bool {
	total, longest := 0, 0
	for _, l := range c.d.Lines {
		n := fieldCount(l)
		total += n
		longest = max(longest, n)
	}
	return longest >= flatWords && longest*10 >= total*9
}

// segment splits the long unlabelled lines of a flat page into blocks.
func (c *cleaner) segment() {
	if !c.flat() {
		return
	}
	var out []*line
	for _, l := range c.ls {
		if l.label != "" || l.words < 2*paraWords {
			out = append(out, l)
			continue
		}
		out = append(out, c.split1(l)...)
	}
	c.ls = out
}

// split1 splits one flat block: the title at its head, then paragraphs.
func (c *cleaner) split1(l *line) []*line {
	fields := strings.Fields(l.written)
	var out []*line
	mk := func(fs []string) {
		if len(fs) == 0 {
			return
		}
		written := strings.Join(fs, " ")
		text := written
		if needsUnglue(text) {
			text = Unglue(text, c.vocab())
		}
		out = append(out, &line{n: l.n, orig: written, written: written, text: text, words: wordCount(text), kind: l.kind})
	}
	start := 0
	if t := strings.Fields(c.d.Title); len(t) >= 2 && len(t) < len(fields) && strings.EqualFold(strings.Join(fields[:len(t)], " "), strings.Join(t, " ")) {
		mk(fields[:len(t)])
		start = len(t)
	}
	words := 0
	for i := start; i < len(fields); i++ {
		words++
		if words >= paraWords && i+1 < len(fields) && sentenceBreak(fields[i], fields[i+1]) {
			mk(fields[start : i+1])
			start, words = i+1, 0
		}
	}
	// a short tail joins the paragraph before it
	if tail := fields[start:]; len(tail) > 0 && len(tail) < paraWords/3 && len(out) > 0 && start > 0 {
		last := out[len(out)-1]
		out = out[:len(out)-1]
		mk(append(strings.Fields(last.written), tail...))
	} else {
		mk(tail)
	}
	return out
}

// sentenceBreak: field a ends a sentence and b starts one ("M." and
// initials do not end one).
func sentenceBreak(a, b string) bool {
	if !endsSentence(a) {
		return false
	}
	core := strings.TrimRight(a, ".!?…»”\"')")
	if n := utf8.RuneCountInString(core); n <= 1 || n <= 3 && startsUpper(core) && strings.HasSuffix(a, ".") && !strings.ContainsAny(a, "!?") {
		return false // "M.", "Dr.", "J."
	}
	r, _ := utf8.DecodeRuneInString(b)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '«' || r == '"' || r == '“'
}
