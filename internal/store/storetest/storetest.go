// Package storetest is the contract every dossier.Store must meet. Each
// adapter's tests call Run with a function that opens an empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

func ptr(f float64) *float64 { return &f }

func article(id, hash, title, text string) *dossier.Article {
	return &dossier.Article{ID: id, TextHash: hash, Input: id + ".txt", Title: title, Text: text, Lang: "fr", Date: "2024-11-01",
		Tags: []string{"Russie"}, Paragraphs: []dossier.Paragraph{{Start: 0, End: len(text)}}}
}

// write runs s.Write and fails the test if the whole batch failed.
func write(t *testing.T, s dossier.Store, b dossier.Batch) []dossier.PutResult {
	t.Helper()
	res, err := s.Write(context.Background(), b)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return res
}

// put stores a new article and fails the test on an error or when the
// store calls it a duplicate: the setup of a case must hold before its
// checks mean anything.
func put(t *testing.T, s dossier.Store, a *dossier.Article) {
	t.Helper()
	id, dup, err := s.Put(context.Background(), a)
	if err != nil || dup || id != a.ID {
		t.Fatalf("Put(%s) = %q, dup %v, %v", a.ID, id, dup, err)
	}
}

// behaviour is one function of the contract, run on a new empty store
// (as Litestream's replica-client suite runs each behaviour apart).
type behaviour struct {
	name string
	test func(t *testing.T, s dossier.Store)
}

// Run runs the contract suite, each behaviour as a subtest of its own on
// a store open returns new and empty.
func Run(t *testing.T, open func(t *testing.T) dossier.Store) {
	for _, set := range [][]behaviour{coreBehaviours, seriesBehaviours, stateBehaviours} {
		for _, b := range set {
			t.Run(b.name, func(t *testing.T) { b.test(t, open(t)) })
		}
	}
}

var coreBehaviours = []behaviour{
	{"PutAndGet", testPutAndGet},
	{"Duplicate", testDuplicate},
	{"ListAndSearch", testListAndSearch},
	{"WriteAtomicPerArticle", testWriteAtomicPerArticle},
	{"WriteDropsWhatBelongsToAFailedArticle", testWriteDropsWhatBelongsToAFailedArticle},
	{"Deferred", testDeferred},
	{"Figures", testFigures},
	{"Entities", testEntities},
	{"Lines", testLines},
	{"PagesAndOneStory", testPagesAndOneStory},
	{"FigureFilterFolds", testFigureFilterFolds},
	{"Furniture", testFurniture},
	{"Sighted", testSighted},
}

func testFurniture(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	write(t, s, dossier.Batch{Furniture: map[string][]byte{"a.example": {1, 2}, "b.example": {3}}})
	write(t, s, dossier.Batch{Furniture: map[string][]byte{"a.example": {4}}})
	got, err := s.Furniture(ctx, []string{"a.example", "b.example", "c.example"})
	if err != nil || len(got) != 2 || string(got["a.example"]) != "\x04" || string(got["b.example"]) != "\x03" {
		t.Errorf("Furniture = %v, %v; want a.example [4] (rewritten), b.example [3]", got, err)
	}
}

func testSighted(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	first := article("f1000000", "hsame", "Titre", "Texte recopié tel quel sur Koursk.")
	copyOf := article("c2000000", "hsame", "Titre", "Texte recopié tel quel sur Koursk.")
	res := write(t, s, dossier.Batch{Articles: []*dossier.Article{first, copyOf}})
	if len(res) != 2 || !res[1].Dup || res[1].ID != "f1000000" {
		t.Fatalf("Write = %+v, want the second a sighting of f1000000", res)
	}
	got, err := s.Sighted(ctx, []string{"c2000000", "f1000000", "zz"})
	if err != nil || len(got) != 1 || got["c2000000"] != "f1000000" {
		t.Errorf("Sighted = %v, %v; want c2000000 -> f1000000 only", got, err)
	}
}

func testPutAndGet(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("aaa111", "h1", "Titre", "L'armée russe a reçu 10.000 soldats.")
	a.Removed = []dossier.Removed{{Line: 1, Text: "News Day", Label: "site", Reason: "site banner"}}
	a.Figures = []dossier.Figure{{Text: "10.000 soldats", Value: ptr(10000), Thing: "soldat", Gloss: "soldier", Modality: "fact", Source: "AFP"}}
	id, dup, err := s.Put(ctx, a)
	if err != nil || dup || id != "aaa111" {
		t.Fatalf("Put = %q, %v, %v", id, dup, err)
	}
	got, err := s.Article(ctx, "aaa")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Title != "Titre" || len(got.Removed) != 1 || len(got.Figures) != 1 || got.Figures[0].Doc != "aaa111" {
		t.Errorf("Article = %+v", got)
	}
	if _, err := s.Article(ctx, "zzz"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing article error = %v, want ErrNotFound", err)
	}
}

func testDuplicate(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	put(t, s, article("aaa111", "h1", "A", "x"))
	id, dup, err := s.Put(ctx, article("bbb222", "h1", "B", "x"))
	if err != nil || !dup || id != "aaa111" {
		t.Fatalf("Put duplicate = %q, %v, %v", id, dup, err)
	}
	l, err := s.List(ctx, dossier.ListFilter{})
	if err != nil || len(l) != 1 {
		t.Errorf("List has %d articles (%v), want 1", len(l), err)
	}
}

func testListAndSearch(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	put(t, s, article("aaa111", "h1", "Kiev", "L'armée ukrainienne résiste à Koursk."))
	put(t, s, article("bbb222", "h2", "Séoul", "South Korean intelligence said troops were sent."))
	l, err := s.List(ctx, dossier.ListFilter{})
	if err != nil || len(l) != 2 || l[0].Tags[0] != "Russie" {
		t.Fatalf("List = %+v, %v", l, err)
	}
	for _, q := range []string{"l'armée", "armee", "ukrainienne", "Koursk", "\"armée ukrainienne\"", "ukrain*"} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].ID != "aaa111" || hits[0].Snippet == "" {
			t.Errorf("Search(%q) = %+v, %v", q, hits, err)
		}
	}
	if hits, err := s.Search(ctx, "intelligence troops", 10); err != nil || len(hits) != 1 || hits[0].ID != "bbb222" {
		t.Errorf("Search English = %+v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, "absent", 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(absent) = %+v, %v", hits, err)
	}
	if _, err := s.Search(ctx, " ' ", 10); err == nil {
		t.Error("empty query gave no error")
	}
}

func testWriteAtomicPerArticle(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("aaa111", "h1", "A", "texte un")
	b := article("bbb222", "h2", "B", "texte deux")
	b.Figures = []dossier.Figure{{Text: "x"}, {Text: "y"}}
	c := article("aaa111", "h3", "C", "même id, autre texte") // id clash: must fail alone
	d := article("ddd444", "h1", "D", "texte un")             // duplicate of a
	d.Input = "elsewhere/d.txt"
	batch := dossier.Batch{
		Articles: []*dossier.Article{a, b, c, d},
		Copies: []dossier.CopyLink{
			{Article: "bbb222", Original: "aaa111", Relation: dossier.RelNear, Score: 0.5},
			{Article: "bbb222", Original: "https://example.org/x", Relation: dossier.RelCites, Score: 1},
		},
		Stories:  []dossier.StoryAssignment{{Article: "aaa111", Story: "s1", Title: "Une histoire", Score: 1}, {Article: "bbb222", Story: "s1", Title: "Une histoire", Score: 0.4}},
		Profiles: []dossier.CopyProfile{{Article: "aaa111", Signature: 1, Data: []byte("pa")}, {Article: "bbb222", Signature: 2, Data: []byte("pb")}},
		Terms:    dossier.TermCounts{Docs: 2, DF: map[string]int{"texte": 2}},
	}
	res := write(t, s, batch)
	if len(res) != 4 || res[0].Err != nil || res[1].Err != nil || res[3].Err != nil {
		t.Fatalf("Write = %+v", res)
	}
	if res[2].Err == nil {
		t.Errorf("clashing id stored: %+v", res[2])
	}
	if !res[3].Dup || res[3].ID != "aaa111" {
		t.Errorf("duplicate in batch = %+v", res[3])
	}
	l, err := s.List(ctx, dossier.ListFilter{})
	if err != nil || len(l) != 2 {
		t.Errorf("List has %d articles (%v), want 2", len(l), err)
	}
	if hits, err := s.Search(ctx, "autre", 10); err != nil || len(hits) != 0 {
		t.Errorf("failed article left a search entry: %+v, %v", hits, err)
	}
	if figs, err := s.Figures(ctx, dossier.FigureFilter{Article: "bbb222"}); err != nil || len(figs) != 2 {
		t.Errorf("figures of b = %d (%v), want 2", len(figs), err)
	}
	links, sightings, err := s.Copies(ctx)
	if err != nil || len(links) != 2 || len(sightings) != 1 || sightings[0].Article != "aaa111" || sightings[0].Input != "elsewhere/d.txt" {
		t.Errorf("Copies = %+v, %+v, %v", links, sightings, err)
	}
	stories, err := s.Stories(ctx)
	if err != nil || len(stories) != 1 || stories[0].ID != "s1" || len(stories[0].Articles) != 2 {
		t.Errorf("Stories = %+v, %v", stories, err)
	}
	if st, err := s.CopyProfiles(ctx, []string{"aaa111", "bbb222", "ccc333"}); err != nil || len(st) != 2 || string(st["bbb222"].Data) != "pb" {
		t.Errorf("CopyProfiles = %+v, %v", st, err)
	}
	// again: idempotent, and profiles are replaced
	batch.Profiles = []dossier.CopyProfile{{Article: "bbb222", Signature: 2, Data: []byte("pb2")}}
	batch.Terms = dossier.TermCounts{}
	res = write(t, s, batch)
	if !res[0].Dup || !res[1].Dup || res[2].Err == nil {
		t.Errorf("second Write = %+v", res)
	}
	if links, sightings, err := s.Copies(ctx); err != nil || len(links) != 2 || len(sightings) != 3 {
		t.Errorf("after a second Write: %d links, %d sightings (%v); want 2 and 3", len(links), len(sightings), err)
	}
	if st, err := s.CopyProfiles(ctx, []string{"bbb222"}); err != nil || string(st["bbb222"].Data) != "pb2" {
		t.Errorf("profile not replaced: %+v, %v", st, err)
	}
	if res := write(t, s, dossier.Batch{Terms: dossier.TermCounts{Docs: 1, DF: map[string]int{"texte": 1, "autre": 1}}}); len(res) != 0 {
		t.Errorf("Write(state only) = %+v, want no article results", res)
	}
	if tc, err := s.TermCounts(ctx, []string{"texte", "autre", "absent"}); err != nil || tc.Docs != 3 || tc.DF["texte"] != 3 || tc.DF["autre"] != 1 || len(tc.DF) != 2 {
		t.Errorf("term counts after increments = %+v, %v", tc, err)
	}
}

func testWriteDropsWhatBelongsToAFailedArticle(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	put(t, s, article("aaa111", "h1", "A", "texte un"))
	bad := article("aaa111", "h9", "Bad", "un autre texte, même id")
	good := article("ccc333", "h3", "C", "texte trois")
	res := write(t, s, dossier.Batch{
		Articles: []*dossier.Article{bad, good},
		Copies:   []dossier.CopyLink{{Article: "ccc333", Original: "https://example.org/y", Relation: dossier.RelCites, Score: 1}},
		Stories:  []dossier.StoryAssignment{{Article: "ccc333", Story: "s3", Title: "T", Score: 1}},
		Profiles: []dossier.CopyProfile{{Article: "ccc333", Signature: 3, Data: []byte("pc")}},
		Postings: []dossier.Posting{{Key: dossier.PostingKey{Kind: dossier.PostNumber, Hash: 5}, ID: "ccc333"}},
	})
	if res[0].Err == nil || res[1].Err != nil {
		t.Fatalf("Write = %+v", res)
	}
	res = write(t, s, dossier.Batch{
		Articles: []*dossier.Article{article("fff666", "h1", "F", "texte un")}, // a duplicate
	})
	if !res[0].Dup {
		t.Errorf("duplicate = %+v", res)
	}
	failing := article("aaa111", "h8", "Bad again", "encore un texte")
	res = write(t, s, dossier.Batch{
		Articles: []*dossier.Article{failing},
		Copies:   []dossier.CopyLink{{Article: "aaa111", Original: "https://example.org/z", Relation: dossier.RelCites, Score: 1}},
		Profiles: []dossier.CopyProfile{{Article: "aaa111", Signature: 1, Data: []byte("overwritten")}},
		Postings: []dossier.Posting{{Key: dossier.PostingKey{Kind: dossier.PostNumber, Hash: 5}, ID: "aaa111"}},
	})
	if res[0].Err == nil {
		t.Fatalf("clashing id stored: %+v", res)
	}
	links, _, err := s.Copies(ctx)
	if err != nil || len(links) != 1 || links[0].Article != "ccc333" {
		t.Errorf("links = %+v (%v), want only ccc333's", links, err)
	}
	if st, err := s.CopyProfiles(ctx, []string{"aaa111", "ccc333"}); err != nil || len(st) != 1 || string(st["ccc333"].Data) != "pc" {
		t.Errorf("copy profiles = %+v, %v", st, err)
	}
	if ps, err := s.Postings(ctx, []dossier.PostingKey{{Kind: dossier.PostNumber, Hash: 5}}, 10); err != nil || len(ps) != 1 || strings.Join(ps[dossier.PostingKey{Kind: dossier.PostNumber, Hash: 5}], ",") != "ccc333" {
		t.Errorf("postings = %v, %v; want only ccc333's", ps, err)
	}
}

func testDeferred(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("aaa111", "h1", "A", "Selon l'AFP, 12 soldats.")
	a.Deferred = true
	b := article("bbb222", "h2", "B", "texte deux")
	b.Deferred = true
	c := article("ccc333", "h3", "C", "texte trois")
	if res := write(t, s, dossier.Batch{Articles: []*dossier.Article{a, b, c}}); res[0].Err != nil || res[1].Err != nil || res[2].Err != nil {
		t.Fatalf("Write = %+v", res)
	}
	got, n, err := s.Pending(ctx, "", 1)
	if err != nil || n != 2 || len(got) != 1 || got[0].ID != "aaa111" || !got[0].Deferred || got[0].Text != a.Text {
		t.Fatalf("Pending = %+v, %d, %v", got, n, err)
	}
	if got, _, err := s.Pending(ctx, "aaa111", 10); err != nil || len(got) != 1 || got[0].ID != "bbb222" {
		t.Errorf("Pending after aaa111 = %+v, %v", got, err)
	}
	done := got[0]
	done.Figures = []dossier.Figure{{Text: "12 soldats", Value: ptr(12), Thing: "soldat", Source: "AFP", SourceID: "outlet:afp"}}
	done.Mentions = []dossier.Mention{{Start: 9, End: 12, Entity: "outlet:afp", Text: "AFP", Type: dossier.EntityOutlet}}
	done.Entities = []dossier.Entity{{ID: "outlet:afp", Type: dossier.EntityOutlet, Name: "AFP"}}
	ghost := article("zzz999", "h9", "Z", "jamais stocké")
	res := write(t, s, dossier.Batch{Analysed: []*dossier.Article{done, ghost}, Stories: []dossier.StoryAssignment{{Article: "aaa111", Story: "s1", Title: "T", Score: 1}}})
	if len(res) != 2 || res[0].Err != nil || res[0].ID != "aaa111" || res[1].Err == nil {
		t.Fatalf("Write(analysed) = %+v", res)
	}
	if _, n, err := s.Pending(ctx, "", 10); err != nil || n != 1 {
		t.Errorf("pending after analysis = %d (%v), want 1", n, err)
	}
	got1, err := s.Article(ctx, "aaa111")
	if err != nil || got1.Deferred || len(got1.Figures) != 1 || len(got1.Mentions) != 1 {
		t.Errorf("analysed article = %+v, %v", got1, err)
	}
	// analysing again replaces, not adds
	if res := write(t, s, dossier.Batch{Analysed: []*dossier.Article{done}}); len(res) != 1 || res[0].Err != nil {
		t.Fatalf("second Write(analysed) = %+v", res)
	}
	if figs, err := s.Figures(ctx, dossier.FigureFilter{Article: "aaa111"}); err != nil || len(figs) != 1 {
		t.Errorf("figures after a second analysis = %d (%v), want 1", len(figs), err)
	}
	if st, err := s.Stories(ctx); err != nil || len(st) != 1 {
		t.Errorf("stories = %+v, %v", st, err)
	}
}

func testFigures(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("aaa111", "h1", "A", "x")
	a.Figures = []dossier.Figure{
		{Text: "10.000 soldats", Thing: "soldat", Gloss: "soldier", Modality: "fact", Source: "AFP"},
		{Text: "50 obusiers", Thing: "obusier", Gloss: "howitzer", Modality: "possible", Source: "Bloomberg"},
	}
	put(t, s, a)
	for _, tt := range []struct {
		f    dossier.FigureFilter
		want int
	}{
		{dossier.FigureFilter{}, 2},
		{dossier.FigureFilter{Thing: "soldier"}, 1},
		{dossier.FigureFilter{Source: "bloom"}, 1},
		{dossier.FigureFilter{MinModality: "fact"}, 1},
		{dossier.FigureFilter{Article: "bbb"}, 0},
	} {
		got, err := s.Figures(ctx, tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("Figures(%+v) = %d, %v; want %d", tt.f, len(got), err, tt.want)
		}
	}
}

func testEntities(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("aaa111", "h1", "A", "La Corée du Nord et Pyongyang, selon Bloomberg, Korea, Republic of.")
	a.Entities = []dossier.Entity{{ID: "country:KP", Type: "country", Name: "North Korea", NameFr: "Corée du Nord", Aliases: []string{"Corée du Nord"}, ISO: "KP"},
		{ID: "outlet:bloomberg", Type: "outlet", Name: "Bloomberg", NameFr: "Bloomberg"}}
	a.Mentions = []dossier.Mention{{Start: 3, End: 16, Text: "Corée du Nord", Entity: "country:KP", Type: "country", Form: "name"},
		{Start: 20, End: 29, Text: "Pyongyang", Entity: "country:KP", Type: "country", Form: "capital"},
		{Start: 37, End: 46, Text: "Bloomberg", Entity: "outlet:bloomberg", Type: "outlet", Form: "name"},
		{Start: 48, End: 66, Text: "Korea, Republic of", Entity: "country:KP", Type: "country", Form: "name"}}
	a.Citations = []dossier.Citation{{Entity: "outlet:bloomberg", Name: "Bloomberg", Kind: "cites", Text: "selon Bloomberg"}}
	a.Figures = []dossier.Figure{{Text: "x", SubjectID: "country:KP", SourceID: "outlet:bloomberg"}}
	put(t, s, a)
	b := article("bbb222", "h2", "B", "Pyongyang encore.")
	b.Entities = a.Entities[:1]
	b.Mentions = []dossier.Mention{{Start: 0, End: 9, Text: "Pyongyang", Entity: "country:KP", Type: "country", Form: "capital"}}
	put(t, s, b)
	es, err := s.Entities(ctx, dossier.EntityFilter{})
	if err != nil || len(es) != 2 || es[0].ID != "country:KP" || es[0].Mentions != 4 || len(es[0].Articles) != 2 || len(es[0].Seen) != 3 {
		t.Fatalf("Entities = %+v, %v", es, err)
	}
	if es, err := s.Entities(ctx, dossier.EntityFilter{Type: "outlet"}); err != nil || len(es) != 1 {
		t.Errorf("Entities(outlet) = %+v, %v", es, err)
	}
	if es, err := s.Entities(ctx, dossier.EntityFilter{Article: "bbb222"}); err != nil || len(es) != 1 || es[0].Mentions != 1 {
		t.Errorf("Entities(article) = %+v, %v", es, err)
	}
	e, err := s.Entity(ctx, "country:KP")
	if err != nil || e.ISO != "KP" || e.Name != "North Korea" {
		t.Errorf("Entity = %+v, %v", e, err)
	}
	if _, err := s.Entity(ctx, "country:ZZ"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
	got, err := s.Article(ctx, "aaa111")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Mentions) != 4 || len(got.Citations) != 1 || got.Citations[0].Kind != "cites" {
		t.Errorf("article mentions/citations = %+v %+v", got.Mentions, got.Citations)
	}
	if figs, err := s.Figures(ctx, dossier.FigureFilter{Entity: "outlet:bloomberg"}); err != nil || len(figs) != 1 {
		t.Errorf("figures by entity = %+v, %v", figs, err)
	}
}

func testLines(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	lines := func(l map[dossier.DocKey][]dossier.LineKey) {
		t.Helper()
		if res := write(t, s, dossier.Batch{Lines: l}); len(res) != 0 {
			t.Fatalf("Write(lines only) = %+v", res)
		}
	}
	lines(map[dossier.DocKey][]dossier.LineKey{1: {10, 20, 1 << 63}, 2: {10, 1 << 63}})
	lines(map[dossier.DocKey][]dossier.LineKey{2: {10}})
	got, err := s.LineDocs(ctx, []dossier.LineKey{10, 20, 30, 1 << 63})
	if err != nil || len(got[10]) != 2 || len(got[20]) != 1 || len(got[30]) != 0 || len(got[1<<63]) != 2 {
		t.Errorf("LineDocs = %v, %v", got, err)
	}
	for d := dossier.DocKey(0); d < dossier.MaxLineDocs+5; d++ {
		lines(map[dossier.DocKey][]dossier.LineKey{100 + d: {7}})
	}
	if got, err := s.LineDocs(ctx, []dossier.LineKey{7}); err != nil || len(got[7]) != dossier.MaxLineDocs {
		t.Errorf("LineDocs returned %d docs (%v), want the cap %d", len(got[7]), err, dossier.MaxLineDocs)
	}
}

func testPagesAndOneStory(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	var arts []*dossier.Article
	for i, d := range []string{"2024-11-03", "2024-10", "", "2024-11-20", "2024-12-01"} {
		a := article(fmt.Sprintf("a%d0000", i), fmt.Sprintf("h%d", i), fmt.Sprintf("Titre %d", i), fmt.Sprintf("Texte numéro %d sur Koursk.", i))
		a.Date = d
		if i%2 == 1 {
			a.Lang, a.Outlet = "en", "Globe Wire"
		}
		arts = append(arts, a)
	}
	write(t, s, dossier.Batch{Articles: arts,
		Copies:  []dossier.CopyLink{{Article: "a10000", Original: "a00000", Relation: dossier.RelTranslated, Score: 0.9}, {Article: "a30000", Original: "a40000", Relation: dossier.RelNear, Score: 0.8}},
		Stories: []dossier.StoryAssignment{{Article: "a00000", Story: "st1", Title: "S", Score: 1}, {Article: "a10000", Story: "st1", Title: "S", Score: 1}, {Article: "a30000", Story: "st2", Title: "T", Score: 1}}})
	var got []string
	after := ""
	for page := 0; page < 5; page++ {
		hits, next, err := s.Articles(ctx, dossier.ArticleQuery{Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			got = append(got, h.ID)
		}
		if next == "" {
			break
		}
		after = next
	}
	if want := "a20000 a10000 a00000 a30000 a40000"; strings.Join(got, " ") != want {
		t.Errorf("pages = %v, want %s (date then id order)", got, want)
	}
	for _, c := range []struct {
		q    dossier.ArticleQuery
		want string
	}{
		{dossier.ArticleQuery{Lang: "en"}, "a10000 a30000"},
		{dossier.ArticleQuery{Outlet: "globe wire"}, "a10000 a30000"},
		{dossier.ArticleQuery{From: "2024-11-10"}, "a30000 a40000"},
		{dossier.ArticleQuery{From: "2024-10-15", To: "2024-11-05"}, "a10000 a00000"},
		{dossier.ArticleQuery{Query: "koursk", Lang: "fr", Limit: 10}, "a00000 a20000 a40000"},
	} {
		hits, _, err := s.Articles(ctx, c.q)
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if c.q.Query != "" {
			sort.Strings(ids)
		}
		if err != nil || strings.Join(ids, " ") != c.want {
			t.Errorf("Articles(%+v) = %v, %v; want %s", c.q, ids, err, c.want)
		}
	}
	hits, next, err := s.Articles(ctx, dossier.ArticleQuery{Query: "koursk", Limit: 3})
	if err != nil || len(hits) != 3 || next == "" || hits[0].Snippet == "" {
		t.Fatalf("search page 1 = %+v, %q, %v", hits, next, err)
	}
	rest, next2, err := s.Articles(ctx, dossier.ArticleQuery{Query: "koursk", Limit: 3, After: next})
	if err != nil || len(rest) != 2 || next2 != "" {
		t.Errorf("search page 2 = %+v, %q, %v", rest, next2, err)
	}
	if _, _, err := s.Articles(ctx, dossier.ArticleQuery{After: "not a cursor"}); err == nil {
		t.Error("a made-up cursor was accepted")
	}
	st, err := s.Story(ctx, "st")
	if err == nil {
		t.Errorf("ambiguous story prefix gave %+v", st)
	}
	st, err = s.Story(ctx, "st1")
	if err != nil || strings.Join(st.Articles, " ") != "a10000 a00000" || st.Start != "2024-10" || st.End != "2024-11-03" {
		t.Errorf("Story(st1) = %+v, %v", st, err)
	}
	if _, err := s.Story(ctx, "zz"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing story error = %v", err)
	}
	sums, err := s.Summaries(ctx, []string{"a30000", "nope", "a00000"})
	if err != nil || len(sums) != 2 || sums[0].ID != "a30000" || sums[1].ID != "a00000" || !strings.HasPrefix(sums[1].Lead, "Texte numéro 0") {
		t.Errorf("Summaries = %+v, %v", sums, err)
	}
	links, _, err := s.CopiesOf(ctx, []string{"a00000"})
	if err != nil || len(links) != 1 || links[0].Article != "a10000" {
		t.Errorf("CopiesOf(a00000) = %+v, %v", links, err)
	}
}

func testFigureFilterFolds(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := article("fff111", "hf", "T", "x")
	a.Figures = []dossier.Figure{{Text: "a", Thing: "École", Source: "Le Ministère", Modality: "fact"}, {Text: "b", Thing: "soldat", Gloss: "soldier", Source: "100%_sûr", Modality: "possible"}}
	s.Put(ctx, a)
	for _, c := range []struct {
		f    dossier.FigureFilter
		want int
	}{
		{dossier.FigureFilter{Thing: "éco"}, 1}, {dossier.FigureFilter{Thing: "SOLD"}, 1}, {dossier.FigureFilter{Source: "ministère"}, 1},
		{dossier.FigureFilter{Source: "%"}, 1}, {dossier.FigureFilter{Source: "%_s"}, 1}, {dossier.FigureFilter{Source: "x_"}, 0},
		{dossier.FigureFilter{MinModality: "estimate"}, 1},
	} {
		figs, err := s.Figures(ctx, c.f)
		if err != nil || len(figs) != c.want {
			t.Errorf("Figures(%+v) = %d, %v; want %d", c.f, len(figs), err, c.want)
		}
		n := 0
		for _, f := range a.Figures {
			if c.f.Match(f) {
				n++
			}
		}
		if n != c.want {
			t.Errorf("Match(%+v) keeps %d, want %d", c.f, n, c.want)
		}
	}
}
