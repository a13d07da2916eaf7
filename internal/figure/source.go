package figure

import (
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
	"unicode"
	"unicode/utf8"
)

// sourcePreps introduce who a figure comes from: "selon X", "according to X".
var sourcePreps = [][]string{
	{"selon"}, {"d", "après"}, {"according", "to"}, {"cité", "par"}, {"cités", "par"}, {"citée", "par"}, {"citées", "par"},
	{"citing"}, {"cited", "by"}, {"quoted", "by"}, {"relayé", "par"}, {"relayés", "par"}, {"reported", "by"},
	{"de", "sources"}, {"de", "source"},
	{"pour"}, // "..., pour l'agence Bloomberg"
	// a noun of disclosure: "autre révélation de l'hebdomadaire", "selon les chiffres de"
	{"révélation", "de"}, {"révélations", "de"}, {"révélation", "du"}, {"révélations", "du"},
}

// prepFirst holds the first words of sourcePreps, a cheap gate.
var prepFirst = map[string]bool{}

func init() {
	for _, p := range sourcePreps {
		prepFirst[p[0]] = true
	}
}

// speechForms are the verbs that attribute: "X a indiqué que", "X said",
// ", a déclaré X", "écrit le journal". Built in init from stems.
var speechForms = map[string]bool{}

// ambiguousForms double as nouns or adjectives ("la note", "l'annonce",
// "une date précise", "reports"): they attribute only when no determiner
// stands before them.
var ambiguousForms = map[string]bool{}

// invertedOnly attribute only after what they attribute: ", prévoit la
// Banque de France" (but "l'armée prévoit de" is a plan).
var invertedOnly = map[string]bool{}

func init() {
	// French -er verbs: present (3rd person), imperfect, participle
	for _, st := range []string{"indiqu", "déclar", "affirm", "annonc", "précis", "assur", "rapport", "estim", "soulign", "confirm",
		"révél", "expliqu", "ajout", "signal", "évoqu", "mentionn", "chiffr", "calcul", "constat", "décompt", "évalu", "détaill",
		"comment", "insist", "avanc", "recens", "dénombr", "comptabilis", "communiqu", "racont", "déplor", "martel", "détermin",
		"témoign", "observ", "dénonc", "résum", "alert", "regrett", "not", "lanc", "raill", "tabl", "prédi", "jug", "accus",
		"réclam", "rectifi", "démontr", "montr", "reconn", "concéd", "calcul", "précon", "souffl", "lâch", "avou"} {
		for _, suf := range []string{"e", "ent", "é", "ait", "aient", "a"} {
			speechForms[st+suf] = true
		}
		ambiguousForms[st+"e"] = true
	}
	for _, w := range []string{"rappelle", "rappellent", "rappelé", "rappelait", "relève", "relèvent", "relevé", "relevait",
		"dit", "disent", "disait", "craint", "craignent", "écrit", "écrivent", "écrivait", "prédisent", "prédit", "prévient", "préviennent", "prévenu",
		"averti", "avertit", "conclut", "concluent", "conclu", "admet", "admis", "reconnaît", "reconnaissent", "reconnu",
		"soutient", "soutiennent", "soutenu", "répond", "répondu", "promis", "promet", "dément", "démentent", "démenti",
		"nie", "nient", "nié", "poursuit", "décrit", "décrivent", "établi", "établit", "publié", "publie", "publient",
		"said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces", "stated", "states",
		"estimated", "estimates", "claimed", "claims", "warned", "added", "adds", "noted", "notes", "wrote", "writes",
		"forecast", "forecasts", "predicted", "predicts", "projected", "showed", "shows", "show", "quoted", "cited", "confirmed", "confirms",
		"revealed", "disclosed", "counted", "calculated", "reckoned", "believes", "explained", "insisted", "acknowledged",
		"admitted", "conceded", "denied", "denies", "promised", "pledged", "put", "puts", "indicated", "indicates", "stressed", "told"} {
		speechForms[w] = true
	}
	for _, w := range []string{"prévoit", "prévoient", "prévoyait", "conclut", "poursuit", "enchaîne", "tranche", "résume", "insiste"} {
		speechForms[w] = true
		invertedOnly[w] = true
	}
	speechForms["expects"] = true
	for _, w := range []string{"estimate", "predict", "forecast", "report", "claim", "believe", "warn", "calculate", "expect"} {
		speechForms[w] = true
		ambiguousForms[w] = true
	}
	for _, w := range []string{"estimated", "projected", "reported", "predicted", "quoted", "cited", "confirmed", "revealed", "announced", "reports", "estimates", "claims", "forecast", "forecasts", "shows", "show", "notes", "states", "put", "puts", "promis", "admis", "dit", "écrit", "établi"} {
		ambiguousForms[w] = true
	}
}

// isSpeech reports whether toks[i] attributes, and whether it needs a
// participle reading (after an auxiliary) to count.
func isSpeech(toks []token, i int) bool {
	w := bare(toks[i].lower)
	if strings.IndexByte(w, '-') >= 0 {
		if v, _, ok := strings.Cut(w, "-t-"); ok { // "ajoute-t-il", "a-t-elle"
			w = v
		} else if v, ok := cutPronounSuffix(w); ok { // "dit-il", "écrit-elle"
			w = v
		}
	}
	// "font état de", "ont fait état d'environ 1500 manifestants"
	if (w == "fait" || w == "font" || w == "faisait") && i+1 < len(toks) && toks[i+1].lower == "état" {
		return true
	}
	if !speechForms[w] {
		return false
	}
	if ambiguousForms[w] && i > 0 && ((determiners[bare(toks[i-1].lower)] && toks[i-1].lower != "a") || toks[i-1].kind == tNum) {
		return false
	}
	// "put": only "put the toll at", "puts the figure at"
	if w == "put" || w == "puts" {
		for k := i + 1; k < len(toks) && k < i+6; k++ {
			if toks[k].lower == "at" {
				return true
			}
		}
		return false
	}
	return true
}

func cutPronounSuffix(w string) (string, bool) {
	for _, p := range []string{"-il", "-elle", "-ils", "-elles", "-on"} {
		if strings.HasSuffix(w, p) {
			return strings.TrimSuffix(w, p), true
		}
	}
	return w, false
}

var determiners = map[string]bool{
	"le": true, "la": true, "les": true, "l": true, "un": true, "une": true, "des": true, "ce": true, "cette": true, "ces": true,
	"son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "du": true, "au": true, "aux": true, "notre": true,
	"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true, "this": true, "these": true,
	"our": true, "those": true, "that": true, "cet": true, "mon": true, "ma": true, "de": true, "d": true, "of": true,
}

// auxiliaries stand between a speaker and a participle: "X a indiqué".
var auxiliaries = map[string]bool{"a": true, "ont": true, "avait": true, "avaient": true, "aura": true, "has": true, "have": true, "had": true, "avoir": false}

// sourceFillers stand between a speaker and the verb, or after an
// inverted verb, and belong to neither: "X a de son côté indiqué",
// ", note par ailleurs le ministère", "a déclaré vendredi X".
var sourceFillers = map[string]bool{
	"aussi": true, "également": true, "encore": true, "lui": true, "elle": true, "eux": true, "désormais": true, "ainsi": true,
	"déjà": true, "ensuite": true, "enfin": true, "toutefois": true, "cependant": true, "pourtant": true, "alors": true,
	"also": true, "later": true, "earlier": true, "previously": true, "recently": true, "then": true, "however": true, "further": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true, "hier": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"yesterday": true, "today": true, "aujourd’hui": true, "aujourd'hui": true, "soir": true, "matin": true, "tonight": true,
	"officiellement": true, "publiquement": true, "officially": true, "publicly": true,
}

// stripWords are dropped from the ends of a source phrase.
var stripWords = map[string]bool{
	"vendredi": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "samedi": true, "dimanche": true,
	"hier": true, "récemment": true, "également": true, "aussi": true, "encore": true, "déjà": true, "ainsi": true,
	"on": true, "friday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "saturday": true, "sunday": true,
	"yesterday": true, "also": true, "recently": true, "a": true, "ont": true, "avait": true, "avaient": true, "have": true, "has": true,
	"had": true, "to": true, "à": true, "elle-même": true, "lui-même": true, "eux-mêmes": true, "itself": true, "désormais": true,
}

// attribution is a cue in a sentence that says who its figures come from.
type attribution struct {
	src     string
	at      int  // token index of the cue
	dir     int  // +1: governs what follows the cue; -1: what precedes it; 0: the whole sentence
	weak    bool // "X a annoncé 1 200 suppressions": an act of announcing, which a tail attribution outranks
	anaphor bool // "a-t-il ajouté", "selon la même source", "he said": the source named before
}

// attributions finds the attribution cues of a sentence.
func attributions(toks []token) []attribution {
	var out []attribution
	for i := 0; i < len(toks); i++ {
		if a, ok := prepAttribution(toks, i); ok {
			out = append(out, a)
			continue
		}
		if isSpeech(toks, i) {
			if a, ok := verbAttribution(toks, i); ok {
				out = append(out, a)
			}
		}
	}
	// passive agent of an estimate: "évalués à 11 milliards par la Banque mondiale"
	for i, t := range toks {
		if modalMarkers[t.lower] != "estimate" {
			continue
		}
		for k := i + 1; k < len(toks); k++ {
			if toks[k].text == "," || toks[k].text == "." {
				break
			}
			if toks[k].lower == "par" || toks[k].lower == "by" {
				if np := nounPhrase(toks, k+1); np != "" && !isPronoun(np) && validSource(np) {
					out = append(out, attribution{src: np, at: i, dir: 0})
				}
				break
			}
		}
	}
	return out
}

func prepAttribution(toks []token, i int) (attribution, bool) {
	if !prepFirst[bare(toks[i].lower)] {
		return attribution{}, false
	}
	for _, p := range sourcePreps {
		if !matchAt(toks, i, p) {
			continue
		}
		switch p[0] {
		case "pour":
			if !(i > 0 && toks[i-1].text == ",") {
				continue
			}
		}
		// "de source militaire", "de sources concordantes": the adjective names the source
		if p[0] == "de" && (p[1] == "source" || p[1] == "sources") {
			k := i + 2
			if k < len(toks) && toks[k].kind == tWord && !notThing[toks[k].lower] && !determiners[bare(toks[k].lower)] {
				return attribution{src: p[1] + " " + toks[k].text, at: i, dir: 0}, true
			}
			continue
		}
		k := i + len(p)
		// "selon la même source", "selon lui", "according to them"
		if matchAt(toks, k, []string{"la", "même", "source"}) || matchAt(toks, k, []string{"les", "mêmes", "sources"}) ||
			matchAt(toks, k, []string{"the", "same", "source"}) || (k < len(toks) && isPronoun(toks[k].lower)) ||
			(k < len(toks) && (toks[k].lower == "lui" || toks[k].lower == "eux" || toks[k].lower == "them" || toks[k].lower == "him")) {
			return attribution{at: i, dir: 0, anaphor: true}, true
		}
		if np := nounPhrase(toks, k); np != "" && validSource(np) {
			return attribution{src: np, at: i, dir: 0}, true
		}
	}
	return attribution{}, false
}

// verbAttribution reads the speaker of the verb of saying at toks[i]:
// before it ("X a indiqué que", "officials said"), or after it when it is
// inverted after a quote or a comma (", a déclaré le ministère").
func verbAttribution(toks []token, i int) (attribution, bool) {
	w := toks[i].lower
	if strings.Contains(w, "-t-") || strings.HasSuffix(w, "-il") || strings.HasSuffix(w, "-elle") || strings.HasSuffix(w, "-ils") || strings.HasSuffix(w, "-elles") {
		// "commente-t-il", "a-t-il ajouté": the speaker named before
		if strings.Contains(w, "-t-") && (strings.HasPrefix(w, "a-") || strings.HasPrefix(w, "ont-")) {
			return attribution{at: i, dir: -1, anaphor: true}, true
		}
		return attribution{at: i, dir: -1, anaphor: true}, true
	}
	k := i - 1
	for k >= 0 && (sourceFillers[toks[k].lower] || auxiliaries[toks[k].lower]) {
		k--
	}
	if k >= 0 && (strings.HasSuffix(toks[k].lower, "-t-il") || strings.HasSuffix(toks[k].lower, "-t-elle")) {
		return attribution{at: i, dir: -1, anaphor: true}, true
	}
	// "de son côté", "pour sa part" between the speaker and the verb
	if k >= 2 && (matchAt(toks, k-2, []string{"de", "son", "côté"}) || matchAt(toks, k-2, []string{"pour", "sa", "part"}) || matchAt(toks, k-2, []string{"de", "leur", "côté"})) {
		k -= 3
	}
	// "the Congress of South African Trade Unions (COSATU), which claims": the antecedent speaks
	if k >= 2 && (toks[k].lower == "which" || toks[k].lower == "who" || toks[k].lower == "qui") && toks[k-1].text == "," {
		e := k - 2
		if toks[e].text == ")" && e > 0 {
			e--
		}
		if a, ok := subjectAttribution(toks, e, i); ok && !a.anaphor {
			a.dir = 1
			return a, true
		}
	}
	if k >= 0 && !isComma(toks[k]) {
		if invertedOnly[bare(toks[i].lower)] {
			return attribution{}, false
		}
		if a, ok := subjectAttribution(toks, k, i); ok {
			return a, true
		}
		if !isQuote(toks[k]) {
			return attribution{}, false
		}
	}
	// inverted after a quote or a comma: ", a déclaré vendredi le ministère"
	if a, ok := invertedAttribution(toks, i); ok {
		return a, true
	}
	// "Le Canard Enchaîné, explique que", "Le jeu X, qui avait..., a indiqué",
	// "Wilson Gomes de Moura, president of ..., told": the speaker stands
	// before an apposition or a relative clause
	commas := 0
	for m := k; m > 0 && m >= k-40 && commas < 3; m-- {
		if !isComma(toks[m]) {
			continue
		}
		commas++
		if e := m - 1; e >= 0 && !isComma(toks[e]) {
			if a, ok := subjectAttribution(toks, e, i); ok && !a.anaphor {
				a.dir = 1
				return a, true
			}
		}
	}
	return attribution{}, false
}

func isComma(t token) bool {
	switch t.text {
	case ",", ";", "—", "–", ")":
		return true
	}
	return false
}

// subjectAttribution reads the speaker that ends at toks[k], before the verb at i.
func subjectAttribution(toks []token, k, i int) (attribution, bool) {
	from := subjectBegin(toks, k)
	for from <= k && isQuote(toks[from]) {
		from++
	}
	if from > k || hasAuxOrNegation(toks, from, k+1) {
		return attribution{}, false
	}
	np := phrase(toks, from, k+1)
	dir := dirAfterSubject(toks, from, i)
	weak := dir > 0 && !(i+1 < len(toks) && (bare(toks[i+1].lower) == "que" || bare(toks[i+1].lower) == "qu" || toks[i+1].lower == "that" || toks[i+1].text == ":"))
	if isPronoun(np) {
		return attribution{at: i, dir: dir, anaphor: true}, true
	}
	if np == "" || len(strings.Fields(np)) > 12 {
		return attribution{}, false
	}
	if !validSource(np) {
		// ", bracho said.": a tail attribution names someone even in lower case
		if !(dir < 0 && k-from < 3 && toks[from].kind == tWord && !notSourceStart[bare(toks[from].lower)] && !hasVerbWord(toks[from:k+1])) {
			return attribution{}, false
		}
	}
	return attribution{src: np, at: i, dir: dir, weak: weak}, true
}

// invertedAttribution reads the speaker after the verb at i.
func invertedAttribution(toks []token, i int) (attribution, bool) {
	m := i + 1
	if m < len(toks) && toks[m].lower == "état" {
		m++
	}
	if w := toks[i].lower; w == "told" || w == "tells" {
		return attribution{}, false // "told Reuters": the addressee follows, the speaker is before
	}
	for m < len(toks) {
		switch {
		case matchAt(toks, m, []string{"par", "ailleurs"}):
			m += 2
		case matchAt(toks, m, []string{"de", "son", "côté"}), matchAt(toks, m, []string{"pour", "sa", "part"}):
			m += 3
		case sourceFillers[toks[m].lower] || months[toks[m].lower] || weekdays[toks[m].lower]:
			m++
		case toks[m].kind == tNum && m+1 < len(toks) && (months[toks[m+1].lower] || toks[m+1].lower == "er"):
			m++
		case (toks[m].lower == "à" || toks[m].lower == "to") && m+1 < len(toks):
			m = skipNP(toks, m+1)
			if m < len(toks) && toks[m].text == "," {
				m++
			}
		default:
			goto done
		}
	}
done:
	if m < len(toks) && (isPronoun(toks[m].lower) || strings.HasPrefix(toks[m].lower, "-t-")) {
		return attribution{at: i, dir: -1, anaphor: true}, true
	}
	np := nounPhrase(toks, m)
	if np == "" || !validSource(np) {
		return attribution{}, false
	}
	return attribution{src: np, at: i, dir: -1}, true
}

func isQuote(t token) bool {
	switch t.text {
	case "\"", "”", "»", "“", "«":
		return true
	}
	return false
}

func hasVerbWord(toks []token) bool {
	for _, t := range toks {
		switch bare(t.lower) {
		case "avoir", "été", "être", "est", "sont", "était", "is", "are", "was", "were", "be", "been", "ont", "avait", "ne", "pas", "not", "have", "has", "had",
			"would", "could", "will", "should", "may", "might", "can", "must", "va", "vont", "doit", "peut":
			return true
		}
	}
	return false
}

// dirAfterSubject: "X said that ..." governs what follows; ", X said." at
// the end of the sentence governs what precedes.
func dirAfterSubject(toks []token, from, i int) int {
	if i+1 < len(toks) {
		switch bare(toks[i+1].lower) {
		case "que", "qu", "that", ":":
			return 1
		}
	}
	if from > 0 && isCloser(toks[from-1]) {
		// the rest of the sentence after the verb is short: a tail attribution
		n := 0
		for m := i + 1; m < len(toks) && toks[m].text != "."; m++ {
			n++
		}
		if n <= 6 {
			return -1
		}
	}
	return 1
}

// isCloser: a comma or closing quote before an inverted or tail attribution.
func isCloser(t token) bool {
	switch t.text {
	case ",", "”", "»", "\"", ";", ")", "—", "–":
		return true
	}
	return false
}

// subjectBegin goes back from k over the speaker's noun phrase: to a
// comma, a colon, an opening parenthesis, a clause word or the start.
func subjectBegin(toks []token, k int) int {
	for m := k; m >= 0; m-- {
		t := toks[m]
		switch t.text {
		case ",", ";", ":", "(", ")", "—":
			return m + 1
		}
		switch bare(t.lower) {
		case "et", "and":
			// "les universités de Géorgie et de Californie" is one speaker
			if m+1 <= k && (isCap(toks[m+1].text) || determiners[bare(toks[m+1].lower)]) {
				continue
			}
			if m < k {
				return m + 1
			}
			return k + 1
		case "que", "qu", "that", "qui", "who", "which", "dont", "mais", "but", "où", "while", "tandis", "when", "lorsque", "quand", "si", "if", "comme", "as":
			if m < k {
				return m + 1
			}
			return k + 1
		}
	}
	return 0
}

// validSource: a source names someone: it is a noun phrase, not a verb,
// a clause, a preposition or a stray letter.
func validSource(np string) bool {
	toks := tokenize(np, 0)
	if len(toks) == 0 {
		return false
	}
	first := toks[0]
	if first.kind != tWord && first.kind != tAlnum {
		return false
	}
	if len(toks) == 1 && len([]rune(first.text)) < 2 {
		return false // "M", "l'"
	}
	if len(toks) == 1 && determiners[bare(first.lower)] {
		return false
	}
	fl := bare(first.lower)
	if notSourceStart[fl] || isSpeechWord(fl) || quantifiers[fl] {
		return false
	}
	// "selon les estimations", "according to figures": names nobody
	named := false
	for _, t := range toks {
		if w := bare(t.lower); !determiners[w] && !infoNouns[w] {
			named = true
		}
	}
	if !named {
		return false
	}
	if !isCap(first.text) && !determiners[fl] {
		// "officials", "rescue team leader Ahmet Yilmaz", "early World Bank estimates":
		// a speaker's noun or a name inside
		ok := false
		for k, t := range toks {
			ok = ok || sourceNouns[lemma(t.lower)] || (k > 0 && t.kind == tWord && isCap(t.text))
		}
		if !ok {
			return false
		}
	}
	for _, t := range toks {
		switch t.lower {
		case "s'", "s’", "se", "n'", "n’":
			return false
		}
	}
	return !hasVerbWord(toks)
}

func isSpeechWord(w string) bool { return speechForms[w] && !ambiguousForms[w] }

// quantifiers open a noun phrase that names no one in particular.
var quantifiers = map[string]bool{
	"total": true, "other": true, "others": true, "last": true, "next": true, "some": true, "many": true, "most": true,
	"several": true, "all": true, "both": true, "each": true, "such": true, "overall": true, "plusieurs": true, "certains": true,
	"certaines": true, "tous": true, "toutes": true, "autre": true, "autres": true, "la plupart": true, "beaucoup": true,
}

// infoNouns name information, not who gives it: "selon les estimations".
var infoNouns = map[string]bool{
	"estimation": true, "estimations": true, "chiffre": true, "chiffres": true, "information": true, "informations": true,
	"donnée": true, "données": true, "bilan": true, "estimates": true, "estimate": true, "figures": true, "figure": true,
	"data": true, "reports": true, "statistics": true, "premiers": true, "éléments": true, "derniers": true, "latest": true,
	"premières": true, "dernières": true, "provisoire": true, "officiel": true, "official": false,
}

// notSourceStart: words that open a clause or a complement, never a speaker.
var notSourceStart = map[string]bool{
	"après": true, "avant": true, "depuis": true, "pour": true, "dans": true, "en": true, "sur": true, "par": true, "avec": true,
	"sans": true, "lors": true, "pendant": true, "quand": true, "si": true, "comme": true, "au": true, "aux": true, "à": true,
	"after": true, "before": true, "since": true, "for": true, "in": true, "on": true, "at": true, "with": true, "by": true,
	"amid": true, "during": true, "when": true, "if": true, "as": true, "to": true, "from": true, "but": true, "and": true,
	"et": true, "mais": true, "ou": true, "or": true, "ce": true, "cela": true, "this": true, "it": true, "there": true,
	"il": true, "elle": true, "ils": true, "elles": true, "y": true, "selon": true, "according": true,
	"not": true, "ne": true, "plus": true, "more": true, "some": true, "about": true, "environ": true, "près": true,
	"de": true, "d": true, "du": true, "des": false, "of": true, "que": true, "qu": true, "that": true, "which": true, "who": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
}

// sourceNouns: common nouns that name a speaker without a determiner
// ("officials said", "police estimated", "sources close to").
var sourceNouns = map[string]bool{
	"official": true, "police": true, "authority": true, "source": true, "analyst": true, "expert": true, "witness": true,
	"resident": true, "doctor": true, "officer": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "diplomat": true,
	"government": true, "minister": true, "ministry": true, "army": true, "military": true, "rescuer": true, "organizer": true,
	"organiser": true, "union": true, "trader": true, "economist": true, "dealer": true, "banker": true, "industry": true,
	"researcher": true, "scientist": true, "observer": true, "agency": true, "statistic": true, "data": true, "figure": true,
	"médecin": true, "secouriste": true, "témoin": true, "enquêteur": true, "chercheur": true, "syndicat": true, "organisateur": true,
	"autorité": true, "responsable": true, "gendarmerie": true, "préfecture": true, "ministère": true, "gouvernement": true,
	"parquet": true, "hôpital": true, "hospital": true, "manager": true, "executive": true, "president": true, "chairman": true,
	"treasurer": true, "leader": true, "lawmaker": true, "senator": true, "mayor": true, "governor": true, "officials": true,
}

// pickSource chooses among a sentence's attributions the one that governs
// the figure at token p: the nearest that points its way, else the nearest.
func pickSource(atts []attribution, p int) (attribution, bool) {
	// a tail attribution (", a précisé son directeur général.") speaks for
	// an act of announcing in the same sentence
	tail := -1
	for k, a := range atts {
		if a.dir < 0 && a.at > p {
			tail = k
		}
	}
	best, bd := -1, 1<<30
	for k, a := range atts {
		if (a.dir > 0 && a.at > p) || (a.dir < 0 && a.at < p) || (a.weak && tail >= 0) {
			continue
		}
		d := a.at - p
		if d < 0 {
			d = -d
		}
		if a.dir == 0 {
			d = d/4 + 1 // "selon X" governs the whole sentence
		}
		if d < bd {
			best, bd = k, d
		}
	}
	if best < 0 {
		for k, a := range atts {
			d := a.at - p
			if d < 0 {
				d = -d
			}
			if d < bd {
				best, bd = k, d
			}
		}
	}
	if best < 0 {
		return attribution{}, false
	}
	return atts[best], true
}

// hasAuxOrNegation: a subject phrase holding "did not", "ne ... pas" or a
// verb is not a speaker's name.
func hasAuxOrNegation(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		switch bare(toks[k].lower) {
		case "did", "not", "does", "do", "ne", "n", "pas", "is", "are", "was", "were", "est", "sont", "qui", "who", "which", "que", "that":
			return true
		}
	}
	return false
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "nous", "je", "i", "a-t-il", "a-t-elle", "le responsable", "lui", "eux", "moi", "him", "them":
		return true
	}
	return false
}

func matchAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for m, w := range words {
		if bare(toks[i+m].lower) != w {
			return false
		}
	}
	return true
}

// clauseBegin goes back from i to the start of its clause.
func clauseBegin(toks []token, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].text {
		case ",", ";", ":", "«", "»", "“", "”", "\"", "(", ")":
			return k + 1
		}
	}
	return 0
}

// nounPhrase reads a source phrase from toks[k]: up to a comma, a full
// stop, a clause word, or a capitalised determiner that starts a new
// sentence glued to this one ("Bloomberg La Corée").
func nounPhrase(toks []token, k int) string {
	// "a" and "to" lead a source phrase as the English article and preposition
	for k < len(toks) && stripWords[toks[k].lower] && toks[k].lower != "a" && toks[k].lower != "to" {
		k++
	}
	end := k
	for m := k; m < len(toks) && m < k+14; m++ {
		t := toks[m]
		if t.kind == tPunct && t.text != "-" && t.text != "'" && t.text != "’" && t.text != "&" {
			break
		}
		w := bare(t.lower)
		if m > k && (w == "que" || w == "qu" || w == "that" || w == "qui" || w == "who" || w == "pour" || w == "afin" ||
			w == "lors" || w == "when" || w == "while" || w == "alors" || w == "mais" || w == "but" || w == "said" || w == "says" ||
			w == "sur" || w == "via" || w == "on" || w == "in" || w == "à" || w == "dans" || w == "at" || w == "during" || w == "after" ||
			w == "et" && m+1 < len(toks) && !isCap(toks[m+1].text) && !determiners[bare(toks[m+1].lower)] || isSpeechWord(w)) {
			break
		}
		if m > k && (t.text == "La" || t.text == "Le" || t.text == "Les" || t.text == "The" || t.text == "L’" || t.text == "L'") {
			break
		}
		end = m + 1
	}
	return phrase(toks, k, end)
}

func skipNP(toks []token, k int) int {
	for k < len(toks) && toks[k].kind != tPunct && !isSpeechWord(toks[k].lower) {
		if toks[k].lower == "un" || toks[k].lower == "une" || toks[k].lower == "a" {
			if k > 0 {
				return k
			}
		}
		k++
	}
	return k
}

// phrase joins toks[i:j] as written, trimmed of leading and trailing filler.
func phrase(toks []token, i, j int) string {
	for i < j && stripWords[toks[i].lower] && toks[i].lower != "a" {
		i++
	}
	for j > i && (stripWords[toks[j-1].lower] || toks[j-1].kind == tPunct) {
		j--
	}
	if i >= j {
		return ""
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		b.WriteString(toks[k].text)
		if k+1 < j {
			b.WriteString(toks[k].spaceAfter)
		}
	}
	return b.String()
}

// attributor carries attributions across the sentences of an article:
// the source named before (for "a-t-il ajouté", "selon la même source"),
// the source a paragraph's opening sentence names (for the figures of the
// sentences after it), and a quotation running over several sentences
// whose speaker is named after it closes.
type attributor struct {
	last   string // the last source named
	para   string // the one source the paragraph's opening sentence names
	quote  bool   // inside a quotation opened in an earlier sentence of the paragraph
	quoted []int  // figures inside that quotation with no source yet
}

// sentence gives a source to the figures out[first:] of one sentence,
// whose tokens are toks and which start at the token indices pos.
func (a *attributor) sentence(toks []token, out []dossier.Figure, first int, pos []int, newPara bool) {
	if newPara {
		a.para, a.quote, a.quoted = "", false, nil
	}
	atts := attributions(toks)
	sort.SliceStable(atts, func(i, j int) bool { return atts[i].at < atts[j].at })
	last := a.last
	distinct := map[string]bool{}
	for k := range atts {
		if atts[k].anaphor {
			atts[k].src = last
			continue
		}
		last = atts[k].src
		distinct[strings.ToLower(atts[k].src)] = true
	}
	// where quotations open and close in this sentence
	inQuote := make([]bool, len(toks))
	q := a.quote
	closeAt := -1
	for i, t := range toks {
		switch t.text {
		case "«", "“":
			q = true
		case "»", "”":
			if q {
				closeAt = i
			}
			q = false
		case "\"":
			if q {
				closeAt = i
			}
			q = !q
		}
		inQuote[i] = q
	}
	for k := range out[first:] {
		f := &out[first+k]
		if f.Source != "" {
			continue
		}
		p := pos[k]
		if at, ok := pickSource(atts, p); ok && at.src != "" && !(inQuote[p] && a.quote && closeAt < 0) {
			f.Source = at.src
			continue
		}
		switch {
		case inQuote[p] || (a.quote && (closeAt < 0 || p < closeAt)):
			a.quoted = append(a.quoted, first+k)
		case len(atts) == 0 && a.para != "":
			f.Source = a.para
		case len(atts) == 0 && carriesOver(toks):
			f.Source = a.last
		}
	}
	// the quotation closes: the speaker named right after it speaks for all of it
	if closeAt >= 0 && len(a.quoted) > 0 {
		for _, at := range atts {
			if at.dir < 0 && at.at > closeAt && at.at <= closeAt+12 && at.src != "" {
				for _, k := range a.quoted {
					if out[k].Source == "" {
						out[k].Source = at.src
					}
				}
				break
			}
		}
	}
	if closeAt >= 0 || !q {
		a.quoted = nil
	}
	a.quote = q
	// a paragraph whose opening sentence names one source lends it to the
	// figures after it ("Le Canard explique que..."); the speaker of an
	// opening quotation speaks only for the quotation
	if newPara && len(distinct) == 1 && !(len(toks) > 0 && isQuote(toks[0])) {
		a.para = last
	}
	a.last = last
}

// carriesOver: a sentence with no attribution of its own continues the
// previous one's ("Ils ont ajouté...", "He added...", reported speech).
func carriesOver(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].lower {
	case "il", "ils", "elle", "elles", "he", "she", "they":
		return true
	}
	return false
}

// subjectActs is subject, and whether the name found is followed by a
// verb ("La Corée du Nord a soigné ...") rather than standing in a
// prepositional phrase ("the battle for Ouadi Doum air base").
func subjectActs(caps *capIndex, toks []token, i int) (string, bool) {
	from := 0
	for k := i - 1; k >= 0; k-- {
		// an aside between dashes ends its clause: "les autorités --dont l'opposant conteste la légalité--, plusieurs milliers"
		if w := bare(toks[k].lower); clauseStart[w] || w == ";" || w == "--" || w == "—" || w == "-" && k > 0 && toks[k-1].text == "-" {
			from = k + 1
			break
		}
	}
	if allCaps(toks) {
		return "", false // a wire headline: every word is capitalised
	}
	// a rubric before a dash opens the paragraph: "ÉCONOMIE - Pour parvenir..."
	for k := 0; k < i && k < 6; k++ {
		if t := toks[k].text; t == "-" || t == "–" || t == "—" {
			if from < k+1 && isAcronym(toks[0].text) {
				from = k + 1
			}
			break
		}
	}
	if np := nounSubject(toks, from, i); np == anaphor {
		return "", true
	} else if np != "" {
		return np, true
	}
	// the name opening the clause as the subject of its verb
	// ("<Qantas Airways Ltd> has placed an order with Boeing Co <BA> for
	// four aircraft"): the actor, before any nearer name
	if o := openingName(caps, toks, from, i); o != "" {
		return o, true
	}
	for k := i - 1; k >= from; k-- {
		if toks[k].kind != tWord || !isCap(toks[k].text) || stripWords[toks[k].lower] || !isNameLike(toks, k) {
			continue
		}
		// a name in another figure's noun phrase is counted, not acting:
		// "438 Libyans were taken prisoner, while 29 Chadian soldiers",
		// "11 Czechoslovak-made L-39 bombers, three Soviet MI-24 helicopters"
		if k > 0 && (toks[k-1].kind == tNum || unitWords[toks[k-1].lower] > 1) {
			continue
		}
		if (k == 0 || isQuote(toks[k-1])) && !(k+1 < len(toks) && isCap(toks[k+1].text) && toks[k+1].kind == tWord) && len(toks[k].text) > 3 && !isAcronym(toks[k].text) &&
			!openerIsName(caps, toks, k) {
			// a capitalised sentence opener is a name only when it runs on
			// ("Sri Lanka"), acts ("Iran has sent"), or is a name elsewhere
			continue
		}
		// extend back over "de", "du", "la" joints and capitalised words
		j := k + 1
		s := k
		for s > 0 {
			p := toks[s-1]
			if p.kind == tWord && isCap(p.text) {
				s--
				continue
			}
			if (p.lower == "du" || p.lower == "de" || p.lower == "des") && s >= 2 && isCap(toks[s-2].text) {
				s -= 2
				continue
			}
			break
		}
		if s > 0 && (toks[s-1].lower == "la" || toks[s-1].lower == "le" || toks[s-1].lower == "les" || toks[s-1].lower == "l’" || toks[s-1].lower == "l'") {
			s--
		}
		if t := toks[s].text; t == "Selon" || t == "D’après" || t == "According" {
			s++
		}
		return phrase(toks, s, j), verbAt(toks, j, i)
	}
	// a relative clause that names no one is about its antecedent: "the
	// Congress of South African Trade Unions (COSATU), which claims a
	// membership of over 600,000 workers", "Les cobras chinois (naja atra),
	// dont le nombre a chuté de 30 à 50%"
	if from >= 2 && relatives[bare(toks[from-1].lower)] {
		if a := antecedent(toks, from-1); a != "" {
			return a, true
		}
	}
	return "", false
}

// relatives open a clause about their antecedent; French "qui" is left
// out: its antecedent is more often an act ("l'attaque qui a coûté la vie
// à deux policiers") than an actor.
var relatives = wordSet(`which who dont`)

// antecedent: the noun phrase right before the relative pronoun at r
// (over a comma and a parenthesis): the nearest name, or a phrase opened
// by a determiner.
func antecedent(toks []token, r int) string {
	e := r
	for e > 0 && toks[e-1].text == "," {
		e--
	}
	lo := max(0, e-10)
	for k := e - 1; k >= lo; k-- {
		t := toks[k]
		if t.text == "," || t.text == ";" || t.kind == tNum || clauseStart[bare(t.lower)] {
			lo = k + 1
			break
		}
	}
	for k := e - 1; k >= lo; k-- {
		if toks[k].kind == tWord && isCap(toks[k].text) && isNameLike(toks, k) && !(k == 0 && len(toks[k].text) > 3 && !isAcronym(toks[k].text)) {
			j := k + 1
			s := k
			for s > lo && (toks[s-1].kind == tWord && isCap(toks[s-1].text) || (toks[s-1].lower == "of" || toks[s-1].lower == "de" || toks[s-1].lower == "du") && s-2 >= lo && isCap(toks[s-2].text)) {
				s--
			}
			return phrase(toks, s, j)
		}
	}
	// or a described one ("Les cobras chinois, dont le nombre", "the national
	// confederation which groups 152 unions"), but not a span ("the past
	// three years of unrest which has cost 2,400 lives")
	for k := e - 1; k >= lo; k-- {
		if unitWords[toks[k].lower] > 1 || durationUnits[toks[k].lower] != "" {
			return ""
		}
	}
	for k := max(lo, e-8); k < e; k++ {
		if subjectDets[bare(toks[k].lower)] && k+1 < e && toks[k+1].kind == tWord {
			return strings.Trim(phrase(toks, k, e), "() ")
		}
	}
	return ""
}

// openingName: the capitalised name that opens the clause from toks[from]
// (after a determiner or a wire's "<"), directly followed by its verb
// before the figure at i.
func openingName(caps *capIndex, toks []token, from, i int) string {
	k := from
	for k < i && (toks[k].text == "<" || toks[k].text == "\"" || determiners[bare(toks[k].lower)] && toks[k].lower != "de" && toks[k].lower != "des" && toks[k].lower != "a") {
		k++
	}
	// "The 747-400 has a take-off weight of 870,000 pounds": a model named as the subject
	if k > from && k < i && modelPart(toks, k) {
		e := k
		for e < i && modelPart(toks, e) {
			e++
		}
		if e > k && verbAt(toks, e, i) {
			return phrase(toks, k, e)
		}
		return ""
	}
	if k >= i || toks[k].kind != tWord || !isCap(toks[k].text) || !isNameLike(toks, k) || stripWords[toks[k].lower] {
		return ""
	}
	if k == from && len(toks[k].text) > 3 && !isAcronym(toks[k].text) && !(k+1 < len(toks) && isCap(toks[k+1].text)) && !openerIsName(caps, toks, k) {
		return ""
	}
	e := k + 1
	for e < i && (toks[e].kind == tWord && isCap(toks[e].text) || (toks[e].lower == "du" || toks[e].lower == "de" || toks[e].lower == "des") && e+1 < i && isCap(toks[e+1].text)) {
		e++
	}
	if e < i && toks[e].text == ">" {
		e++
	}
	if !verbAt(toks, e, i) {
		return ""
	}
	for from < k && (toks[from].text == "<" || toks[from].text == "\"") {
		from++
	}
	return phrase(toks, from, e)
}

// verbAt: toks[j] (after fillers) starts a verb group, before i.
func verbAt(toks []token, j, i int) bool {
	for j < i && (sourceFillers[bare(toks[j].lower)] || toks[j].text == ",") {
		j++
	}
	if j >= i {
		return false
	}
	w := bare(toks[j].lower)
	return auxiliaries[w] || hasVerbWord(toks[j:j+1]) || isSpeech(toks, j) || strings.HasSuffix(w, "ed") && isASCII(w) && len(w) > 4 ||
		w == "se" || w == "s" || w == "ne" || w == "n"
}

// openerIsName: a capitalised word opening the sentence is a name when
// the article writes it capitalised inside a sentence too, or when it is
// the bare subject of the verb after it ("Iran has sent", "Pyongyang a
// livré", "Russia deployed"): a common noun in the singular takes a
// determiner there, and a plural one ("Officials said") is not taken.
func openerIsName(caps *capIndex, toks []token, k int) bool {
	w := toks[k].text
	if caps.has(w) || namesEntity(w) {
		return true
	}
	if k+1 >= len(toks) || isPluralNoun(toks[k].lower) || massNoun(toks[k].lower) {
		return false
	}
	n := toks[k+1]
	if n.kind != tWord || isCap(n.text) {
		return false
	}
	v := bare(n.lower)
	if auxiliaries[v] || hasVerbWord(toks[k+1:k+2]) || isSpeech(toks, k+1) || sourceFillers[v] && k+2 < len(toks) && (auxiliaries[bare(toks[k+2].lower)] || strings.HasSuffix(toks[k+2].lower, "ed")) {
		return true
	}
	// "Russia deployed", "Iran sends": an English verb form right after
	return isASCII(v) && len(v) > 3 && (strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") && isEnglishish(toks, k+1))
}

// massNoun: an English or French common noun that stands bare at the
// start of a sentence ("Rainfall reached", "Inflation rose",
// "Unemployment fell"), by its suffix.
func massNoun(w string) bool {
	for _, suf := range []string{"fall", "tion", "sion", "ment", "ity", "ness", "ance", "ence", "ing", "age", "ure", "ship", "ism", "ité", "flow", "work", "th"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// capIndex holds the words an article writes capitalised after a
// lower-case word inside a sentence (names, not sentence openers), read
// once on first use: asking the text for each opener would cost a pass
// over the article per sentence.
type capIndex struct {
	text  string
	built bool
	set   map[string]bool
}

func (c *capIndex) has(w string) bool {
	if c == nil {
		return false
	}
	if !c.built {
		c.built = true
		c.set = map[string]bool{}
		prevLower := false
		for rest := c.text; rest != ""; {
			// the next space-separated field, without allocating them all
			rest = strings.TrimLeft(rest, " \n\t\r")
			n := strings.IndexAny(rest, " \n\t\r")
			if n < 0 {
				n = len(rest)
			}
			f := rest[:n]
			rest = rest[n:]
			if f == "" {
				break
			}
			r, _ := utf8.DecodeRuneInString(f)
			if prevLower && unicode.IsUpper(r) {
				c.set[strings.TrimRightFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })] = true
			}
			l, _ := utf8.DecodeLastRuneInString(f)
			prevLower = unicode.IsLower(r) && !strings.ContainsRune(".!?:\"«»“”", l)
		}
	}
	return c.set[w]
}

func isNameLike(toks []token, k int) bool {
	t := toks[k]
	w := bare(t.lower)
	if months[t.lower] || weekdays[t.lower] || determiners[w] || notSourceStart[w] || quantifiers[w] || isPronoun(w) || openers[w] {
		return false
	}
	switch t.lower {
	case "le", "la", "les", "the", "un", "une", "des", "a", "en", "selon", "depuis", "plus", "au", "in", "more", "some", "d’après":
		return false
	}
	return true
}

// openers: capitalised only because they open a sentence or a clause.
var openers = map[string]bool{
	"there": true, "so": true, "here": true, "then": true, "thus": true, "yet": true, "still": true, "now": true, "meanwhile": true,
	"however": true, "also": true, "although": true, "though": true, "because": true, "while": true, "amid": true, "despite": true,
	"depuis": true, "malgré": true, "ainsi": true, "alors": true, "puis": true, "enfin": true, "aussi": true, "or": true,
	"s": true, "c": true, "j": true, "n": true, "qu": true, "quand": true, "lorsque": true, "pourtant": true, "cependant": true,
	"sauf": true, "entre": true, "concernant": true, "quant": true, "parmi": true, "outre": true, "dont": true, "soit": true,
	"we": true, "you": true, "i": true, "nous": true, "vous": true, "je": true, "on": true, "il": true, "elle": true,
	"ils": true, "elles": true, "he": true, "she": true, "they": true, "it": true, "its": true, "their": true, "his": true, "her": true,
	"total": true, "au": true, "aux": true, "sur": true, "sous": true, "dans": true, "à": true, "en": true, "ce": true,
	"last": true, "next": true, "this": true, "these": true, "those": true, "such": true, "other": true, "another": true,
	"début": true, "fin": true, "mi": true, "vers": true, "après": true, "avant": true, "pour": true, "contre": true,
}

func isAcronym(s string) bool { return len(s) >= 2 && strings.ToUpper(s) == s }

// allCaps: a headline written in capitals ("GM TO IDLE SIX PLANTS").
func allCaps(toks []token) bool {
	n := 0
	for _, t := range toks {
		if t.kind == tWord && len(t.text) > 1 {
			if t.text != strings.ToUpper(t.text) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// titleTopic: the actor a headline is about: its opening noun phrase
// ("Le gouvernement a trouvé...", "L'opposant russe Alexeï Navalny
// interpellé"), or its first name ("À Kaboul, un attentat...").
func titleTopic(title, text string) string {
	toks := tokenize(title, 0)
	if len(toks) == 0 {
		return ""
	}
	if allCaps(toks) {
		// "SRI LANKA APPEALS FOR", "CHAD SAYS TROOPS", "GM <GM> TO IDLE": the words before the verb
		var b []string
		for _, t := range toks {
			if t.kind != tWord || t.lower == "to" || t.lower == "says" || t.lower == "said" || t.lower == "will" || len(b) == 3 {
				break
			}
			b = append(b, t.text)
		}
		if len(b) == 0 {
			return ""
		}
		return strings.Join(b, " ")
	}
	if determiners[bare(toks[0].lower)] && toks[0].lower != "de" && toks[0].lower != "des" {
		e := 1
		for e < len(toks) && e < 8 {
			t := toks[e]
			w := bare(t.lower)
			if t.kind == tPunct || t.kind == tNum && !(e > 1 && isCap(toks[e-1].text)) || toks[e-1].kind == tNum || hasVerbWord(toks[e:e+1]) || notThing[w] && w != "de" && w != "du" && w != "des" && w != "d" || isParticiple(w) || speechForms[w] {
				break
			}
			e++
		}
		if e > 1 {
			np := phrase(toks, 0, e)
			if validSource(np) {
				return np
			}
		}
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tWord || !isCap(t.text) || !isNameLike(toks, k) {
			continue
		}
		// a headline's first word is a name when it runs on, stands apart, or
		// is written with its capital inside the text too ("Turkey quake kills")
		if k == 0 && !(k+1 < len(toks) && (isCap(toks[k+1].text) || toks[k+1].text == ",")) && !strings.Contains(text, " "+t.text+" ") {
			continue
		}
		e := k + 1
		for e < len(toks) && toks[e].kind == tWord && (isCap(toks[e].text) || (toks[e].lower == "de" || toks[e].lower == "du") && e+1 < len(toks) && isCap(toks[e+1].text)) {
			e++
		}
		return phrase(toks, k, e)
	}
	return ""
}

// shareWhole: the people a percentage is a share of: "22% des Français",
// "55% des sympathisants de gauche", "40 percent of the voters".
func shareWhole(toks []token, end int) string {
	if end >= len(toks) {
		return ""
	}
	if w := bare(toks[end].lower); w != "des" && w != "de" && w != "d" && w != "du" && w != "of" {
		return ""
	}
	k := end + 1
	if k < len(toks) && (toks[k].lower == "the" || toks[k].lower == "les" || toks[k].lower == "ses" || toks[k].lower == "leurs") {
		k++
	}
	e := k
	for e < len(toks) && e < k+4 && toks[e].kind == tWord {
		w := bare(toks[e].lower)
		if e > k && (w == "de" || w == "du" || w == "of") && e+1 < len(toks) && toks[e+1].kind == tWord && !notThing[toks[e+1].lower] && !determiners[toks[e+1].lower] {
			e += 2
			continue
		}
		if notThing[w] || hasVerbWord(toks[e:e+1]) || isParticiple(w) || speechForms[w] {
			break
		}
		e++
	}
	if e == k || !isPluralNoun(toks[k].lower) && !isCap(toks[k].text) {
		return ""
	}
	return phrase(toks, k, e)
}

// sentenceActor: the name a sentence opens on as its subject, for the
// pronouns of the sentences after it ("Sa fille Marie a été embauchée...
// Âgée de 23 ans, elle est rémunérée 57.084 euros").
func sentenceActor(toks []token) string {
	if allCaps(toks) {
		return ""
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if auxiliaries[t.lower] || hasVerbWord(toks[k:k+1]) || isSpeech(toks, k) {
			return ""
		}
		if t.kind != tWord || !isCap(t.text) || !isNameLike(toks, k) {
			continue
		}
		if k == 0 && !(k+1 < len(toks) && isCap(toks[k+1].text)) {
			continue
		}
		e := k + 1
		for e < len(toks) && toks[e].kind == tWord && isCap(toks[e].text) {
			e++
		}
		return phrase(toks, k, e)
	}
	return ""
}

// pronounSubject: a personal pronoun is the subject of the figure's clause
// ("elle est rémunérée 57.084 euros"), not an impersonal one ("il y a").
func pronounSubject(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-8; k-- {
		w := toks[k].lower
		if clauseStart[bare(w)] {
			return false
		}
		switch w {
		case "il", "elle", "ils", "elles", "he", "she", "they", "lui":
			if k+1 < len(toks) {
				switch bare(toks[k+1].lower) {
				case "y", "faut", "reste", "resterait", "s", "semble", "paraît", "fallait":
					return false
				}
			}
			return true
		}
	}
	return false
}

// isParticiple: a French past participle ("interpellé", "condamnée", "placés").
func isParticiple(w string) bool {
	for _, suf := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(w, suf) && len(w) > 4 {
			return true
		}
	}
	return false
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// events: verb stems and what the figure's actor did.
var events = []struct{ stem, event string }{
	{"envoy", "send"}, {"envoi", "send"}, {"envoie", "send"}, {"sent", "send"}, {"send", "send"},
	{"déploi", "deploy"}, {"déploy", "deploy"}, {"deploy", "deploy"}, {"fourni", "supply"}, {"suppl", "supply"},
	{"livr", "deliver"}, {"deliver", "deliver"}, {"tué", "kill"}, {"killed", "kill"}, {"kill", "kill"},
	{"bless", "wound"}, {"wound", "wound"}, {"injur", "wound"}, {"mort", "die"}, {"died", "die"}, {"dead", "die"},
	{"perdu", "die"}, {"pertes", "casualties"}, {"casualt", "casualties"}, {"évacu", "evacuate"}, {"evacuat", "evacuate"},
	{"entraîn", "train"}, {"train", "train"}, {"captur", "capture"}, {"arrêt", "arrest"}, {"arrest", "arrest"},
	{"dépens", "spend"}, {"spent", "spend"}, {"spend", "spend"}, {"débloqu", "fund"}, {"releas", "fund"},
	{"inond", "flood"}, {"flood", "flood"}, {"atteint", "reach"}, {"reach", "reach"}, {"mené", "conduct"}, {"carried", "conduct"},
	{"pris en charge", "treat"}, {"soign", "treat"}, {"détru", "destroy"}, {"destroy", "destroy"}, {"coupé", "close"}, {"closed", "close"},
}

// event: the action of the figure's clause, nearest verb first.
func event(toks []token, i, j int, thing string) string {
	if thing == "perte" || thing == "casualty" || thing == "loss" {
		return "casualties"
	}
	from := clauseBegin(toks, i)
	for k := i - 1; k >= from; k-- {
		if e := eventOf(toks[k].lower); e != "" {
			return e
		}
	}
	lim := j + 6
	for k := j; k < len(toks) && k < lim; k++ {
		if toks[k].kind == tPunct {
			// "Des centaines de soldats, dont de nombreux Français, ont
			// perdu la vie": an aside on who is counted stands between
			// the figure and its verb
			if toks[k].text == "," && k+1 < len(toks) && asideOpeners[bare(toks[k+1].lower)] {
				if c := nextComma(toks, k+1, k+10); c > 0 {
					lim += c - k
					k = c
					continue
				}
			}
			break
		}
		if e := eventOf(toks[k].lower); e != "" {
			return e
		}
	}
	return ""
}

// asideOpeners open an aside on the people a figure counts.
var asideOpeners = map[string]bool{"dont": true, "including": true, "notamment": true, "parmi": true, "among": true, "mostly": true, "surtout": true}

// nextComma: the index of the next comma after from and before lim, or -1.
func nextComma(toks []token, from, lim int) int {
	for k := from; k < len(toks) && k < lim; k++ {
		switch toks[k].text {
		case ",":
			return k
		case ".", ";", ":", "(", ")":
			return -1
		}
	}
	return -1
}

func eventOf(w string) string {
	for _, e := range events {
		if strings.HasPrefix(w, e.stem) {
			return e.event
		}
	}
	return ""
}

// place: "dans la région de Koursk", "en Ukraine", "in Kursk", after the
// figure in its clause.
func place(toks []token, j int) string {
	for k := j; k < len(toks) && k < j+10; k++ {
		w := bare(toks[k].lower)
		if toks[k].kind == tPunct && toks[k].text != "(" {
			return ""
		}
		if w != "dans" && w != "en" && w != "à" && w != "au" && w != "in" && w != "into" && w != "to" && w != "near" && w != "vers" && w != "sur" {
			continue
		}
		m := k + 1
		for m < len(toks) && (toks[m].lower == "la" || toks[m].lower == "le" || toks[m].lower == "l’" || toks[m].lower == "l'" || toks[m].lower == "les" || toks[m].lower == "the") {
			m++
		}
		// "la région de Koursk", "the Kursk region", "l'Extrême-Orient russe"
		s := m
		if m < len(toks) && (toks[m].lower == "région" || toks[m].lower == "province" || toks[m].lower == "oblast" || toks[m].lower == "ville") && m+2 < len(toks) && bare(toks[m+1].lower) == "de" {
			m += 2
		}
		if m < len(toks) && toks[m].kind == tWord && isCap(toks[m].text) && !weekdays[toks[m].lower] && !months[toks[m].lower] {
			e := m + 1
			for e < len(toks) && toks[e].kind == tWord && (isCap(toks[e].text) || toks[e].lower == "russe" || toks[e].lower == "region") {
				e++
			}
			return phrase(toks, s, e)
		}
	}
	return ""
}

// subjectDets open the noun phrase a clause's subject is ("la police",
// "les autorités locales", "Notre planète", "the government").
var subjectDets = wordSet(`le la les l son sa ses leur leurs notre nos the its their our`)

// actorNouns head the noun phrases that name an institution or a group
// acting on its own: "la police a interpellé", "the government ordered",
// "les autorités locales avaient interdit". Other definite phrases are
// mostly anaphora of the article's actor ("the automaker", "le
// footballeur") or no actor at all ("la peine", "the budget").
var actorNouns = wordSet(`police gendarmerie gendarmes policiers armée army military gouvernement government
	autorités authorities forces troupes troops justice tribunal court parlement parliament
	sénat senate congress commission pompiers secours douane douanes customs rebelles rebels
	insurgés insurgents manifestants protesters syndicats unions militants militaires soldats
	soldiers enquêteurs investigators juges judges juge judge mairie préfecture municipalité
	municipality régime regime administration coalition organisateurs organizers organisers
	enfants children famille family`)

// nounSubject: the noun phrase that opens the clause (or follows a comma
// in it) and is the subject of the verb leading to the figure at i: "Au
// total, la police a interpellé au moins 130 manifestants", "La police
// locale a déclaré à l'AFP avoir reçu quatre plaintes", "The government
// ordered thousands of troops".
func nounSubject(toks []token, from, i int) string { return subjectPhrase(toks, from, i, true) }

// subjectPhrase reads the subject noun phrase; actorsOnly keeps only the
// phrases headed by an institution or group (actorNouns).
func subjectPhrase(toks []token, from, i int, actorsOnly bool) string {
	for p := from; p < i; p++ {
		if !subjectDets[bare(toks[p].lower)] || p > from && toks[p-1].text != "," && toks[p-1].text != "-" && toks[p-1].text != "–" {
			continue
		}
		// a lead's topic opens the sentence (after a rubric at most)
		if !actorsOnly && p > from && toks[p-1].text == "," {
			continue
		}
		e := p + 1
		for e < i && e < p+8 {
			t := toks[e]
			w := bare(t.lower)
			// "la police de Moscou", "le joueur du FC Barcelone": a complement belongs to the phrase
			of := e > p+1 && (w == "de" || w == "du" || w == "des" || w == "d" || w == "of") && e+1 < i && toks[e+1].kind == tWord
			if !of && (t.kind != tWord || auxiliaries[w] || hasVerbWord(toks[e:e+1]) || isSpeech(toks, e) || sourceFillers[w] || clauseStart[w] ||
				notSourceStart[w] || w == "qui" || w == "se" || w == "s" || stripWords[t.lower] || frenchConditional(w) || frenchFuture(w)) {
				break
			}
			if strings.HasSuffix(w, "ed") && e > p+1 && isASCII(w) {
				break // "The government ordered"
			}
			e++
		}
		if e == p+1 || e >= i {
			continue // no phrase, or no verb after it
		}
		hi := p + 1
		if hi+1 < e && (toks[hi].kind == tNum || unitWords[toks[hi].lower] > 1) {
			hi++ // "Les deux enfants auraient touché"
		}
		if h := bare(toks[hi].lower); actorsOnly && !actorNouns[h] && !roleNouns[h] || !actorsOnly && (isPronoun(h) || infoNouns[h] || quantifiers[h]) {
			continue
		}
		// the verb group after it
		v := e
		for v < i && (sourceFillers[bare(toks[v].lower)] || toks[v].lower == "elle-même" || toks[v].lower == "lui-même" || toks[v].lower == "eux-mêmes") {
			v++
		}
		if v >= i {
			continue
		}
		w := bare(toks[v].lower)
		verb := auxiliaries[w] || hasVerbWord(toks[v:v+1]) || isSpeech(toks, v) || strings.HasSuffix(w, "ed") && isASCII(w) && len(w) > 4 ||
			frenchConditional(w) || frenchFuture(w)
		if !verb || !actorsOnly && isSpeech(toks, v) {
			continue // a speaker is not what the article is about
		}
		// the verb leads to the figure without a new clause in between
		clean := true
		for k := v + 1; k < i && actorsOnly; k++ {
			if toks[k].text == "," || clauseStart[bare(toks[k].lower)] || toks[k].text == ";" {
				clean = false
				break
			}
		}
		if !clean {
			continue
		}
		if actorsOnly && roleNouns[bare(toks[hi].lower)] {
			// "le joueur du FC Barcelone est rémunéré": a person the article
			// named before, not the club in its complement
			return anaphor
		}
		return phrase(toks, p, e)
	}
	return ""
}

// anaphor marks a subject that is a person or company the article named
// before, described by a role ("le footballeur", "the automaker").
const anaphor = "\x00"

// roleNouns describe a person or company already named.
var roleNouns = wordSet(`joueur footballeur chanteur chanteuse acteur actrice président présidente ministre député
	sénateur candidat candidate opposant ancien ex-président ex-chef entreprise société groupe
	constructeur player singer actor president minister senator company firm group automaker
	carmaker airline bank lender insurer retailer champion star`)

// wordSet builds a set from the space-separated words of a list: smaller
// in the binary than a map literal of the same words.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
