package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// titles introduce a person's name: "le président ukrainien Volodymyr
// Zelensky", "son secrétaire général Mark Rutte", "Prime Minister X".
var titles = map[string]bool{
	"president": true, "présidente": true, "chancelier": true, "chanceliere": true, "ministre": true, "minister": true,
	"secretaire": true, "secretary": true, "general": true, "porte parole": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "leader": true, "dirigeant": true, "dirigeante": true, "m": true, "mme": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "inspecteur": true, "inspectrice": true, "inspector": true, "maire": true, "mayor": true, "chef": true,
	"chief": true, "premier": true, "prime": true, "gouverneur": true, "governor": true, "senateur": true, "senator": true,
	"depute": true, "deputee": true, "ambassadeur": true, "ambassador": true, "commandant": true, "colonel": true, "juge": true,
	"judge": true, "roi": true, "king": true, "reine": true, "queen": true, "pape": true, "pope": true, "directeur": true,
	"directrice": true, "director": true, "ceo": true, "professeur": true, "professor": true, "analyste": true, "analyst": true,
	"expert": true, "experte": true, "journaliste": true, "journalist": true, "vice": true, "ministre-president": true,
	"ukrainien": true, "russe": true, "americain": true, "allemand": true, "chinois": true, "francais": true, "nord": true, "sud": true,
	"coreen": true, "russian": true, "ukrainian": true, "american": true, "german": true, "chinese": true, "french": true,
	"affaires": true, "etrangeres": true, "defense": true, "des": true, "de": true, "du": true, "of": true, "state": true,
	"deputy": true, "foreign": true, "chancellor": true, "spokesperson's": true, "weapons": true, "interior": true, "finance": true,
	"homologue": true, "counterpart": true, "ministry": true, "ministere": true,
}

// notNames: capitalised words that begin sentences or titles, not names.
// familyFirst are family names of cultures that write them first, as
// news in French and English keeps them: a lone "Kim" or "Xi" after "Kim
// Jong Un" or "Xi Jinping" is that person. Korean and Chinese names.
var familyFirst = map[string]bool{
	"kim": true, "lee": true, "ri": true, "park": true, "pak": true, "choi": true, "choe": true, "jung": true, "jeong": true,
	"kang": true, "cho": true, "yoon": true, "yun": true, "jang": true, "moon": true, "han": true, "shin": true, "kwon": true,
	"hwang": true, "ahn": true, "song": true, "xi": true, "li": true, "wang": true, "zhang": true, "liu": true, "chen": true,
	"yang": true, "huang": true, "zhao": true, "wu": true, "zhou": true, "hu": true, "mao": true, "deng": true, "jiang": true, "wen": true,
}

var notNames = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true, "du": true, "de": true, "d'": true,
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true, "and": true, "but": true, "selon": true,
	"depuis": true, "dans": true, "en": true, "et": true, "mais": true, "pour": true, "avec": true, "sur": true, "ce": true,
	"cette": true, "ces": true, "il": true, "elle": true, "ils": true, "elles": true, "nous": true, "on'": true, "si": true,
	"alors": true, "pourtant": true, "malgre": true, "face": true, "apres": true, "avant": true, "lors": true, "tandis": true,
	"plus": true, "moins": true, "tous": true, "toutes": true, "since": true, "after": true, "before": true, "while": true,
	"this": true, "that": true, "these": true, "those": true, "he": true, "she": true, "they": true, "we": true, "it": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "according": true, "as": true, "by": true, "from": true,
	"to": true, "with": true, "more": true, "most": true, "some": true, "many": true, "several": true, "d'apres": true,
	"au": true, "aux": true, "par": true, "qui": true, "que": true, "ou": true, "son": true, "sa": true, "ses": true, "leur": true,
	"leurs": true, "mon": true, "notre": true, "votre": true, "president": true, "premier": true, "ministre": true, "general": true,
	"image": true, "photo": true, "home": true, "accueil": true, "related": true, "news": true, "source": true, "update": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"janvier": true, "fevrier": true, "mars": true, "avril": true, "mai": true, "juin": true, "juillet": true, "aout": true,
	"septembre": true, "octobre": true, "novembre": true, "decembre": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "guerre": true, "war": true, "etat": true, "etats": true, "state": true, "states": true, "seconde": true,
	"mondiale": true, "world": true, "affaires": true, "defense": true, "nations": true, "union": true, "republique": true,
	"cela": true, "ceci": true, "c'": true, "s'": true, "qu'": true, "n'": true, "jusqu'": true, "pas": true, "tout": true,
	"renforcement": true, "cooperation": true, "preoccupations": true, "tests": true, "suspension": true, "soutien": true,
	"militaire": true, "coree": true, "nord": true, "sud": true, "forces": true, "armee": true, "les etats": true,
}

// Find returns the entity mentions of text in order. Names of people not
// in the curated list get new entities (returned in created).
func (l *Linker) Find(text string) (mentions []dossier.Mention, created []*dossier.Entity) {
	ws := words(text)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = key(w.text)
	}
	covered := make([]bool, len(ws))
	seen := map[string]*dossier.Entity{}
	for i := 0; i < len(ws); i++ {
		a := l.match(ws, keys, i)
		if isName(ws[i].text) || phraseStarts[keys[i]] {
			if pe, n := l.phrase(text, ws, keys, i); n > 0 && (a == nil || n > len(a.toks)) {
				j := i + n
				e := l.entities[pe.ID]
				if e == nil {
					e = seen[pe.ID]
				}
				if e == nil {
					e = pe
					e.Aliases = []string{text[ws[i].start:ws[j-1].end]}
					seen[e.ID] = e
					created = append(created, e)
				}
				mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[j-1].end, Text: text[ws[i].start:ws[j-1].end],
					Entity: e.ID, Type: e.Type, Form: "name"})
				for k := i; k < j; k++ {
					covered[k] = true
				}
				i = j - 1
				continue
			}
		}
		if a == nil {
			continue
		}
		j := i + len(a.toks)
		if (a.weak || a.metonym != nil || a.entity.Type == dossier.EntityPlace || a.entity.Type == dossier.EntityCountry && a.form == "name" && len(a.toks) == 1) &&
			partOfName(text, ws, keys, i, j) {
			continue
		}
		e, form := a.entity, a.form
		if a.metonym != nil {
			if locative(text, ws, keys, i, j) {
				form = "name"
			} else {
				e, form = a.metonym, "capital"
			}
		}
		mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[j-1].end, Text: text[ws[i].start:ws[j-1].end],
			Entity: e.ID, Type: e.Type, Form: form})
		for k := i; k < j; k++ {
			covered[k] = true
		}
		i = j - 1
	}
	// People not in the list: capitalised names after a title, or two
	// capitalised words that are not at the start of a sentence.
	surnames := map[string]string{} // surname key -> person id, for later "Kimachuk"
	ambiguous := map[string]bool{}  // surnames of two people of the article
	addSurname := func(k, id string) {
		if old, ok := surnames[k]; ok && old != id {
			ambiguous[k] = true
		}
		surnames[k] = id
	}
	// addSurnames files a person's family name: the last word, or the
	// first for names written family name first ("Kim Jong Un", "Xi Jinping")
	addSurnames := func(name []word, id string) {
		if last := name[len(name)-1].text; utf8.RuneCountInString(last) >= 3 && !notNames[key(last)] {
			addSurname(key(last), id)
		}
		if first := key(name[0].text); len(name) >= 2 && familyFirst[first] {
			addSurname(first, id)
		}
	}
	for _, m := range mentions {
		if m.Type == dossier.EntityPerson {
			addSurnames(words(m.Text), m.Entity)
		}
	}
	for i := 0; i < len(ws); i++ {
		if covered[i] || !isName(ws[i].text) || notNames[keys[i]] || titles[keys[i]] {
			continue
		}
		j := i
		for j < len(ws) && j < i+5 && !covered[j] && (j == i || adjacent(text, ws, j)) {
			if isName(ws[j].text) && !notNames[keys[j]] && !titles[keys[j]] {
				j++
				continue
			}
			// "Marine Le Pen", "Charles de Gaulle", but not "Macron de France"
			if j > i && particles[ws[j].text] && j+1 < len(ws) && isName(ws[j+1].text) && !notNames[keys[j+1]] && adjacent(text, ws, j+1) &&
				(isName(ws[j].text) || l.match(ws, keys, j+1) == nil) {
				j++
				continue
			}
			break
		}
		for j > i && particles[ws[j-1].text] {
			j--
		}
		titled := i > 0 && titles[keys[i-1]]
		sentenceStart := i == 0 || startsSentence(text, ws[i].start)
		// a place before a full name is not part of it: "Barcelone Lionel Messi"
		if j-i >= 3 {
			if a := l.match(ws, keys, i); a != nil && len(a.toks) == 1 && !a.weak && (a.entity.Type == dossier.EntityPlace || a.entity.Type == dossier.EntityCountry) {
				mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[i].end, Text: ws[i].text, Entity: a.entity.ID, Type: a.entity.Type, Form: "name"})
				covered[i] = true
				i++
				titled = false
			}
		}
		if j-i >= 2 && (titled || !sentenceStart || roleAfter(text, ws, keys, j) != "") {
			name := text[ws[i].start:ws[j-1].end]
			typ, id := dossier.EntityPerson, "person:"+Slug(name)
			if outletHeads[keys[j-1]] {
				typ, id = dossier.EntityOutlet, "outlet:"+Slug(name) // "River Post", "Moscow Times"
			}
			e, ok := l.entities[id]
			if !ok {
				e = seen[id]
			}
			if e == nil {
				e = &dossier.Entity{ID: id, Type: typ, Name: name, NameFr: name, Aliases: []string{name}}
				seen[id] = e
				created = append(created, e)
			}
			role := roleAfter(text, ws, keys, j)
			if titled {
				role = roleBefore(text, ws, keys, i)
			}
			if e.Type != dossier.EntityPerson {
				role = ""
			}
			mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[j-1].end, Text: name, Entity: e.ID, Type: e.Type, Form: "name", Role: role})
			if e.Type == dossier.EntityPerson {
				addSurnames(ws[i:j], e.ID)
			}
			for k := i; k < j; k++ {
				covered[k] = true
			}
			i = j - 1
			continue
		}
		if j-i == 1 && !ambiguous[keys[i]] {
			if id, ok := surnames[keys[i]]; ok && !sentenceStart || ok && titled {
				mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[i].end, Text: ws[i].text, Entity: id, Type: dossier.EntityPerson, Form: "surname"})
				covered[i] = true
			}
		}
	}
	// surnames used before the full name, and at sentence starts
	for i := range ws {
		if covered[i] || !isName(ws[i].text) || notNames[keys[i]] || ambiguous[keys[i]] || utf8.RuneCountInString(ws[i].text) < 3 && !familyFirst[keys[i]] {
			continue
		}
		if id, ok := surnames[keys[i]]; ok {
			mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[i].end, Text: ws[i].text, Entity: id, Type: dossier.EntityPerson, Form: "surname"})
		}
	}
	sortMentions(mentions)
	return mentions, created
}

// partOfName: a town's name is part of a person's or another name when a
// capitalised word is glued to it ("Florence Parly", "Andrew Jackson") or
// a title comes before it ("M. Nancy").
func partOfName(text string, ws []word, keys []string, i, j int) bool {
	if j < len(ws) && adjacent(text, ws, j) && isName(ws[j].text) && !notNames[keys[j]] && !regionWords[keys[j]] && !titles[keys[j]] && !roleHeads[keys[j]] {
		return true
	}
	if i > 0 && adjacent(text, ws, i) {
		if honorifics[keys[i-1]] {
			return true
		}
		if isName(ws[i-1].text) && !notNames[keys[i-1]] && !titles[keys[i-1]] {
			return true
		}
	}
	return false
}

// honorifics before a name make it a person's: "M. Nancy", "Mrs Florence".
var honorifics = map[string]bool{"m": true, "mme": true, "mlle": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "lord": true, "lady": true}

// regionWords may follow a place's name without making it part of a
// person's: "Kharkiv Oblast", "Moscow Region".
var regionWords = map[string]bool{"oblast": true, "region": true, "province": true, "district": true, "county": true, "city": true, "state": true,
	"est": true, "ouest": true, "nord": true, "sud": true, "east": true, "west": true, "north": true, "south": true}

// outletHeads end the names of newspapers and magazines: "Washington
// Post", "Moscow Times", "Kyiv Independent".
var outletHeads = map[string]bool{"post": true, "times": true, "herald": true, "tribune": true, "journal": true, "gazette": true,
	"daily": true, "independent": true, "observer": true, "telegraph": true, "match": true, "matin": true, "soir": true, "magazine": true}

// particles inside people's names: "Marine Le Pen", "Charles de Gaulle",
// "Ursula von der Leyen".
var particles = map[string]bool{"Le": true, "La": true, "de": true, "De": true, "van": true, "Van": true, "von": true,
	"der": true, "den": true, "da": true, "Da": true, "di": true, "Di": true, "Al": true, "al": true, "bin": true, "ben": true, "Ben": true, "El": true, "del": true, "Del": true, "dos": true}

func sortMentions(ms []dossier.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// match returns the longest alias starting at word i, honouring case.
func (l *Linker) match(ws []word, keys []string, i int) *alias {
	for _, a := range l.byFirst[keys[i]] {
		if i+len(a.toks) > len(ws) {
			continue
		}
		ok := true
		for k, t := range a.toks {
			if keys[i+k] != t || (k > 0 && !adjacent2(ws, i+k)) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		first := ws[i].text
		switch {
		case a.exact:
			if first != a.orig[0] {
				continue
			}
		case !a.lower:
			r, _ := utf8.DecodeRuneInString(first)
			if !unicode.IsUpper(r) {
				continue
			}
		}
		return a
	}
	return nil
}

// adjacent2: words of one name are separated by spaces or hyphens only.
func adjacent2(ws []word, k int) bool {
	return ws[k].start-ws[k-1].end <= 2
}

func adjacent(text string, ws []word, j int) bool {
	if j == 0 {
		return true
	}
	gap := text[ws[j-1].end:ws[j].start]
	return gap == " " || gap == "-" || gap == "\u00a0"
}

func isName(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || isAcronym(w) {
		return false
	}
	for _, c := range w {
		if unicode.IsDigit(c) {
			return false
		}
	}
	return utf8.RuneCountInString(w) >= 2
}

// startsSentence: only spaces, quotes or nothing since the last full stop.
func startsSentence(text string, at int) bool {
	s := strings.TrimRightFunc(text[:at], func(r rune) bool { return unicode.IsSpace(r) || r == '«' || r == '“' || r == '"' || r == '(' })
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == ':' || r == '\n' || r == '»' || r == '”'
}

// phraseStarts: lower-case words that begin a ministry, an army or a site
// ("ministère", "l'armée", "rue", "centrale").
var phraseStarts = map[string]bool{"ministere": true, "armee": true, "forces": true, "marine": true}

func init() {
	for k := range siteKindsFr {
		phraseStarts[k] = true
	}
}

// roleHeads: the words a role is named by; a role runs from one of them
// to the name ("ministre de l'Intérieur", "inspecteur d'armes ukrainien",
// "Deputy Foreign Minister").
var roleHeads = map[string]bool{
	"president": true, "presidente": true, "chancelier": true, "chanceliere": true, "ministre": true, "minister": true,
	"secretaire": true, "secretary": true, "general": true, "generale": true, "porte": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "leader": true, "dirigeant": true, "dirigeante": true, "inspecteur": true, "inspectrice": true,
	"inspector": true, "maire": true, "mayor": true, "chef": true, "chief": true, "premier": true, "prime": true,
	"gouverneur": true, "governor": true, "senateur": true, "senator": true, "depute": true, "deputee": true,
	"ambassadeur": true, "ambassadrice": true, "ambassador": true, "commandant": true, "colonel": true, "juge": true,
	"judge": true, "roi": true, "king": true, "reine": true, "queen": true, "pape": true, "pope": true, "directeur": true,
	"directrice": true, "director": true, "ceo": true, "professeur": true, "professor": true, "analyste": true,
	"analyst": true, "expert": true, "experte": true, "journaliste": true, "journalist": true, "vice": true,
	"deputy": true, "chancellor": true, "homologue": true, "counterpart": true, "procureur": true, "prosecutor": true,
	"patron": true, "patronne": true, "chairman": true, "chairwoman": true, "head": true, "envoy": true, "emissaire": true,
	"prefet": true, "prefete": true, "conseiller": true, "conseillere": true, "adviser": true, "advisor": true,
}

// roleStops end a role on its left: determiners and possessives.
var roleStops = map[string]bool{"le": true, "la": true, "les": true, "un": true, "une": true, "the": true, "a": true,
	"an": true, "son": true, "sa": true, "ses": true, "his": true, "her": true, "its": true, "their": true, "leur": true}

// roleLinks may be inside a role but neither begin nor end it.
var roleLinks = map[string]bool{"de": true, "du": true, "des": true, "d'": true, "l'": true, "of": true, "the": true, "and": true, "et": true}

// roleBefore: the role written before the name at word i ("le ministre
// de l'Intérieur Christophe Castaner", "Russian Deputy Foreign Minister
// Andrey Rudenko"): the words back to a determiner or punctuation, from
// the first that is a title.
func roleBefore(text string, ws []word, keys []string, i int) string {
	start, head := i, false
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		if roleStops[keys[k]] || strings.ContainsAny(text[ws[k].end:ws[k+1].start], ",.;:!?()«»\"“”") {
			break
		}
		if r, _ := utf8.DecodeRuneInString(ws[k].text); unicode.IsUpper(r) && !titles[keys[k]] && !roleHeads[keys[k]] && !isAcronym(ws[k].text) {
			break
		}
		if roleHeads[keys[k]] {
			head = true
		}
		start = k
	}
	if !head {
		return ""
	}
	for start < i && !titles[keys[start]] && !roleHeads[keys[start]] || start < i && roleLinks[keys[start]] {
		start++
	}
	if start == i {
		return ""
	}
	return text[ws[start].start:ws[i-1].end]
}

// roleAfter: a role in apposition after the name ending at word j
// ("Christophe Castaner, ministre de l'Intérieur,").
func roleAfter(text string, ws []word, keys []string, j int) string {
	if j >= len(ws) || strings.TrimSpace(text[ws[j-1].end:ws[j].start]) != "," || !roleHeads[keys[j]] {
		return ""
	}
	end := j
	for k := j; k < len(ws) && k < j+8; k++ {
		if k > j && strings.ContainsAny(text[ws[k-1].end:ws[k].start], ",.;:!?()«»\"“”") {
			break
		}
		if stopVerbs[keys[k]] || keys[k] == "a" || keys[k] == "est" || keys[k] == "said" || keys[k] == "has" || keys[k] == "is" {
			break
		}
		end = k + 1
	}
	if end == j {
		return ""
	}
	return text[ws[j].start:ws[end-1].end]
}
