package query

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// example ingests the example corpus into a new store.
func example(t *testing.T) dossier.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{"../../examples/corpus"}, nil, func(ingest.Event) {}, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCopyGroupsOfEqualsTheWholeStoresGroups(t *testing.T) {
	ctx := context.Background()
	s := example(t)
	all, err := CopyGroups(ctx, s)
	if err != nil || len(all) == 0 {
		t.Fatalf("CopyGroups = %v, %v", all, err)
	}
	list, _ := s.List(ctx, dossier.ListFilter{})
	for _, m := range list {
		got, err := CopyGroupsOf(ctx, s, []string{m.ID})
		if err != nil {
			t.Fatal(err)
		}
		var want, gotIn []dossier.CopyGroup
		for _, g := range GroupsOf(all, m.ID) {
			if !g.External { // outside sources list only the copies reached
				want = append(want, g)
			}
		}
		for _, g := range GroupsOf(got, m.ID) {
			if !g.External {
				gotIn = append(gotIn, g)
			}
		}
		if !reflect.DeepEqual(gotIn, want) {
			t.Errorf("%s: CopyGroupsOf = %+v\nwant %+v", m.ID, gotIn, want)
		}
	}
}

func TestFold(t *testing.T) {
	st := &dossier.Story{ID: "s", Articles: []string{"a", "b", "c", "d"}}
	sums := []dossier.Summary{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	groups := []dossier.CopyGroup{
		{Original: "a", Copies: []dossier.CopyMember{{ID: "b", Relation: dossier.RelTranslated}, {ID: "a", Relation: dossier.RelIdentical}}},
		{Original: "x", Copies: []dossier.CopyMember{{ID: "c", Relation: dossier.RelNear}}}, // original outside the story
		{Original: "https://example.org", External: true, Copies: []dossier.CopyMember{{ID: "d", Relation: dossier.RelCites}}},
	}
	got := Fold(st, sums, groups)
	var ids []string
	for _, it := range got {
		ids = append(ids, it.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a", "c", "d"}) || len(got[0].Copies) != 1 || got[0].Copies[0].ID != "b" || got[0].Copies[0].Relation != dossier.RelTranslated {
		t.Errorf("Fold = %+v", got)
	}
}

func TestStoryAndEntity(t *testing.T) {
	ctx := context.Background()
	s := example(t)
	sts, _ := s.Stories(ctx)
	if len(sts) == 0 {
		t.Fatal("no stories")
	}
	v, err := Story(ctx, s, sts[0].ID[:4])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range v.Items {
		n += 1 + len(it.Copies)
	}
	if v.ID != sts[0].ID || n != len(sts[0].Articles) {
		t.Errorf("Story = %s with %d articles shown, want %s with %d", v.ID, n, sts[0].ID, len(sts[0].Articles))
	}
	for _, name := range []string{"Loire", "loire"} {
		e, err := Entity(ctx, s, name)
		if err != nil || e.Mentions == 0 {
			t.Errorf("Entity(%q) = %+v, %v", name, e, err)
		}
	}
	if _, err := Entity(ctx, s, "Personne Inconnue"); err == nil {
		t.Error("an unknown name was found")
	}
}
