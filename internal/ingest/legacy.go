package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/story"
)

// legacyState is a store that may hold the state of versions that loaded
// it whole at start (opaque values by kind and key).
type legacyState interface {
	LegacyState(ctx context.Context, kind string) (map[string][]byte, error)
	DropLegacyState(ctx context.Context) error
}

// upgradeState rebuilds, once, the state read by key from the state an
// earlier version saved: copy profiles and their postings (in date
// order, as that version reloaded them), story profiles and theirs (by
// latest date), and the term counts (rows a term and increments), then
// drops the old state. Without it the articles of an older store would
// be no candidates for the copies and stories of new ones.
func upgradeState(ctx context.Context, w dossier.Writer, ls legacyState) error {
	raw, err := ls.LegacyState(ctx, "profile")
	if err != nil {
		return err
	}
	var ps []dedupe.Profile
	for k, v := range raw {
		p, err := dedupe.DecodeProfile(v)
		if err != nil {
			return fmt.Errorf("upgrade profile %s: %w", k, err)
		}
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Date < ps[j].Date || ps[i].Date == ps[j].Date && ps[i].ID < ps[j].ID })
	raw, err = ls.LegacyState(ctx, "story")
	if err != nil {
		return err
	}
	var sts []*story.State
	for k, v := range raw {
		s, err := story.DecodeState(v)
		if err != nil {
			return fmt.Errorf("upgrade story %s: %w", k, err)
		}
		sts = append(sts, s)
	}
	sort.Slice(sts, func(i, j int) bool {
		return sts[i].Last < sts[j].Last || sts[i].Last == sts[j].Last && sts[i].ID < sts[j].ID
	})
	terms := dossier.TermCounts{DF: map[string]int{}}
	raw, err = ls.LegacyState(ctx, "df")
	if err != nil {
		return err
	}
	for k, v := range raw {
		n, _ := strconv.Atoi(string(v))
		if k == "\x00docs" {
			terms.Docs += n
		} else {
			terms.DF[k] += n
		}
	}
	raw, err = ls.LegacyState(ctx, "dfdelta")
	if err != nil {
		return err
	}
	for k, v := range raw {
		var d struct {
			Docs int            `json:"docs"`
			DF   map[string]int `json:"df"`
		}
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("upgrade frequencies %s: %w", k, err)
		}
		terms.Docs += d.Docs
		for t, n := range d.DF {
			terms.DF[t] += n
		}
	}
	if len(ps)+len(sts)+len(terms.DF) == 0 && terms.Docs == 0 {
		return nil
	}
	const chunk = 2000
	for i := 0; i < len(ps); i += chunk {
		var b dossier.Batch
		for _, p := range ps[i:min(i+chunk, len(ps))] {
			data, err := p.MarshalBinary()
			if err != nil {
				return err
			}
			b.Profiles = append(b.Profiles, dossier.CopyProfile{Article: p.ID, Signature: sigKey(p.Sig), Data: data})
			b.Postings = append(b.Postings, dedupe.Filing(p)...)
		}
		if _, err := w.Write(ctx, b); err != nil {
			return fmt.Errorf("upgrade state: %w", err)
		}
	}
	for i := 0; i < len(sts); i += chunk {
		var b dossier.Batch
		for _, s := range sts[i:min(i+chunk, len(sts))] {
			data, err := s.Encode()
			if err != nil {
				return err
			}
			b.StoryProfiles = append(b.StoryProfiles, dossier.StoryProfile{Story: s.ID, Data: data})
			b.Postings = append(b.Postings, story.Filing(s)...)
		}
		if _, err := w.Write(ctx, b); err != nil {
			return fmt.Errorf("upgrade state: %w", err)
		}
	}
	// the counts last, just before the old state goes: counted twice only
	// if the process dies between the two
	if _, err := w.Write(ctx, dossier.Batch{Terms: terms}); err != nil {
		return fmt.Errorf("upgrade state: %w", err)
	}
	return ls.DropLegacyState(ctx)
}
