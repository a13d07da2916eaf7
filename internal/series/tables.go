package series

import "strings"

// Where the tables come from. The figure extractor (internal/figure)
// names what a figure counts by its French lemma and English gloss, and
// its event by an English verb ("send", "deploy", "kill", "casualties").
// The tables below group those words, and their French and English
// inflections as news writes them, into one concept or one kind of event.
// They were written for this project by hand, from the extractor's
// lexicon and the wording of the seeds, the example corpus and the
// labelled set (testdata/series); each group is what a reader of the
// coverage takes as one quantity: "soldats", "troupes", "soldiers" and
// "troops" are counted together, "munitions" apart.

// concepts maps a thing's lemma or gloss to the concept a series counts.
var concepts = map[string]string{}

var conceptGroups = map[string][]string{
	"soldier": {"soldat", "soldats", "soldier", "soldiers", "troupe", "troupes", "troop", "troops", "militaire", "militaires",
		"serviceman", "servicemen", "fantassin", "fantassins", "infantryman", "military personnel", "conscrit", "conscript"},
	// people counted by what happened to them: "4 000 morts", "200 blessés",
	// "300 victims" are people, the event says what befell them
	"people": {"personne", "personnes", "person", "people", "individu", "individus", "habitant", "habitants", "resident", "residents",
		"inhabitant", "inhabitants", "mort", "morts", "death", "deaths", "décès", "tué", "tués", "killed", "dead", "blessé", "blessés",
		"injured", "wounded", "victime", "victimes", "victim", "victims", "perte", "pertes", "loss", "losses", "casualty", "casualties",
		"évacué", "évacués", "evacuee", "evacuees"},
	"civilian":    {"civil", "civils", "civilian", "civilians"},
	"child":       {"enfant", "enfants", "child", "children"},
	"refugee":     {"réfugié", "réfugiés", "refugee", "refugees", "déplacé", "déplacés", "displaced person", "displaced"},
	"volunteer":   {"volontaire", "volontaires", "bénévole", "bénévoles", "volunteer", "volunteers"},
	"fighter":     {"combattant", "combattants", "fighter", "fighters", "mercenaire", "mercenaires", "mercenary", "mercenaries"},
	"firefighter": {"pompier", "pompiers", "sapeur-pompier", "sapeurs-pompiers", "firefighter", "firefighters", "fireman", "firemen"},
	"home":        {"maison", "maisons", "logement", "logements", "house", "houses", "home", "homes", "habitation", "habitations", "foyer", "foyers", "household", "households"},
	"munition":    {"munition", "munitions", "obus", "shell", "shells", "ammunition", "round", "rounds"},
	"missile":     {"missile", "missiles", "roquette", "roquettes", "rocket", "rockets"},
	"drone":       {"drone", "drones"},
	"howitzer":    {"obusier", "obusiers", "howitzer", "howitzers"},
	"tank":        {"char", "chars", "tank", "tanks"},
	"job":         {"emploi", "emplois", "job", "jobs", "poste", "postes", "post", "posts"},
	"worker":      {"salarié", "salariés", "employee", "employees", "travailleur", "travailleurs", "worker", "workers", "ouvrier", "ouvriers"},
	"prisoner":    {"prisonnier", "prisonniers", "prisoner", "prisoners", "détenu", "détenus", "detainee", "detainees"},
	"arrest":      {"arrestation", "arrestations", "arrest", "arrests", "interpellation", "interpellations", "interpellé", "interpellés"},
	"operation":   {"intervention", "interventions", "operation", "operations", "sortie", "sorties", "callout", "callouts"},
	"protester":   {"manifestant", "manifestants", "protester", "protesters", "demonstrator", "demonstrators"},
	"case":        {"cas", "case", "cases"},
	"migrant":     {"migrant", "migrants", "exilé", "exilés"},
}

// events maps an event word to the kind of event a series follows.
var events = map[string]string{}

var eventGroups = map[string][]string{
	"send": {"send", "sent", "envoyer", "envoyé", "envoyés", "envoi", "deploy", "deployed", "déployer", "déployé", "déployés",
		"déploiement", "dispatch", "dispatched", "transfer", "transferred", "station", "stationed"},
	"casualties": {"casualties", "kill", "killed", "tuer", "tués", "tué", "die", "died", "mort", "morts", "wound", "wounded",
		"blesser", "blessés", "blessé", "injure", "injured", "pertes", "perte", "loss", "losses"},
	"supply":   {"supply", "supplied", "deliver", "delivered", "fournir", "fourni", "livrer", "livré", "provide", "provided"},
	"evacuate": {"evacuate", "evacuated", "évacuer", "évacués", "évacué", "rescue", "rescued", "secourir", "secourus", "hélitreuiller"},
	"arrest":   {"arrest", "arrested", "arrêter", "arrêtés", "interpeller", "interpellés", "detain", "detained"},
	"capture":  {"capture", "captured", "capturer", "capturés"},
	"destroy":  {"destroy", "destroyed", "détruire", "détruits", "flood", "flooded", "inonder", "inondés", "damage", "damaged"},
	"spend":    {"spend", "spent", "dépenser", "dépensés", "fund", "funded", "débloquer", "débloqués", "release", "released"},
	"treat":    {"treat", "treated", "soigner", "soignés"},
	"close":    {"close", "closed", "fermer", "fermés", "couper", "coupés", "cut"},
	"reach":    {"reach", "reached", "atteindre", "atteint"},
	"conduct":  {"conduct", "conducted", "mener", "menés", "carried"},
	"train":    {"train", "trained", "entraîner", "entraînés", "former", "formés"},
}

// cumulative kinds of event only grow: a later, larger count updates an
// earlier one; a lower one from another source at about the same date
// contradicts it.
var cumulative = map[string]bool{"send": true, "casualties": true, "evacuate": true, "arrest": true, "capture": true,
	"destroy": true, "spend": true, "treat": true, "supply": true, "conduct": true}

// eventNames are the words titles use.
var eventNames = map[string]string{
	"send": "sent", "casualties": "killed or wounded", "supply": "supplied", "evacuate": "evacuated", "arrest": "arrested",
	"capture": "captured", "destroy": "destroyed or damaged", "spend": "spent", "treat": "treated", "close": "closed",
	"reach": "reached", "conduct": "carried out", "train": "trained",
}

// impliedEvent: a thing that says what befell the people counted.
var impliedEvent = map[string]string{}

func init() {
	for c, words := range conceptGroups {
		for _, w := range words {
			concepts[w] = c
		}
	}
	for e, words := range eventGroups {
		for _, w := range words {
			events[w] = e
		}
	}
	for _, w := range []string{"mort", "morts", "death", "deaths", "décès", "tué", "tués", "killed", "dead", "blessé", "blessés",
		"injured", "wounded", "victime", "victimes", "victim", "victims", "perte", "pertes", "loss", "losses", "casualty", "casualties"} {
		impliedEvent[w] = "casualties"
	}
	for _, w := range []string{"évacué", "évacués", "evacuee", "evacuees"} {
		impliedEvent[w] = "evacuate"
	}
}

// Concept returns the concept of a figure's thing, from its lemma or its
// English gloss; an unknown thing is its own concept (the gloss, which
// joins the languages).
func Concept(thing, gloss string) string {
	for _, w := range []string{strings.ToLower(thing), strings.ToLower(gloss)} {
		if c, ok := concepts[w]; ok {
			return c
		}
	}
	if gloss != "" {
		return strings.ToLower(gloss)
	}
	return strings.ToLower(thing)
}

// Event returns the kind of event of a figure's event word, and for a
// thing that implies one ("morts", "casualties"), that one.
func Event(event, thing, gloss string) string {
	if e, ok := events[strings.ToLower(event)]; ok {
		return e
	}
	if event != "" {
		return strings.ToLower(event)
	}
	for _, w := range []string{strings.ToLower(thing), strings.ToLower(gloss)} {
		if e, ok := impliedEvent[w]; ok {
			return e
		}
	}
	return ""
}

// units: one spelling per currency and measure.
var units = map[string]string{"eur": "€", "euro": "€", "euros": "€", "usd": "$", "dollar": "$", "dollars": "$", "us$": "$",
	"gbp": "£", "percent": "%", "pourcent": "%", "pct": "%"}

func unitOf(u string) string {
	if n, ok := units[strings.ToLower(u)]; ok {
		return n
	}
	return u
}

// plural is how a title names a concept.
func plural(concept string) string {
	switch {
	case concept == "" || concept == "people" || strings.HasSuffix(concept, "s"):
		return concept
	case concept == "child":
		return "children"
	case strings.HasSuffix(concept, "y") && !strings.HasSuffix(concept, "ay"):
		return concept[:len(concept)-1] + "ies"
	case strings.HasSuffix(concept, "sh") || strings.HasSuffix(concept, "ch"):
		return concept + "es"
	}
	return concept + "s"
}
