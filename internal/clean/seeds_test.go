package clean

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/sharedtest"
)

// TestSeedsStructure cleans the seed articles as one batch, so lines that
// recur across them count, and checks every line against the gold labels.
func TestSeedsStructure(t *testing.T) {
	gold, lines := sharedtest.Seeds(t)
	counts := NewCounter()
	docs := map[string]extract.Doc{}
	for name := range gold {
		d := extract.Text(name, strings.Join(lines[name], "\n"))
		docs[name] = d
		counts.Add(Keys(d))
	}
	for name, g := range gold {
		dk, _ := Keys(docs[name])
		res := Clean(docs[name], Options{Recurring: counts.Others(dk)})
		c := sharedtest.Cleaned{Title: res.Title, Site: res.Site, Author: res.Author, Date: res.Date, SourceURL: res.SourceURL, Tags: res.Tags}
		for _, p := range res.Paragraphs {
			c.Paragraphs = append(c.Paragraphs, res.Text[p.Start:p.End])
			if p.Heading {
				c.Headings = append(c.Headings, res.Text[p.Start:p.End])
			}
		}
		sharedtest.Check(t, name, g, lines[name], c)
	}
}
