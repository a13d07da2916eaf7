package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// titles introduce a person's name: "le président ukrainien Volodymyr
// Zelensky", "son secrétaire général Mark Rutte", "Prime Minister X".
var titles = set("president présidente chancelier chanceliere ministre minister secretaire secretary general porte_parole " +
	"spokesman spokeswoman spokesperson leader dirigeant dirigeante m mme mr mrs ms dr inspecteur inspectrice " +
	"inspector maire mayor chef chief premier prime gouverneur governor senateur senator depute deputee ambassadeur " +
	"ambassador commandant colonel juge judge roi king reine queen pape pope directeur directrice director ceo " +
	"professeur professor analyste analyst expert experte journaliste journalist vice ministre-president ukrainien " +
	"russe americain allemand chinois francais nord sud coreen russian ukrainian american german chinese french " +
	"affaires etrangeres defense des de du of state deputy foreign chancellor spokesperson's weapons interior " +
	"finance homologue counterpart ministry ministere")

// notNames: capitalised words that begin sentences or titles, not names.
// familyFirst are family names of cultures that write them first, as
// news in French and English keeps them: a lone "Kim" or "Xi" after "Kim
// Jong Un" or "Xi Jinping" is that person. Korean and Chinese names.
var familyFirst = set("kim lee ri park pak choi choe jung jeong kang cho yoon yun jang moon han shin kwon hwang ahn song xi li wang " +
	"zhang liu chen yang huang zhao wu zhou hu mao deng jiang wen")

var notNames = set("le la les l' un une des du de d' the a an in on at for and but selon depuis dans en et mais pour avec sur ce " +
	"cette ces il elle ils elles nous on' si alors pourtant malgre face apres avant lors tandis plus moins tous " +
	"toutes since after before while this that these those he she they we it his her their its our according as by " +
	"from to with more most some many several d'apres au aux par qui que ou son sa ses leur leurs mon notre votre " +
	"president premier ministre general image photo home accueil related news source update lundi mardi mercredi " +
	"jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday janvier fevrier mars " +
	"avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july " +
	"august september october november december guerre war etat etats state states seconde mondiale world affaires " +
	"defense nations union republique cela ceci c' s' qu' n' jusqu' pas tout renforcement cooperation " +
	"preoccupations tests suspension soutien militaire coree nord sud forces armee les_etats")

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
			// a listed organisation of several words is not lengthened by
			// the words after it ("Union européenne de répartir")
			if pe, n := l.phrase(text, ws, keys, i); n > 0 && (a == nil || n > len(a.toks) && !(len(a.toks) >= 2 && a.entity.Type == dossier.EntityOrganisation)) {
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
		role := ""
		if e.Type == dossier.EntityPerson && len(a.toks) >= 2 {
			// a listed person's role too: "le porte-parole du Kremlin Dmitri Peskov"
			if role = roleAfter(text, ws, keys, j); i > 0 && titles[keys[i-1]] {
				role = roleBefore(text, ws, keys, i, covered)
			}
		}
		mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[j-1].end, Text: text[ws[i].start:ws[j-1].end],
			Entity: e.ID, Type: e.Type, Form: form, Role: role})
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
	var pending [][2]int
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
				j += 2 // the particle and the word after it, even a title's ("Bruno Le Maire")
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
				role = roleBefore(text, ws, keys, i, covered)
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
		if j-i >= 2 {
			pending = append(pending, [2]int{i, j}) // at a sentence start: a name only if the article names it elsewhere
		}
		if j-i == 1 && !ambiguous[keys[i]] {
			if id, ok := surnames[keys[i]]; ok && !sentenceStart || ok && titled {
				mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[i].end, Text: ws[i].text, Entity: id, Type: dossier.EntityPerson, Form: "surname"})
				covered[i] = true
			}
		}
	}
	for _, p := range pending {
		i, j := p[0], p[1]
		if slices.Contains(covered[i:j], true) {
			continue
		}
		e := seen["person:"+Slug(text[ws[i].start:ws[j-1].end])]
		if e == nil || e.Type != dossier.EntityPerson {
			continue
		}
		mentions = append(mentions, dossier.Mention{Start: ws[i].start, End: ws[j-1].end, Text: text[ws[i].start:ws[j-1].end], Entity: e.ID, Type: e.Type, Form: "name"})
		for k := i; k < j; k++ {
			covered[k] = true
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
var honorifics = set("m mme mlle mr mrs ms dr sir lord lady")

// regionWords may follow a place's name without making it part of a
// person's: "Kharkiv Oblast", "Moscow Region".
var regionWords = set("oblast region province district county city state est ouest nord sud east west north south")

// outletHeads end the names of newspapers and magazines: "Washington
// Post", "Moscow Times", "Kyiv Independent".
var outletHeads = set("post times herald tribune journal gazette daily independent observer telegraph match matin soir magazine echo echos")

// particles inside people's names: "Marine Le Pen", "Charles de Gaulle",
// "Ursula von der Leyen".
var particles = set("Le La de De van Van von der den da Da di Di Al al bin ben Ben El del Del dos")

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
var phraseStarts = set("ministere armee forces marine")

func init() {
	for k := range siteKindsFr {
		phraseStarts[k] = true
	}
}

// roleHeads: the words a role is named by; a role runs from one of them
// to the name ("ministre de l'Intérieur", "inspecteur d'armes ukrainien",
// "Deputy Foreign Minister").
var roleHeads = set("president presidente chancelier chanceliere ministre minister secretaire secretary general generale porte " +
	"spokesman spokeswoman spokesperson leader dirigeant dirigeante inspecteur inspectrice inspector maire mayor " +
	"chef chief premier prime gouverneur governor senateur senator depute deputee ambassadeur ambassadrice " +
	"ambassador commandant colonel juge judge roi king reine queen pape pope directeur directrice director ceo " +
	"professeur professor analyste analyst expert experte journaliste journalist vice deputy chancellor homologue " +
	"counterpart procureur prosecutor patron patronne chairman chairwoman head envoy emissaire prefet prefete " +
	"conseiller conseillere adviser advisor")

// roleStops end a role on its left: determiners and possessives.
var roleStops = set("le la les un une the a an son sa ses his her its their leur")

// roleLinks may be inside a role but neither begin nor end it.
var roleLinks = set("de du des d' l' of the and et")

// roleBefore: the role written before the name at word i ("le ministre
// de l'Intérieur Christophe Castaner", "Russian Deputy Foreign Minister
// Andrey Rudenko"): the words back to a determiner or punctuation, from
// the first that is a title.
func roleBefore(text string, ws []word, keys []string, i int, covered []bool) string {
	start, head := i, false
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		if roleStops[keys[k]] || strings.ContainsAny(text[ws[k].end:ws[k+1].start], ",.;:!?()«»\"“”") {
			break
		}
		// capitalised words only when they are titles or names already
		// found: "Kremlin spokesman", "National Rally leader"
		if r, _ := utf8.DecodeRuneInString(ws[k].text); unicode.IsUpper(r) && !titles[keys[k]] && !roleHeads[keys[k]] && !isAcronym(ws[k].text) && !covered[k] {
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
	for start < i && !titles[keys[start]] && !roleHeads[keys[start]] && !covered[start] || start < i && roleLinks[keys[start]] {
		start++
	}
	if start == i {
		return ""
	}
	return text[ws[start].start:ws[i-1].end]
}

// roleAfter: a role in apposition after the name ending at word j
// ("Christophe Castaner, ministre de l'Intérieur,", "Dmitry Peskov, the
// Kremlin spokesman,"): a title word within the first four words.
func roleAfter(text string, ws []word, keys []string, j int) string {
	if j >= len(ws) || strings.TrimSpace(text[ws[j-1].end:ws[j].start]) != "," {
		return ""
	}
	start := j
	if roleStops[keys[start]] || keys[start] == "l'" {
		start++ // "the interior minister", "l'ancien ministre"
	}
	head := -1
	for k := start; k < len(ws) && k < start+4; k++ {
		if k > j && !plainGap(text, ws, k) {
			break
		}
		if roleHeads[keys[k]] {
			head = k
			break
		}
	}
	if head < 0 || start >= len(ws) {
		return ""
	}
	end := head + 1
	for k := head + 1; k < len(ws) && k < head+8; k++ {
		if strings.ContainsAny(text[ws[k-1].end:ws[k].start], ",.;:!?()«»\"“”") {
			break
		}
		if stopVerbs[keys[k]] || keys[k] == "a" || keys[k] == "est" || keys[k] == "said" || keys[k] == "has" || keys[k] == "is" || keys[k] == "was" {
			break
		}
		end = k + 1
	}
	return text[ws[start].start:ws[end-1].end]
}
