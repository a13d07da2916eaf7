package extract

import (
	"errors"
	"strings"
	"testing"
)

func deepSidePage() string {
	para := "<p>The council voted on Monday to rebuild the old bridge over the river, a project that will cost about 12 million euros and take three years, the mayor said.</p>"
	return "<html><head><title>Council votes to rebuild the bridge</title></head><body><main><article><h1>Council votes to rebuild the bridge</h1>" +
		strings.Repeat(para, 4) + "</article></main><aside>" + strings.Repeat("<div>", 10000) + "widget" + strings.Repeat("</div>", 10000) + "</aside></body></html>"
}

// TestDeepSideElement: a sidebar widget nested 10,000 levels deep is cut,
// and the article beside it is kept.
func TestDeepSideElement(t *testing.T) {
	page := deepSidePage()
	// the work is bounded by what reaches the parser: the part below the
	// limit is cut before parsing, never parsed 10,000 levels deep
	pruned, cut := prune([]byte(page), MaxNesting-16)
	if !cut || depthOf(pruned) > MaxNesting-16 || strings.Contains(string(pruned), "widget") {
		t.Errorf("deep part not cut before parsing: cut %v, depth %d", cut, depthOf(pruned))
	}
	d, err := HTML("deep.html", []byte(page), "")
	if err != nil {
		t.Fatalf("page refused: %v", err)
	}
	if !strings.Contains(strings.Join(d.Lines, "\n"), "rebuild the old bridge") {
		t.Errorf("article lost: %q", d.Lines)
	}
	// a page that is nothing but the deep part is refused, saying why
	if _, err := HTML("deeper.html", []byte(strings.Repeat("<div>", 10000)+"x"), ""); !errors.Is(err, ErrTooDeep) {
		t.Errorf("want ErrTooDeep, got %v", err)
	}
}

// BenchmarkDeepSideElement is the cost of a page with a 10,000-deep
// sidebar (the test above checks that the deep part is cut first).
func BenchmarkDeepSideElement(b *testing.B) {
	page := []byte(deepSidePage())
	for b.Loop() {
		if _, err := HTML("deep.html", page, ""); err != nil {
			b.Fatal(err)
		}
	}
}
