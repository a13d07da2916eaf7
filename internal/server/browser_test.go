package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/query"
)

// chromium finds the browser, or skips the test saying why; when
// DOSSIER_REQUIRE_CHROMIUM=1 or CI=true a missing browser fails it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium on PATH (apt-get install chromium): the browser tests of the web UI are skipped"
	if os.Getenv("DOSSIER_REQUIRE_CHROMIUM") == "1" || os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browser starts a headless Chromium of its own (fresh profile, nothing
// fetched in the background) and returns a context driving a tab.
func browser(t *testing.T, script bool) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1000, 1100),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// the first call starts the browser: no timeout on it, the browser
	// lives as long as its context
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if !script {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	tctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	ctx = tctx
	return ctx
}

// TestBrowser opens the stories page, a story and a series in headless
// Chromium: the timeline has one mark per dated claim, and selecting a
// mark shows that claim's evidence. It saves a screenshot of the series
// page under testdata/output (and to docs/series-page.png with
// DOSSIER_UPDATE_SCREENSHOT=1).
func TestBrowser(t *testing.T) {
	srv, s := fixture(t, Options{})
	ctx := browser(t, true)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	story := firstStory(t, s)
	v, err := s.OneSeries(context.Background(), firstSeries(t, srv))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, c := range v.Claims {
		if _, ok := chart.Day(c.Date); ok && (c.Value != nil || c.Low != nil || c.High != nil) {
			want++
		}
	}
	if want == 0 {
		t.Fatalf("series %s has no dated claim", v.ID)
	}
	run := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	count := func(css string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", css)))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	run(chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("ol.stories")))
	stories := count("li.story-row")
	run(chromedp.Navigate(ts.URL+"/stories/"+story), chromedp.WaitVisible(chromedp.CSS("svg.coverage")))
	coverage := count("svg.coverage rect")
	run(chromedp.Navigate(ts.URL+"/series/"+v.ID), chromedp.WaitVisible(chromedp.CSS("svg.timeline")))
	marks := count("svg.timeline a.mark")
	first, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("svg.timeline a.mark"), "data-claim"))
	if err != nil {
		t.Fatal(err)
	}
	run(chromedp.Click(chromedp.CSS("svg.timeline a.mark")), chromedp.WaitVisible(chromedp.CSS("#evidence")))
	evidence, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#evidence")))
	if err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("evidence").hidden`))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if stories == 0 || coverage == 0 {
		t.Errorf("stories page shows %d stories, story page %d coverage bars", stories, coverage)
	}
	if marks != want {
		t.Errorf("timeline has %d marks, want one per dated claim (%d)", marks, want)
	}
	var claimSentence string
	for _, c := range v.Claims {
		if strings.TrimPrefix(query.Anchor(c.ID), "claim-") == first.Value {
			claimSentence = strings.Join(strings.Fields(c.Sentence), " ")
		}
	}
	if hidden || claimSentence == "" || !strings.Contains(strings.Join(strings.Fields(evidence), " "), claimSentence) {
		t.Errorf("selecting mark %s showed %q (hidden %v), want its sentence %q", first.Value, evidence, hidden, claimSentence)
	}
	saveShot(t, shot)
}

// TestBrowserWithoutScript: with JavaScript off a mark is a link to its
// claim's row, which then holds the evidence.
func TestBrowserWithoutScript(t *testing.T) {
	srv, _ := fixture(t, Options{})
	ctx := browser(t, false)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	id := firstSeries(t, srv)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/series/"+id), chromedp.WaitVisible(chromedp.CSS("svg.timeline"))); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("svg.timeline a.mark"), "data-claim"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("svg.timeline a.mark")), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	hash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
	if err != nil {
		t.Fatal(err)
	}
	if hash != "#claim-"+first.Value {
		t.Fatalf("without script the mark led to %q, want #claim-%s", hash, first.Value)
	}
	row, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("tr:target .evidence-sentence")))
	if err != nil || row == "" {
		t.Errorf("the claim's row shows no evidence: %q, %v", row, err)
	}
}

func saveShot(t *testing.T, png []byte) {
	t.Helper()
	dir := filepath.Join("testdata", "output")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "series-page.png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d KB)", p, len(png)/1024)
	if os.Getenv("DOSSIER_UPDATE_SCREENSHOT") == "1" {
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "series-page.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
