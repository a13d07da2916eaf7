package series

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
)

// Doc is an article as series sees it: the article with its figures,
// mentions and entities, the story it is in, its date (stated or
// estimated) and the original it copies, if any.
type Doc struct {
	Article       *dossier.Article
	Story         string
	Date          string
	DateEstimated bool
	// CopyOf is the article (or outside source) this one copies, relays
	// or translates, followed to the first original.
	CopyOf string
}

// Key is what makes claims one quantity.
type Key struct {
	Subject     string // entity id, or "" when no actor is known
	SubjectName string // the entity's name, for titles
	Concept     string
	Event       string
	// Place is left empty: within one story the places a count is given
	// for ("la Loire", "le Loiret", "Kursk", "la Russie") are those of one
	// event more often than of two quantities (measured on the example
	// corpus and the seeds); the field stays for stores that have it.
	Place string
	Unit  string
	// Scope is the story (the first, by id) a series of the key is in: a
	// key's claims make one series per coverage (see Index).
	Scope string
}

// String is the key as one string; ID hashes it.
func (k Key) String() string {
	return strings.Join([]string{k.Subject, k.Concept, k.Event, k.Place, k.Unit}, "|")
}

// Title is a readable name: "North Korea — soldiers sent".
func (k Key) Title() string {
	what := plural(k.Concept)
	if k.Unit != "" && k.Concept == "" {
		what = k.Unit
	}
	if e := eventNames[k.Event]; e != "" {
		what += " " + e
	} else if k.Event != "" {
		what += " (" + k.Event + ")"
	}
	who := k.SubjectName
	if who == "" {
		who = k.Subject
	}
	if k.Place != "" {
		if who != "" {
			who += ", "
		}
		who += k.Place
	}
	if who == "" {
		return what
	}
	return who + " — " + what
}

// Item is a claim with its key.
type Item struct {
	Claim dossier.Claim
	Key   Key
}

// origin ranks: an outlet the sentence names beats a source entity,
// which beats the words of a source; the article itself comes last.
const (
	rankArticle = iota
	rankWords
	rankEntity
	rankOutlet
)

// sameSource: words that name the source of the figure before ("selon la
// même source", "a précisé le ministère", "the ministry added").
var sameSource = regexp.MustCompile(`^(?:la même source|les mêmes sources|cette même source|the same sources?|that source|these sources|(?:le|la|les|l'|l’|the) ?(?:ministère|ministry|ministre|minister|institut|institute|agence|agency|responsables?|officials?|autorités|authorities|armée|army|porte-parole|spokesman|spokeswoman|spokesperson|league|ligue|gouvernement|government))$`)

var incrementWords = regexp.MustCompile(`(?i)^[\s,]*(?:soldats?\s+|troupes?\s+|troops?\s+|soldiers?\s+)?(?:supplémentaires?|additionnel(?:le)?s?|de plus|en plus|additional|more\b|extra\b|further\b|en renfort)`)
var incrementInside = regexp.MustCompile(`(?i)\b(?:supplémentaires?|additionnel(?:le)?s?|additional|extra|further|nouveaux|nouvelles|new)\b|\d\s+more\b`)

// inheritWindow is how many figures of one concept on each side a
// figure without an event or actor looks at to inherit them.
const inheritWindow = 64

// Claims returns the claims of a document's figures that can join a
// series, with their keys. Durations and figures that count nothing
// named are left out: they are no quantity of the coverage.
func Claims(d Doc) []Item {
	a := d.Article
	ents := map[string]dossier.Entity{}
	for _, e := range a.Entities {
		ents[e.ID] = e
	}
	type pending struct {
		item  Item
		rank  int
		start int
	}
	var ps []pending
	mx := newMentionIndex(a.Mentions)
	for i, f := range a.Figures {
		if f.Kind == dossier.KindDuration || (f.Thing == "" && f.Unit == "") || f.Modality == "" && f.Bound == "" {
			continue
		}
		if f.Value == nil && f.Low == nil && f.High == nil {
			continue
		}
		lo, hi := sentenceOf(a, f)
		c := dossier.Claim{
			ID: a.ID + "#" + strconv.Itoa(i), Article: a.ID, Input: a.Input, Outlet: a.Outlet, Lang: a.Lang, Story: d.Story,
			Date: d.Date, DateEstimated: d.DateEstimated, Text: f.Text, Sentence: f.Sentence, Start: f.Start, End: f.End, Field: f.Field,
			Value: f.Value, Low: f.Low, High: f.High, Bound: f.Bound, Modality: f.Modality, Source: f.Source, SourceID: f.SourceID,
			Time: f.Time, CopyOf: d.CopyOf,
		}
		c.Increment = isIncrement(a, f)
		k := Key{Concept: Concept(f.Thing, f.Gloss), Event: Event(f.Event, f.Thing, f.Gloss)}
		if f.Kind == dossier.KindMoney || f.Kind == dossier.KindPercent || f.Kind == dossier.KindMeasure {
			k.Unit = unitOf(f.Unit)
			if f.Thing == "" {
				k.Concept = ""
			}
		}
		k.Subject, k.SubjectName = subjectOf(a, f, ents, mx, lo, hi, k.Event)
		if k.Subject == "" {
			k.Subject, k.SubjectName = demonymOf(f, ents, mx)
		}
		rank := rankArticle
		if o := outletNamed(a, mx, lo, hi); o != "" {
			c.Origin, rank = o, rankOutlet
		} else if f.SourceID != "" {
			c.Origin, rank = f.SourceID, rankEntity
		} else if s := strings.ToLower(strings.TrimSpace(f.Source)); s != "" && !sameSource.MatchString(s) {
			c.Origin, rank = "src:"+s, rankWords
		} else if s != "" && len(ps) > 0 {
			// "selon la même source": the source of the figure before
			prev := ps[len(ps)-1]
			c.Origin, rank = prev.item.Claim.Origin, prev.rank
		}
		ps = append(ps, pending{Item{c, k}, rank, f.Start})
	}
	// A figure without an event or an actor takes them from the figure of
	// the same concept nearest to it in the article, preferring one with
	// the same number: articles name the actor once and then count.
	// The candidates are the figures of the same concept and unit, at
	// most inheritWindow of them either side: the actor is named near,
	// and an article with thousands of figures of one concept stays
	// linear instead of comparing every figure with every other.
	groups := map[[2]string][]int{}
	pos := make([]int, len(ps))
	for i := range ps {
		g := [2]string{ps[i].item.Key.Concept, ps[i].item.Key.Unit}
		pos[i] = len(groups[g])
		groups[g] = append(groups[g], i)
	}
	inherit := func(i int, need func(o Key) bool) int {
		k := ps[i].item.Key
		best, bestScore := -1, 0
		g := groups[[2]string{k.Concept, k.Unit}]
		for _, j := range g[max(0, pos[i]-inheritWindow):min(len(g), pos[i]+inheritWindow+1)] {
			o := ps[j].item.Key
			if j == i || !need(o) {
				continue
			}
			if k.Event != "" && o.Event != "" && o.Event != k.Event || k.Subject != "" && o.Subject != "" && o.Subject != k.Subject {
				continue
			}
			score := 1_000_000 - abs(ps[j].start-ps[i].start)
			if sameNumbers(ps[i].item.Claim, ps[j].item.Claim) {
				score += 1_000_000
			}
			if score > bestScore {
				best, bestScore = j, score
			}
		}
		return best
	}
	for pass := 0; pass < 2; pass++ { // twice: a figure may pass on what it took
		for i := range ps {
			k := &ps[i].item.Key
			if k.Event == "" {
				if j := inherit(i, func(o Key) bool { return o.Event != "" }); j >= 0 {
					k.Event = ps[j].item.Key.Event
				}
			}
			if k.Subject == "" {
				if j := inherit(i, func(o Key) bool { return o.Subject != "" }); j >= 0 {
					k.Subject, k.SubjectName = ps[j].item.Key.Subject, ps[j].item.Key.SubjectName
				}
			}
		}
	}
	// A headline restates the body in fewer words ("Soudan : 4 500 soldats
	// déployés" names the place, not the actor): a headline figure with
	// the number and concept of a body figure is that figure's quantity.
	for i := range ps {
		if ps[i].item.Claim.Field != "title" {
			continue
		}
		for j := range ps {
			if ps[j].item.Claim.Field != "title" && ps[j].item.Key.Concept == ps[i].item.Key.Concept &&
				ps[j].item.Key.Unit == ps[i].item.Key.Unit && sameNumbers(ps[i].item.Claim, ps[j].item.Claim) {
				ps[i].item.Key = ps[j].item.Key
				break
			}
		}
	}
	out := make([]Item, len(ps))
	for i := range ps {
		out[i] = ps[i].item
	}
	// An article repeating a number of one quantity repeats one report:
	// the repetitions share the best-named origin among them.
	fallback := "article:" + a.ID
	if d.CopyOf != "" {
		fallback = "article:" + d.CopyOf
	}
	// The repetitions are found by grouping on the key and the numbers,
	// not by comparing every claim with every other: an article of
	// thousands of figures stays linear.
	type repeat struct {
		key     Key
		numbers string
	}
	group := make([]repeat, len(out))
	best := map[repeat]int{}                  // the first claim of the best rank above the article's
	last := map[repeat]*[rankOutlet + 1]int{} // the last claim of each rank
	for j := range out {
		g := repeat{out[j].Key, numbersOf(out[j].Claim)}
		group[j] = g
		if b, ok := best[g]; ps[j].rank > rankArticle && (!ok || ps[j].rank > ps[b].rank) {
			best[g] = j
		}
		l := last[g]
		if l == nil {
			l = &[rankOutlet + 1]int{-1, -1, -1, -1}
			last[g] = l
		}
		l[ps[j].rank] = j
	}
	for i := range out {
		if out[i].Claim.Origin != "" && ps[i].rank > rankArticle {
			continue
		}
		origin := ""
		if j, ok := best[group[i]]; ok {
			origin = out[j].Claim.Origin
		}
		if origin == "" {
			origin = fallback
		}
		out[i].Claim.Origin = origin
	}
	// a claim takes the origin of the last repetition of a better rank
	for i := range out {
		l, j := last[group[i]], -1
		for r := ps[i].rank + 1; r < len(l); r++ {
			j = max(j, l[r])
		}
		if j >= 0 {
			out[i].Claim.Origin = out[j].Claim.Origin
		}
	}
	return out
}

// numbersOf is what sameNumbers compares, as a key: two claims have the
// same numbers exactly when their numbersOf are equal (but for NaN).
func numbersOf(c dossier.Claim) string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		if *p == 0 {
			return "0" // and -0
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	if c.Value != nil {
		return "v" + f(c.Value)
	}
	return "r" + f(c.Low) + " " + f(c.High)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// sentenceOf returns the byte span of the clean text sentence a figure
// is in; a headline figure has none.
func sentenceOf(a *dossier.Article, f dossier.Figure) (int, int) {
	if f.Field == "title" {
		return -1, -1
	}
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > f.Start })
	if i < len(a.Sentences) && a.Sentences[i].Start <= f.Start {
		return a.Sentences[i].Start, a.Sentences[i].End
	}
	return f.Start, f.End
}

// subjectOf links the figure's subject to an entity. A phrase the
// extractor linked to an outlet ("Bloomberg La Corée du Nord") is the
// outlet reporting, not the actor: the other entity named in the phrase is
// taken. A head of state sending or supplying acts for the country.
func subjectOf(a *dossier.Article, f dossier.Figure, ents map[string]dossier.Entity, mx mentionIndex, lo, hi int, event string) (string, string) {
	id := f.SubjectID
	if e, ok := ents[id]; id != "" && ok && e.Type == dossier.EntityOutlet || id == "" && f.Subject != "" {
		id = ""
		if lo >= 0 {
			if m, ok := mx.first(lo, hi, func(m dossier.Mention) bool {
				return m.End <= hi && m.Type != dossier.EntityOutlet && strings.Contains(f.Subject, m.Text)
			}); ok {
				id = m.Entity
			}
		}
	}
	if id == "" {
		return "", ""
	}
	e, ok := ents[id]
	if ok && e.Type == dossier.EntityPerson && e.Country != "" && (event == "send" || event == "supply") {
		id = "country:" + e.Country
		e, ok = ents[id]
		if !ok {
			return id, ""
		}
	}
	if !ok {
		return id, ""
	}
	if e.Type == dossier.EntityPlace {
		return "", "" // a town or a region counts no one: it is where, not who
	}
	return id, e.Name
}

// outletNamed returns the outlet the figure's sentence names as carrying
// the report ("selon Bloomberg", "pour l'agence de presse Bloomberg"),
// other than the article's own outlet.
func outletNamed(a *dossier.Article, mx mentionIndex, lo, hi int) string {
	if lo < 0 {
		return ""
	}
	own := strings.ToLower(a.Outlet)
	m, _ := mx.first(lo, hi, func(m dossier.Mention) bool {
		return m.End <= hi && m.Type == dossier.EntityOutlet && strings.ToLower(m.Text) != own
	})
	return m.Entity
}

// mentionIndex finds the mentions that start in a span without reading
// them all: a long article has about as many mentions as figures, and
// looking through every mention for every figure is quadratic in its size.
type mentionIndex struct {
	ms    []dossier.Mention
	order []int // indices of ms by start
}

func newMentionIndex(ms []dossier.Mention) mentionIndex {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return ms[order[i]].Start < ms[order[j]].Start })
	return mentionIndex{ms, order}
}

// first returns, of the mentions starting in [lo, hi] for which ok holds,
// the first in the article's order of mentions.
func (x mentionIndex) first(lo, hi int, ok func(dossier.Mention) bool) (dossier.Mention, bool) {
	best := -1
	for k := sort.Search(len(x.order), func(k int) bool { return x.ms[x.order[k]].Start >= lo }); k < len(x.order); k++ {
		i := x.order[k]
		if x.ms[i].Start > hi {
			break
		}
		if (best < 0 || i < best) && ok(x.ms[i]) {
			best = i
		}
	}
	if best < 0 {
		return dossier.Mention{}, false
	}
	return x.ms[best], true
}

func isIncrement(a *dossier.Article, f dossier.Figure) bool {
	if incrementInside.MatchString(f.Text) {
		return true
	}
	if f.Field != "" || f.End > len(a.Text) || f.End < 0 {
		return false
	}
	after := a.Text[f.End:min(len(a.Text), f.End+40)]
	return incrementWords.MatchString(after)
}

// demonymOf: "180 Iranian soldiers", "1 500 soldats nord-coréens" name
// their actor inside the figure's noun phrase.
func demonymOf(f dossier.Figure, ents map[string]dossier.Entity, mx mentionIndex) (string, string) {
	if f.Field != "" {
		return "", ""
	}
	if m, ok := mx.first(f.Start, f.End+2, func(m dossier.Mention) bool {
		return m.Type == dossier.EntityCountry && m.Form == "demonym"
	}); ok {
		return m.Entity, ents[m.Entity].Name
	}
	return "", ""
}
