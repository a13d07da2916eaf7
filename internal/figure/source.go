package figure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sourcePreps introduce who a figure comes from: "selon X", "according to X".
var sourcePreps = [][]string{
	{"selon"}, {"d", "après"}, {"according", "to"}, {"cité", "par"}, {"cités", "par"}, {"citing"}, {"cited", "by"},
	{"relayé", "par"}, {"relayés", "par"}, {"rapporte"}, {"rapportent"}, {"reported", "by"}, {"de", "source"},
	{"pour"}, // "..., pour l'agence Bloomberg"
}

// speechVerbs: "X a indiqué que", "X said", ", a déclaré X".
var speechVerbs = map[string]bool{
	"déclaré": true, "indiqué": true, "affirmé": true, "annoncé": true, "précisé": true, "assuré": true, "rapporté": true,
	"estimé": true, "souligné": true, "confirmé": true, "révélé": true, "expliqué": true, "ajouté": true, "averti": true,
	"prévenu": true, "écrit": true, "signalé": true, "admis": true, "reconnu": true, "évoqué": true,
	"indique": true, "indiquent": true, "affirme": true, "affirment": true, "déclare": true, "déclarent": true, "annonce": true,
	"annoncent": true, "estime": true, "estiment": true, "rapporte": true, "rapportent": true, "assure": true, "assurent": true,
	"précise": true, "précisent": true, "souligne": true, "soulignent": true, "révèle": true, "révèlent": true, "dit": true,
	"disent": true, "explique": true, "expliquent": true, "confirme": true, "confirment": true,
	"said": true, "says": true, "say": true, "told": true, "reported": true, "announced": true, "stated": true,
	"estimated": true, "estimate": true, "estimates": true, "reports": true, "claims": true, "claimed": true, "warned": true, "promised": true, "pledged": true, "denied": true, "denies": true,
	"promis": true, "promet": true, "dément": true, "démentent": true, "nie": true, "nient": true, "prévient": true, "préviennent": true,
	"forecast": true, "forecasts": true, "confirmed": true, "revealed": true,
	"added": true, "noted": true, "wrote": true, "tells": true, "believes": true, "believe": true,
}

// invertedVerbs attribute only after the text they attribute: ", prévoit
// la Banque de France" (but "l'armée prévoit de" is a plan).
var invertedVerbs = map[string]bool{"prévoit": true, "prévoient": true, "poursuit": true, "conclut": true, "insiste": true, "note": true, "relève": true}

// stripWords are dropped from the ends of a source phrase.
var stripWords = map[string]bool{
	"vendredi": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "samedi": true, "dimanche": true,
	"hier": true, "récemment": true, "également": true, "aussi": true, "encore": true, "déjà": true, "ainsi": true,
	"on": true, "friday": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "saturday": true, "sunday": true,
	"yesterday": true, "also": true, "recently": true, "a": true, "ont": true, "avait": true, "avaient": true, "have": true, "has": true,
	"had": true, "to": true, "à": true, "l’afp": false,
}

// source finds who the sentence says its figures come from.
func source(toks []token) string {
	// "selon X", "according to X", "rapporte X"
	for i := range toks {
		for _, p := range sourcePreps {
			if !matchAt(toks, i, p) {
				continue
			}
			if p[0] == "pour" && !(i > 0 && toks[i-1].text == ",") {
				continue
			}
			if p[0] == "rapporte" || p[0] == "rapportent" {
				// "rapporte X" only as an inverted attribution: after a quote or comma
				if i > 0 && !strings.ContainsAny(toks[i-1].text, ",.”»\"") {
					continue
				}
			}
			if np := nounPhrase(toks, i+len(p)); np != "" {
				return np
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
				if np := nounPhrase(toks, k+1); np != "" && !isPronoun(np) {
					return np
				}
			}
		}
	}
	// inverted: ", a déclaré vendredi son secrétaire général Mark Rutte", ", said X"
	for i, t := range toks {
		if !speechVerbs[t.lower] && !invertedVerbs[t.lower] {
			continue
		}
		k := i - 1
		if k >= 0 && (toks[k].lower == "a" || toks[k].lower == "ont" || toks[k].lower == "has" || toks[k].lower == "have") {
			k--
		}
		if k >= 0 && (toks[k].text == "," || toks[k].text == "”" || toks[k].text == "»") {
			m := i + 1
			if m < len(toks) && (toks[m].lower == "à" || toks[m].lower == "to") {
				m = skipNP(toks, m+1)
			}
			if np := nounPhrase(toks, m); np != "" && !isPronoun(np) {
				return np
			}
		}
	}
	// ", X said." then "X a indiqué (vendredi) que": the last speech verb
	// governs the sentence.
	for i := len(toks) - 1; i >= 0; i-- {
		if !speechVerbs[toks[i].lower] {
			continue
		}
		from := clauseBegin(toks, i)
		if hasAuxOrNegation(toks, from, i) {
			continue
		}
		np := phrase(toks, from, i)
		if np != "" && !isPronoun(np) && len(strings.Fields(np)) <= 8 {
			return np
		}
	}
	return ""
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
	case "il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "nous", "je", "i", "a-t-il", "a-t-elle", "le responsable":
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
	for k < len(toks) && stripWords[toks[k].lower] {
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
			w == "lors" || w == "when" || w == "while" || w == "alors" || w == "mais" || w == "but" || w == "said" || w == "says" || speechVerbs[w]) {
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
	for k < len(toks) && toks[k].kind != tPunct && !speechVerbs[toks[k].lower] {
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
	for i < j && stripWords[toks[i].lower] {
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

// carriesOver: a sentence with no attribution of its own continues the
// previous one's ("Ils ont ajouté...", "He added...", reported speech).
func carriesOver(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	switch toks[0].lower {
	case "il", "ils", "elle", "elles", "he", "she", "they", "ces", "selon", "d’après":
		return true
	}
	return false
}

// subject: the actor named before the figure in its clause, as the
// nearest capitalised name ("la Corée du Nord", "Pyongyang").
func subject(toks []token, i int) string {
	from := 0
	for k := i - 1; k >= 0; k-- {
		if w := bare(toks[k].lower); clauseStart[w] || w == ";" {
			from = k + 1
			break
		}
	}
	for k := i - 1; k >= from; k-- {
		if toks[k].kind != tWord || !isCap(toks[k].text) || stripWords[toks[k].lower] {
			continue
		}
		if k == 0 && !isNameLike(toks, k) {
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
		return phrase(toks, s, j)
	}
	return ""
}

func isNameLike(toks []token, k int) bool {
	t := toks[k]
	if months[t.lower] || weekdays[t.lower] {
		return false
	}
	switch t.lower {
	case "le", "la", "les", "the", "un", "une", "des", "a", "en", "selon", "depuis", "plus", "au", "in", "more", "some", "d’après":
		return false
	}
	return true
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
	for k := j; k < len(toks) && k < j+6; k++ {
		if toks[k].kind == tPunct {
			break
		}
		if e := eventOf(toks[k].lower); e != "" {
			return e
		}
	}
	return ""
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
