package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// camelWords are names written with an inner capital; they are not glued words.
var camelWords = map[string]bool{
	"whatsapp": true, "youtube": true, "linkedin": true, "paypal": true, "tiktok": true, "javascript": true,
	"powerpoint": true, "blackrock": true, "deepseek": true, "deepmind": true, "github": true, "fedex": true,
	"mastercard": true, "biontech": true, "astrazeneca": true, "macbook": true, "harpercollins": true,
	"playstation": true, "softbank": true, "dreamworks": true, "exxonmobil": true, "glaxosmithkline": true,
	"arcelormittal": true, "blackberry": true, "openai": true, "mcdonald": true, "mcdonald's": true,
	"iphone": true, "ipad": true, "facebook": true, "wikileaks": true, "easyjet": true, "airbnb": true,
	"bnpparibas": true, "leboncoin": true, "telegram": true, "pyongyang": true, "lafarge": true,
	"mcdonalds": true, "wordpress": true, "photoshop": true, "safeguard": true, "gazprom": true,
	"rosatom": true, "bundeswehr": true, "nordstream": true, "starlink": true, "spacex": true,
	"netflix": true, "microsoft": true, "nvidia": true, "huawei": true, "xiaomi": true,
	"eurostat": true, "interpol": true, "europol": true, "frontex": true, "unicef": true,
	"unesco": true, "francetvinfo": true, "franceinfo": true, "lci": true, "bfmtv": true,
	"cnews": true, "tf1": true, "theguardian": true, "nytimes": true, "washingtonpost": true,
	"airpods": true, "techcrunch": true, "applepay": true, "macdonald": true,
}

// functionWords are words of the languages cleaning knows that open a
// sentence or a heading: glued after another word, they are evidence of
// two blocks run together ("BloombergLa Corée").
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, ws := range []string{
		"the an in on at for this that these those it he she they we but and as after when while if according from by to with of his her their our its there what how why who",
		"le la les un une des du de en au aux dans pour par sur avec selon ce cet cette ces il elle ils elles on nous mais et après avant depuis lors quand alors son sa ses leur leurs",
		"el los las unos unas por para con según este esta pero",
		"il lo gli nel nella per con secondo questo questa ma",
		"der die das ein eine im am mit nach für laut aber und es er sie wir",
		"os um uma no na em por para com segundo mas",
		"het een op met voor volgens maar",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = true
		}
	}
	return m
}()

// vocab is the evidence a page gives about its words: how often it writes
// each letter run standalone (case folded).
type vocab map[string]int

// GluedForms returns the words of lines written with an inner capital
// after a lower-case letter ("TechCrunch", "BloombergLa"), case folded
// and once each: what a corpus counts as written glued (Options.GluedElsewhere).
func GluedForms(lines []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range lines {
		if !needsUnglue(s) {
			continue
		}
		start, inner := -1, false
		prev := rune(0)
		flush := func(end int) {
			if start >= 0 && inner {
				if w := strings.ToLower(s[start:end]); !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
			start, inner = -1, false
		}
		for i, r := range s {
			letter := unicode.IsLetter(r) || unicode.IsMark(r)
			switch {
			case letter && start < 0:
				start = i
			case !letter && start >= 0:
				flush(i)
			case letter && unicode.IsUpper(r) && unicode.IsLower(prev):
				inner = true
			}
			prev = r
		}
		flush(len(s))
	}
	return out
}

// newVocab counts the letter runs of lines. A glued form counts under its
// whole run ("bloombergla"), its parts only where written apart.
func newVocab(lines []string) vocab {
	v := vocab{}
	for _, s := range lines {
		start := -1
		for i, r := range s {
			letter := unicode.IsLetter(r) || unicode.IsMark(r)
			if letter && start < 0 {
				start = i
			} else if !letter && start >= 0 {
				v[strings.ToLower(s[start:i])]++
				start = -1
			}
		}
		if start >= 0 {
			v[strings.ToLower(s[start:])]++
		}
	}
	return v
}

// known: the page writes w as a word of its own, or w is a function word.
func (v vocab) known(w string) bool {
	lw := strings.ToLower(w)
	return v[lw] > 0 || functionWords[lw]
}

// Unglue splits words that scraping glued together, where the evidence is
// clear: a closing quote glued to the next word ("»se", "”rapporte"), and
// a lower-case run followed by a capitalised word when both parts are
// words the page writes apart (or function words of its language, or a
// name followed by one: "BloombergLa"), and the glued form is not written
// so elsewhere in the page. Names with inner capitals (AirPods, iPhone,
// isiXhosa) are kept. v is the page's vocabulary; nil means the line alone.
func Unglue(s string, v vocab) string {
	if !needsUnglue(s) {
		return s
	}
	if v == nil {
		v = newVocab([]string{s})
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") || strings.Contains(w, "@") {
			continue
		}
		words[i] = unglueWord(w, v)
	}
	return strings.Join(words, " ")
}

func needsUnglue(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		if unicode.IsLetter(r) && (prev == '»' || prev == '”') {
			return true
		}
		prev = r
	}
	return false
}

func unglueWord(w string, v vocab) string {
	if camelWords[strings.ToLower(strings.Trim(w, ".,;:!?()«»“”\"'’"))] {
		return w
	}
	var b strings.Builder
	prev := rune(0)
	for i, r := range w {
		switch {
		case (prev == '»' || prev == '”') && unicode.IsLetter(r):
			b.WriteByte(' ')
		case unicode.IsUpper(r) && unicode.IsLower(prev) && splitsAt(w, i, v):
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// splitsAt says whether the cased letter run around byte i of w (where a
// capital follows a lower-case letter) is two words glued at i.
func splitsAt(w string, i int, v vocab) bool {
	// the run of cased letters around i: caseless scripts (Japanese) and
	// marks end it, so "したiPhone" has the run "iPhone"
	cased := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) }
	start := i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(w[:start])
		if !cased(r) {
			break
		}
		start -= n
	}
	end := i
	for end < len(w) {
		r, n := utf8.DecodeRuneInString(w[end:])
		if !cased(r) {
			break
		}
		end += n
	}
	if v[strings.ToLower(w[start:end])] > 1 {
		return false // the page writes it glued more than once: a name
	}
	// the parts: the lower-case-ended word before i, the capitalised word
	// after it, each up to the next inner capital
	left := w[start:i]
	for j := len(left) - 1; j > 0; j-- {
		if r, _ := utf8.DecodeRuneInString(left[j:]); unicode.IsUpper(r) {
			if p, _ := utf8.DecodeLastRuneInString(left[:j]); unicode.IsLower(p) {
				left = left[j:]
				break
			}
		}
	}
	right := w[i:end]
	_, n := utf8.DecodeRuneInString(right)
	for j := n; j < len(right); {
		r, m := utf8.DecodeRuneInString(right[j:])
		if unicode.IsUpper(r) {
			right = right[:j]
			break
		}
		j += m
	}
	if utf8.RuneCountInString(left) < 3 || utf8.RuneCountInString(right) < 2 {
		return false // "Mc", "i" in "McKinsey", "iPhone"; "L" in "OpenAI"
	}
	if r, _ := utf8.DecodeRuneInString(right[n:]); !unicode.IsLower(r) {
		return false // "BBC" after a word is an acronym, not a glued word
	}
	if v.known(left) && v.known(right) {
		return true
	}
	// a name ending one block and a function word opening the next
	l0, _ := utf8.DecodeRuneInString(left)
	return unicode.IsUpper(l0) && functionWords[strings.ToLower(right)]
}
