package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/dossier-news/dossier"
)

// stateBehaviours check the state relating reads by key: one function per
// behaviour, each on a new store.
var stateBehaviours = []behaviour{
	{"StatePostingsLatestInFilingOrder", statePostingsOrder},
	{"StatePostingsKindsApart", statePostingsKinds},
	{"StateCopyProfilesAndSameText", stateProfiles},
	{"StateStoryProfilesAndRecent", stateStories},
	{"StateTermCountsAddUp", stateTerms},
	{"StateSeriesByTopicAndArticle", stateSeries},
}

func key(k dossier.PostingKind, h uint64) dossier.PostingKey {
	return dossier.PostingKey{Kind: k, Hash: h}
}

func statePostingsOrder(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	k, big := key(dossier.PostBand, 7), key(dossier.PostBand, 1<<63+5) // hashes use all 64 bits
	var ps []dossier.Posting
	for i := 0; i < 5; i++ {
		ps = append(ps, dossier.Posting{Key: k, ID: fmt.Sprintf("a%d", i)})
	}
	write(t, s, dossier.Batch{Postings: ps})
	// a later write files after, and an id filed twice is there twice
	write(t, s, dossier.Batch{Postings: []dossier.Posting{{Key: k, ID: "a9"}, {Key: big, ID: "a1"}, {Key: k, ID: "a2"}}})
	got, err := s.Postings(ctx, []dossier.PostingKey{k, big, key(dossier.PostBand, 8), k}, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := map[dossier.PostingKey][]string{k: {"a3", "a4", "a9", "a2"}, big: {"a1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Postings = %v, want %v", got, want)
	}
	if got, err := s.Postings(ctx, []dossier.PostingKey{k}, 100); err != nil || len(got[k]) != 7 {
		t.Errorf("Postings(limit 100) = %v, %v; want all 7", got, err)
	}
}

func statePostingsKinds(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	write(t, s, dossier.Batch{Postings: []dossier.Posting{
		{Key: key(dossier.PostNumber, 1), ID: "a1"}, {Key: key(dossier.PostStoryEntity, 1), ID: "s1"}, {Key: key(dossier.PostStoryTerm, 1), ID: "s2"}}})
	got, err := s.Postings(ctx, []dossier.PostingKey{key(dossier.PostNumber, 1), key(dossier.PostStoryEntity, 1), key(dossier.PostReport, 1)}, 10)
	want := map[dossier.PostingKey][]string{key(dossier.PostNumber, 1): {"a1"}, key(dossier.PostStoryEntity, 1): {"s1"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Postings = %v, %v; want %v", got, err, want)
	}
}

func stateProfiles(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	write(t, s, dossier.Batch{Profiles: []dossier.CopyProfile{{Article: "a1", Signature: 1 << 63, Data: []byte("one")}, {Article: "a2", Signature: 9, Data: []byte("two")}}})
	write(t, s, dossier.Batch{Profiles: []dossier.CopyProfile{{Article: "a3", Signature: 9, Data: []byte("three")}}})
	got, err := s.CopyProfiles(ctx, []string{"a1", "a3", "zz"})
	want := map[string]dossier.CopyProfile{"a1": {Article: "a1", Signature: 1 << 63, Data: []byte("one")}, "a3": {Article: "a3", Signature: 9, Data: []byte("three")}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("CopyProfiles = %+v, %v; want %+v", got, err, want)
	}
	same, err := s.SameText(ctx, []uint64{9, 1 << 63, 4})
	if wantSame := map[uint64]string{9: "a2", 1 << 63: "a1"}; err != nil || !reflect.DeepEqual(same, wantSame) {
		t.Errorf("SameText = %v, %v; want %v (the first saved)", same, err, wantSame)
	}
	// many ids at once: more than one statement's parameters
	var ps []dossier.CopyProfile
	var ids []string
	for i := 0; i < 1200; i++ {
		id := fmt.Sprintf("b%04d", i)
		ps = append(ps, dossier.CopyProfile{Article: id, Signature: uint64(100 + i), Data: []byte(id)})
		ids = append(ids, id)
	}
	write(t, s, dossier.Batch{Profiles: ps})
	if got, err := s.CopyProfiles(ctx, ids); err != nil || len(got) != 1200 || string(got["b1199"].Data) != "b1199" {
		t.Errorf("CopyProfiles of 1200 = %d, %v", len(got), err)
	}
}

func stateStories(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	write(t, s, dossier.Batch{StoryProfiles: []dossier.StoryProfile{{Story: "s1", Data: []byte("1")}, {Story: "s2", Data: []byte("2")}}})
	write(t, s, dossier.Batch{StoryProfiles: []dossier.StoryProfile{{Story: "s3", Data: []byte("3")}}})
	write(t, s, dossier.Batch{StoryProfiles: []dossier.StoryProfile{{Story: "s1", Data: []byte("1b")}}})
	got, err := s.StoryProfiles(ctx, []string{"s1", "s3", "s9"})
	want := map[string]dossier.StoryProfile{"s1": {Story: "s1", Data: []byte("1b")}, "s3": {Story: "s3", Data: []byte("3")}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("StoryProfiles = %+v, %v; want %+v", got, err, want)
	}
	recent, err := s.RecentStories(ctx, 2)
	if err != nil || !reflect.DeepEqual(recent, []string{"s3", "s1"}) {
		t.Errorf("RecentStories(2) = %v, %v; want [s3 s1] (saved last, the latest last)", recent, err)
	}
}

func stateTerms(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	if tc, err := s.TermCounts(ctx, []string{"guerre"}); err != nil || tc.Docs != 0 || len(tc.DF) != 0 {
		t.Errorf("TermCounts of an empty store = %+v, %v", tc, err)
	}
	write(t, s, dossier.Batch{Terms: dossier.TermCounts{Docs: 2, DF: map[string]int{"guerre": 2, "paix": 1}}})
	write(t, s, dossier.Batch{Terms: dossier.TermCounts{Docs: 1, DF: map[string]int{"guerre": 1}}})
	tc, err := s.TermCounts(ctx, []string{"guerre", "paix", "absent"})
	if want := (dossier.TermCounts{Docs: 3, DF: map[string]int{"guerre": 3, "paix": 1}}); err != nil || !reflect.DeepEqual(tc, want) {
		t.Errorf("TermCounts = %+v, %v; want %+v", tc, err, want)
	}
}

func stateSeries(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a, b := article("aaa111", "h1", "A", "1 500 soldats."), article("bbb222", "h2", "B", "10 000 soldats.")
	kp := dossier.Series{ID: "q1", Subject: "country:KP", Thing: "soldier", Event: "send", Unit: "",
		Claims: []dossier.Claim{claim("aaa111", 0, "2024-10-18", 1500, ""), claim("bbb222", 0, "2024-11-05", 10000, dossier.ClaimUpdates)}}
	kpDead := dossier.Series{ID: "q3", Subject: "country:KP", Thing: "soldier", Event: "kill", Claims: []dossier.Claim{claim("bbb222", 1, "2024-11-05", 12, "")}}
	other := dossier.Series{ID: "q2", Thing: "munition", Claims: []dossier.Claim{claim("aaa111", 1, "2024-10-18", 5, "")}}
	write(t, s, dossier.Batch{Articles: []*dossier.Article{a, b}, Series: []dossier.SeriesUpdate{{Series: kp}, {Series: other}, {Series: kpDead}}})
	got, err := s.SeriesOfTopics(ctx, []dossier.SeriesTopic{{Subject: "country:KP", Thing: "soldier"}, {Thing: "absent"}})
	if err != nil || len(got) != 2 || got[0].ID != "q1" || got[1].ID != "q3" || len(got[0].Claims) != 2 || len(got[1].Claims) != 1 {
		t.Errorf("SeriesOfTopics = %+v, %v; want q1 and q3 with their claims", got, err)
	}
	if got, err := s.SeriesOfTopics(ctx, []dossier.SeriesTopic{{Subject: "country:KP", Thing: "soldier", Unit: "km"}}); err != nil || len(got) != 0 {
		t.Errorf("SeriesOfTopics(another unit) = %+v, %v; want none", got, err)
	}
	got, err = s.SeriesOfArticles(ctx, []string{"aaa111"})
	ids := map[string]int{}
	for _, v := range got {
		ids[v.ID] = len(v.Claims)
	}
	if want := map[string]int{"q1": 2, "q2": 1}; err != nil || !reflect.DeepEqual(ids, want) {
		t.Errorf("SeriesOfArticles(aaa111) = %v, %v; want %v (series and their claims)", ids, err, want)
	}
}
