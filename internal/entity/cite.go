package entity

import (
	"net/url"
	"strings"

	"github.com/dossier-news/dossier"
)

// citeCues: words before an outlet that say the article takes from it.
var citeCues = map[string]string{
	"selon": "cites", "d'apres": "cites", "according": "cites", "rapporte": "cites", "rapportent": "cites",
	"cite": "cites", "citing": "cites", "citant": "cites", "rapporter": "cites", "pour": "cites", "told": "cites",
	"releve": "cites", "relaye": "relays", "relayee": "relays", "relayes": "relays", "relayed": "relays", "repris": "relays",
	"via": "relays", "a": "cites", "reported": "cites", "by": "cites", "par": "cites",
}

// citeAfter: verbs after an outlet that say the article takes from it ("AFP reported").
var citeAfter = set("reported reports said rapporte indique a affirme revele")

// Citations finds the outlets an article cites or relays, and its source
// link, in text order; the provenance chain reads from the first to the
// article ("Bloomberg, relayed by Géo").
func (l *Linker) Citations(text string, mentions []dossier.Mention, sourceURL string) []dossier.Citation {
	var out []dossier.Citation
	seen := map[string]bool{}
	ws := words(text)
	index := map[int]int{} // start offset -> word index
	for i, w := range ws {
		index[w.start] = i
	}
	for _, m := range mentions {
		if m.Type != dossier.EntityOutlet {
			continue
		}
		i, ok := index[m.Start]
		if !ok {
			continue
		}
		kind := ""
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if c, ok := citeCues[key(strings.TrimRight(ws[k].text, "'’"))]; ok && (kind == "" || c == "relays") {
				kind = c // "relayé par le magazine Géo": relays wins over "par"
			}
		}
		// "(AFP)": an agency credit
		if kind == "" && m.Start > 0 && m.End < len(text) && text[m.Start-1] == '(' && text[m.End] == ')' {
			kind = "cites"
		}
		if kind == "" {
			j := i + len(words(m.Text))
			if j < len(ws) && citeAfter[key(ws[j].text)] {
				kind = "cites"
			}
		}
		if kind == "" || seen[m.Entity+kind] {
			continue
		}
		seen[m.Entity+kind] = true
		name := m.Text
		if e, ok := l.entities[m.Entity]; ok {
			name = e.Name
		}
		out = append(out, dossier.Citation{Entity: m.Entity, Name: name, Kind: dossier.CitationKind(kind), Text: context(text, ws, i)})
	}
	if sourceURL != "" {
		c := dossier.Citation{Name: sourceURL, Kind: "source", Text: sourceURL}
		if u, err := url.Parse(sourceURL); err == nil && u.Host != "" {
			host := strings.TrimPrefix(u.Hostname(), "www.")
			c.Name = host
			label := host
			if k := strings.IndexByte(host, '.'); k > 0 {
				label = host[:k]
			}
			for _, cand := range []string{host, label} {
				if as := l.byFirst[key(cand)]; len(as) > 0 {
					for _, a := range as {
						if len(a.toks) == 1 && a.entity.Type == dossier.EntityOutlet {
							c.Entity, c.Name = a.entity.ID, a.entity.Name
						}
					}
				}
				if c.Entity != "" {
					break
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// context is a few words around word i.
func context(text string, ws []word, i int) string {
	a, b := max(0, i-4), min(len(ws)-1, i+3)
	return text[ws[a].start:ws[b].end]
}
