package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// A ministry is known by its portfolio and its country, so "le ministère
// russe de la Défense" and "the Russian Defence Ministry" are one entity.
type portfolio struct{ id, en, fr string }

var portfolios = map[string]portfolio{}

// portfolioNames: each portfolio's names as keys, French and English.
var portfolioNames = map[string][]string{
	"interior":    {"interieur", "interior", "home affairs"},
	"foreign":     {"affaires etrangeres", "foreign affairs", "foreign", "europe et des affaires etrangeres"},
	"defence":     {"defense", "defence", "armees"},
	"finance":     {"finances", "finance", "economie et des finances", "treasury"},
	"economy":     {"economie", "economy"},
	"justice":     {"justice"},
	"health":      {"sante", "health"},
	"education":   {"education", "education nationale"},
	"labour":      {"travail", "labour", "labor"},
	"agriculture": {"agriculture"},
	"culture":     {"culture"},
	"energy":      {"energie", "energy"},
	"environment": {"environnement", "ecologie", "transition ecologique", "environment"},
	"transport":   {"transports", "transport"},
	"emergencies": {"situations d'urgence", "emergency situations", "emergencies"},
	"trade":       {"commerce", "trade", "commerce exterieur"},
	"industry":    {"industrie", "industry"},
	"housing":     {"logement", "housing"},
	"sports":      {"sports", "sport"},
	"social":      {"affaires sociales", "social affairs", "solidarites", "social services"},
	"research":    {"recherche", "enseignement superieur", "enseignement superieur et de la recherche", "higher education"},
	"veterans":    {"anciens combattants", "veterans affairs"},
}

var portfolioLabels = map[string][2]string{
	"interior": {"Interior", "de l'Intérieur"}, "foreign": {"Foreign Affairs", "des Affaires étrangères"},
	"defence": {"Defence", "de la Défense"}, "finance": {"Finance", "des Finances"}, "economy": {"Economy", "de l'Économie"},
	"justice": {"Justice", "de la Justice"}, "health": {"Health", "de la Santé"}, "education": {"Education", "de l'Éducation"},
	"labour": {"Labour", "du Travail"}, "agriculture": {"Agriculture", "de l'Agriculture"}, "culture": {"Culture", "de la Culture"},
	"energy": {"Energy", "de l'Énergie"}, "environment": {"Environment", "de l'Environnement"}, "transport": {"Transport", "des Transports"},
	"emergencies": {"Emergency Situations", "des Situations d'urgence"}, "trade": {"Trade", "du Commerce"}, "industry": {"Industry", "de l'Industrie"},
	"housing": {"Housing", "du Logement"}, "sports": {"Sports", "des Sports"}, "social": {"Social Affairs", "des Affaires sociales"},
	"research": {"Higher Education", "de l'Enseignement supérieur"}, "veterans": {"Veterans Affairs", "des Anciens combattants"},
}

func init() {
	for id, names := range portfolioNames {
		for _, n := range names {
			portfolios[n] = portfolio{id: id, en: portfolioLabels[id][0], fr: portfolioLabels[id][1]}
		}
		// portfolio words are never the start of a person's name:
		// "le ministre de l'Intérieur Christophe Castaner"
		for _, n := range names {
			for _, w := range strings.Fields(n) {
				if len(w) > 3 {
					titles[w] = true
				}
			}
		}
	}
}

// matchPortfolio: the longest portfolio name at word j, and its length.
func matchPortfolio(keys []string, j int) (portfolio, int) {
	for n := 5; n >= 1; n-- {
		if j+n > len(keys) {
			continue
		}
		if p, ok := portfolios[strings.Join(keys[j:j+n], " ")]; ok {
			return p, n
		}
	}
	return portfolio{}, 0
}

// of skips a French or English "of": "de", "de la", "de l'", "du", "des",
// "d'", "of", "of the".
func of(keys []string, j int) int {
	if j >= len(keys) {
		return j
	}
	switch keys[j] {
	case "de", "of":
		if j+1 < len(keys) && (keys[j+1] == "la" || keys[j+1] == "l'" || keys[j+1] == "the") {
			return j + 2
		}
		return j + 1
	case "du", "des", "d'":
		return j + 1
	}
	return j
}

// demonymAt: the country a demonym at word j names, and its length.
func (l *Linker) demonymAt(ws []word, keys []string, j int) (*dossier.Entity, int) {
	if j >= len(ws) {
		return nil, 0
	}
	if a := l.match(ws, keys, j); a != nil && a.form == "demonym" && a.entity.Type == dossier.EntityCountry {
		return a.entity, len(a.toks)
	}
	return nil, 0
}

// phrase finds, at word i, a name built by syntax rather than listed:
// a ministry, an army, an organisation named by its kind ("Fédération
// française de l'assurance", "Democratic Party"), or a site or street
// ("rue de Rivoli", "centrale nucléaire de Zaporijjia", "Downing Street").
// It returns the mention's entity and its length in words, 0 for none.
func (l *Linker) phrase(text string, ws []word, keys []string, i int) (*dossier.Entity, int) {
	if e, n := l.ministry(text, ws, keys, i); n > 0 {
		return e, n
	}
	if e, n := l.army(ws, keys, i); n > 0 {
		return e, n
	}
	if e, n := l.site(text, ws, keys, i); n > 0 {
		return e, n
	}
	if e, n := l.organisation(text, ws, keys, i); n > 0 {
		return e, n
	}
	return nil, 0
}

func (l *Linker) ministryEntity(p portfolio, c *dossier.Entity) *dossier.Entity {
	id, en, fr := "org:ministry-"+p.id, "Ministry of "+p.en, "ministère "+p.fr
	if c != nil {
		id += "-" + strings.ToLower(c.ISO)
		en += " (" + c.Name + ")"
		fr += " (" + c.NameFr + ")"
	}
	return &dossier.Entity{ID: id, Type: dossier.EntityOrganisation, Name: en, NameFr: fr, Country: countryISO(c)}
}

func countryISO(c *dossier.Entity) string {
	if c == nil {
		return ""
	}
	return c.ISO
}

// ministry: "ministère (russe) de la Défense (russe)", "(Russian) Ministry
// of Defence", "(Russian) Defence Ministry", "Russian foreign ministry".
func (l *Linker) ministry(text string, ws []word, keys []string, i int) (*dossier.Entity, int) {
	j := i
	c, n := l.demonymAt(ws, keys, j)
	if n > 0 && (j+n >= len(ws) || !adjacent(text, ws, j+n)) {
		return nil, 0
	}
	// a country's possessive: "Ukraine's defence ministry"
	if a := l.match(ws, keys, j); n == 0 && a != nil && a.entity.Type == dossier.EntityCountry && a.form == "name" {
		if k := j + len(a.toks); k+1 < len(ws) && keys[k] == "s" && strings.ContainsAny(text[ws[k-1].end:ws[k].start], "'’") {
			if p, pn := matchPortfolio(keys, k+1); pn > 0 && k+1+pn < len(keys) && keys[k+1+pn] == "ministry" {
				return l.ministryEntity(p, a.entity), k + 1 + pn + 1 - i
			}
		}
	}
	j += n
	if j >= len(keys) {
		return nil, 0
	}
	// "ministère ..." / "Ministry of ..."
	if keys[j] == "ministere" || keys[j] == "ministry" && isName(ws[j].text) {
		k := j + 1
		if c == nil {
			if c2, n2 := l.demonymAt(ws, keys, k); n2 > 0 {
				c, k = c2, k+n2
			}
		}
		k2 := of(keys, k)
		if k2 == k {
			return nil, 0
		}
		p, pn := matchPortfolio(keys, k2)
		if pn == 0 {
			return nil, 0
		}
		k = k2 + pn
		if c == nil {
			if c2, n2 := l.demonymAt(ws, keys, k); n2 > 0 && adjacent(text, ws, k) {
				c, k = c2, k+n2
			}
		}
		return l.ministryEntity(p, c), k - i
	}
	// "Defence Ministry", "foreign ministry" (after a demonym when lower case)
	p, pn := matchPortfolio(keys, j)
	if pn == 0 || j+pn >= len(keys) || keys[j+pn] != "ministry" || !adjacent(text, ws, j+pn) {
		return nil, 0
	}
	if c == nil && !isName(ws[j].text) {
		return nil, 0
	}
	return l.ministryEntity(p, c), j + pn + 1 - i
}

// armyKind is a way of naming armed forces: the words (keys) and the
// kind of force with its names.
type armyKind struct {
	words   []string
	id      string
	en, frN string
}

// armiesFr come before the demonym ("l'armée russe"), armiesEn after it
// ("the Russian army"); longest first.
var (
	armiesFr = []armyKind{
		{[]string{"armee", "de", "l'", "air"}, "air-force", "air force", "armée de l'air"},
		{[]string{"armee", "de", "terre"}, "army", "armed forces", "forces armées"},
		{[]string{"forces", "armees"}, "army", "armed forces", "forces armées"},
		{[]string{"armee"}, "army", "armed forces", "forces armées"},
		{[]string{"marine"}, "navy", "navy", "marine"},
	}
	armiesEn = []armyKind{
		{[]string{"air", "force"}, "air-force", "air force", "armée de l'air"},
		{[]string{"armed", "forces"}, "army", "armed forces", "forces armées"},
		{[]string{"army"}, "army", "armed forces", "forces armées"},
		{[]string{"navy"}, "navy", "navy", "marine"},
	}
)

// army: "l'armée russe", "l'armée de l'air ukrainienne", "the Russian army",
// "the Ukrainian air force", "la marine russe".
func (l *Linker) army(ws []word, keys []string, i int) (*dossier.Entity, int) {
	build := func(k armyKind, c *dossier.Entity) *dossier.Entity {
		return &dossier.Entity{ID: "org:" + k.id + "-" + strings.ToLower(c.ISO), Type: dossier.EntityOrganisation,
			Name: c.Name + " " + k.en, NameFr: k.frN + " (" + c.NameFr + ")", Country: c.ISO}
	}
	for _, k := range armiesFr {
		if i+len(k.words) > len(keys) || !slices.Equal(keys[i:i+len(k.words)], k.words) {
			continue
		}
		if c, n := l.demonymAt(ws, keys, i+len(k.words)); n > 0 && !isName(ws[i+len(k.words)].text) {
			return build(k, c), len(k.words) + n
		}
	}
	c, n := l.demonymAt(ws, keys, i)
	if n == 0 {
		return nil, 0
	}
	j := i + n
	for _, k := range armiesEn {
		if j+len(k.words) <= len(keys) && slices.Equal(keys[j:j+len(k.words)], k.words) {
			return build(k, c), n + len(k.words)
		}
	}
	return nil, 0
}

// siteKinds: the words that make a street or a site, French and English,
// with a language-neutral kind so that "centrale nucléaire de
// Zaporijjia" and "Zaporizhzhia nuclear power plant" are one place.
var siteKindsFr = map[string]string{
	"rue": "street", "avenue": "avenue", "boulevard": "boulevard", "place": "square", "quai": "quay", "impasse": "street",
	"allee": "street", "cours": "street", "esplanade": "square", "parvis": "square", "pont": "bridge", "gare": "station",
	"aeroport": "airport", "stade": "stadium", "cathedrale": "cathedral", "basilique": "basilica", "eglise": "church",
	"chateau": "castle", "centrale": "power-plant", "barrage": "dam", "port": "port", "jardin": "garden", "parc": "park",
	"tour": "tower", "palais": "palace", "route": "road", "chemin": "road", "mosquee": "mosque", "hopital": "hospital",
}

var siteKindsEn = map[string]string{
	"street": "street", "avenue": "avenue", "road": "road", "boulevard": "boulevard", "square": "square", "lane": "street",
	"bridge": "bridge", "airport": "airport", "station": "station", "stadium": "stadium", "palace": "palace",
	"cathedral": "cathedral", "park": "park", "plaza": "square", "dam": "dam", "port": "port", "castle": "castle",
	"mosque": "mosque", "hospital": "hospital", "church": "church", "tower": "tower", "basilica": "basilica",
}

// siteAdjectives may come between a site's kind and its name.
var siteAdjectives = map[string]string{"nucleaire": "nuclear", "thermique": "thermal", "hydroelectrique": "hydro",
	"international": "", "internationale": "", "olympique": "", "principal": "", "principale": "", "central": "", "centrale": ""}

// site: a kind and a capitalised name: "rue de Rivoli", "place de la
// Concorde", "aéroport de Kharkiv", "centrale nucléaire de Zaporijjia",
// "Downing Street", "Boryspil Airport", "Zaporizhzhia nuclear power plant".
func (l *Linker) site(text string, ws []word, keys []string, i int) (*dossier.Entity, int) {
	if kind, ok := siteKindsFr[keys[i]]; ok {
		j := i + 1
		for j < len(keys) && !isName(ws[j].text) {
			q, ok := siteAdjectives[keys[j]]
			if !ok {
				break
			}
			if q != "" && kind == "power-plant" {
				kind = q + "-" + kind
			}
			j++
		}
		k := of(keys, j)
		for x := i + 1; x <= k && x < len(ws); x++ {
			if !plainGap(text, ws, x) {
				return nil, 0 // "cours, François Fillon", "mosquée. Ce"
			}
		}
		if keys[i] == "place" && k == j+1 && keys[j] == "de" || keys[i] == "tour" && k != j {
			return nil, 0 // "à la place de Macron", "le tour de France"
		}
		end := k
		for end < len(ws) && end < k+4 && isName(ws[end].text) && (end == k || adjacent(text, ws, end)) {
			end++
		}
		if end == k || roleStops[keys[k]] {
			return nil, 0
		}
		if a := l.match(ws, keys, k); a != nil && a.entity.Type == dossier.EntityCountry && k+len(a.toks) == end {
			return nil, 0 // "à la place de la France"
		}
		if kind == "power-plant" && j == i+1 {
			return nil, 0 // "la centrale" alone is a word, not a site; "centrale nucléaire" is
		}
		return l.siteEntity(text, ws, keys, i, k, end, end, kind), end - i
	}
	// English: capitalised name, then the kind ("Downing Street"), or a
	// known place and a lower-case kind ("Kharkiv airport")
	if !isName(ws[i].text) || startsSentence(text, ws[i].start) && (keys[i] == "the" || notNames[keys[i]]) {
		return nil, 0
	}
	end := i
	for end < len(ws) && end < i+4 && isName(ws[end].text) && (end == i || adjacent(text, ws, end)) {
		if _, ok := siteKindsEn[keys[end]]; ok && end > i {
			break
		}
		end++
	}
	if end >= len(ws) || !adjacent(text, ws, end) {
		return nil, 0
	}
	// in a headline in title case ("Protesters Fill Parliament Square")
	// only the word before the kind is the site's name
	if end-i > 2 || end-i == 2 && titleCased(text, ws, i) {
		return nil, 0
	}
	kind, n := "", 0
	switch {
	case keys[end] == "nuclear" && end+2 < len(keys) && keys[end+1] == "power" && keys[end+2] == "plant":
		kind, n = "nuclear-power-plant", 3
	case keys[end] == "nuclear" && end+1 < len(keys) && keys[end+1] == "plant":
		kind, n = "nuclear-power-plant", 2
	case keys[end] == "power" && end+1 < len(keys) && keys[end+1] == "plant":
		kind, n = "power-plant", 2
	default:
		if k, ok := siteKindsEn[keys[end]]; ok {
			kind, n = k, 1
		}
	}
	if n == 0 {
		return nil, 0
	}
	lower := !isName(ws[end].text)
	if lower && !isPlaceWord(l, ws, keys, i) {
		return nil, 0 // "the Kharkiv airport" but not "a Trump tower"
	}
	return l.siteEntity(text, ws, keys, i, i, end, end+n, kind), end + n - i
}

// plainGap: only spaces (or an elision's apostrophe, kept in the word)
// between word x-1 and word x.
func plainGap(text string, ws []word, x int) bool {
	return strings.Trim(text[ws[x-1].end:ws[x].start], " \u00a0") == ""
}

// titleCased: the word before i is a capitalised word of the same
// clause, as in headlines written in title case.
func titleCased(text string, ws []word, i int) bool {
	return i > 0 && isName(ws[i-1].text) && !notNames[key(ws[i-1].text)] && adjacent(text, ws, i)
}

// isPlaceWord: the words at j name a known place or city.
func isPlaceWord(l *Linker, ws []word, keys []string, j int) bool {
	a := l.match(ws, keys, j)
	return a != nil && a.entity.Type == dossier.EntityPlace
}

// siteEntity: a site of a known place is that place's id and the kind
// ("place:zaporizhzhia-nuclear-power-plant"), else the slug of its words.
// The mention is words i to end, the name in it nameStart to nameEnd.
func (l *Linker) siteEntity(text string, ws []word, keys []string, i, nameStart, nameEnd, end int, kind string) *dossier.Entity {
	full := text[ws[i].start:ws[end-1].end]
	if a := l.match(ws, keys, nameStart); a != nil && a.entity.Type == dossier.EntityPlace && nameStart+len(a.toks) == nameEnd &&
		(kind == "nuclear-power-plant" || kind == "airport" || kind == "port" || kind == "dam" || kind == "power-plant") {
		// not stations: they are named after where they go ("gare de Lyon" is in Paris)
		return &dossier.Entity{ID: a.entity.ID + "-" + kind, Type: dossier.EntityPlace, Name: a.entity.Name + " " + strings.ReplaceAll(kind, "-", " "),
			NameFr: full, Country: a.entity.Country}
	}
	return &dossier.Entity{ID: "place:" + Slug(full), Type: dossier.EntityPlace, Name: full, NameFr: full}
}

// orgHeads: words that begin (French) or end (English) the name of an
// organisation.
var orgHeadsFr = set("federation confederation association agence parti syndicat conseil comite institut office commission autorite " +
	"haute caisse mouvement rassemblement front ligue fondation banque cour tribunal assemblee garde gendarmerie " +
	"police compagnie societe chambre ordre observatoire organisation secretariat service services academie " +
	"universite direction alliance centre collectif parquet conference union haut bureau groupement regie")

var orgHeadsEn = set("party agency department federation association union council committee commission institute office bank court " +
	"service guard front movement league foundation corporation company group organisation organization authority " +
	"fund police parliament assembly senate administration board bureau reserve command alliance confederation " +
	"university congress co corp ltd inc plc llc airways airlines holdings ministry network coalition " +
	"club")

// adjective suffixes of French: "française", "nationale", "constitutionnel",
// "socialiste", "atomique".
var frAdjSuffixes = []string{"ais", "aise", "aises", "ain", "aine", "ains", "aines", "ien", "ienne", "iens", "iennes", "al", "ale",
	"ales", "aux", "el", "elle", "els", "elles", "ique", "iques", "aire", "aires", "if", "ive", "ifs", "ives", "iste", "istes",
	"eur", "eure", "ee", "ees", "ois", "oise", "ier", "iere", "enne", "ennes", "een", "eens", "unie", "unies", "unis", "ere"}

func frAdjective(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	k := key(w)
	if notNames[k] || len(k) < 4 || stopVerbs[k] {
		return false
	}
	for _, s := range frAdjSuffixes {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// infinitive: a French verb after "de" ends a name rather than
// continuing it ("l'Union européenne de répartir").
func infinitive(k string) bool {
	return len(k) >= 6 && (strings.HasSuffix(k, "er") || strings.HasSuffix(k, "ir"))
}

// stopVerbs end an organisation's name: common verbs and words that
// follow a name rather than belong to it.
var stopVerbs = set("estime annonce affirme indique precise demande propose publie confirme declare explique souligne assure " +
	"rappelle reclame denonce prevoit juge lance presente valide adopte refuse exige salue critique redoute " +
	"conteste recommande lui elle une toute cette meme seule entre contre comme encore chaque autre notamment " +
	"desormais recemment depuis apres avant selon fois celle chez aussi donne frappe touche vise signe prise reste " +
	"semble parle evoque deplore regrette accuse condamne alerte appele appelle fixe table")

// organisation: "Fédération française de l'assurance", "Conseil
// constitutionnel", "Parti socialiste", "Agence internationale de
// l'énergie atomique"; "French Insurance Federation", "Democratic Party",
// "Department of Justice".
func (l *Linker) organisation(text string, ws []word, keys []string, i int) (*dossier.Entity, int) {
	mk := func(end int) (*dossier.Entity, int) {
		name := text[ws[i].start:ws[end-1].end]
		return &dossier.Entity{ID: "org:" + Slug(name), Type: dossier.EntityOrganisation, Name: name, NameFr: name}, end - i
	}
	if orgHeadsFr[keys[i]] && isName(ws[i].text) {
		j := i + 1
		for j < len(ws) && j < i+4 && adjacent(text, ws, j) && frAdjective(ws[j].text) {
			j++
		}
		if k := of(keys, j); k > j && k < len(ws) {
			// one complement: "de l'assurance", "des comptes", "de sécurité", "d'État"
			e := k
			if isName(ws[e].text) {
				if a := l.match(ws, keys, e); a != nil && a.entity.Type == dossier.EntityCountry && a.form != "demonym" {
					e = k // "Fédération de Russie" is the country's alias
				} else {
					for e < len(ws) && e < k+3 && isName(ws[e].text) && (e == k || adjacent(text, ws, e)) {
						e++
					}
				}
			} else if r, _ := utf8.DecodeRuneInString(ws[e].text); unicode.IsLower(r) && !notNames[keys[e]] && !stopVerbs[keys[e]] && utf8.RuneCountInString(ws[e].text) >= 3 && !infinitive(keys[e]) {
				e++
				for e < len(ws) && e < k+3 && adjacent(text, ws, e) && frAdjective(ws[e].text) {
					e++
				}
			}
			if e > k {
				j = e
			}
		}
		if j > i+1 {
			return mk(j)
		}
		return nil, 0
	}
	// English: capitalised words ending in a head word, or a head word
	// and "of" with capitalised words.
	if !isName(ws[i].text) || notNames[keys[i]] || roleStops[keys[i]] {
		return nil, 0
	}
	end := i
	for end < len(ws) && end < i+5 && (isName(ws[end].text) || isAcronym(ws[end].text)) && (end == i || adjacent(text, ws, end)) {
		end++
		if orgHeadsEn[keys[end-1]] && end-1 > i {
			break
		}
	}
	for end > i+1 && end < len(ws) && orgHeadsEn[keys[end-1]] && orgHeadsEn[keys[end]] && adjacent(text, ws, end) {
		end++ // "Qantas Airways Ltd"
	}
	if end-1 > i && orgHeadsEn[keys[end-1]] {
		// not in a headline in title case ("Ukraine Says Russia Hit Power Company")
		if titleCased(text, ws, i) || end < len(ws) && isName(ws[end].text) && adjacent(text, ws, end) {
			return nil, 0
		}
		return mk(end)
	}
	if orgHeadsEn[keys[i]] && i+2 < len(ws) && keys[i+1] == "of" {
		k := of(keys, i+1)
		e := k
		for e < len(ws) && e < k+3 && isName(ws[e].text) && adjacent(text, ws, e) {
			e++
		}
		if e > k {
			return mk(e)
		}
	}
	return nil, 0
}
