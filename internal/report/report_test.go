package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

func TestFormats(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{"../../examples/corpus"}, nil, func(ingest.Event) {}, nil); err != nil {
		t.Fatal(err)
	}
	sts, _ := s.Stories(ctx)
	r, err := Load(ctx, s, sts[0].ID[:5])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, f, r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[f] = b.String()
	}
	h := out["html"]
	for _, want := range []string{"<svg", `class="chart coverage"`, "<style>", sts[0].Title, "Figures and their evidence"} {
		if !strings.Contains(h, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", `src="http`, `href="/`, "<link"} {
		if strings.Contains(h, bad) {
			t.Errorf("html is not self-contained: has %q", bad)
		}
	}
	// the claims of the story's series (which may reach other stories'
	// articles), then the story's figures in no series
	want := 1
	inSeries := map[string]bool{}
	for _, se := range r.Series {
		want += len(se.Claims)
		for _, c := range se.Claims {
			inSeries[figKey(c.Article, c.Start, c.End, c.Field)] = true
		}
	}
	for _, f := range r.Figures {
		if !inSeries[figKey(f.Doc, f.Start, f.End, f.Field)] {
			want++
		}
	}
	rows, err := csv.NewReader(strings.NewReader(out["csv"])).ReadAll()
	if err != nil || len(rows) != want || rows[0][0] != "series" || len(r.Series) == 0 {
		t.Errorf("csv: %d rows, want %d (%d series), %v", len(rows), want, len(r.Series), err)
	}
	if !strings.Contains(h, `class="chart timeline"`) || strings.Count(h, `class="mark"`) == 0 {
		t.Error("html lacks the series timelines")
	}
	var back map[string]any
	if err := json.Unmarshal([]byte(out["json"]), &back); err != nil || back["story"] == nil || back["figures"] == nil {
		t.Errorf("json: %v", err)
	}
	if !strings.HasPrefix(out["md"], "# ") || !strings.Contains(out["md"], "## Articles") {
		t.Errorf("md:\n%s", out["md"])
	}
	if err := Write(&bytes.Buffer{}, "pdf", r); err == nil {
		t.Error("pdf accepted")
	}
	if _, err := Load(ctx, s, "zzzz"); err == nil {
		t.Error("an unknown story loaded")
	}
}
