package entity

import (
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"golang.org/x/text/unicode/norm"
)

// The JSON files are packed (gzip) to keep the binary small; see gen/pack.
//
//go:generate go run ./gen/pack data/countries.json data/curated.json
//go:embed data/countries.json.gz data/curated.json.gz
var data embed.FS

// alias is one way of naming an entity, as normalised tokens.
type alias struct {
	toks   []string
	entity *dossier.Entity
	form   string
	exact  bool // acronyms: the case must match ("UN" is not "un")
	lower  bool // may be written in lower case (adjectives, "renseignements sud-coréens")
	orig   []string
	// weak: a gazetteer town or region, not taken when it reads as part
	// of a longer name ("Florence Parly", "Victoria Beckham")
	weak bool
	// metonym: the country a capital stands for when it acts
	// ("Moscou a annoncé"); the alias's entity is the city
	metonym *dossier.Entity
}

// Linker finds and links entity mentions. It is safe for concurrent use.
type Linker struct {
	entities map[string]*dossier.Entity
	byFirst  map[string][]*alias // by first normalised token, longest first
}

var (
	defaultOnce   sync.Once
	defaultLinker *Linker
	defaultErr    error
)

// Default returns the linker over the embedded data.
func Default() (*Linker, error) {
	defaultOnce.Do(func() { defaultLinker, defaultErr = load() })
	return defaultLinker, defaultErr
}

type country struct {
	ISO      string   `json:"iso"`
	En       string   `json:"en"`
	Fr       string   `json:"fr"`
	Aliases  []string `json:"aliases"`
	Demonyms []string `json:"demonyms"`
	Capital  []string `json:"capital"`
}

type curatedEntity struct {
	ID      string   `json:"id"`
	En      string   `json:"en"`
	Fr      string   `json:"fr"`
	Aliases []string `json:"aliases"`
	Country string   `json:"country"`
	QID     string   `json:"qid"`
	Role    string   `json:"role"`
}

type curated struct {
	CapitalsFr    map[string][]string `json:"capitals_fr"`
	CountryExtra  map[string][]string `json:"country_extra"`
	DemonymsExtra map[string][]string `json:"demonyms_extra"`
	Places        []curatedEntity     `json:"places"`
	Organisations []curatedEntity     `json:"organisations"`
	Outlets       []curatedEntity     `json:"outlets"`
	People        []curatedEntity     `json:"people"`
}

func load() (*Linker, error) {
	var cs []country
	var cu curated
	for name, v := range map[string]any{"data/countries.json.gz": &cs, "data/curated.json.gz": &cu} {
		b, err := readPacked(name)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, v); err != nil {
			return nil, fmt.Errorf("entity data %s: %w", name, err)
		}
	}
	l := &Linker{entities: map[string]*dossier.Entity{}, byFirst: map[string][]*alias{}}
	for _, c := range cs {
		e := &dossier.Entity{ID: "country:" + c.ISO, Type: dossier.EntityCountry, Name: c.En, NameFr: c.Fr, ISO: c.ISO}
		l.entities[e.ID] = e
		for _, a := range append(c.Aliases, cu.CountryExtra[c.ISO]...) {
			l.add(e, a, "name")
		}
		for _, d := range append(c.Demonyms, cu.DemonymsExtra[c.ISO]...) {
			for _, f := range demonymForms(d) {
				l.add(e, f, "demonym")
			}
		}
		for _, a := range append(c.Capital, cu.CapitalsFr[c.ISO]...) {
			l.add(e, a, "capital")
		}
	}
	// in a fixed order, so that a name two lists share always goes the same way
	for _, group := range []struct {
		typ  dossier.EntityType
		list []curatedEntity
	}{{dossier.EntityPlace, cu.Places}, {dossier.EntityOrganisation, cu.Organisations}, {dossier.EntityOutlet, cu.Outlets}, {dossier.EntityPerson, cu.People}} {
		typ := group.typ
		for _, c := range group.list {
			e := &dossier.Entity{ID: c.ID, Type: typ, Name: c.En, NameFr: c.Fr, QID: c.QID, Country: c.Country}
			l.entities[e.ID] = e
			for _, a := range append([]string{c.En, c.Fr}, c.Aliases...) {
				form := "name"
				if typ == dossier.EntityPerson && len(strings.Fields(a)) == 1 {
					form = "surname"
				}
				l.add(e, a, form)
			}
		}
	}
	if err := l.loadGazetteer(); err != nil {
		return nil, err
	}
	for _, e := range l.entities {
		sort.Strings(e.Aliases)
	}
	for k, as := range l.byFirst {
		sort.SliceStable(as, func(i, j int) bool { return len(as[i].toks) > len(as[j].toks) })
		l.byFirst[k] = as
	}
	return l, nil
}

// readPacked reads an embedded gzipped data file.
func readPacked(name string) ([]byte, error) {
	f, err := data.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("entity data %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("entity data %s: %w", name, err)
	}
	return b, nil
}

// demonymForms: a French adjective in its four forms; English as is.
func demonymForms(d string) []string {
	lower := strings.ToLower(d[:1]) + d[1:]
	forms := []string{d, lower}
	if strings.ContainsAny(d, "éèàç") || strings.HasSuffix(lower, "ien") || strings.HasSuffix(lower, "ais") || strings.HasSuffix(lower, "e") || strings.HasSuffix(lower, "éen") {
		for _, f := range []string{lower, d} {
			if !strings.HasSuffix(f, "s") {
				forms = append(forms, f+"s")
			}
		}
	}
	if r, _ := utf8.DecodeRuneInString(d); unicode.IsUpper(r) && strings.HasSuffix(d, "n") && !strings.ContainsAny(d, "éè") {
		forms = append(forms, d+"s") // "North Koreans", "Russians"
	}
	if strings.HasSuffix(lower, "en") && !strings.HasSuffix(lower, "éen") {
		forms = append(forms, lower+"ne", lower+"nes")
	}
	return forms
}

// add files name as an alias of e and returns it (nil for no name).
func (l *Linker) add(e *dossier.Entity, name, form string) *alias {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	toks := words(name)
	if len(toks) == 0 {
		return nil
	}
	a := &alias{entity: e, form: form}
	for _, t := range toks {
		a.toks = append(a.toks, key(t.text))
		a.orig = append(a.orig, t.text)
	}
	first := toks[0].text
	r, _ := utf8.DecodeRuneInString(first)
	a.lower = unicode.IsLower(r) || form == "demonym" && unicode.IsLower(r)
	a.exact = isAcronym(first) && len(toks) == 1
	for _, x := range l.byFirst[a.toks[0]] {
		if x.entity == e && x.exact == a.exact && x.lower == a.lower && slices.Equal(x.toks, a.toks) {
			return x
		}
	}
	l.byFirst[a.toks[0]] = append(l.byFirst[a.toks[0]], a)
	if form != "demonym" {
		found := false
		for _, x := range e.Aliases {
			if x == name {
				found = true
			}
		}
		if !found {
			e.Aliases = append(e.Aliases, name)
		}
	}
	return a
}

func isAcronym(s string) bool {
	up := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2 || (up == 1 && utf8.RuneCountInString(s) <= 2)
}

// Entity returns a known entity by id.
func (l *Linker) Entity(id string) (*dossier.Entity, bool) {
	e, ok := l.entities[id]
	return e, ok
}

// Entities returns all known entities.
func (l *Linker) Entities() []*dossier.Entity {
	out := make([]*dossier.Entity, 0, len(l.entities))
	for _, e := range l.entities {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// word is a token of text with its offsets.
type word struct {
	text       string
	start, end int
}

// words splits text into words: letters, digits, inner hyphens, points of
// acronyms ("U.S."); an elided article keeps its apostrophe ("l’", "d'").
func words(s string) []word {
	out := make([]word, 0, len(s)/6)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += n
				continue
			}
			if r == '.' && i+n < len(s) && i > start && isAcronym(s[start:i]) {
				r2, _ := utf8.DecodeRuneInString(s[i+n:])
				if unicode.IsUpper(r2) { // "U.S."
					i += n
					continue
				}
			}
			if r == '\'' || r == '’' {
				if w := strings.ToLower(s[start:i]); len(w) <= 5 && (w == "l" || w == "d" || w == "qu" || w == "jusqu" || w == "n" || w == "s" || w == "c" || w == "lorsqu" || w == "puisqu") {
					i += n
				}
			}
			break
		}
		out = append(out, word{s[start:i], start, i})
	}
	return out
}

// key normalises a token for matching: case and accents folded.
func key(s string) string {
	// most tokens are plain ASCII: fold them without Unicode normalisation
	ascii, plain := true, true
	for i := 0; i < len(s) && ascii; i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case 'A' <= c && c <= 'Z', c == '-', c == '.':
			plain = false
		}
	}
	if ascii {
		if plain {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c == '-':
				b[i] = ' '
			}
		}
		return strings.TrimSuffix(string(b), ".")
	}
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '-' || r == '’' {
			r = map[rune]rune{'-': ' ', '’': '\''}[r]
		}
		b.WriteRune(r)
	}
	return strings.TrimSuffix(b.String(), ".")
}

// Slug makes an id part out of a name: "Kim Jong-Un" is "kim-jong-un".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range key(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
