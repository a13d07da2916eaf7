package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the gazetteer
	"fmt"
	"slices"
	"sort"
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
	firsts := make([]string, 0, len(l.byFirst))
	for k := range l.byFirst {
		firsts = append(firsts, k)
	}
	sort.Strings(firsts) // the same ids whatever the map's order
	for _, k := range firsts {
		for _, a := range l.byFirst[k] {
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
		if slices.Equal(a.toks, ks) {
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
	if a := l.add(e, name, "name"); a != nil {
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
var commonWords = set("north south east west centre center central capital mobile split reading bath orange gap sale bar ville grand " +
	"mali union victoria santa")

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
	locativeBefore = set("a dans vers depuis in at near outside around across inside into towards toward visited visiting visit visits " +
		"toured reached entered left quitte rejoint bombarde shelled struck hit autour within throughout partout en au " +
		"aux")
	// "de"/"of" after one of these: "la région de Moscou", "the mayor of Paris"
	placeNouns = set("region banlieue centre center environs maire mairie habitants aeroport rues ville gare universite quartier " +
		"quartiers sud nord est ouest pres proche portes alentours faubourgs mayor outskirts streets city suburbs " +
		"residents north south east west heart airport university governor gouverneur coeur ciel skies people " +
		"population metro hopitaux hopital hospitals cote large loin kilometres km miles kilometers oblast province " +
		"ruines sky agglomeration prefet prefecture")
	// "to"/"from" after one of these: "travel to Pyongyang", "flights from Moscow"
	motion = set("travel travelled traveled travelling trip flew fly flight flights visit returned return moved arrived went go " +
		"going came back way road train journey route deported fled evacuated drive miles kilometres km headed heading " +
		"sent trips voyage trajet vol vols retour partis parti partie arrive arrivee arrives revenu rentre evacues fui " +
		"depart distance")
	// "à" after one of these gives to the government: "des aides à Kiev"
	giving = set("aide aides soutien livraisons armes missiles ultimatum message demande appel reproche reproches rappel promis " +
		"fourni livre accorde propose offert repondu reponse adresse lance signale permis autorise")
	// "sur"/"on" after one of these: "frappes sur Kiev", "strikes on Kyiv"
	attacks = set("frappe frappes attaque attaques missiles drones raid raids tirs offensive bombardements strike strikes attack " +
		"attacks assault advance march marche fondu pluie")
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
	// "the Kyiv region", "Moscow oblast"
	if j < len(ws) && regionWords[keys[j]] && adjacent(text, ws, j) {
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

// set makes a word list into a set; "_" stands for a space inside an
// entry ("porte_parole"). Lists are written as strings rather than map
// literals because literals compile to much more code.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}
