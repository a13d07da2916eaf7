package figure

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// Context is what the extractor knows of the article.
type Context struct {
	Doc   string // article id or input path, copied into each figure
	Date  string // the article's date, to resolve "vendredi" or "last week"
	Title string
	Lang  string // ISO 639-1; "" to guess per phrase

	money *moneyCtx // the article's currencies, set by Extract
	caps  *capIndex // the article's names written inside sentences, set by Extract
}

// Extract returns the figures of text, sentence by sentence. sentences are
// spans of text (from package sentence); nil means the whole text is one.
func Extract(text string, sentences []dossier.Span, c Context) []dossier.Figure {
	if sentences == nil {
		sentences = []dossier.Span{{Start: 0, End: len(text)}}
	}
	var out []dossier.Figure
	c.money = newMoneyCtx(c.Title, text)
	c.caps = &capIndex{text: text}
	var at attributor
	// the actor the article is about, for figures whose sentence names none
	topic := titleTopic(c.Title, text)
	if topic == "" && len(sentences) > 0 {
		// a headline that names no actor: the lead's subject is what the
		// article is about ("Notre planète est submergée par ...")
		lead := tokenize(text[sentences[0].Start:sentences[0].End], sentences[0].Start)
		topic = subjectPhrase(lead, 0, len(lead), false)
	}
	lastActor := ""
	// The headline states figures too, and its attribution carries over
	// into the first sentence that has none.
	if c.Title != "" {
		toks := tokenize(c.Title, 0)
		figs, pos, _ := sentenceFigures(c.Title, toks, c)
		first := len(out)
		out = append(out, figs...)
		at.sentence(toks, out, first, pos, true)
		when := ""
		if len(figs) > 0 {
			when = timeOf(toks, c.Date)
		}
		for k := first; k < len(out); k++ {
			out[k].Sentence, out[k].Field, out[k].Time = c.Title, "title", when
			if out[k].Subject == "" || allCaps(toks) {
				out[k].Subject = topic
			}
		}
	}
	prevEnd := -1
	for _, sp := range sentences {
		s := text[sp.Start:sp.End]
		newPara := prevEnd < 0 || strings.Contains(text[prevEnd:sp.Start], "\n")
		prevEnd = sp.End
		toks := tokenize(s, sp.Start)
		figs, pos, people := sentenceFigures(text, toks, c)
		first := len(out)
		out = append(out, figs...)
		at.sentence(toks, out, first, pos, newPara)
		when := ""
		if len(figs) > 0 {
			when = timeOf(toks, c.Date)
		}
		// a fragment cut from the sentence before ("Mo. (4,900 workers), ...")
		// keeps its modality
		if !newPara && first > 0 && fragment(toks) {
			for k := first; k < len(out); k++ {
				if out[k].Modality == dossier.ModalityFact {
					out[k].Modality = out[first-1].Modality
				}
			}
		}
		for k := first; k < len(out); k++ {
			out[k].Sentence = s
			out[k].Time = when
			if out[k].Subject == "" && lastActor != "" && pronounSubject(toks, pos[k-first]) {
				out[k].Subject = lastActor
			}
			// the speaker is not the actor: "a indiqué le ministère de l'Intérieur"
			// (but "L'UICN a évalué 76 199 espèces": the speaker before its own act is its actor)
			if sub := strings.ToLower(out[k].Subject); sub != "" && strings.Contains(strings.ToLower(out[k].Source), sub) &&
				!actsItself(text[sp.Start:out[k].Start], out[k].Source) {
				out[k].Subject = people[k-first]
			}
			if out[k].Subject == "" {
				out[k].Subject = out[k].Place
			}
			if out[k].Subject == "" && !foreignPeople(text, out[k]) {
				out[k].Subject = topic
			}
		}
		if a := sentenceActor(toks); a != "" {
			lastActor = a
		}
	}
	return out
}

// pollGroup: the population a share is read in: "Chez les sympathisants
// de gauche, ils sont 68 %", "Among Democrats, 40 percent", "contre 24 %
// pour les sympathisants de droite".
func pollGroup(toks []token, start, end int) string {
	group := func(k int) string {
		if k < len(toks) && (toks[k].lower == "les" || toks[k].lower == "the") {
			k++
		}
		e := k
		for e < len(toks) && e < k+5 && toks[e].kind == tWord {
			w := bare(toks[e].lower)
			if e > k && (w == "de" || w == "du" || w == "of") && e+1 < len(toks) && toks[e+1].kind == tWord {
				e += 2
				continue
			}
			if notThing[w] || hasVerbWord(toks[e:e+1]) || isParticiple(w) || speechForms[w] || clauseStart[w] {
				break
			}
			e++
		}
		if e == k || !isPluralNoun(toks[k].lower) && !isCap(toks[k].text) {
			return ""
		}
		return phrase(toks, k, e)
	}
	if end+1 < len(toks) && (toks[end].lower == "pour" || toks[end].lower == "among" || toks[end].lower == "chez" || toks[end].lower == "parmi") {
		if g := group(end + 1); g != "" {
			return g
		}
	}
	for k := start - 1; k >= 0 && k >= start-12; k-- {
		if w := toks[k].lower; w == "chez" || w == "parmi" || w == "among" {
			if k == 0 || toks[k-1].text == "," || toks[k-1].text == ";" {
				return group(k + 1)
			}
		}
	}
	return ""
}

// foreignPeople: the figure counts people it calls foreign to the story
// ("des centaines de soldats internationaux", "hundreds of foreign
// fighters"): the headline's actor is not theirs.
func foreignPeople(text string, f dossier.Figure) bool {
	span := f.Text
	if f.End >= 0 && f.End < len(text) {
		// the figure and the word after it
		after := text[f.End:min(len(text), f.End+24)]
		if i := strings.IndexAny(strings.TrimLeft(after, " "), " ,.;:"); i > 0 {
			after = strings.TrimLeft(after, " ")[:i]
		}
		span += " " + after
	}
	if !strings.Contains(span, "tranger") && !strings.Contains(span, "ternationa") && !strings.Contains(span, "oreign") {
		return false // the cheap test first: most figures have none of these
	}
	for _, w := range strings.Fields(strings.ToLower(span)) {
		if foreignWords[strings.Trim(w, ",.;:")] {
			return true
		}
	}
	return false
}

var foreignWords = wordSet(`foreign international étrangers étrangères étranger étrangère internationaux
	internationales`)

// actsItself: the source, named before the figure as the subject of a
// verb that is not one of saying, did or counted what the figure says
// ("L'UICN a évalué 76 199 espèces", "La CGT a annoncé 150 000
// participants"), unlike "Selon le ministère, ..." or "X said 25,000 ...".
func actsItself(before, source string) bool {
	at := strings.LastIndex(before, source)
	if at < 0 {
		return false
	}
	lead := tokenize(before[:at], 0)
	if n := len(lead); n > 0 {
		switch bare(lead[n-1].lower) {
		case "selon", "après", "to", "par", "by", "de", "du", "of", "pour":
			return false
		}
	}
	after := tokenize(before[at+len(source):], 0)
	for k, t := range after {
		switch bare(t.lower) {
		case "said", "says", "told", "déclaré", "indiqué", "affirmé", "dit", "ajouté", "précisé", "expliqué", "rappelé", "que", "qu", "that", "souligné", "assuré":
			// "La police a déclaré avoir reçu quatre plaintes": the speaker tells its own act
			for _, n := range after[k+1:] {
				if n.lower == "avoir" || n.lower == "having" {
					return true
				}
			}
			return false
		}
	}
	return true
}

// fragment: a sentence that starts with a parenthesis or in lower case
// was cut after an abbreviation.
func fragment(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	t := toks[0]
	return t.text == "(" || t.kind == tWord && !isCap(t.text)
}

// sentenceFigures finds the figures among one sentence's tokens.
// pos holds the token index where each figure starts.
// people holds the people each figure's noun phrase names ("Iranian
// soldiers"), its actor when the clause names none other than the speaker.
func sentenceFigures(text string, toks []token, c Context) (out []dossier.Figure, pos []int, people []string) {
	lastEnd := 0
	for i := 0; i < len(toks); i++ {
		q, ok := quantityAt(toks, i, c.Lang)
		if !ok {
			continue
		}
		var prev *dossier.Figure
		if len(out) > 0 && q.i-lastEnd <= 12 {
			prev = &out[len(out)-1]
		}
		f, end, who, ok := reading(text, toks, q, c, prev)
		if ok {
			out = append(out, f)
			pos = append(pos, q.i)
			people = append(people, who)
			lastEnd = end
		}
		if end > i {
			i = end - 1
		}
	}
	return out, pos, people
}

// quantityAt recognises a number expression starting at toks[i]; lang
// ("fr", "en" or "") keeps one language's number words out of the other's
// text.
func quantityAt(toks []token, i int, lang string) (quantity, bool) {
	t := toks[i]
	w := t.lower
	// most words start no number: one lookup sends them back
	if t.kind == tWord && !numberish[w] {
		if first, _, ok := strings.Cut(w, "-"); !ok || !numberish[first] {
			return quantity{}, false
		}
	}
	if t.kind == tAlnum {
		return quantity{}, false
	}
	// "half a million", "un demi-million", "two thirds of a million"
	if v, n := fractionOfScale(toks, i, lang); n > 0 {
		return quantity{i: i, j: i + n, value: v, low: v, high: v, word: true, thingFrom: skipOf(toks, i+n)}, true
	}
	// "half a dozen", "une demi-douzaine"
	if (w == "half" && i+2 < len(toks) && toks[i+1].lower == "a" && toks[i+2].lower == "dozen") ||
		((w == "une" || w == "un") && i+1 < len(toks) && toks[i+1].lower == "demi-douzaine") {
		n := 3
		if w != "half" {
			n = 2
		}
		return quantity{i: i, j: i + n, value: 6, low: 6, high: 6, about: true, thingFrom: skipOf(toks, i+n)}, true
	}
	// "½", "¾": vulgar fractions
	if v, ok := vulgarFractions[t.text]; ok {
		return quantity{i: i, j: i + 1, value: 100 * v, low: 100 * v, high: 100 * v, pct: true, unit: "%", thingFrom: skipOf(toks, i+1)}, true
	}
	// fractions of a whole: "la moitié", "deux tiers", "a third of", "1/2", "un sur deux"
	if q, ok := fractionAt(toks, i, lang); ok {
		if t.kind == tNum && notAFigureNumber(toks, i) {
			return quantity{}, false
		}
		return q, true
	}
	// "four-month", "six-feet", "two-year-old": a number word and its unit in one word
	if t.kind == tWord && strings.Contains(w, "-") {
		first, rest, _ := strings.Cut(w, "-")
		if v, ok := numWord(first, lang); ok && v > 0 {
			if u, _ := hyphenUnit(rest, lang); u != "" {
				return quantity{i: i, j: i + 1, value: v, low: v, high: v, word: true, thingFrom: i + 1, unit: rest}, true
			}
		}
	}
	// vague plurals: "des milliers", "plusieurs dizaines de milliers", "hundreds of", "tens of thousands"
	if lead, ok := vagueLead[bare(w)]; ok && i+1 < len(toks) {
		if q, ok := vagueAt(toks, i+1, lead); ok {
			q.i = i
			return q, true
		}
	}
	if _, ok := vagueNouns[w]; ok && (i == 0 || !isNumberTok(toks[i-1])) {
		if q, ok := vagueAt(toks, i, 1); ok {
			return q, true
		}
	}
	if w == "tens" || w == "dizaines" {
		if q, ok := vagueAt(toks, i, 1); ok {
			return q, true
		}
	}
	// "several hundred", "plusieurs centaines" in the singular: "a few thousand"
	if (w == "several" || w == "few" || w == "plusieurs" || w == "quelques") && i+1 < len(toks) {
		n := toks[i+1].lower
		if n == "hundred" || n == "thousand" || n == "cent" || n == "mille" {
			base := 100.0
			if n == "thousand" || n == "mille" {
				base = 1000
			}
			return quantity{i: i, j: i + 2, low: 2 * base, high: 10*base - 1, vague: true, thingFrom: skipOf(toks, i+2)}, true
		}
	}
	// "par milliers", "by the thousands"
	if (w == "par" || w == "by") && i+1 < len(toks) {
		k := i + 1
		if toks[k].lower == "the" && k+1 < len(toks) {
			k++
		}
		if _, ok := vagueNouns[toks[k].lower]; ok {
			if q, ok := vagueAt(toks, k, 1); ok {
				q.i = i
				return q, true
			}
		}
	}
	// "une semaine", "a week", "un an": one unit of time
	if (w == "une" || w == "un" || w == "a" || w == "an" || w == "one") && i+1 < len(toks) && durationUnit(toks[i+1].lower, lang) != "" && !isRate(toks, i) && !dateReference(toks, i) {
		if (w == "une" || w == "un") && lang == "en" || (w == "a" || w == "an" || w == "one") && lang == "fr" {
			return quantity{}, false
		}
		return quantity{i: i, j: i + 1, value: 1, low: 1, high: 1, word: true, thingFrom: i + 1}, true
	}
	// "une cinquantaine de", "a dozen"
	if (w == "une" || w == "un" || w == "a") && i+1 < len(toks) {
		if v, ok := approxNouns[strings.TrimSuffix(toks[i+1].lower, "s")]; ok {
			q := quantity{i: i, j: i + 2, value: v, low: v, high: v, about: true}
			if toks[i+1].lower == "millier" {
				q.about = true
			}
			q.thingFrom = skipOf(toks, q.j)
			return q, true
		}
	}
	switch t.kind {
	case tNum:
		if notAFigureNumber(toks, i) {
			return quantity{}, false
		}
		q, ok := digitNumber(toks, i, lang)
		q.thingFrom = q.j
		return q, ok
	case tWord:
		first, _, _ := strings.Cut(w, "-")
		_, unit := numWord(first, lang)
		if !unit && !hundredWord(first, lang) && !(wordScale(first, lang) > 0 && len(first) > 3) && w != "a" && w != "an" {
			return quantity{}, false
		}
		q, ok := wordNumber(toks, i, lang)
		if !ok {
			return quantity{}, false
		}
		// "un", "une", "one", "a" alone are articles, not figures; small
		// numbers after "les"/"the" refer back to known things.
		// "one pct surtax", "un euro": one of a unit is a figure
		unitNext := q.j < len(toks) && (percentWords[toks[q.j].lower] || (q.j+1 < len(toks) && toks[q.j].lower == "per" && toks[q.j+1].lower == "cent"))
		// a sign makes "minus one" a number; "zéro mort" is a claim
		signed := i > 0 && (negativeWords[toks[i-1].lower] || toks[i-1].text == "-" && toks[i-1].spaceAfter == "")
		zero := q.value == 0 && (first == "zéro" || first == "zero" || first == "nought" || first == "naught")
		if q.value <= 1 && !unitNext && !signed && !zero && q.value == float64(int64(q.value)) || (q.value < 3 && i > 0 && definiteBefore[toks[i-1].lower]) {
			return quantity{}, false
		}
		q.thingFrom = q.j
		return q, true
	}
	return quantity{}, false
}

func isNumberTok(t token) bool {
	if t.kind == tNum {
		return true
	}
	_, ok := unitWords[t.lower]
	return ok
}

// vagueAt reads "milliers", "dizaines de milliers", "tens of thousands" at toks[k].
func vagueAt(toks []token, k int, lead float64) (quantity, bool) {
	w := toks[k].lower
	r, ok := vagueNouns[w]
	if w == "tens" {
		r, ok = [2]float64{10, 99}, true
	}
	if !ok {
		return quantity{}, false
	}
	j := k + 1
	// "dizaines de milliers", "centaines de milliers", "tens of thousands"
	if j+1 < len(toks) && (bare(toks[j].lower) == "de" || bare(toks[j].lower) == "d" || toks[j].lower == "of") {
		if r2, ok := vagueNouns[toks[j+1].lower]; ok && r2[0] > r[0] {
			r = [2]float64{r[0] * r2[0], (r[1]+1)*r2[0] - 1}
			j += 2
		}
	}
	if w == "tens" && r[0] == 10 {
		return quantity{}, false // "tens" alone is not a quantity
	}
	if lead > 1 {
		r[0] *= lead // "plusieurs dizaines": at least twenty
	}
	return quantity{i: k, j: j, low: r[0], high: r[1], vague: true, thingFrom: skipOf(toks, j)}, true
}

// skipOf steps over "de", "d'", "of" after a quantity noun.
func skipOf(toks []token, j int) int {
	if j < len(toks) {
		if w := bare(toks[j].lower); w == "de" || w == "d" || w == "of" {
			return j + 1
		}
	}
	return j
}

// notAFigureNumber: years, days of the month, times, model numbers,
// reference numbers.
func notAFigureNumber(toks []token, i int) bool {
	t := toks[i]
	prev := func(k int) string {
		if i-k >= 0 {
			return toks[i-k].lower
		}
		return ""
	}
	next := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].lower
		}
		return ""
	}
	// glued to letters or a hyphen: "F-16", "COVID-19", "Su-27"
	if i > 0 && toks[i-1].spaceAfter == "" && (toks[i-1].kind == tWord || toks[i-1].kind == tAlnum) && currencyPrefix[toks[i-1].text] == "" {
		return true
	}
	if i > 1 && toks[i-1].spaceAfter == "" && toks[i-1].text == "-" && toks[i-2].spaceAfter == "" && (toks[i-2].kind == tWord || toks[i-2].kind == tAlnum) {
		return true // "F-16", "COVID-19"; "-1.3%" is a sign
	}
	if i+1 < len(toks) && t.spaceAfter == "" && toks[i+1].text == "-" && i+2 < len(toks) && toks[i+2].kind == tWord && toks[i+2].spaceAfter == "" {
		if u, _ := hyphenUnit(toks[i+2].lower, ""); u == "" && toks[i+2].lower != "strong" {
			return true // "4-X" model names
		}
	}
	if isModelNumber(toks, i) {
		return true
	}
	// "fiscal 1987/88", "la saison 2023/24": the second year of a span
	if i > 1 && toks[i-1].text == "/" && toks[i-1].spaceAfter == "" && toks[i-2].spaceAfter == "" && toks[i-2].kind == tNum && len(t.text) <= 4 {
		if y, err := strconv.Atoi(toks[i-2].text); err == nil && y >= 1800 && y <= 2200 {
			return true
		}
	}
	// "les 17 et 18 octobre", "March 3-5": days of a month
	if i+3 < len(toks) && (next(1) == "et" || next(1) == "and" || next(1) == "au" || next(1) == "-" || next(1) == "to" || next(1) == "ou") &&
		toks[i+2].kind == tNum && months[strings.TrimSuffix(toks[i+3].lower, ".")] {
		return true
	}
	// clock times: "9 PM", "9 a.m.", "à 16 h"
	if n := next(1); (n == "pm" || n == "am" || n == "p.m." || n == "a.m." || n == "gmt" || n == "utc") && len(t.text) <= 2 {
		return true
	}
	if next(1) == "a" && next(2) == "." && next(3) == "m" || next(1) == "p" && next(2) == "." && next(3) == "m" {
		return true
	}
	// a time: "10:30", "14 h 30"
	if next(1) == ":" && i+2 < len(toks) && toks[i+2].kind == tNum && t.spaceAfter == "" {
		return true
	}
	if (next(1) == "h" || next(1) == "heures" || next(1) == "hours" || next(1) == "am" || next(1) == "pm") && (prev(1) == "à" || prev(1) == "at" || prev(1) == "vers" || prev(1) == "dès") {
		return true
	}
	if next(1) == "h" && i+2 < len(toks) && toks[i+2].kind == tNum {
		return true
	}
	// references: "n° 5", "No. 5", "article 5", "page 3"
	switch prev(1) {
	case "n°", "no", "nº", "numéro", "number", "article", "page", "pages", "chapitre", "chapter", "p", "#", "tome", "vol", "ligne", "line", "route", "rn", "a", "e",
		"acte", "act", "floor", "building", "block", "ward", "bâtiment", "pavillon", "saison", "season", "épisode", "episode", "étape", "stage", "version", "level", "niveau", "phase", "room", "salle", "gate", "porte", "terminal", "platform", "quai":
		if prev(1) != "a" || toks[i-1].text == "A" && i > 1 && !allUpperSentence(toks) {
			return true
		}
	}
	if prev(1) == "." && (prev(2) == "no" || prev(2) == "p") {
		return true
	}
	v, _ := parseDigits(t.text, "", false)
	plain := !strings.ContainsAny(t.text, ".,")
	// days of the month: "le 25 mars", "25 March", "March 25"
	if plain && v >= 1 && v <= 31 && (months[strings.TrimSuffix(next(1), ".")] || months[prev(1)]) {
		return true
	}
	// years: "en 2023", "2025", "1990s"; a four-digit number with no
	// thousands separator between 1800 and 2100 is a year unless a counted
	// thing or unit follows.
	if plain && len(t.text) == 4 && v >= 1800 && v <= 2100 {
		n := next(1)
		if _, ok := durationUnits[n]; ok {
			return true // "2024 ans" does not occur; "en 2024 années" neither
		}
		if countables[lemma(n)] || measureUnits[n] != "" || currencyWords[n] != "" || percentWords[n] || currencySymbols[n] != "" && t.spaceAfter == "" {
			return false
		}
		return true
	}
	if months[prev(1)] && plain && len(t.text) == 4 {
		return true
	}
	// phone-like groups of two digits: "01 23 45 67 89"
	if plain && len(t.text) == 2 && t.text[0] == '0' {
		return true
	}
	return false
}

// reading gives the quantity its bound, thing or unit, kind, and the rest.
//
// prev is the figure just before in the sentence, if near: an elliptical
// figure counts what it counts ("46 000 manifestants, dont 8 000 à Paris",
// "28 à Paris, 13 à Lyon").
func reading(text string, toks []token, q quantity, c Context, prev *dossier.Figure) (f dossier.Figure, end int, people string, ok bool) {
	f = dossier.Figure{Doc: c.Doc}
	var inherited *dossier.Figure
	start := q.i
	end = q.j
	bound := dossier.BoundExact
	lo, hi, val := q.low, q.high, q.value
	switch {
	case q.vague:
		bound = dossier.BoundVague
	case q.about:
		bound = dossier.BoundAbout
	}
	// money before: "$2.5 billion", "€30 millions", "US$5", "USD1,700", "CHF 50", "Fr. 20"
	unit, kind := "", dossier.Kind("")
	if cur, n := moneyBefore(toks, start); n > 0 && !q.word {
		unit, kind = cur, dossier.KindMoney
		start -= n
	}
	// a sign: "-1.3%", "moins cinq degrés", "minus 5"
	if n := negativeBefore(toks, start); n > 0 && !q.vague {
		val, lo, hi = -val, -hi, -lo
		start -= n
	}
	// bound words before
	if !q.vague {
		// an adverb may stand between: "dépasse désormais 3 000", "now exceeds"
		at := start
		if at > 0 && adverbs[toks[at-1].lower] {
			at--
		}
		if b, n := boundBeforeAt(toks, at); n > 0 {
			bound = b
			if at == start {
				start -= n
			}
		}
	}
	// range: "entre 10 et 12", "between 5% and 6%", "de 10 à 12", "from $5 to $7", "15-22 miles"
	thingFrom := q.thingFrom
	if r, ok := rangeAfter(toks, q, start, c.Lang); ok {
		start = r.start
		bound = dossier.BoundRange
		lo, hi, val = r.lo, r.hi, r.lo
		end = r.end
		thingFrom = r.thingFrom
		q.ratio = q.ratio || r.ratio
	}
	// unit, money, percent, duration after the number
	if q.pct {
		unit, kind = "%", dossier.KindPercent
	}
	if q.unit != "" && !q.pct {
		// a number word with its unit: "four-month", "six-feet"
		u, k := hyphenUnit(q.unit, c.Lang)
		unit, kind = u, k
	}
	// "5,000-strong force": the count's noun comes after the hyphen word
	if thingFrom+1 < len(toks) && toks[thingFrom].text == "-" && toks[thingFrom].spaceAfter == "" && toks[thingFrom+1].lower == "strong" {
		thingFrom += 2
		end = thingFrom
	}
	// "two and a half years": the half stands between the number and its unit
	if n := andAHalf(toks, thingFrom); n > 0 && !q.vague && bound != dossier.BoundRange && val == float64(int64(val)) {
		if u, _, _ := unitAfter(toks, thingFrom+n, q, c.Lang); u != "" {
			val += 0.5
			lo, hi = val, val
			thingFrom += n
		}
	}
	if kind == "" || kind == dossier.KindMoney && unit == "" {
		if u, k, e := unitAfter(toks, thingFrom, q, c.Lang); e > 0 {
			if !(kind == dossier.KindMoney && k != dossier.KindMoney) {
				unit, kind, end = u, k, e
			}
		}
	}
	// "il y a 40 ans", "three years ago": a date, not a duration
	// ("il y a près de trois ans" says how long, and stays a figure, as in the seeds)
	if kind == dossier.KindDuration && bound == dossier.BoundExact && (start >= 2 && toks[start-1].lower == "a" && toks[start-2].lower == "y" || end < len(toks) && toks[end].lower == "ago") {
		return f, q.j, "", false
	}
	if kind == dossier.KindDuration && firstUnitsOf(toks, start, thingFrom, c.Lang) {
		return f, q.j, "", false
	}
	// "spend $1bn over four years": "over" before a duration is the period,
	// unless a verb of lasting or "for" asks how long ("for over two years")
	if kind == dossier.KindDuration && bound == dossier.BoundMoreThan && start > 0 && toks[start].lower == "over" && start < q.i {
		p := ""
		if start > 0 {
			p = toks[start-1].lower
		}
		switch p {
		case "for", "in", "took", "lasted", "last", "lasts", "after", "since", "than", "taken", "spent", "":
		default:
			bound = dossier.BoundExact
			start++
		}
	}
	// "deux ans et demi", "two and a half years"
	if n := andAHalf(toks, end); n > 0 && (kind == dossier.KindDuration || kind == dossier.KindMeasure) && bound != dossier.BoundRange && !q.vague && val == float64(int64(val)) {
		val += 0.5
		lo, hi = val, val
		end += n
	}
	if kind == dossier.KindMoney {
		unit = c.money.resolve(toks, start, end, unit)
	}
	if kind == "" && unit != "" {
		kind = dossier.KindMoney
	}
	if kind == "" {
		th, hd := thingAt(toks, thingFrom, c.Lang == "en")
		// "a staff of 45", "une équipe de 30": the group named before counts
		if th == "" && start >= 2 && (bare(toks[start-1].lower) == "of" || bare(toks[start-1].lower) == "de") && collectives[toks[start-2].lower] {
			th = lemma(toks[start-2].lower)
			hd = q.j - 1
		}
		if th == "" && prev != nil && elliptical(toks, thingFrom) {
			inherited = prev
			switch {
			case prev.Kind == dossier.KindCount && prev.Thing != "":
				th = prev.Thing
			// a number with a scale word ("41.2 mln") is no percentage
			case prev.Unit != "" && (prev.Kind == dossier.KindMoney || prev.Kind == dossier.KindPercent && !(q.j > q.i+1 && scaleWords[toks[q.j-1].lower] >= 1e6) || prev.Kind == dossier.KindMeasure):
				unit, kind = prev.Unit, prev.Kind
			}
		}
		if th == "" && kind == "" && !q.vague && !q.word && q.j > q.i+1 && scaleWords[toks[q.j-1].lower] >= 1e6 {
			// "(282 millions)", "à hauteur de 60 millions": an amount of the money the text is counting
			paren := q.i > 0 && toks[q.i-1].text == "(" || strings.HasSuffix(bare(toks[max(q.i-1, 0)].lower), "hauteur")
			if cur := c.money.implied(toks, paren || q.i >= 2 && toks[q.i-2].lower == "hauteur"); cur != "" {
				unit, kind = cur, dossier.KindMoney
			}
		}
		switch {
		case kind != "":
		case th == "":
			th, _ = fallbackThing(toks, q)
			if th == "" {
				return f, q.j, "", false
			}
		case hd >= 0:
			end = hd + 1
			// "287 Palestiniens", "hundreds of Iranians": a people counted is the figure's actor
			if hd > 0 && isCap(toks[hd].text) && !isCap(toks[hd].lower) && !allCaps(toks) {
				f.Subject = toks[hd].text
			} else {
				// "180 Iranian soldiers", "1 500 soldats nord-coréens": the people named in the phrase
				people = demonymOf(toks, thingFrom, hd)
			}
		}
		if kind == "" {
			f.Thing = th
			f.Gloss = glossOf(th)
			kind = dossier.KindCount
		}
	}
	if kind == dossier.KindMoney {
		c.money.seen(unit)
	}
	if kind != dossier.KindCount {
		f.Unit = unit
		// what a share is of, what money is for: "22% des Français", "une amende de 400 euros"
		f.Thing = shareOrMoneyThing(toks, start, end, kind, unit)
		f.Gloss = glossOf(f.Thing)
		if kind == dossier.KindPercent && f.Subject == "" {
			f.Subject = shareWhole(toks, end)
			if f.Subject == "" {
				f.Subject = pollGroup(toks, start, end)
			}
			// "22% des Français pensent ... et près d'un quart estiment": the same whole
			if f.Subject == "" && prev != nil && prev.Kind == dossier.KindPercent && prev.Subject != "" {
				f.Subject = prev.Subject
			}
		}
	}
	f.Kind = kind
	// bound words after: "3 000 soldats au moins"
	if bound == dossier.BoundExact {
		if b, n := boundAfterAt(toks, end); n > 0 {
			bound = b
			end += n
		}
	}
	switch bound {
	case dossier.BoundVague:
		f.Low, f.High = ptr(lo), ptr(hi)
	case dossier.BoundAtLeast, dossier.BoundMoreThan:
		f.Value, f.Low = ptr(val), ptr(val)
	case dossier.BoundAtMost, dossier.BoundLessThan:
		f.Value, f.High = ptr(val), ptr(val)
	case dossier.BoundRange:
		f.Value, f.Low, f.High = ptr(val), ptr(lo), ptr(hi)
	default:
		f.Value, f.Low, f.High = ptr(val), ptr(val), ptr(val)
	}
	f.Bound = bound
	f.Start, f.End = toks[start].start, toks[end-1].end
	f.Text = text[f.Start:f.End]
	f.Modality = modality(toks, start, end)
	if inherited != nil && f.Modality == dossier.ModalityFact {
		f.Modality = inherited.Modality // "prévoit 40 millions d'euros, dont 12 millions pour"
	}
	if f.Subject == "" {
		// the clause's acting name, else the people the phrase names, else the nearest name
		s, acts := subjectActs(c.caps, toks, start)
		switch {
		case !acts && inherited != nil && inherited.Subject != "" && (s == "" || !strings.Contains(text[inherited.End:toks[start].start], s)):
			// "29 Chadian soldiers were killed and 58 wounded": the same people
			f.Subject = inherited.Subject
		case acts || people == "":
			f.Subject = s
		default:
			f.Subject = people
		}
	}
	f.Event = event(toks, start, end, f.Thing)
	f.Place = place(toks, end)
	// "28 000 personnes à Paris, 6 500 à Marseille": a place right after the figure is its own
	if f.Place != "" && end < len(toks) && !allCaps(toks) {
		switch bare(toks[end].lower) {
		case "à", "au", "aux", "en", "in", "at", "dans":
			if f.Subject == "" || inherited != nil && !isCap(toks[hdOrStart(f, toks, start)].text) {
				f.Subject = f.Place
			}
		}
	}
	return f, end, people, true
}

func ptr(v float64) *float64 { return &v }

// hdOrStart: the token where the figure's subject was read when it is the
// people counted ("287 Palestiniens à Gaza" keeps Palestiniens), else start.
func hdOrStart(f dossier.Figure, toks []token, start int) int {
	for k := start; k < len(toks) && toks[k].start < f.End; k++ {
		if toks[k].text == f.Subject {
			return k
		}
	}
	return start
}

func boundBeforeAt(toks []token, i int) (dossier.Bound, int) {
	for _, b := range boundBefore {
		n := len(b.words)
		if i-n < 0 {
			continue
		}
		ok := true
		for m, w := range b.words {
			if bare(toks[i-n+m].lower) != w {
				ok = false
				break
			}
		}
		if ok {
			// "rolled out over two years", "spread over": a preposition, not a bound
			if n == 1 && (b.words[0] == "over" || b.words[0] == "under") && i >= 2 {
				p := toks[i-2].lower
				if strings.HasSuffix(p, "ed") || p == "out" || p == "up" || p == "off" || p == "spread" || p == "lasts" || p == "last" {
					return "", 0
				}
			}
			return b.bound, n
		}
	}
	return "", 0
}

func boundAfterAt(toks []token, i int) (dossier.Bound, int) {
	for _, b := range boundAfter {
		n := len(b.words)
		if i+n > len(toks) {
			continue
		}
		ok := true
		for m, w := range b.words {
			if toks[i+m].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return b.bound, n
		}
	}
	return "", 0
}

// thingAt finds the head noun of what is counted, starting at toks[k]:
// French puts it first ("soldats nord-coréens"), English last
// ("North Korean troops").
func thingAt(toks []token, k int, en bool) (string, int) {
	for k < len(toks) && (skipBeforeThing[bare(toks[k].lower)]) && !countables[lemma(toks[k].lower)] {
		k++
	}
	// a closing quote between: 'environ 500" interpellations'
	if k < len(toks) && k > 0 && (toks[k].text == "\"" || toks[k].text == "»" || toks[k].text == "”") && toks[k-1].spaceAfter == "" {
		k++
	}
	// a model designation before the noun: "20 A321neo jets", "four 747-400 aircraft"
	for m := k; m < len(toks) && m < k+4 && modelPart(toks, m); m++ {
		if m+1 < len(toks) && toks[m+1].kind == tWord && !modelPart(toks, m+1) && toks[m].kind != tNum {
			k = m + 1
			break
		}
	}
	if k >= len(toks) || toks[k].kind != tWord || notThing[bare(toks[k].lower)] && !(en && toks[k].lower == "car") || months[toks[k].lower] || weekdays[toks[k].lower] ||
		isAdverb(toks[k].lower) || pronouns[toks[k].lower] {
		return "", -1
	}
	if en || isEnglishish(toks, k) {
		// the first plural noun, or the last word before a stop:
		// "additional soldiers", "special forces troops", "fifty roads remain"
		h := k
		for m := k; m < len(toks) && m < k+6; m++ {
			if modelPart(toks, m) {
				continue // "Czechoslovak-made L-39 bombers", "four 747-400 aircraft"
			}
			if t := toks[m]; t.kind != tWord || notThing[t.lower] && t.lower != "car" {
				break
			}
			if isPluralNoun(toks[m].lower) {
				if m+1 < len(toks) && isPluralNoun(toks[m+1].lower) && !notThing[toks[m+1].lower] && toks[m+1].kind == tWord {
					m++
				}
				return lemma(toks[m].lower), m
			}
		}
		for m := k; m < len(toks) && m < k+4; m++ {
			t := toks[m]
			if t.kind != tWord || notThing[t.lower] || weekdays[t.lower] || months[t.lower] || postNominal[t.lower] && m > k {
				break
			}
			if invariantPlural[t.lower] {
				return t.lower, m // "6 aircraft due", "45 staff"
			}
			if (strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing")) && m > k {
				break
			}
			h = m
			if t.spaceAfter != " " {
				break
			}
		}
		return lemma(toks[h].lower), h
	}
	return lemma(toks[k].lower), k
}

// elliptical: what follows a number says where or of whom, not what:
// "8 000 à Paris", "13 in Lyon", "28, dont", "(2,500)".
func elliptical(toks []token, k int) bool {
	if k >= len(toks) {
		return true
	}
	switch w := bare(toks[k].lower); w {
	case "à", "au", "aux", "en", "dans", "pour", "chez", "sur", "in", "at", "for", "from", "on", ",", ";", ".", ")", "et", "and", "ou", "or", "dont", "including", "contre", "against", "selon", "according":
		return true
	}
	return false
}

// isEnglishish guesses the noun phrase is English from its words.
func isEnglishish(toks []token, k int) bool {
	for m := k - 3; m < k+3 && m < len(toks); m++ {
		if m < 0 {
			continue
		}
		switch toks[m].lower {
		case "the", "of", "and", "were", "was", "have", "has", "had", "than", "least", "more", "up", "to", "about", "some", "their", "said":
			return true
		case "de", "des", "les", "la", "le", "et", "ont", "sont", "à", "d’", "d'", "du", "au", "plus":
			return false
		}
	}
	return false
}

// fallbackThing: a vague figure with no noun after it ("se comptent par
// milliers", "seront bientôt plusieurs dizaines de milliers") counts the
// nearest countable noun of its sentence.
func fallbackThing(toks []token, q quantity) (string, int) {
	best, dist := "", 1<<30
	for k, t := range toks {
		if k >= q.i && k < q.j || t.kind != tWord {
			continue
		}
		l := lemma(t.lower)
		if !countables[l] || afterPreposition(toks, k) {
			continue
		}
		d := q.i - k
		if k > q.i {
			d = k - q.j
		}
		if d < dist {
			best, dist = l, d
		}
	}
	if dist > 12 {
		return "", -1
	}
	return best, -1
}

// lemma: the singular of a French or English plural noun.
func lemma(w string) string {
	w = strings.ToLower(strings.Trim(w, ".,;:!?»«\"'’()"))
	switch w {
	case "people":
		return "people"
	case "men":
		return "man"
	case "women":
		return "woman"
	case "children":
		return "child"
	case "pays", "fois", "cas", "corps", "voix", "prix", "bras", "mois", "obus", "kms", "news", "bus", "virus", "crisis", "series", "species":
		return w
	case "travaux":
		return "travail"
	case "lives":
		return "life"
	case "wives":
		return "wife"
	case "knives":
		return "knife"
	case "yeux":
		return "œil"
	}
	n := utf8.RuneCountInString(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "aux"):
		return strings.TrimSuffix(w, "aux") + "al"
	case n > 3 && strings.HasSuffix(w, "ies") && isASCII(w):
		return strings.TrimSuffix(w, "ies") + "y"
	case n > 3 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")) && isASCII(w):
		return strings.TrimSuffix(w, "es")
	case n > 3 && strings.HasSuffix(w, "eaux"), n > 3 && strings.HasSuffix(w, "eux"):
		return strings.TrimSuffix(w, "x")
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func glossOf(th string) string {
	if g, ok := gloss[th]; ok {
		return g
	}
	return ""
}

// afterPreposition: the noun at k is governed by a preposition ("from
// their homes", "dans les villes"), so it is not what a figure counts.
func afterPreposition(toks []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		w := bare(toks[m].lower)
		switch w {
		case "the", "their", "its", "his", "her", "les", "leurs", "leur", "ses", "la", "le", "l", "a", "an":
			continue
		case "de", "d", "of":
			// "le nombre de réfugiés", "the number of refugees" is what is counted
			if m > 0 {
				switch toks[m-1].lower {
				case "nombre", "number", "total", "bilan", "chiffre":
					return false
				}
			}
			return true
		case "from", "to", "in", "into", "at", "on", "for", "with", "by", "dans", "à", "au", "aux", "en", "pour", "sur", "avec", "vers", "chez", "contre", "des", "du":
			return true
		}
		return false
	}
	return false
}

// isPluralNoun: an English word that reads as a plural noun.
func isPluralNoun(w string) bool {
	if w == "people" || w == "children" || w == "men" || w == "women" {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !notThing[w] && !strings.HasSuffix(w, "'s")
}

// isRate: "160 euros a year", "10 km an hour": "a year" is a rate, not a duration.
func isRate(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	// "un an plus tôt", "a year earlier": a span back in time, not a rate
	if i+2 < len(toks) {
		switch n := toks[i+2].lower; n {
		case "earlier", "later", "après", "avant", "before", "after":
			return false
		case "plus":
			if i+3 < len(toks) && (toks[i+3].lower == "tôt" || toks[i+3].lower == "tard") {
				return false
			}
		}
	}
	p := toks[i-1]
	if p.kind == tNum || currencyWords[p.lower] != "" || measureUnits[p.lower] != "" || percentWords[p.lower] {
		return true
	}
	// "4,000 migrants a year": a quantity just before makes it a rate;
	// "in a week" is a duration
	if (toks[i].lower == "a" || toks[i].lower == "an") && !preposition[p.lower] {
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if toks[k].kind == tNum {
				return true
			}
			if toks[k].kind == tPunct {
				break
			}
		}
	}
	return false
}

// isAdverb: "grièvement", "seriously" say how, not what is counted.
func isAdverb(w string) bool {
	return (len(w) > 6 && strings.HasSuffix(w, "ment")) || (len(w) > 4 && strings.HasSuffix(w, "ly"))
}

var pronouns = map[string]bool{"them": true, "us": true, "eux": true, "elles": true, "lesquels": true, "whom": true, "which": true, "these": true, "those": true}

var preposition = map[string]bool{"in": true, "within": true, "for": true, "over": true, "during": true, "after": true, "en": true, "pendant": true, "sur": true, "durant": true, "dans": true, "après": true}
