package figure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// moneyCtx resolves the currency families of one article ("$", "dlrs",
// "rupees") to ISO 4217 codes, looking at the article's words once and only
// when a figure needs it.
type moneyCtx struct {
	title, text string
	lower       string // title and text in lower case, made on first use
	fam         map[string]string
	last        string // the code of the last money figure read
}

func (m *moneyCtx) seen(code string) {
	if m != nil {
		m.last = code
	}
}

// implied: the currency an amount with no unit is in: the one its sentence
// names, else, for an amount in brackets or "à hauteur de", the last one the
// article used.
func (m *moneyCtx) implied(toks []token, aside bool) string {
	for k, t := range toks {
		if code := currencyWords[t.lower]; code != "" && t.lower != "won" && t.lower != "real" {
			return m.resolve(toks, k, k+1, code)
		}
		if code := currencySymbols[t.text]; code != "" {
			return m.resolve(toks, k, k+1, code)
		}
	}
	if m == nil || !aside {
		return ""
	}
	return m.last
}

func newMoneyCtx(title, text string) *moneyCtx {
	return &moneyCtx{title: title, text: text}
}

// resolve gives the ISO code of the money figure toks[start:end] whose
// unit is unit (a code or a family).
func (m *moneyCtx) resolve(toks []token, start, end int, unit string) string {
	if _, isFam := familyDefault[unit]; !isFam {
		return unit
	}
	// a qualifier beside the currency word: "Australian dlrs", "U.S. dollars", "dollars canadiens", "francs suisses"
	for k := start; k < end && k < len(toks); k++ {
		if currencyWords[toks[k].lower] != unit && currencySymbols[toks[k].text] != unit {
			continue
		}
		if k > 0 {
			if code := currencyQualifier[toks[k-1].lower]; code != "" {
				return code
			}
			if k > 1 && toks[k-1].text == "." && toks[k-2].text == "S" {
				return "USD" // "U.S. dollars"
			}
		}
		if k+1 < len(toks) {
			if code := currencyQualifier[toks[k+1].lower]; code != "" {
				return code
			}
		}
	}
	if m == nil {
		return familyDefault[unit]
	}
	return m.article(unit)
}

// famWords: how a family is written, lower case, for the article scan.
var famWords = map[string][]string{
	famDollar: {"dollar", "dlr"}, famRupee: {"rupee", "roupie"}, famPeso: {"peso"},
	famCrown: {"couronne", "crown", "kron"}, famFranc: {"franc"}, famPound: {"pound", "livre"},
}

// article: the code a family means in this article: the one a qualified
// mention names anywhere in it ("250 mln Australian dlrs" makes the title's
// "ONE BILLION DLRS" Australian), else the currency of the first place it
// names that has one of that family, else the family's default.
func (m *moneyCtx) article(fam string) string {
	if code, ok := m.fam[fam]; ok {
		return code
	}
	if m.fam == nil {
		m.fam = map[string]string{}
		m.lower = strings.ToLower(m.title + "\n" + m.text)
	}
	// the evidence must be one-sided: an article naming Hong Kong and
	// Canadian dollars leaves a bare "$" to the default
	codes := m.qualified(fam)
	// an article that writes "A$" or "C$" for its other dollars means the
	// US one by a bare "$": the places it names say nothing then
	if len(codes) == 0 && !(fam == famDollar && prefixedDollar(m.lower)) {
		codes = map[string]bool{}
		for place, c := range countryCurrency[fam] {
			if wordIndex(m.lower, place) >= 0 {
				codes[c] = true
			}
		}
	}
	code := familyDefault[fam]
	if len(codes) == 1 {
		for c := range codes {
			code = c
		}
	}
	m.fam[fam] = code
	return code
}

// qualified finds the codes that mentions of the family name with a
// qualifier before or after ("Australian dlrs", "dollars canadiens", "C$").
func (m *moneyCtx) qualified(fam string) map[string]bool {
	codes := map[string]bool{}
	for _, w := range famWords[fam] {
		for off := 0; ; {
			at := strings.Index(m.lower[off:], w)
			if at < 0 {
				break
			}
			at += off
			off = at + len(w)
			if code := currencyQualifier[wordBefore(m.lower, at)]; code != "" {
				codes[code] = true
				continue
			}
			e := at + len(w)
			for e < len(m.lower) && m.lower[e] >= 'a' && m.lower[e] <= 'z' {
				e++
			}
			if code := currencyQualifier[wordAfter(m.lower, e)]; code != "" {
				codes[code] = true
			}
		}
	}
	return codes
}

func wordBefore(s string, at int) string {
	e := at
	for e > 0 && s[e-1] == ' ' {
		e--
	}
	b := e
	for b > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsLetter(r) && r != '.' && r != '-' {
			break
		}
		b -= n
	}
	return strings.TrimLeft(s[b:e], ".")
}

func wordAfter(s string, at int) string {
	b := at
	for b < len(s) && s[b] == ' ' {
		b++
	}
	e := b
	for e < len(s) {
		r, n := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		e += n
	}
	return s[b:e]
}

// wordIndex: the first place w occurs in s as whole words.
func wordIndex(s, w string) int {
	for off := 0; ; {
		at := strings.Index(s[off:], w)
		if at < 0 {
			return -1
		}
		at += off
		e := at + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[e:])
		if (at == 0 || !unicode.IsLetter(before)) && (e == len(s) || !unicode.IsLetter(after)) {
			return at
		}
		off = at + 1
	}
}

// moneyBefore reads a currency written before the number at toks[start]:
// "$", "€", "US$", "C$", "USD", "RM", "CHF", "Fr.", "Rs.". It gives the
// code (or family) and the tokens it takes.
func moneyBefore(toks []token, start int) (string, int) {
	if start == 0 {
		return "", 0
	}
	p := toks[start-1]
	if cur := currencySymbols[p.text]; cur != "" {
		if p.text == "$" && start >= 2 && toks[start-2].spaceAfter == "" {
			if code := dollarPrefix[toks[start-2].text]; code != "" {
				return code, 2
			}
		}
		return cur, 1
	}
	if cur := currencyPrefix[p.text]; cur != "" && (p.spaceAfter == "" || p.spaceAfter == " ") {
		return cur, 1
	}
	if p.text == "." && start >= 2 && p.spaceAfter != "" {
		if cur := currencyPrefix[toks[start-2].text]; cur != "" && len(toks[start-2].text) <= 3 {
			return cur, 2
		}
	}
	return "", 0
}

// negativeBefore: a minus sign or word before the number ("-1.3%",
// "−5 °C", "moins cinq degrés", "minus 40"); the tokens it takes.
func negativeBefore(toks []token, start int) int {
	if start == 0 {
		return 0
	}
	p := toks[start-1]
	if (p.text == "-" || p.text == "−") && p.spaceAfter == "" {
		if start == 1 || toks[start-2].spaceAfter != "" && toks[start-2].kind != tNum {
			return 1
		}
		return 0
	}
	if negativeWords[p.lower] && (start == 1 || toks[start-2].kind != tNum && !isNumberTok(toks[start-2])) {
		// "à moins cinq degrés", not "plus ou moins 5", "au moins 5", "at least"
		if start >= 2 {
			switch toks[start-2].lower {
			case "ou", "au", "pas", "du", "le", "un", "peu", "or", "no", "en", "de":
				return 0
			}
		}
		return 1
	}
	return 0
}

// weightCue: words that make "pounds" a weight, not money.
var weightCue = map[string]bool{"weight": true, "weighs": true, "weighed": true, "weighing": true, "take-off": true, "takeoff": true,
	"payload": true, "load": true, "heavy": true, "heavier": true, "lighter": true, "pèse": true, "poids": true, "mass": true, "cargo": true, "freight": true}

// unitAfter reads the unit, money or percentage word after a number
// (toks[k] is the first token after the number and its "de"/"of"): the
// unit, the kind and where the expression ends (0: none).
func unitAfter(toks []token, k int, q quantity, lang string) (string, dossier.Kind, int) {
	if k >= len(toks) {
		return "", "", 0
	}
	w := toks[k].lower
	next := func(m int) string {
		if k+m < len(toks) {
			return toks[k+m].lower
		}
		return ""
	}
	switch {
	case percentWords[w]:
		if next(1) == "points" || next(1) == "point" {
			return "%", dossier.KindPercent, k + 2 // "0.25 percentage points"
		}
		return "%", dossier.KindPercent, k + 1
	case (w == "pour" || w == "per") && next(1) == "cent":
		return "%", dossier.KindPercent, k + 2
	case currencySymbols[toks[k].text] != "":
		return currencySymbols[toks[k].text], dossier.KindMoney, k + 1
	case (w == "pound" || w == "pounds" || w == "livres" || w == "livre") && weightSentence(toks):
		return "lb", dossier.KindMeasure, k + 1
	case currencyWords[w] != "" && !(w == "won" && lang == "en") && !(w == "real" && lang == "en"):
		// "250 mln Australian dlrs": the qualifier stands between
		return currencyWords[w], dossier.KindMoney, k + 1
	case currencyQualifier[w] != "" && currencyWords[next(1)] != "":
		return currencyWords[next(1)], dossier.KindMoney, k + 2
	case (w == "d’" || w == "d'" || w == "de" || w == "of") && currencyWords[next(1)] != "" && next(1) != "won":
		return currencyWords[next(1)], dossier.KindMoney, k + 2
	case (w == "d’" || w == "d'" || w == "de" || w == "of") && measureUnits[next(1)] != "" && len(next(1)) > 2 && k > 0 && scaleWords[toks[k-1].lower] > 0:
		// "1,5 million de kilomètres", "2 millions de tonnes"
		return measureUnits[next(1)], dossier.KindMeasure, k + 2
	case (w == "de" || w == "of") && currencyQualifier[next(1)] != "" && currencyWords[next(2)] != "":
		return currencyWords[next(2)], dossier.KindMoney, k + 3
	case toks[k].text == "°" && (next(1) == "c" || next(1) == "f") && toks[k].spaceAfter == "":
		return "°" + strings.ToUpper(next(1)), dossier.KindMeasure, k + 2
	case (w == "degrés" || w == "degrees") && (next(1) == "celsius" || next(1) == "c"):
		return "°C", dossier.KindMeasure, k + 2
	case (w == "degrés" || w == "degrees") && (next(1) == "fahrenheit" || next(1) == "f"):
		return "°F", dossier.KindMeasure, k + 2
	case w == "metric" && (next(1) == "tons" || next(1) == "ton" || next(1) == "tonnes"):
		return "t", dossier.KindMeasure, k + 2
	case w == "nautical" && (next(1) == "miles" || next(1) == "mile"):
		return "nmi", dossier.KindMeasure, k + 2
	case (w == "barrels" || w == "barils" || w == "bbl") && (next(1) == "per" || next(1) == "a" || next(1) == "par") && (next(2) == "day" || next(2) == "jour"):
		return "bbl/d", dossier.KindMeasure, k + 3
	case w == "bpd" || w == "b/d":
		return "bbl/d", dossier.KindMeasure, k + 1
	case (w == "percentage" || w == "percentage-point") && (next(1) == "points" || next(1) == "point"):
		return "%", dossier.KindPercent, k + 2
	case (w == "points" || w == "point") && next(1) == "de" && next(2) == "pourcentage":
		return "%", dossier.KindPercent, k + 3
	case w == "square" && measureUnits[next(1)] != "":
		return measureUnits[next(1)] + "²", dossier.KindMeasure, k + 2
	case w == "cubic" && measureUnits[next(1)] != "":
		return measureUnits[next(1)] + "³", dossier.KindMeasure, k + 2
	case (w == "mètres" || w == "mètre") && (next(1) == "cubes" || next(1) == "cube"):
		return "m³", dossier.KindMeasure, k + 2
	case measureUnits[w] != "" && !(w == "m" && toks[k].text == "M") && !(w == "t" && toks[k-1].spaceAfter == "") && !(w == "in" && lang != "en"):
		unit, end := measureUnits[w], k+1
		switch {
		// compound units written with a slash: "km/h", "m/s"
		case k+2 < len(toks) && toks[k].spaceAfter == "" && toks[k+1].text == "/" && toks[k+1].spaceAfter == "" && toks[k+2].kind == tWord:
			unit, end = toks[k].text+"/"+toks[k+2].text, k+3
		case (next(1) == "per" || next(1) == "par" || next(1) == "an" || next(1) == "a") && (next(2) == "hour" || next(2) == "heure"):
			if unit == "mile" {
				unit = "mph"
			} else {
				unit += "/h"
			}
			end = k + 3
		case next(1) == "carrés" || next(1) == "carré":
			unit, end = unit+"²", k+2
		}
		return unit, dossier.KindMeasure, end
	case toks[k].text == "-" && k > 0 && toks[k-1].spaceAfter == "" && toks[k].spaceAfter == "" && k+1 < len(toks) && toks[k+1].kind == tWord:
		// "6.1-inch", "2.4-liter", "a 50-year-old man"
		if u, kind := hyphenUnit(toks[k+1].lower, lang); u != "" {
			return u, kind, k + 2
		}
	case (w == "fois" || w == "times") && (comparatives[next(1)] || q.ratio):
		// "deux fois plus lourd", "three times as many"
		return "ratio", dossier.KindMeasure, k + 1
	case (w == "contre" || w == "to") && (next(1) == "un" || next(1) == "one" || next(1) == "1") && !q.pct:
		// "dix contre un", "ten to one"
		if k+2 >= len(toks) || toks[k+2].kind == tPunct || notThing[toks[k+2].lower] {
			return "ratio", dossier.KindMeasure, k + 2
		}
	case k > 0 && q.i > 0 && (toks[q.i-1].lower == "magnitude" || toks[q.i-1].lower == "magnitude:"):
		return "magnitude", dossier.KindMeasure, q.j
	case (w == "dernières" || w == "derniers" || w == "prochaines" || w == "prochains" || w == "past" || w == "last" || w == "next" ||
		w == "premières" || w == "premiers" || w == "first") && durationUnit(next(1), lang) != "":
		// "des 22 dernières années", "the past three years"
		return durationUnit(next(1), lang), dossier.KindDuration, k + 2
	case durationUnit(w, lang) != "":
		// "à 15 heures" is a time of day, caught before; "3 ans" a duration
		return durationUnit(w, lang), dossier.KindDuration, k + 1
	}
	return "", "", 0
}

func weightSentence(toks []token) bool {
	for _, t := range toks {
		if weightCue[t.lower] {
			return true
		}
	}
	return false
}

// hyphenUnit: the unit a hyphenated word after a number names: "inch",
// "liter", "year-old", "month", "feet", "mile".
func hyphenUnit(w, lang string) (string, dossier.Kind) {
	first, rest, _ := strings.Cut(w, "-")
	if u := durationUnit(first, lang); u != "" {
		if rest == "old" || rest == "olds" {
			return u, dossier.KindMeasure // an age
		}
		return u, dossier.KindDuration
	}
	if u := measureUnits[first]; u != "" && len(first) > 1 {
		return u, dossier.KindMeasure
	}
	switch first {
	case "meter", "metre":
		return "m", dossier.KindMeasure
	case "percent", "per":
		return "%", dossier.KindPercent
	}
	return "", ""
}

// dateReference: "il y a un an", "a year ago", "once a week": one unit of
// time that dates or paces, not a duration.
func dateReference(toks []token, i int) bool {
	if i >= 2 && toks[i-1].lower == "a" && toks[i-2].lower == "y" {
		return true
	}
	if i+2 < len(toks) && toks[i+2].lower == "ago" {
		return true
	}
	if i > 0 {
		switch toks[i-1].lower {
		case "once", "twice", "times", "fois", "per", "par":
			return true
		}
	}
	return false
}

// firstUnitsOf: "in the first two months of this year", "les trois
// premiers mois de l'année" date a period, they are not durations.
func firstUnitsOf(toks []token, i, j int, lang string) bool {
	if i > 0 && (toks[i-1].lower == "first" || toks[i-1].lower == "last") && j+1 < len(toks) && durationUnit(toks[j].lower, lang) != "" && toks[j+1].lower == "of" {
		return true
	}
	if j+2 < len(toks) && (toks[j].lower == "premiers" || toks[j].lower == "premières") && durationUnit(toks[j+1].lower, lang) != "" && (bare(toks[j+2].lower) == "de" || bare(toks[j+2].lower) == "d") {
		return true
	}
	return false
}

// changeVerbs: before "from X to Y" / "de X à Y" they make two figures, a
// change, not one range. Verbs of decrease are not among them: "a chuté de
// 19 à 33%" can only be a range, since the second end is the larger.
var changeVerbs = map[string]bool{
	"rise": true, "rose": true, "risen": true, "rises": true,
	"increase": true, "increased": true, "increases": true, "raise": true, "raised": true, "raises": true, "cuts": false, "grew": true, "grow": true, "grown": true, "jump": true, "jumped": true, "climb": true, "climbed": true,
	"lower":   true,
	"lowered": true, "boost": true, "boosted": true, "up": true, "down": true, "went": true, "gone": true, "moved": true,
	"expanded": true, "hiked": true, "revised": true, "doubled": true,
	"passé": true, "passer": true, "passe": true, "passant": true, "passera": true, "passent": true, "passeront": true, "passait": true, "augmenté": true,
	"grimpé": true, "relevé": true, "porté": true, "abaissé": true,
	"ramené": true, "augmente": true, "progressé": true,
}

type rangeRead struct {
	start, end, thingFrom int
	lo, hi                float64
	ratio                 bool
}

// rangeAfter reads the second end of a range after q: "entre 10 et 12",
// "between 5% and 6%", "de 10 à 12", "from $5 to $7", "15-22 miles", "3
// ou 4 jours", "1.35 to 1.65 mln tonnes", "de deux fois et demie à quatre
// fois". start is where q's reading begins (its money sign included).
func rangeAfter(toks []token, q quantity, start int, lang string) (rangeRead, bool) {
	if q.vague || q.j >= len(toks) {
		return rangeRead{}, false
	}
	lo := q.value
	j := q.j
	// the first end's own unit, repeated at the second: "5% and 6%", "2 fois et demie à 4 fois"
	u1 := ""
	if w := toks[j].lower; percentWords[w] || w == "fois" || w == "times" || currencySymbols[toks[j].text] != "" {
		u1 = w
		j++
		if n := andAHalf(toks, j); n > 0 {
			lo += 0.5
			j += n
		}
	}
	if j+1 >= len(toks) {
		return rangeRead{}, false
	}
	conn := toks[j].lower
	switch conn {
	case "et", "and", "à", "to", "-", "–", "—", "ou", "or":
	default:
		return rangeRead{}, false
	}
	if conn == "-" && (toks[j-1].spaceAfter != "" || toks[j].spaceAfter != "") {
		return rangeRead{}, false
	}
	m := j + 1
	if _, n := moneyBefore(toks, m+1); n > 0 && m+1 < len(toks) && currencySymbols[toks[m].text]+currencyPrefix[toks[m].text] != "" {
		m++ // "from $5 to $7"
	}
	q2, ok := quantityAt(toks, m, lang)
	if !ok || q2.vague || q2.pct != q.pct {
		return rangeRead{}, false
	}
	if u1 != "" && q2.j < len(toks) && !(toks[q2.j].lower == u1 || percentWords[u1] && percentWords[toks[q2.j].lower]) {
		return rangeRead{}, false
	}
	hi := q2.value
	// "entre 1 et 2 millions", "1.35 to 1.65 mln": the scale of the second applies to the first
	if q2.j > 0 && q.j > 0 {
		if s := scaleWords[toks[q2.j-1].lower]; s > 0 && toks[q2.j-1].kind == tWord && scaleWords[toks[q.j-1].lower] == 0 && lo*s <= hi && lo < hi/100 {
			lo *= s
		}
	}
	if hi <= lo {
		return rangeRead{}, false
	}
	opener := ""
	if start > 0 {
		opener = bare(toks[start-1].lower)
	}
	isRange := opener == "entre" || opener == "between" || opener == "from" || ((opener == "de" || opener == "d") && conn == "à") ||
		conn == "à" || conn == "to" || conn == "-" || conn == "–" || conn == "—" || conn == "ou" || conn == "or"
	if !isRange {
		return rangeRead{}, false
	}
	if (opener == "from" || opener == "de" || opener == "d") && start >= 2 {
		// "rose from 11 pct to 15 pct", "est passé de 5 à 7": a change, two figures
		for b := start - 2; b >= 0 && b >= start-3; b-- {
			if changeVerbs[toks[b].lower] {
				return rangeRead{}, false
			}
		}
	}
	r := rangeRead{start: start, end: q2.j, thingFrom: q2.thingFrom, lo: lo, hi: hi, ratio: u1 == "fois" || u1 == "times"}
	if opener == "entre" || opener == "between" || opener == "from" || opener == "de" || opener == "d" {
		r.start--
	}
	return r, true
}

// shareOrMoneyThing: what a percentage is a share of ("22% des
// Français", "33 pct of the vote") or what money is for ("une amende de
// 400 euros", "a fine of $5"), as a lemma; "" when the sentence does not say.
func shareOrMoneyThing(toks []token, start, end int, kind dossier.Kind, unit string) string {
	if kind == dossier.KindMeasure && (unit == "t" || unit == "bushel" || unit == "bbl" || unit == "kt" || unit == "Mt") {
		kind = dossier.KindPercent // masses of goods: "10 000 tonnes de carburant" counts the fuel
	}
	switch kind {
	case dossier.KindPercent:
		if end < len(toks) {
			if w := bare(toks[end].lower); w == "de" || w == "d" || w == "des" || w == "du" || w == "of" {
				if th, _ := thingAt(toks, end+1, false); th != "" {
					return th
				}
			}
			// "half the farms", "deux tiers les Français"
			if w := toks[end].lower; w == "the" || w == "its" || w == "their" || w == "his" || w == "her" || w == "our" {
				if th, _ := thingAt(toks, end, true); th != "" {
					return th
				}
			}
		}
	case dossier.KindMoney:
		if start >= 2 {
			if w := bare(toks[start-1].lower); (w == "de" || w == "d" || w == "of") && toks[start-2].kind == tWord && !notThing[toks[start-2].lower] {
				return lemma(toks[start-2].lower)
			}
		}
	}
	return ""
}

// negativeWords make the number after them negative.
var negativeWords = map[string]bool{"moins": true, "minus": true, "negative": true, "négatif": true, "négative": true}

// vulgarFractions: the single-character fractions.
var vulgarFractions = map[string]float64{"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
	"⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

// prefixedDollar: the text writes a dollar with its country's letters ("A$", "C$", "HK$").
func prefixedDollar(lower string) bool {
	for off := 0; ; {
		at := strings.IndexByte(lower[off:], '$')
		if at < 0 {
			return false
		}
		at += off
		if at > 0 && lower[at-1] >= 'a' && lower[at-1] <= 'z' {
			k := at
			for k > 0 && lower[k-1] >= 'a' && lower[k-1] <= 'z' {
				k--
			}
			if dollarPrefix[strings.ToUpper(lower[k:at])] != "" {
				return true
			}
		}
		off = at + 1
	}
}
