package figure

import (
	"strings"

	"github.com/dossier-news/dossier"
)

// modal markers: a word (or a word prefix ending in "*") and the modality
// it gives a figure in its clause. The marker nearest the figure wins;
// a negation or denial anywhere in the clause makes it denied.
var modalMarkers = map[string]dossier.Modality{
	// unconfirmed: the journalistic conditional and its English equivalents
	"aurait": "unconfirmed", "auraient": "unconfirmed", "serait": "unconfirmed", "seraient": "unconfirmed",
	"reportedly": "unconfirmed", "allegedly": "unconfirmed", "supposedly": "unconfirmed", "prétendument": "unconfirmed",
	"unconfirmed": "unconfirmed", "purportedly": "unconfirmed", "apparemment": "unconfirmed", "présumés": "unconfirmed",
	// possible
	"pourrait": "possible", "pourraient": "possible", "pourra": "possible", "pourront": "possible", "could": "possible",
	"might": "possible", "may": "possible", "possible": "possible", "possibly": "possible", "potentiellement": "possible",
	"potentially": "possible", "susceptible": "possible", "susceptibles": "possible", "peut-être": "possible", "perhaps": "possible",
	"risque": "possible", "risquent": "possible", "envisage": "possible", "envisagent": "possible", "hypothèse": "possible",
	// planned
	"décidé": "planned", "décide": "planned", "prévoit": "planned", "prévoient": "planned",
	"s'apprête": "planned", "s’apprête": "planned", "s'apprêtent": "planned", "s’apprêtent": "planned",
	"va": "planned", "vont": "planned", "planifie": "planned", "entend": "planned", "entendent": "planned", "promis": "planned",
	"promet": "planned", "plans": "planned", "planned": "planned", "plan": "planned", "compte": "planned", "comptent": "planned", "planning": "planned", "intends": "planned",
	"intend": "planned", "decided": "planned", "pledged": "planned", "promised": "planned", "preparing": "planned",
	"débloquerait": "planned", "ordonné": "planned", "ordonne": "planned", "ordered": "planned", "orders": "planned", "enverrait": "planned", "fournirait": "planned", "déploierait": "planned",
	// expected
	"seront": "expected", "sera": "expected", "devrait": "expected", "devraient": "expected", "bientôt": "expected",
	"expected": "expected", "expects": "expected", "expect": "expected", "forecasts": "expected", "projects": "expected", "likely": "expected", "forecast": "expected", "projected": "expected", "attendu": "expected", "attendus": "expected",
	"soon": "expected", "should": "expected", "will": "expected", "would": "expected", "atteindra": "expected", "atteindront": "expected",
	"dépassera": "expected", "dépasseront": "expected", "aura": "expected", "auront": "expected",
	"espère": "planned", "espèrent": "planned", "hope": "planned", "hopes": "planned", "devait": "planned", "doit": "planned", "doivent": "planned", "devaient": "planned",
	"feared": "unconfirmed", "fear": "unconfirmed", "fears": "unconfirmed",
	// estimate
	"estimé": "estimate", "estimée": "estimate", "estimés": "estimate", "estimées": "estimate", "estime": "estimate",
	"estiment": "estimate", "estimated": "estimate", "estimates": "estimate", "estimate": "estimate", "estimation": "estimate",
	"estimations": "estimate", "évalué": "estimate", "évaluée": "estimate", "évalués": "estimate", "évaluées": "estimate",
	"chiffré": "estimate", "chiffrée": "estimate", "chiffrés": "estimate", "chiffrées": "estimate", "approximativement": "estimate",
	"évalue": "estimate", "évaluent": "estimate",
	// denied
	"dément": "denied", "démentent": "denied", "démenti": "denied", "nie": "denied", "nient": "denied", "nié": "denied",
	"denied": "denied", "denies": "denied", "deny": "denied", "rejected": "denied", "rejette": "denied", "faux": "denied", "false": "denied",
}

// agentive verbs: "will" before them is a plan, not a forecast.
var agentive = []string{"send", "deploy", "supply", "deliver", "release", "provide", "give", "fund", "hire", "build", "buy", "cut", "recruit",
	"idle", "shut", "close", "lay", "increase", "raise", "reduce", "lower", "impose", "introduce", "sell", "invest", "spend", "open", "create", "launch", "allocate", "IDLE", "BUY",
	"mobilis", "revers", "redistribu", "distribu", "attribu", "déploy", "envoy", "livr", "fourni", "débloqu", "recrut", "embauch", "consacr", "allou", "investi", "financ", "supprim", "créé", "construi"}

// clauseStart: words that open a reported or subordinate clause; modality
// is read from the nearest one before the figure.
var clauseStart = map[string]bool{"que": true, "qu": true, "that": true, "si": true, "if": true, "lorsque": true, "when": true, "où": true, "where": true, "qui": true, "dont": true, "which": true, "who": true, "but": true, "mais": true}

// modality reads the modality of the figure spanning toks[i:j] in its sentence.
func modality(toks []token, i, j int) dossier.Modality {
	// clause: back to the nearest clause opener or semicolon.
	from := 0
	for k := i - 1; k >= 0; k-- {
		w := bare(toks[k].lower)
		if clauseStart[w] || w == ";" || w == ":" || w == "«" || w == "“" || w == "afin" {
			from = k + 1
			break
		}
		// "300 people were feared dead and more than 15,000 people left homeless":
		// a figure after "and" with its own verb opens a new clause
		if (w == "et" || w == "and") && ownVerbAfter(toks, j) && onlyBoundWords(toks, k+1, i) {
			from = k + 1
			break
		}
		// "to 1.30 billion from an estimated 2.20 billion, compared to 3.60 billion
		// collected": a comparison sets a figure of its own beside the others
		if w == "compared" && k+1 < i && (toks[k+1].lower == "to" || toks[k+1].lower == "with") {
			from = k + 2
			break
		}
		// "va envoyer 30 équipes et a débloqué 3 millions": a second verb, a new clause
		if (w == "et" || w == "and") && k+1 < i && (auxiliaries[toks[k+1].lower] || toks[k+1].lower == "is" || toks[k+1].lower == "was") {
			from = k + 1
			break
		}
		// ", craint Fakhri Abou Diab, un musulman de 55 ans": the figure is in the attribution, not in what it attributes
		if modalMarkers[w] == "" && !strings.HasPrefix(w, "estim") && isSpeech(toks, k) && k > 0 && isCloser(toks[k-1]) {
			from = k + 1
			break
		}
	}
	to := len(toks)
	for k := j; k < len(toks) && k < j+8; k++ {
		if w := toks[k].lower; w == "," || w == ";" || w == "." || w == "«" || w == "“" || clauseStart[bare(w)] {
			to = k
			break
		}
		to = k + 1
	}
	// negation in the clause before the figure: "n'a pas envoyé"
	neg := false
	for k := from; k < i; k++ {
		w := bare(toks[k].lower)
		// "... ne se sont pas reproduits et la population a chuté de 19 %": a new clause
		if w == "et" || w == "and" || w == "," || w == "mais" || w == "but" {
			neg = false
		}
		if (w == "ne" || w == "n") && k+1 < i {
			for m := k + 1; m < i && m <= k+4; m++ {
				if x := toks[m].lower; x == "pas" || x == "jamais" || x == "aucun" || x == "aucune" {
					neg = true
				}
			}
		}
		if w == "not" || w == "never" || w == "didn" || w == "did not" {
			neg = true
		}
	}
	best, dist := dossier.Modality(""), 1<<30
	consider := func(k int) {
		w := toks[k].lower
		m, ok := modalMarkers[w]
		if !ok {
			m, ok = modalMarkers[bare(w)]
		}
		if !ok && frenchFuture(w) {
			m, ok = "expected", true
		}
		if !ok && frenchConditional(w) {
			// "s'il arrivait au second tour, il lui resterait 3,5 millions": a hypothesis;
			// without "si", the journalistic conditional
			m, ok = "unconfirmed", true
			for n, t := range toks {
				if bare(t.lower) == "si" || (t.lower == "s'" || t.lower == "s’") && n+1 < len(toks) && (toks[n+1].lower == "il" || toks[n+1].lower == "ils") {
					m = "possible"
				}
			}
		}
		if !ok && toks[k].text == "TO" && k > 0 && k+1 < len(toks) && toks[k+1].kind == tWord {
			m, ok = "planned", true // a wire headline: "GM TO IDLE SIX PLANTS"
		}
		if !ok {
			return
		}
		// "a évalué 76.199 espèces" counts what was assessed; "évalué à 11 milliards" estimates
		if (strings.HasPrefix(w, "évalu") || strings.HasPrefix(w, "chiffr")) && !(k+1 < len(toks) && (toks[k+1].lower == "à" || toks[k+1].lower == "au" || toks[k+1].lower == "aux")) {
			return
		}
		// "ordered thousands of troops into": the order was given
		if (w == "ordered" || w == "orders") && k+1 == i {
			to := false
			for m := j; m < len(toks) && m < j+4; m++ {
				to = to || toks[m].lower == "to"
			}
			if !to { // but "ordered 50,000 homes to be built" plans
				return
			}
		}
		if (w == "plans" || w == "plan") && (k+1 >= len(toks) || toks[k+1].lower != "to") {
			return // "emergency plans" is a noun
		}
		if (w == "compte" || w == "comptent") && (k+1 >= len(toks) || !isInfinitive(toks[k+1].lower)) {
			return // "se comptent par milliers" counts; "compte supprimer" plans
		}
		if (w == "will" || w == "would" || w == "seront" || w == "sera" || w == "to") && k+1 < len(toks) {
			v := k + 1
			if v+1 < len(toks) && (toks[v].lower == "be" || toks[v].lower == "été") {
				v++ // "will be closed"
			}
			for _, a := range agentive {
				if strings.HasPrefix(toks[v].lower, a) {
					m = "planned"
				}
			}
		}
		d := i - k
		if k >= j {
			d = k - j + 2 // markers after the figure weigh a little less
		}
		if m == "denied" {
			d = -1
		}
		if d < dist {
			best, dist = m, d
		}
	}
	for k := from; k < i; k++ {
		consider(k)
	}
	// the verb governing a "que"/"that" clause: "estiment qu'environ 2 millions",
	// "estimates that more than 6 million", "a décidé que"
	if best == "" && from >= 2 && (bare(toks[from-1].lower) == "que" || bare(toks[from-1].lower) == "qu" || toks[from-1].lower == "that") {
		for k := from - 2; k >= 0 && k >= from-3; k-- {
			consider(k)
		}
	}
	// "ne confirme pas que", "did not confirm reports that": unconfirmed
	for k := 0; k < i; k++ {
		if strings.HasPrefix(toks[k].lower, "confirm") {
			for m := max(0, k-3); m < k; m++ {
				if w := bare(toks[m].lower); w == "not" || w == "ne" || w == "n" || w == "pas" {
					return "unconfirmed"
				}
			}
			if k+1 < len(toks) && toks[k+1].lower == "pas" {
				return "unconfirmed"
			}
		}
	}
	// markers after the figure govern it only when it is the subject of
	// its clause: "4 000 soldats seraient morts", not "winds at 80 km/h could"
	if subjectPosition(toks, i) {
		for k := j; k < to; k++ {
			consider(k)
		}
	}
	// "plants that will be idled", "soldats qui seront déployés": the relative clause on the figure's noun
	if best == "" && to < len(toks) {
		if w := bare(toks[to].lower); w == "that" || w == "which" || w == "qui" || w == "who" {
			for k := to + 1; k < len(toks) && k <= to+3; k++ {
				consider(k)
			}
		}
	}
	// "..., selon les estimations", "according to estimates"
	if best == "" || best == "fact" {
		for k := j; k+2 < len(toks); k++ {
			if (toks[k].lower == "selon" && toks[k+1].lower == "les" || toks[k].lower == "according" && toks[k+1].lower == "to") &&
				(strings.HasPrefix(toks[k+2].lower, "estim") || k+3 < len(toks) && strings.HasPrefix(toks[k+3].lower, "estim")) {
				return "estimate"
			}
		}
	}
	// "to 15 pct from 11 pct": the value it changes from is a fact
	if i > 0 && toks[i-1].lower == "from" {
		for k := i - 2; k >= 0 && k >= i-12 && toks[k].text != "," && toks[k].text != ";"; k-- {
			if toks[k].lower == "to" || toks[k].lower == "at" {
				return "fact"
			}
		}
	}
	if neg {
		// "ne peut pas confirmer" says the figure is unconfirmed, not denied.
		for k := from; k < to; k++ {
			if strings.HasPrefix(toks[k].lower, "confirm") {
				return "unconfirmed"
			}
		}
		return "denied"
	}
	if best == "" {
		// budget lines are plans: "The provincial budget raises taxes by about 20 pct";
		// what a budget did is done: "the budget imposed", "had already used up its budget"
		for k := 0; k < i; k++ {
			if w := toks[k].lower; w == "budget" || w == "budgets" || w == "budgétaire" {
				if pastBefore(toks, k, i) {
					return "fact"
				}
				return "planned"
			}
		}
		return "fact"
	}
	return best
}

// pastBefore: the words before toks[i] put the budget at toks[b] in the
// past: "had used up", "already", or a past verb right after it ("the
// budget also imposed"; "the budget raises combined taxes" is present).
func pastBefore(toks []token, b, i int) bool {
	for k := 0; k < i; k++ {
		switch toks[k].lower {
		case "had", "already", "déjà", "was", "were":
			return true
		}
	}
	for k := b + 1; k < i && k <= b+3; k++ {
		w := toks[k].lower
		if sourceFillers[w] {
			continue
		}
		return strings.HasSuffix(w, "ed") && len(w) > 4 && w != "proposed" && w != "planned" && w != "expected" && w != "projected"
	}
	return false
}

// ownVerbAfter: the figure ending at j is the subject of the verb after it.
func ownVerbAfter(toks []token, j int) bool {
	if j >= len(toks) {
		return false
	}
	w := toks[j].lower
	switch w {
	case "were", "was", "are", "is", "have", "has", "had", "ont", "sont", "étaient", "avaient", "left", "remain", "remained", "fled":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed") && isASCII(w)
}

func onlyBoundWords(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		switch toks[k].lower {
		case "more", "than", "less", "about", "some", "nearly", "over", "up", "to", "at", "least", "plus", "moins", "de", "d'", "d’", "près", "environ", "au":
		default:
			return false
		}
	}
	return true
}

// frenchConditional: a verb in the conditional ("resterait", "coûteraient");
// "portrait", "extrait" are nouns.
func frenchConditional(w string) bool {
	if len(w) < 8 || strings.HasSuffix(w, "trait") || strings.HasSuffix(w, "traits") {
		return false
	}
	return strings.HasSuffix(w, "rait") || strings.HasSuffix(w, "raient")
}

// frenchFuture: a verb in the simple future ("augmentera", "dureront").
func frenchFuture(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, suf := range []string{"era", "eront", "ira", "iront", "dra", "dront"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isInfinitive(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re"))
}

func subjectPosition(toks []token, i int) bool {
	n := 0
	for k := i - 1; k >= 0; k-- {
		w := bare(toks[k].lower)
		if w == "," || w == ";" || w == ":" || clauseStart[w] {
			break
		}
		// a coordinated figure before: "Plus de 13.000 gendarmes et 10.000 policiers seront mobilisés"
		if (w == "et" || w == "and") && k == i-1 {
			m := k - 1
			if m >= 1 && toks[m].kind == tWord && toks[m-1].kind == tNum {
				m -= 2
				for m >= 0 && (toks[m].lower == "plus" || toks[m].lower == "de" || toks[m].lower == "d'" || toks[m].lower == "d’" || toks[m].lower == "more" || toks[m].lower == "than" || toks[m].lower == "environ" || toks[m].lower == "about") {
					m--
				}
				k = m + 1
				continue
			}
		}
		switch w {
		case "les", "des", "the", "some", "ces", "et", "and", "mais", "but", "selon", "d’après":
			continue
		}
		n++
	}
	return n == 0
}
