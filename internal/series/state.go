package series

import "github.com/dossier-news/dossier"

// An index holds the series of the topics loaded into it (Load), which
// is all an article's claims need: ingest loads the topics of a batch's
// claims from the store before adding them (Topics, Missing), and Resets
// the index between batches when it grows, so that its memory does not
// grow with the store.

// Topics returns the topics of a document's claims, each once.
func Topics(d Doc) []dossier.SeriesTopic {
	var out []dossier.SeriesTopic
	seen := map[dossier.SeriesTopic]bool{}
	for _, it := range Claims(d) {
		t := dossier.SeriesTopic{Subject: it.Key.Subject, Thing: it.Key.Concept, Unit: it.Key.Unit}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Missing returns the topics never marked loaded, and marks them: the
// caller loads their stored series.
func (ix *Index) Missing(ts []dossier.SeriesTopic) []dossier.SeriesTopic {
	if ix.loaded == nil {
		ix.loaded = map[dossier.SeriesTopic]bool{}
	}
	var out []dossier.SeriesTopic
	for _, t := range ts {
		if !ix.loaded[t] {
			ix.loaded[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Claims is the number of claims held.
func (ix *Index) Claims() int {
	n := 0
	for _, g := range ix.groups {
		n += len(g.claims)
	}
	return n
}

// Reset empties the index: take the changes first (Take).
func (ix *Index) Reset() {
	*ix = *NewIndex()
}
