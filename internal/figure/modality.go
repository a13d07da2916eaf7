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
	"expected": "expected", "likely": "expected", "forecast": "expected", "projected": "expected", "attendu": "expected", "attendus": "expected",
	"soon": "expected", "should": "expected", "will": "expected", "would": "expected", "atteindra": "expected", "atteindront": "expected",
	"dépassera": "expected", "dépasseront": "expected",
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
var agentive = []string{"send", "deploy", "supply", "deliver", "release", "provide", "give", "fund", "hire", "build", "buy", "cut", "recruit"}

// clauseStart: words that open a reported or subordinate clause; modality
// is read from the nearest one before the figure.
var clauseStart = map[string]bool{"que": true, "qu": true, "that": true, "si": true, "if": true, "lorsque": true, "when": true, "où": true, "where": true, "qui": true, "dont": true, "which": true, "who": true, "but": true, "mais": true}

// modality reads the modality of the figure spanning toks[i:j] in its sentence.
func modality(toks []token, i, j int) dossier.Modality {
	// clause: back to the nearest clause opener or semicolon.
	from := 0
	for k := i - 1; k >= 0; k-- {
		w := bare(toks[k].lower)
		if clauseStart[w] || w == ";" || w == ":" {
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
		if !ok {
			return
		}
		if (w == "plans" || w == "plan") && (k+1 >= len(toks) || toks[k+1].lower != "to") {
			return // "emergency plans" is a noun
		}
		if (w == "compte" || w == "comptent") && (k+1 >= len(toks) || !isInfinitive(toks[k+1].lower)) {
			return // "se comptent par milliers" counts; "compte supprimer" plans
		}
		if (w == "will" || w == "would") && k+1 < len(toks) {
			for _, v := range agentive {
				if strings.HasPrefix(toks[k+1].lower, v) {
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
	if best == "" && from >= 2 {
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
		return "fact"
	}
	return best
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
		switch w {
		case "les", "des", "the", "some", "ces", "et", "and", "mais", "but", "selon", "d’après":
			continue
		}
		n++
	}
	return n == 0
}
