package extract

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestDeepSideElement: a sidebar widget nested 10,000 levels deep is cut,
// and the article beside it is kept.
func TestDeepSideElement(t *testing.T) {
	para := "<p>The council voted on Monday to rebuild the old bridge over the river, a project that will cost about 12 million euros and take three years, the mayor said.</p>"
	page := "<html><head><title>Council votes to rebuild the bridge</title></head><body><main><article><h1>Council votes to rebuild the bridge</h1>" +
		strings.Repeat(para, 4) + "</article></main><aside>" + strings.Repeat("<div>", 10000) + "widget" + strings.Repeat("</div>", 10000) + "</aside></body></html>"
	t0 := time.Now()
	d, err := HTML("deep.html", []byte(page), "")
	if err != nil {
		t.Fatalf("page refused: %v", err)
	}
	if !strings.Contains(strings.Join(d.Lines, "\n"), "rebuild the old bridge") {
		t.Errorf("article lost: %q", d.Lines)
	}
	if el := time.Since(t0); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
	// a page that is nothing but the deep part is refused, saying why
	if _, err := HTML("deeper.html", []byte(strings.Repeat("<div>", 10000)+"x"), ""); !errors.Is(err, ErrTooDeep) {
		t.Errorf("want ErrTooDeep, got %v", err)
	}
}
