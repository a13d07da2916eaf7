package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/fetch"
)

// site is a news site with a feed that grows, pages, a robots.txt and a
// broken URL, counting what it is asked.
type site struct {
	mu       sync.Mutex
	items    []string
	etag     string
	hits     map[string]int // path -> requests
	notMod   int            // feed requests answered 304
	times    []time.Time    // of every request but robots.txt
	srv      *httptest.Server
	errTimes []time.Time
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, etag: `"v1"`}
	para := "<p>Le conseil municipal a voté mardi soir le budget de la rénovation du pont, après trois heures de débat entre la majorité et l'opposition, et les travaux commenceront en juin.</p>"
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.hits[r.URL.Path]++
		s.times = append(s.times, time.Now())
		if r.Header.Get("If-None-Match") == s.etag {
			s.notMod++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", s.etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Le Site</title>%s</channel></rss>`, strings.Join(s.items, ""))
	})
	mux.HandleFunc("/page2", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.times = append(s.times, time.Now())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Le pont</title></head><body><article><h1>Le pont</h1>%s%s<p>La page complète seulement.</p></article></body></html>", para, para)
	})
	mux.HandleFunc("/private/3", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		w.Write([]byte("<html><body><p>secret</p></body></html>"))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.errTimes = append(s.errTimes, time.Now())
		s.mu.Unlock()
		http.Error(w, "down", http.StatusInternalServerError)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	full := fmt.Sprintf(`<item><title>Un</title><link>%s/1</link><description>court</description><content:encoded><![CDATA[%s%s]]></content:encoded></item>`, s.srv.URL, para, para)
	summary := fmt.Sprintf(`<item><title>Deux</title><link>%s/page2</link><description>Le budget du pont est voté.</description></item>`, s.srv.URL)
	private := fmt.Sprintf(`<item><title>Trois</title><link>%s/private/3</link><description>Un résumé seulement.</description></item>`, s.srv.URL)
	s.items = []string{full, summary, private}
	return s
}

func (s *site) add(item string) {
	s.mu.Lock()
	s.items = append(s.items, item)
	s.etag = `"v2"`
	s.mu.Unlock()
}

func TestWatch(t *testing.T) {
	s := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var got []extract.Doc
	var logs []string
	ingest := func(ctx context.Context, name string, docs []extract.Doc) error {
		mu.Lock()
		got = append(got, docs...)
		mu.Unlock()
		return nil
	}
	logf := func(format string, args ...any) {
		mu.Lock()
		logs = append(logs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	w := New(fetch.New(2*time.Second, 1<<20, true), Options{Every: 150 * time.Millisecond, HostDelay: 40 * time.Millisecond}, ingest, logf)
	done := make(chan error)
	go func() { done <- w.Run(ctx, []string{s.srv.URL + "/feed.xml", s.srv.URL + "/broken"}) }()
	time.Sleep(700 * time.Millisecond)
	s.add(fmt.Sprintf(`<item><title>Quatre</title><link>%s/4</link><content:encoded><![CDATA[<p>Un quatrième article, publié plus tard dans la journée, avec assez de texte pour compter.</p>]]></content:encoded></item>`, s.srv.URL))
	time.Sleep(1200 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("watch did not stop when cancelled")
	}
	mu.Lock()
	defer mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	byURL := map[string]extract.Doc{}
	for _, d := range got {
		if _, dup := byURL[d.URL]; dup {
			t.Errorf("item %s handed on twice", d.URL)
		}
		byURL[d.URL] = d
	}
	if len(byURL) != 4 {
		t.Errorf("%d articles, want 4: %v", len(byURL), byURL)
	}
	// the summary-only item: its page, once
	if d := byURL[s.srv.URL+"/page2"]; !strings.Contains(strings.Join(d.Lines, "\n"), "La page complète seulement.") || d.Title != "Deux" {
		t.Errorf("summary item not completed from its page: %+v", d)
	}
	if s.hits["/page2"] != 1 {
		t.Errorf("page fetched %d times", s.hits["/page2"])
	}
	// robots.txt: the disallowed page is not fetched, the summary is kept
	if s.hits["/private/3"] != 0 || !strings.Contains(strings.Join(byURL[s.srv.URL+"/private/3"].Lines, ""), "Un résumé seulement.") {
		t.Errorf("private page fetched %d times; doc %+v", s.hits["/private/3"], byURL[s.srv.URL+"/private/3"])
	}
	// conditional requests: unchanged polls cost a 304
	if s.notMod < 3 || s.hits["/feed.xml"] < 5 {
		t.Errorf("feed polled %d times, %d not modified", s.hits["/feed.xml"], s.notMod)
	}
	// per-host delay between any two requests: the server sees arrivals,
	// which scheduling on a loaded machine can bring closer than the
	// client spaced them, so half the 40 ms delay is the bar (with no delay
	// at all, requests arrive well under a millisecond apart)
	for i := 1; i < len(s.times); i++ {
		if gap := s.times[i].Sub(s.times[i-1]); gap < 20*time.Millisecond {
			t.Errorf("requests %d and %d to one host %v apart", i-1, i, gap)
		}
	}
	// backoff: the broken URL's polls are further and further apart
	if n := len(s.errTimes); n < 2 || n > 4 {
		t.Errorf("broken URL polled %d times in 1.9 s (every 150 ms, doubling)", n)
	} else if n > 2 && 2*s.errTimes[n-1].Sub(s.errTimes[n-2]) < 3*s.errTimes[1].Sub(s.errTimes[0]) {
		t.Errorf("no backoff: %v", s.errTimes)
	}
	var errLogs int
	for _, l := range logs {
		if strings.Contains(l, "/broken") {
			errLogs++
		}
	}
	if errLogs == 0 {
		t.Errorf("errors not logged: %q", logs)
	}
}
