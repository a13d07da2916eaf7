package figure

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quantity is a number expression found at some tokens.
type quantity struct {
	i, j      int // tokens [i, j)
	value     float64
	low, high float64 // for vague and approximate expressions
	vague     bool
	about     bool // "une cinquantaine"
	word      bool // written in words
	thingFrom int  // first token after the expression and its "de"/"of"
	pct       bool // a fraction of a whole, read as a percentage ("la moitié", "two-thirds")
	ratio     bool // a multiplier or ratio ("deux fois plus", "ten to one")
	unit      string
}

// parseDigits reads "12.000", "12,000", "1,5", "2.5", "100", "50'000".
// French writes the decimal with a comma, so in French a comma is always
// decimal ("4,800" is 4.8); before a scale word a lone point is decimal in
// both languages ("1.356 billion").
func parseDigits(s, lang string, scaled bool) (float64, bool) {
	if strings.ContainsAny(s, "'’") {
		s = strings.NewReplacer("'", "", "’", "").Replace(s)
	}
	nDot, nComma := strings.Count(s, "."), strings.Count(s, ",")
	if nDot+nComma == 0 {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	// all separators followed by exactly three digits, and the first group
	// at most three digits: thousands separators ("12.000", "1,500,000").
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	thousands := len(groups[0]) <= 3 && len(groups[0]) > 0 && len(groups) > 1
	for _, g := range groups[1:] {
		if len(g) != 3 {
			thousands = false
		}
	}
	if thousands && (nDot == 0 || nComma == 0) {
		single := len(groups) == 2
		decimal := (scaled && single && nDot == 1) || (lang == "fr" && nComma == 1 && single) || (lang == "en" && nDot == 1 && single)
		if !decimal {
			v, err := strconv.ParseFloat(strings.Join(groups, ""), 64)
			return v, err == nil
		}
	}
	// the last separator is the decimal point: "1,5", "2.5", "1.234,5"
	k := strings.LastIndexAny(s, ".,")
	intPart := strings.NewReplacer(".", "", ",", "").Replace(s[:k])
	v, err := strconv.ParseFloat(intPart+"."+s[k+1:], 64)
	return v, err == nil
}

func isThinSpace(s string) bool {
	switch s {
	case " ", "\u00a0", "\u202f", "\u2009", "\u2007":
		return true
	}
	return false
}

// digitNumber reads a number in digits at toks[i], with space-grouped
// thousands ("100 000"), a fraction after it ("2 1/4", "6-1/2") and scale
// words ("1,5 million", "4 hundred million", "$13.6M", "800 mln").
func digitNumber(toks []token, i int, lang string) (quantity, bool) {
	t := toks[i]
	j := i + 1
	grouped := false
	if len(t.text) <= 3 && !strings.ContainsAny(t.text, ".,'’") {
		for j < len(toks) && isThinSpace(toks[j-1].spaceAfter) && toks[j].kind == tNum && len(toks[j].text) == 3 && !strings.ContainsAny(toks[j].text, ".,'’") {
			j++
			grouped = true
		}
	}
	var v float64
	decimals := 0.0
	// "1 234 567,89": the last group carries the decimals
	if j < len(toks) && isThinSpace(toks[j-1].spaceAfter) && toks[j].kind == tNum && len(toks[j].text) > 4 && (toks[j].text[3] == ',' || toks[j].text[3] == '.' && lang != "fr") &&
		!strings.ContainsAny(toks[j].text[4:], ".,") && (grouped || len(t.text) <= 3 && !strings.ContainsAny(t.text, ".,'’")) {
		n, _ := strconv.ParseFloat(toks[j].text[:3], 64)
		d, _ := strconv.ParseFloat("0."+toks[j].text[4:], 64)
		j++
		grouped = true
		decimals = n + d
	}
	if grouped {
		for k := i; k < j; k++ {
			if decimals > 0 && k == j-1 {
				v = v*1000 + decimals
				break
			}
			n, _ := strconv.ParseFloat(toks[k].text, 64)
			v = v*1000 + n
		}
	} else {
		var ok bool
		v, ok = parseDigits(t.text, lang, j < len(toks) && scaleAt(toks, j, i, lang) > 0)
		if !ok {
			return quantity{}, false
		}
		// "2 1/4", "6-1/2": a proper fraction after a whole number
		if f, n := fractionDigits(toks, j); n > 0 && (t.spaceAfter != "" && strings.TrimSpace(t.spaceAfter) == "" || t.spaceAfter == "" && toks[j].text == "-") {
			v += f
			j += n
		}
	}
	q := quantity{i: i, j: j, value: v}
	// "4 hundred million", "3 douzaines", "1,5 million", "$13.6M"
	for j < len(toks) {
		if hundredWord(toks[j].lower, lang) && toks[j-1].kind == tNum {
			v *= 100
			j++
			continue
		}
		if m := scaleAt(toks, j, i, lang); m > 0 {
			v *= m
			j++
			// "4 thousand 3 hundred and 21", "3 cents et 21": the rest of the number after its scale
			k := j
			if k < len(toks) && (toks[k].lower == "and" || toks[k].lower == "et") {
				k++
			}
			if k+1 < len(toks) && toks[k].kind == tNum && len(toks[k].text) <= 3 && !strings.ContainsAny(toks[k].text, ".,") {
				if rq, ok := digitNumber(toks, k, lang); ok && rq.value < m {
					v += rq.value
					j = rq.j
				}
			} else if k < len(toks) && toks[k].kind == tWord {
				if rq, ok := wordNumber(toks, k, lang); ok && rq.value < m && rq.value >= 1 {
					v += rq.value
					j = rq.j
				}
			}
			continue
		}
		if hundredWord(toks[j-1].lower, lang) {
			k := j
			if toks[k].lower == "and" || toks[k].lower == "et" {
				k++
			}
			if k < len(toks) && toks[k].kind == tNum && len(toks[k].text) <= 2 {
				r, _ := strconv.ParseFloat(toks[k].text, 64)
				v += r
				j = k + 1
				continue
			}
			if k < len(toks) && toks[k].kind == tWord {
				if rq, ok := wordNumber(toks, k, lang); ok && rq.value < 100 && rq.value >= 1 {
					v += rq.value
					j = rq.j
					continue
				}
			}
		}
		if d := toks[j].lower; dozenWords[d] && j == i+1 {
			v *= 12
			j++
			continue
		}
		break
	}
	// "3 million and a half", "3 millions et demi"
	if f, n := andFraction(toks, j, lang); n > 0 && j > i+1 && scaleWords[toks[j-1].lower] > 0 {
		v += f * scaleWords[toks[j-1].lower]
		j += n
	}
	q.value, q.j = round(v), j
	q.low, q.high = q.value, q.value
	return q, true
}

// scaleAt: the multiplier of a scale word at toks[j] after a number that
// starts at toks[i] ("million", "mln", "bn"; "m" and "b" only against the
// number and as money: "$13.6m"; "M" against the number: "13.6M").
func scaleAt(toks []token, j, i int, lang string) float64 {
	w := toks[j].lower
	m, ok := scaleWords[w]
	if !ok {
		return 0
	}
	if (w == "mille" && lang == "en") || (w == "thousand" && lang == "fr") {
		return 0
	}
	if lang == "fr" {
		// French counts billions the long way: un billion is 10^12
		switch w {
		case "billion", "billions":
			return 1e12
		case "trillion", "trillions":
			return 1e18
		}
	}
	if !shortScales[w] {
		return m
	}
	glued := toks[j-1].spaceAfter == ""
	switch w {
	case "m", "b":
		// "13,6 M€": a capital M against the currency sign
		if toks[j].text == "M" && j+1 < len(toks) && toks[j].spaceAfter == "" && currencySymbols[toks[j+1].text] != "" {
			return m
		}
		money := i > 0 && (currencySymbols[toks[i-1].text] != "" || currencyPrefix[toks[i-1].text] != "") ||
			j+1 < len(toks) && (currencySymbols[toks[j+1].text] != "" || currencyWords[toks[j+1].lower] != "")
		decimal := strings.ContainsAny(toks[j-1].text, ".,")
		if !glued || (!money && toks[j].text != strings.ToUpper(w) && !(w == "b" && decimal)) {
			return 0
		}
		if w == "m" && !money && j+1 < len(toks) && toks[j+1].text == "²" {
			return 0
		}
	case "k", "tn", "tln", "mm":
		if w == "mm" && (!glued || toks[j].text != "MM") {
			return 0 // "1MM" is a million in finance; "5 mm" a length
		}
		if !glued && toks[j].text != "K" && !(j+1 >= len(toks) || toks[j+1].kind == tPunct) && !strings.ContainsAny(toks[j-1].text, ".,") {
			return 0
		}
	case "md", "mds", "mrd", "mrds":
		if !glued && toks[j].text[0] != 'M' {
			return 0
		}
	}
	return m
}

// fractionDigits reads a proper fraction "1/2" at toks[j] ("6-1/2"):
// its value and how many tokens it takes.
func fractionDigits(toks []token, j int) (float64, int) {
	k := j
	if k < len(toks) && toks[k].text == "-" && toks[k].spaceAfter == "" {
		k++
	}
	if k+2 >= len(toks) {
		return 0, 0
	}
	if toks[k].kind != tNum || toks[k].spaceAfter != "" || toks[k+1].text != "/" || toks[k+1].spaceAfter != "" || toks[k+2].kind != tNum {
		return 0, 0
	}
	a, err1 := strconv.ParseFloat(toks[k].text, 64)
	b, err2 := strconv.ParseFloat(toks[k+2].text, 64)
	if err1 != nil || err2 != nil || b == 0 || a >= b || b > 100 {
		return 0, 0
	}
	return a / b, k + 3 - j
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// numWord: the value of a cardinal number word in the text's language
// (French words do not count in English text, nor English ones in French).
func numWord(p, lang string) (float64, bool) {
	v, ok := unitWords[p]
	if !ok {
		return 0, false
	}
	if (lang == "en" && frenchWords[p]) || (lang == "fr" && englishWords[p]) {
		return 0, false
	}
	return v, true
}

func hundredWord(p, lang string) bool {
	switch p {
	case "cent", "cents":
		return lang != "en"
	case "hundred":
		return lang != "fr"
	}
	return false
}

// wordScale: "mille", "million", "thousand" as a word in a number.
func wordScale(p, lang string) float64 {
	if len(p) <= 2 || shortScales[p] || p == "mln" || p == "bln" || p == "mlns" || p == "blns" || p == "tln" {
		return 0
	}
	if lang == "fr" {
		switch p {
		case "billion", "billions":
			return 1e12
		case "trillion", "trillions":
			return 1e18
		}
	}
	if (p == "mille" && lang == "en") || (p == "thousand" && lang == "fr") {
		return 0
	}
	return scaleWords[p]
}

// wordNumber reads a number in words: "deux mille cinq cents",
// "quatre-vingt-dix", "twenty-five", "three hundred thousand", "a dozen",
// "vingt et un", "one hundred and five", "two and a half".
func wordNumber(toks []token, i int, lang string) (quantity, bool) {
	total, cur := 0.0, 0.0
	seen := false
	j := i
	for j < len(toks) {
		w := toks[j].lower
		parts := strings.Split(w, "-")
		okAll := true
		for _, p := range parts {
			if _, ok := numWord(p, lang); ok {
				continue
			}
			if hundredWord(p, lang) || p == "et" || p == "and" {
				continue
			}
			if wordScale(p, lang) > 0 {
				continue
			}
			okAll = false
		}
		if !okAll {
			// "a hundred", "a thousand", "a million"
			if (w == "a" || w == "an") && lang != "fr" && !seen && j+1 < len(toks) {
				n := toks[j+1].lower
				if hundredWord(n, lang) || wordScale(n, lang) > 0 {
					cur = 1
					seen = true
					j++
					continue
				}
			}
			break
		}
		if (w == "et" || w == "and") && (!seen || j+1 >= len(toks)) {
			break
		}
		if w == "et" || w == "and" {
			// "vingt et un", "one hundred and five": only before a number word
			n := toks[j+1].lower
			if _, ok := numWord(strings.Split(n, "-")[0], lang); !ok {
				break
			}
			// "and" joins only after hundred or a scale ("two hundred and two"), "et" only before "un"/"onze"
			if w == "and" && !(j > i && (hundredWord(toks[j-1].lower, lang) || wordScale(toks[j-1].lower, lang) > 0)) {
				break
			}
			if w == "et" && (n != "un" && n != "une" && n != "onze" || j == i || !tensWords[strings.Split(toks[j-1].lower, "-")[len(strings.Split(toks[j-1].lower, "-"))-1]]) {
				break
			}
			if _, n := andFraction(toks, j, lang); n > 0 {
				break // "one hundred and three quarters", "two million and one half"
			}
			j++
			continue
		}
		for _, p := range parts {
			switch {
			case p == "et" || p == "and":
			case hundredWord(p, lang):
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			case wordScale(p, lang) > 0:
				if cur == 0 && total > 0 && j > i && wordScale(toks[j-1].lower, lang) > 0 && wordScale(toks[j-1].lower, lang) < wordScale(p, lang) {
					total *= wordScale(p, lang) // "three lakh crore", "a thousand million"
					break
				}
				if cur == 0 {
					cur = 1
				}
				total += cur * wordScale(p, lang)
				cur = 0
			default:
				u, _ := numWord(p, lang)
				// "quatre-vingt(s)" is 4 × 20
				if (p == "vingt" || p == "vingts") && int(cur)%100 == 4 {
					cur += 76
				} else {
					cur += u
				}
			}
		}
		seen = true
		j++
	}
	if !seen {
		return quantity{}, false
	}
	v := total + cur
	// "trois douzaines", "three dozen"
	if j < len(toks) && dozenWords[toks[j].lower] {
		v *= 12
		j++
	}
	// "one and a half", "cinq et un quart", "six million and two thirds", "un million et demi"
	if f, n := andFraction(toks, j, lang); n > 0 {
		if j > i && wordScale(toks[j-1].lower, lang) > 0 {
			v += f * lastScale(toks, i, j, lang)
		} else {
			v += f
		}
		j += n
		// "five and a half million"
		if j < len(toks) && wordScale(toks[j].lower, lang) > 0 && v < 1000 {
			v *= wordScale(toks[j].lower, lang)
			j++
		}
	}
	return quantity{i: i, j: j, value: v, low: v, high: v, word: true}, true
}

// andAHalf reads "and a half", "et demi(e)", "½" after a number or its
// unit: the tokens it takes.
func andAHalf(toks []token, j int) int {
	if j < len(toks) && toks[j].text == "½" {
		return 1
	}
	if j+1 < len(toks) && (toks[j].lower == "et") && (toks[j+1].lower == "demi" || toks[j+1].lower == "demie") {
		return 2
	}
	if j+2 < len(toks) && toks[j].lower == "and" && toks[j+1].lower == "a" && toks[j+2].lower == "half" {
		return 3
	}
	return 0
}

// fractionNouns: the denominators of fractions of a whole, singular and
// plural ("un tiers", "deux tiers", "a third", "two-thirds").
var fractionNouns = map[string]float64{
	"moitié": 2, "moitiés": 2, "demi": 2, "demie": 2, "tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5, "cinquièmes": 5, "sixième": 6, "sixièmes": 6,
	"septième": 7, "huitième": 8, "dixième": 10, "dixièmes": 10, "centième": 100,
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6,
	"sixths": 6, "seventh": 7, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10, "hundredth": 100,
}

// fractionAt reads a fraction of a whole at toks[i], as a percentage:
// "la moitié", "l'autre moitié", "pour moitié", "le tiers", "deux tiers",
// "les trois quarts", "un cinquième", "a third of", "two-thirds", "half
// the", "one in three", "un Français sur deux", "1/2".
func fractionAt(toks []token, i int, lang string) (quantity, bool) {
	w := toks[i].lower
	next := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].lower
		}
		return ""
	}
	mk := func(num, den float64, j int) (quantity, bool) {
		v := 100 * num / den // unrounded: two thirds is 66.666…
		q := quantity{i: i, j: j, value: v, low: v, high: v, pct: true, unit: "%"}
		q.thingFrom = skipOf(toks, j)
		return q, true
	}
	// "two-thirds", "three-quarters", "one-fifth"
	if a, b, ok := strings.Cut(w, "-"); ok {
		if n, ok := numWord(a, lang); ok && n >= 1 {
			if d := fractionNouns[b]; d > 0 && n < d {
				return mk(n, d, i+1)
			}
		}
	}
	// digits: "1/2", "3/4" with nothing whole before them
	if toks[i].kind == tNum && (i == 0 || toks[i-1].kind != tNum) {
		if f, n := fractionDigits(toks, i); n > 0 && (i+n >= len(toks) || toks[i+n-1].spaceAfter != "" || toks[i+n].kind == tPunct) {
			return mk(f, 1, i+n)
		}
	}
	// numerator then fraction noun: "deux tiers", "un quart", "a third of", "one half"
	num, numOK := numWord(w, lang)
	if w == "a" && lang != "fr" {
		num, numOK = 1, true
	}
	if toks[i].kind == tNum {
		if v, ok := parseDigits(toks[i].text, lang, false); ok && v < 10 {
			num, numOK = v, true
		}
	}
	if numOK && num >= 1 {
		d := fractionNouns[next(1)]
		of := bare(next(2))
		ofNext := of == "de" || of == "d" || of == "des" || of == "du" || of == "of"
		if d > 0 && num < d {
			switch {
			case (w == "a" || w == "one" || w == "un" || w == "une") && !ofNext:
				// "a third consecutive year", "un tiers" (a third party); "près d'un quart estiment"
				plural := i+2 < len(toks) && toks[i+2].kind == tWord && (isPluralNoun(toks[i+2].lower) || strings.HasSuffix(toks[i+2].lower, "s") && lang == "fr")
				if !(w == "one" && d == 2 && next(2) == "") && !(w == "un" && d == 4 && !strings.HasPrefix(of, "heure") && of != "d’heure" && of != "d'heure" && of != "de") && !plural {
					return quantity{}, false
				}
			case (next(1) == "quart" || next(1) == "quarter") && (of == "heure" || of == "d’heure" || of == "d'heure" || of == "hour"):
				return quantity{}, false
			}
			if (d == 5 || d >= 6) && !ofNext && lang != "en" && !(i+2 < len(toks) && strings.HasSuffix(toks[i+2].lower, "s")) {
				return quantity{}, false // "le cinquième pays" is an ordinal
			}
			return mk(num, d, i+2)
		}
		// "un sur deux", "un Français sur deux", "one in three", "nine out of ten"
		k := i + 1
		if k < len(toks) && toks[k].kind == tWord && !isSurIn(toks, k) && k+1 < len(toks) && isSurIn(toks, k+1) {
			k++ // the noun between: "un Français sur deux"
		}
		if isSurIn(toks, k) {
			m := k + 1
			if toks[k].lower == "out" {
				m = k + 2
			}
			if m < len(toks) {
				var den float64
				var dj int
				if toks[m].kind == tNum {
					den, _ = parseDigits(toks[m].text, lang, false)
					dj = m + 1
				} else if dq, ok := wordNumber(toks, m, lang); ok {
					den, dj = dq.value, dq.j
				}
				if den > num && den <= 1000 && (dj >= len(toks) || !(toks[dj].kind == tNum)) {
					q, _ := mk(num, den, dj)
					if k > i+1 {
						q.thingFrom = i + 1
					}
					return q, true
				}
			}
		}
	}
	// determiner then fraction noun: "la moitié", "le tiers", "l'autre moitié", "pour moitié", "half the", "half of"
	switch {
	case w == "moitié" || w == "half":
		if w == "half" && lang == "fr" {
			return quantity{}, false
		}
		if i > 0 {
			p := bare(toks[i-1].lower)
			if p == "à" || p == "a" && w == "moitié" {
				return quantity{}, false // "à moitié vide": how, not how much
			}
			if w == "half" && (p == "first" || p == "second" || p == "the" || p == "other" || p == "a" && i > 1 && isNumberTok(toks[i-2])) {
				return quantity{}, false // "the second half", "two and a half"
			}
		}
		if w == "half" {
			n := next(1)
			if !(n == "the" || n == "of" || n == "its" || n == "their" || n == "his" || n == "her" || n == "all" || n == "our" || n == "those" || n == "these") {
				return quantity{}, false
			}
		}
		return mk(1, 2, i+1)
	case (w == "tiers" || w == "quart") && i > 0:
		p := bare(toks[i-1].lower)
		of := bare(next(1))
		if (p == "le" || p == "l" || p == "du" || p == "au") && (of == "de" || of == "d" || of == "des" || of == "du") {
			return mk(1, fractionNouns[w], i+1)
		}
	}
	return quantity{}, false
}

// isSurIn: "sur", "in", "out of" between the two numbers of a proportion.
func isSurIn(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].lower {
	case "sur", "in":
		return true
	case "out":
		return k+1 < len(toks) && toks[k+1].lower == "of"
	}
	return false
}

// comparatives after "N fois" / "N times": a multiplier, not a count.
var comparatives = map[string]bool{
	"plus": true, "moins": true, "supérieur": true, "supérieure": true, "supérieurs": true, "supérieures": true, "inférieur": true,
	"inférieure": true, "autant": true, "mieux": true, "as": true, "more": true, "less": true, "fewer": true, "higher": true,
	"lower": true, "larger": true, "bigger": true, "greater": true, "smaller": true, "faster": true, "the": true, "that": true,
	"over": true, "longer": true, "heavier": true, "cheaper": true, "richer": true, "stronger": true, "deadlier": true,
}

// isModelNumber: the number at toks[i] names a model, product or series,
// not a quantity: "747-400" (a second part no larger than the first),
// "iPhone 11", "Boeing 787 Dreamliner", "the 300 series", "Qantas' 747
// fleet".
func isModelNumber(toks []token, i int) bool {
	t := toks[i]
	// "747-400", "A320-200": glued hyphen to a smaller or equal number
	if i+2 < len(toks) && t.spaceAfter == "" && toks[i+1].text == "-" && toks[i+1].spaceAfter == "" && toks[i+2].kind == tNum &&
		!(i+3 < len(toks) && toks[i+3].text == "/") {
		a, _ := strconv.ParseFloat(t.text, 64)
		b, _ := strconv.ParseFloat(toks[i+2].text, 64)
		if b <= a && !strings.ContainsAny(t.text, ".,") {
			return true
		}
	}
	if i > 0 && toks[i-1].text == "-" && toks[i-1].spaceAfter == "" && i > 1 && toks[i-2].kind == tNum && toks[i-2].spaceAfter == "" {
		a, _ := strconv.ParseFloat(toks[i-2].text, 64)
		b, _ := strconv.ParseFloat(t.text, 64)
		if b <= a {
			return true
		}
	}
	if i+1 < len(toks) {
		switch toks[i+1].lower {
		case "series", "série", "model", "modèle", "version", "class", "classe", "edition", "édition", "generation", "génération":
			if i > 0 && (definiteBefore[toks[i-1].lower] || toks[i-1].lower == "la" || toks[i-1].lower == "le" || toks[i-1].lower == "its") {
				return true
			}
		}
	}
	// a product name: a capitalised word (not the first of the sentence)
	// right before, and a capitalised word, a stop or nothing after
	if i >= 2 && toks[i-1].kind == tWord && hasUpper(toks[i-1].text) && toks[i-1].spaceAfter == " " && !allUpperSentence(toks) {
		p := toks[i-1].lower
		if months[p] || weekdays[p] || currencyPrefix[toks[i-1].text] != "" || boundWord[p] || p == "tome" {
			return false
		}
		if i+1 >= len(toks) || toks[i+1].kind == tWord && hasUpper(toks[i+1].text) && toks[i+1].lower != "i" || toks[i+1].kind == tPunct && toks[i+1].text != "%" && currencySymbols[toks[i+1].text] == "" {
			return true
		}
	}
	// "the 787 Dreamliner", "les 3 Suisses": a number before a name in the
	// singular (a capitalised plural is a people counted: "40 Republicans")
	if i+1 < len(toks) && toks[i+1].kind == tWord && i > 0 && !allUpperSentence(toks) {
		n := toks[i+1].text
		r, _ := utf8.DecodeRuneInString(n)
		if unicode.IsUpper(r) && len(n) > 2 && n != strings.ToUpper(n) && !strings.HasSuffix(n, "s") && !months[toks[i+1].lower] && !weekdays[toks[i+1].lower] &&
			!countables[lemma(toks[i+1].lower)] && !peopleBefore(toks, i+1) {
			return true
		}
	}
	// "Qantas' 747 fleet", "the 787 family": a number between a name or
	// "the" and a singular noun that is no unit
	if i >= 1 && i+1 < len(toks) && toks[i+1].kind == tWord && !strings.ContainsAny(t.text, ".,") {
		p := toks[i-1]
		n := toks[i+1].lower
		possessive := p.text == "'" || p.text == "’" || strings.HasSuffix(p.lower, "'s") || strings.HasSuffix(p.lower, "’s") ||
			p.lower == "s" && i >= 2 && isApos(lastRune(toks[i-2].text)) || isApos(lastRune(p.text))
		name := p.kind == tWord && hasUpper(p.text) && i >= 2 && !allUpperSentence(toks)
		if (possessive || name) && englishSingular(n) {
			return true
		}
	}
	return false
}

// peopleBefore: the capitalised words from toks[k] qualify a plural noun
// after them ("4,250 North Korean soldiers", "40 Taliban fighters"), not
// a model ("the 787 Dreamliner").
func peopleBefore(toks []token, k int) bool {
	m := k
	for m < len(toks) && m < k+3 && toks[m].kind == tWord && isCap(toks[m].text) {
		m++
	}
	return m > k && m < len(toks) && toks[m].kind == tWord && (isPluralNoun(toks[m].lower) || countables[lemma(toks[m].lower)])
}

// boundWord: words that may stand capitalised right before a figure.
var boundWord = map[string]bool{"plus": true, "moins": true, "environ": true, "some": true, "about": true, "over": true, "nearly": true,
	"almost": true, "around": true, "up": true, "than": true, "least": true, "quelque": true, "près": true, "selon": true, "soit": true}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// allUpperSentence: a headline in capitals ("QANTAS TO BUY FOUR
// 747-400'S") says nothing by its capitals.
func allUpperSentence(toks []token) bool {
	up, words := 0, 0
	for _, t := range toks {
		if t.kind == tWord {
			words++
			if t.text == strings.ToUpper(t.text) {
				up++
			}
		}
	}
	return words > 0 && up*2 > words
}

// englishSingular: an English common noun in the singular that is not a
// unit, currency or invariant plural.
func englishSingular(w string) bool {
	if isPluralNoun(w) || measureUnits[w] != "" || currencyWords[w] != "" || durationUnits[w] != "" || percentWords[w] || notThing[w] {
		return false
	}
	switch w {
	case "people", "police", "staff", "personnel", "aircraft", "cattle", "sheep", "crew", "fish", "deer", "dead", "wounded", "injured", "homeless", "missing":
		return false
	}
	return isASCII(w)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// modelPart: toks[m] is part of a model designation glued by hyphens
// ("L-39", "747-400", "MI-24", "747-400's").
func modelPart(toks []token, m int) bool {
	t := toks[m]
	glued := func(a, b int) bool { return a >= 0 && b < len(toks) && toks[a].spaceAfter == "" }
	switch {
	case t.text == "-":
		return glued(m-1, m) && glued(m, m+1) && m+1 < len(toks) && (toks[m+1].kind == tNum || toks[m-1].kind == tNum)
	case t.kind == tAlnum:
		return true // "A321neo", "MI24"
	case t.kind == tNum:
		return glued(m-1, m) && m > 0 && toks[m-1].text == "-" || glued(m, m+1) && m+1 < len(toks) && toks[m+1].text == "-"
	case t.kind == tWord && len(t.text) <= 3 && t.text == strings.ToUpper(t.text):
		return glued(m, m+1) && m+2 < len(toks) && toks[m+1].text == "-" && toks[m+2].kind == tNum
	}
	return false
}

var dozenWords = map[string]bool{"douzaine": true, "douzaines": true, "dozen": true, "dozens": true, "dz": true, "dzs": true, "doz": true, "dozs": true}

// andFraction reads "and a half", "et demi(e)", "and a quarter", "et un
// quart", "and three quarters", "et deux tiers" after a whole number: the
// fraction and the tokens it takes.
func andFraction(toks []token, j int, lang string) (float64, int) {
	if n := andAHalf(toks, j); n > 0 {
		return 0.5, n
	}
	if j+2 >= len(toks) || (toks[j].lower != "and" && toks[j].lower != "et") {
		return 0, 0
	}
	w := toks[j+1].lower
	num, ok := numWord(w, lang)
	if w == "a" && lang != "fr" {
		num, ok = 1, true
	}
	d := fractionNouns[toks[j+2].lower]
	if !ok || d == 0 || num >= d {
		if (w == "one" || w == "un" || w == "une") && (toks[j+2].lower == "half" || toks[j+2].lower == "demi" || toks[j+2].lower == "demie") {
			return 0.5, 3
		}
		return 0, 0
	}
	return num / d, 3
}

// fractionOfScale reads "half a million", "a quarter million", "two
// thirds of a million", "un demi-million", "quart de million", "deux
// tiers de million": the value and the tokens it takes from toks[i].
func fractionOfScale(toks []token, i int, lang string) (float64, int) {
	k := i
	num := 1.0
	w := toks[k].lower
	if w == "un" || w == "une" || w == "a" || w == "one" {
		k++
	} else if n, ok := numWord(w, lang); ok && n > 1 && k+1 < len(toks) && fractionNouns[toks[k+1].lower] > 0 {
		num = n
		k++
	}
	if k >= len(toks) {
		return 0, 0
	}
	f := toks[k].lower
	var frac float64
	switch {
	case f == "half" || f == "demi":
		frac = 0.5
	case strings.HasPrefix(f, "demi-"):
		if s := wordScale(strings.TrimPrefix(f, "demi-"), lang); s > 0 {
			return 0.5 * s, k + 1 - i
		}
		return 0, 0
	case fractionNouns[f] > 0:
		frac = num / fractionNouns[f]
	default:
		return 0, 0
	}
	k++
	for k < len(toks) && (toks[k].lower == "a" || toks[k].lower == "of" || bare(toks[k].lower) == "de" || bare(toks[k].lower) == "d") {
		k++
	}
	if k < len(toks) {
		if s := wordScale(toks[k].lower, lang); s >= 1e6 || (s >= 1e3 && f != "quart") {
			return frac * s, k + 1 - i
		}
	}
	return 0, 0
}

var tensWords = map[string]bool{"vingt": true, "trente": true, "quarante": true, "cinquante": true, "soixante": true}

// lastScale: the scale word that ends the number in toks[i:j].
func lastScale(toks []token, i, j int, lang string) float64 {
	for k := j - 1; k >= i; k-- {
		if s := wordScale(toks[k].lower, lang); s > 0 {
			return s
		}
	}
	return 1
}
