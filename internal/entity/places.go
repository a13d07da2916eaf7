package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the gazetteer
	"fmt"
	"strings"

	"github.com/dossier-news/dossier"
)

//go:generate sh -c "cd gen/gazetteer && go run ."

//go:embed data/gazetteer.tsv.gz
var gazetteer []byte

// place kinds in the gazetteer's first column
const (
	kindCapital = "C" // a capital: a place, or its country's government by syntax
	kindBig     = "B" // a city of a million people or more
	kindCity    = "c"
	kindRegion  = "r"
)

// loadGazetteer adds the generated cities and regions as place entities
// linked to their country. A name some entity already has (a country, a
// demonym, a curated place or organisation) stays with it: "Georgia" is
// the country, "Mexico" too. Capitals take over the capital aliases of
// their country, which keep the country as their metonym.
func (l *Linker) loadGazetteer() error {
	zr, err := gzip.NewReader(bytes.NewReader(gazetteer))
	if err != nil {
		return fmt.Errorf("entity data gazetteer: %w", err)
	}
	capitals := map[string]*dossier.Entity{} // country ISO -> its capital
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 4 {
			return fmt.Errorf("entity data gazetteer: bad line %q", line)
		}
		kind, iso, en, fr := c[0], c[1], c[2], c[3]
		names := []string{en}
		if fr != "" {
			names = append(names, fr)
		}
		if kind == kindRegion {
			if t := trimRegion(en); t != en {
				names = append(names, t)
			}
		}
		e := l.placeFor(names, iso)
		if e == nil {
			id := "place:" + Slug(trimRegion(en))
			if _, taken := l.entities[id]; taken {
				id += "-" + strings.ToLower(iso)
			}
			if _, taken := l.entities[id]; taken {
				continue
			}
			nameFr := fr
			if nameFr == "" {
				nameFr = en
			}
			e = &dossier.Entity{ID: id, Type: dossier.EntityPlace, Name: trimRegion(en), NameFr: nameFr, Country: iso}
		}
		added := false
		for _, n := range names {
			if l.addPlaceName(e, n, iso, kind) {
				added = true
			}
		}
		if !added {
			continue
		}
		l.entities[e.ID] = e
		if kind == kindCapital && capitals[iso] == nil {
			capitals[iso] = e
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("entity data gazetteer: %w", err)
	}
	// Capital aliases the gazetteer did not spell ("Kiyv", "Washington")
	// go to the country's capital, made from the country's data if the
	// gazetteer has none.
	for _, as := range l.byFirst {
		for _, a := range as {
			if a.form != "capital" || a.metonym != nil {
				continue
			}
			country := a.entity
			p := capitals[country.ISO]
			if p == nil {
				name := strings.Join(a.orig, " ")
				p = &dossier.Entity{ID: "place:" + Slug(name), Type: dossier.EntityPlace, Name: name, NameFr: name, Country: country.ISO}
				if _, taken := l.entities[p.ID]; taken {
					p.ID += "-" + strings.ToLower(country.ISO)
				}
				l.entities[p.ID] = p
				capitals[country.ISO] = p
			}
			a.entity, a.metonym = p, country
			addAliasName(p, strings.Join(a.orig, " "))
			removeAliasName(country, strings.Join(a.orig, " "))
		}
	}
	return nil
}

// placeFor finds the place entity that already has one of names in this
// country (a curated place: "Kharkiv", "Rio de Janeiro").
func (l *Linker) placeFor(names []string, iso string) *dossier.Entity {
	for _, n := range names {
		if a := l.exactAlias(n); a != nil && a.entity.Type == dossier.EntityPlace && (a.entity.Country == "" || a.entity.Country == iso) {
			return a.entity
		}
	}
	return nil
}

// exactAlias is the alias spelled as name, case and accents folded.
func (l *Linker) exactAlias(name string) *alias {
	toks := words(name)
	if len(toks) == 0 {
		return nil
	}
	ks := make([]string, len(toks))
	for i, t := range toks {
		ks[i] = key(t.text)
	}
	for _, a := range l.byFirst[ks[0]] {
		if strings.Join(a.toks, " ") == strings.Join(ks, " ") {
			return a
		}
	}
	return nil
}

// addPlaceName files name as an alias of the place e, unless another
// entity has it. A capital alias of e's country becomes e's, with the
// country as metonym. It says whether e got the name.
func (l *Linker) addPlaceName(e *dossier.Entity, name, iso, kind string) bool {
	if len([]rune(name)) < 3 || strings.ContainsAny(name, ",()") {
		return false
	}
	if old := l.exactAlias(name); old != nil {
		switch {
		case old.entity == e:
			return true
		case kind == kindCapital && old.form == "capital" && old.entity.Type == dossier.EntityCountry && old.entity.ISO == iso:
			old.metonym, old.entity = old.entity, e
			removeAliasName(old.metonym, name)
			addAliasName(e, name)
			return true
		}
		return false
	}
	if ws := words(name); len(ws) == 1 && (notNames[key(name)] || titles[key(name)] || commonWords[key(name)]) {
		return false // "Of" in Turkey, "Premier", "North"
	}
	l.add(e, name, "name")
	if a := l.exactAlias(name); a != nil && a.entity == e {
		a.weak = kind == kindCity || kind == kindRegion
		if kind == kindCapital {
			if c, ok := l.entities["country:"+iso]; ok {
				a.metonym = c
			}
		}
	}
	return true
}

func addAliasName(e *dossier.Entity, name string) {
	for _, x := range e.Aliases {
		if x == name {
			return
		}
	}
	e.Aliases = append(e.Aliases, name)
}

func removeAliasName(e *dossier.Entity, name string) {
	out := e.Aliases[:0]
	for _, x := range e.Aliases {
		if x != name {
			out = append(out, x)
		}
	}
	e.Aliases = out
}

// commonWords are names of towns or regions that are more often words.
var commonWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "centre": true, "center": true,
	"central": true, "capital": true, "mobile": true, "split": true, "reading": true, "bath": true, "orange": true, "gap": true,
	"sale": true, "bar": true, "ville": true, "grand": true, "mali": true, "union": true, "victoria": true, "santa": true, "nice": false}

// trimRegion drops the administrative word GeoNames appends
// ("Île-de-France Region", "Kharkiv Oblast"); gen/gazetteer does the same.
func trimRegion(s string) string {
	for _, suf := range []string{" Region", " Oblast", " Province", " Governorate", " Voivodeship", " Krai", " Prefecture", " County", " Department", " State", " District"} {
		if t, ok := strings.CutSuffix(s, suf); ok {
			return t
		}
	}
	return s
}

// Capitals stand for their governments by syntax: "Moscou a annoncé",
// "Washington said", "entre Moscou et Pyongyang" are the country; where
// something happens or someone goes, they are the city: "à Moscou", "in
// Moscow", "travel to Pyongyang", "the mayor of Paris", "strikes on Kyiv".
var (
	// words right before the name that make it a location
	locativeBefore = map[string]bool{
		"a": true, "dans": true, "vers": true, "depuis": true, "in": true, "at": true, "near": true, "outside": true,
		"around": true, "across": true, "inside": true, "into": true, "towards": true, "toward": true, "visited": true,
		"visiting": true, "visit": true, "visits": true, "toured": true, "reached": true, "entered": true, "left": true,
		"quitte": true, "rejoint": true, "bombarde": true, "shelled": true, "struck": true, "hit": true,
		"autour": true, "within": true, "throughout": true, "partout": true, "en": true, "au": true, "aux": true,
	}
	// "de"/"of" after one of these: "la région de Moscou", "the mayor of Paris"
	placeNouns = map[string]bool{
		"region": true, "banlieue": true, "centre": true, "center": true, "environs": true, "maire": true, "mairie": true,
		"habitants": true, "aeroport": true, "rues": true, "ville": true, "gare": true, "universite": true, "quartier": true,
		"quartiers": true, "sud": true, "nord": true, "est": true, "ouest": true, "pres": true, "proche": true, "portes": true,
		"alentours": true, "faubourgs": true, "mayor": true, "outskirts": true, "streets": true, "city": true, "suburbs": true,
		"residents": true, "north": true, "south": true, "east": true, "west": true, "heart": true, "airport": true,
		"university": true, "governor": true, "gouverneur": true, "coeur": true, "ciel": true, "skies": true, "people": true,
		"population": true, "metro": true, "hopitaux": true, "hopital": true, "hospitals": true, "cote": true,
		"large": true, "loin": true, "kilometres": true, "km": true, "miles": true, "kilometers": true, "oblast": true,
		"province": true, "ruines": true, "sky": true, "agglomeration": true, "prefet": true, "prefecture": true,
	}
	// "to"/"from" after one of these: "travel to Pyongyang", "flights from Moscow"
	motion = map[string]bool{
		"travel": true, "travelled": true, "traveled": true, "travelling": true, "trip": true, "flew": true, "fly": true,
		"flight": true, "flights": true, "visit": true, "returned": true, "return": true, "moved": true, "arrived": true,
		"went": true, "go": true, "going": true, "came": true, "back": true, "way": true, "road": true, "train": true,
		"journey": true, "route": true, "deported": true, "fled": true, "evacuated": true, "drive": true, "miles": true,
		"kilometres": true, "km": true, "headed": true, "heading": true, "sent": true, "trips": true, "voyage": true, "trajet": true, "vol": true, "vols": true,
		"retour": true, "partis": true, "parti": true, "partie": true, "arrive": true, "arrivee": true, "arrives": true, "revenu": true,
		"rentre": true, "evacues": true, "fui": true, "depart": true, "distance": true,
	}
	// "à" after one of these gives to the government: "des aides à Kiev"
	giving = map[string]bool{
		"aide": true, "aides": true, "soutien": true, "livraisons": true, "armes": true, "missiles": true, "ultimatum": true,
		"message": true, "demande": true, "appel": true, "reproche": true, "reproches": true, "rappel": true, "promis": true,
		"fourni": true, "livre": true, "accorde": true, "propose": true, "offert": true, "repondu": true,
		"reponse": true, "adresse": true, "lance": true, "signale": true, "permis": true, "autorise": true,
	}
	// "sur"/"on" after one of these: "frappes sur Kiev", "strikes on Kyiv"
	attacks = map[string]bool{
		"frappe": true, "frappes": true, "attaque": true, "attaques": true, "missiles": true, "drones": true, "raid": true,
		"raids": true, "tirs": true, "offensive": true, "bombardements": true, "strike": true, "strikes": true, "attack": true,
		"attacks": true, "assault": true, "advance": true, "march": true, "marche": true, "fondu": true, "pluie": true,
	}
)

// locative says whether the name at word i is where something happens
// rather than who acts.
func locative(text string, ws []word, keys []string, i, j int) bool {
	prev := func(n int) string {
		if i-n < 0 {
			return ""
		}
		return keys[i-n]
	}
	p1, p2 := prev(1), prev(2)
	// words of another clause do not count: "Moscou. À" is not "à Moscou"
	if i > 0 && strings.ContainsAny(text[ws[i-1].end:ws[i].start], ".;:!?") {
		p1, p2 = "", ""
	}
	switch {
	case p1 == "a": // "à Moscou", but "des aides à Kiev" go to its government
		return !giving[p2]
	case locativeBefore[p1]:
		return true
	case (p1 == "de" || p1 == "d'" || p1 == "du" || p1 == "of") && placeNouns[p2], (p1 == "de" || p1 == "d'") && motion[p2]:
		return true
	case p1 == "de" && i >= 3 && keys[i-3] == "pres": // "près de Moscou"
		return true
	case (p1 == "to" || p1 == "from") && motion[p2]:
		return true
	case (p1 == "sur" || p1 == "on" || p1 == "over") && attacks[p2]:
		return true
	}
	// a dateline: "Moscou, 3 mars (AFP)", "KYIV (Reuters) -"
	rest := strings.TrimLeft(text[ws[j-1].end:], " ")
	if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") {
		return startsSentence(text, ws[i].start)
	}
	if r := strings.TrimLeft(strings.TrimPrefix(rest, ","), " "); strings.HasPrefix(rest, ",") && r != "" && r[0] >= '0' && r[0] <= '9' {
		return startsSentence(text, ws[i].start)
	}
	return false
}

// Fold is a name as the linker compares it: case and accents folded,
// hyphens and apostrophes made plain ("Kharkiv", "kharkiv", "KHARKIV";
// "Élysée", "elysee").
func Fold(s string) string {
	ws := words(s)
	ks := make([]string, len(ws))
	for i, w := range ws {
		ks[i] = key(w.text)
	}
	return strings.Join(ks, " ")
}

// Lookup returns the entities that have name as one of their names,
// case and accents folded: "Moscou" is the city, then the country it
// stands for; "castaner" finds nothing (people are found by what the
// store has seen).
func (l *Linker) Lookup(name string) []*dossier.Entity {
	k := Fold(name)
	if k == "" {
		return nil
	}
	first, _, _ := strings.Cut(k, " ")
	var out []*dossier.Entity
	seen := map[string]bool{}
	add := func(e *dossier.Entity) {
		if e != nil && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	for _, a := range l.byFirst[first] {
		if strings.Join(a.toks, " ") == k {
			add(a.entity)
			add(a.metonym)
		}
	}
	return out
}
