package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

func open(t *testing.T) dossier.Store {
	s, err := postgres.Open(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, open)
}

// A text past what the article's own vector holds is found through its
// windows, with a snippet from the matching window; the query parser
// splits words as the texts are split.
func TestLongTextAndQueries(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	filler := strings.Repeat("La préfecture du Loiret publie son bilan quotidien de la crue. ", 6000) // ~380 KB
	long := &dossier.Article{ID: "aaa111", TextHash: "h1", Input: "long.txt", Title: "Bilan", Lang: "fr",
		Text: filler + "Les digues de Saint-Denis-en-Val ont cédé sous 10.000 mètres cubes d'eau."}
	short := &dossier.Article{ID: "bbb222", TextHash: "h2", Input: "short.txt", Title: "Orléans", Lang: "fr",
		Text: "À Orléans, l'évacuation de 2 000 habitants est terminée."}
	for _, a := range []*dossier.Article{long, short} {
		if _, _, err := s.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ q, want string }{
		{"digues", "aaa111"},                         // past the first 256 KB: a window
		{`"digues de Saint-Denis-en-Val"`, "aaa111"}, // a hyphenated name is one word, as in SQLite
		{"10.000 mètres", "aaa111"},
		{"saint-denis-en-val", "aaa111"},
		{"evacuation orleans", "bbb222"}, // accents
		{"l'évacuation", "bbb222"},       // elision
		{"évac*", "bbb222"},              // prefix
		{`"habitants est"`, "bbb222"},
	} {
		hits, err := s.Search(ctx, c.q, 10)
		if err != nil || len(hits) != 1 || hits[0].ID != c.want {
			t.Errorf("Search(%q) = %+v, %v; want %s", c.q, hits, err, c.want)
			continue
		}
		if !strings.Contains(hits[0].Snippet, "[") {
			t.Errorf("Search(%q) snippet %q marks no match", c.q, hits[0].Snippet)
		}
	}
	if hits, err := s.Search(ctx, `"digues Saint-Denis"`, 10); err != nil || len(hits) != 0 {
		t.Errorf("a phrase whose words are apart matched: %+v, %v", hits, err)
	}
}
