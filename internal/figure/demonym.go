package figure

import (
	"strings"
	"sync"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/entity"
)

// demonymOf: the people or country a counted noun phrase names as its
// own, "180 Iranian soldiers", "4,250 North Korean troops" (capitalised
// before the head in English) or "1 500 soldats nord-coréens" (an adjective
// after it in French). The words must name a country or people in the
// entity lexicon: "20 Patriot missiles" names a model, not an actor.
func demonymOf(toks []token, from, hd int) string {
	if allCaps(toks) {
		return ""
	}
	// English: the capitalised run right before the head
	s := hd
	for s > from && s-1 >= 0 && toks[s-1].kind == tWord && isCap(toks[s-1].text) && !months[toks[s-1].lower] && !weekdays[toks[s-1].lower] {
		s--
	}
	if s < hd {
		if p := phrase(toks, s, hd); p != "" && namesPeople(p) != nil {
			return p
		}
	}
	// French: a lower-case adjective right after the head
	if a := hd + 1; a < len(toks) && toks[a].kind == tWord && !isCap(toks[a].text) && len(toks[a].text) > 3 && toks[hd].spaceAfter == " " {
		w := toks[a].text
		if !demonymShape(toks[a].lower) {
			return ""
		}
		if namesPeople(w) != nil {
			return w
		}
		// the lexicon may hold only the singular of a plural adjective
		// ("turcs"): the country's name then, which links
		if e := namesPeople(strings.TrimSuffix(w, "s")); e != nil && strings.HasSuffix(w, "s") {
			return e.NameFr
		}
	}
	return ""
}

// namesPeople: the whole of p is one country's or people's name or
// demonym; its entity, or nil.
func namesPeople(p string) *dossier.Entity {
	if e, ok := peopleCache.get(p); ok {
		return e
	}
	e := lookupPeople(p)
	peopleCache.put(p, e)
	return e
}

func lookupPeople(p string) *dossier.Entity {
	l, err := entity.Default()
	if err != nil || l == nil {
		return nil
	}
	ms, _ := l.Find(p)
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(p) || ms[0].Type != dossier.EntityCountry && ms[0].Type != dossier.EntityOrganisation {
		return nil
	}
	e, ok := l.Entity(ms[0].Entity)
	if !ok {
		return nil
	}
	return e
}

// peopleCache keeps the lexicon's answers for the words asked most: the
// adjectives after counted nouns repeat across articles. Bounded, so a
// long run over many texts keeps its memory.
var peopleCache = &wordCache{m: map[string]*dossier.Entity{}}

type wordCache struct {
	mu sync.RWMutex
	m  map[string]*dossier.Entity
}

func (c *wordCache) get(w string) (*dossier.Entity, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.m[w]
	return e, ok
}

func (c *wordCache) put(w string, e *dossier.Entity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) < 8192 {
		c.m[w] = e
	}
}

// namesEntity: w alone is a name in the entity lexicon ("Iran", "Pyongyang").
func namesEntity(w string) bool {
	l, err := entity.Default()
	if err != nil || l == nil {
		return false
	}
	ms, _ := l.Find(w)
	return len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(w)
}

// demonymShape: a cheap test before the lexicon's: participles and verb
// forms ("soldats blessés", "personnes manifestent") are no demonyms.
func demonymShape(w string) bool {
	if isParticiple(w) {
		return false
	}
	for _, suf := range []string{"ent", "ont", "ait", "aient", "er", "ir", "ment", "eux", "euse", "euses", "if", "ifs", "ive", "ives", "ées"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}
