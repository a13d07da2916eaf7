package ingest

import (
	"fmt"
	"sort"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/story"
)

// prefetch reads from the state, in a few keyed reads for the whole
// batch, what relating its articles needs and the working set lacks: the
// profiles of the articles (an article already related is left alone),
// the articles of the same clean text, the candidate lists of copy
// detection and story clustering with the profiles and stories in them,
// the term counts, and the series of the claims' topics. Whatever the
// articles need beyond it (a key term that moved as the batch's own
// articles were counted) the clusterer asks for one article at a time.
func (r *Relater) prefetch(arts []*dossier.Article, profiles []dedupe.Profile, docs []story.Doc, analysed bool) error {
	if r.state == nil {
		return nil
	}
	ctx := r.ctx
	var ids []string
	var sigs []uint64
	for i, a := range arts {
		if a.Deferred {
			continue
		}
		if _, ok := r.det.Profile(a.ID); !ok {
			ids = append(ids, a.ID)
		}
		if k := sigKey(profiles[i].Sig); r.exact[k] == "" {
			if _, looked := r.exact[k]; !looked {
				sigs = append(sigs, k)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if err := r.loadProfiles(ids); err != nil {
		return err
	}
	same, err := r.state.SameText(ctx, sigs)
	if err != nil {
		return err
	}
	for _, k := range sigs {
		if _, ok := r.exact[k]; !ok {
			r.exact[k] = same[k] // "" when none
		}
	}
	// copy detection: the lists, by kind (each read up to its bound)
	byKind := map[dossier.PostingKind][]dossier.PostingKey{}
	seen := map[dossier.PostingKey]bool{}
	for i, a := range arts {
		if a.Deferred {
			continue
		}
		for _, k := range r.det.Missing(profiles[i]) {
			if !seen[k] {
				seen[k] = true
				byKind[k.Kind] = append(byKind[k.Kind], k)
			}
		}
	}
	var need []string
	for kind, keys := range byKind {
		got, err := r.state.Postings(ctx, keys, dedupe.Bound(kind))
		if err != nil {
			return err
		}
		for _, k := range keys {
			r.det.LoadPostings(k, got[k])
			for _, id := range got[k] {
				if _, ok := r.det.Profile(id); !ok {
					need = append(need, id)
				}
			}
		}
	}
	if err := r.loadProfiles(need); err != nil {
		return err
	}
	// story clustering: term counts, then the lists of the entities and
	// key terms by the counts known now
	var terms []string
	for i, a := range arts {
		if !a.Deferred {
			terms = append(terms, story.Terms(docs[i])...)
		}
	}
	storySource{r}.Terms(r.clu, terms)
	var ents, keys []string
	for i, a := range arts {
		if !a.Deferred {
			ents = append(ents, docs[i].Entities...)
			keys = append(keys, r.clu.KeyTerms(docs[i])...)
		}
	}
	storySource{r}.Lists(r.clu, ents, keys)
	if r.err != nil {
		return r.err
	}
	// series: the topics of the claims, and for analysed articles the
	// series their claims were in before
	var topics []dossier.SeriesTopic
	for _, a := range arts {
		if !a.Deferred {
			topics = append(topics, series.Topics(series.Doc{Article: a})...)
		}
	}
	if missing := r.ser.Missing(topics); len(missing) > 0 {
		got, err := r.state.SeriesOfTopics(ctx, missing)
		if err != nil {
			return err
		}
		r.loadSeries(got)
	}
	if analysed {
		got, err := r.state.SeriesOfArticles(ctx, ids)
		if err != nil {
			return err
		}
		r.loadSeries(got)
	}
	return nil
}

// loadSeries puts stored series in the index, once each.
func (r *Relater) loadSeries(all []dossier.Series) {
	for _, s := range all {
		r.ser.Load(s)
	}
}

// loadProfiles loads the saved profiles of these articles, once each.
func (r *Relater) loadProfiles(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	got, err := r.state.CopyProfiles(r.ctx, uniq(ids))
	if err != nil {
		return err
	}
	for id, cp := range got {
		p, err := dedupe.DecodeProfile(cp.Data)
		if err != nil {
			return fmt.Errorf("copy profile of %s: %w", id, err)
		}
		p.ID = id
		r.det.LoadProfile(p)
		r.exact[cp.Signature] = firstNonEmpty(r.exact[cp.Signature], id)
	}
	return nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// uniq returns the distinct strings of l, sorted, leaving l alone.
func uniq(l []string) []string {
	l = append([]string(nil), l...)
	sort.Strings(l)
	out := l[:0]
	for i, s := range l {
		if i == 0 || s != l[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// storySource reads what the clusterer lacks from the relater's state; a
// failed read is kept in the relater, which returns it after the article.
type storySource struct{ r *Relater }

func (s storySource) fail(err error) {
	if s.r.err == nil {
		s.r.err = err
	}
}

func (s storySource) Terms(c *story.Clusterer, terms []string) {
	terms = uniq(terms)
	tc, err := s.r.state.TermCounts(s.r.ctx, terms)
	if err != nil {
		s.fail(err)
		return
	}
	c.LoadTerms(terms, tc.DF, tc.Docs)
}

func (s storySource) Lists(c *story.Clusterer, ents, terms []string) {
	ents, terms = uniq(ents), uniq(terms)
	keys := make([]dossier.PostingKey, 0, len(ents)+len(terms))
	for _, e := range ents {
		keys = append(keys, story.EntityKey(e))
	}
	for _, t := range terms {
		keys = append(keys, story.TermKey(t))
	}
	got, err := s.r.state.Postings(s.r.ctx, keys, story.MaxCandidates)
	if err != nil {
		s.fail(err)
		return
	}
	var ids []string
	for _, l := range got {
		ids = append(ids, l...)
	}
	s.Stories(c, ids)
	for i, e := range ents {
		c.LoadList(e, false, got[keys[i]])
	}
	for i, t := range terms {
		c.LoadList(t, true, got[keys[len(ents)+i]])
	}
}

func (s storySource) Stories(c *story.Clusterer, ids []string) {
	if len(ids) == 0 {
		return
	}
	got, err := s.r.state.StoryProfiles(s.r.ctx, uniq(ids))
	if err != nil {
		s.fail(err)
		return
	}
	states := make([]*story.State, 0, len(got))
	for id, p := range got {
		st, err := story.DecodeState(p.Data)
		if err != nil {
			s.fail(fmt.Errorf("story profile of %s: %w", id, err))
			return
		}
		states = append(states, st)
	}
	c.LoadStories(states)
}

func (s storySource) Recent(c *story.Clusterer, n int) {
	ids, err := s.r.state.RecentStories(s.r.ctx, n)
	if err != nil {
		s.fail(err)
		return
	}
	s.Stories(c, ids)
	c.LoadRecent(ids)
}
