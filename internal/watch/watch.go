package watch

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/fetch"
)

// Options tune a Watcher.
type Options struct {
	Every      time.Duration // between two polls of a URL; 0 means 15 minutes
	HostDelay  time.Duration // between two requests to one host; 0 means 2 s
	MaxBackoff time.Duration // longest wait after errors; 0 means 6 hours
	// MinSummary: a feed item whose text is shorter (in bytes) and that
	// has no full content is a summary, and its page is fetched. 0 means
	// 1,000.
	MinSummary int
}

// Ingest stores documents and says which were new; the watcher logs them.
type Ingest func(ctx context.Context, name string, docs []extract.Doc) error

// Watcher polls URLs until its context ends.
type Watcher struct {
	f      *fetch.Fetcher
	opt    Options
	ingest Ingest
	logf   func(format string, args ...any)

	mu   sync.Mutex
	last map[string]time.Time // host -> time of its last request
}

// New returns a Watcher fetching with f, storing with ingest and logging
// errors and polls with logf.
func New(f *fetch.Fetcher, opt Options, ingest Ingest, logf func(format string, args ...any)) *Watcher {
	if opt.Every <= 0 {
		opt.Every = 15 * time.Minute
	}
	if opt.HostDelay <= 0 {
		opt.HostDelay = 2 * time.Second
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 6 * time.Hour
	}
	if opt.MinSummary <= 0 {
		opt.MinSummary = 1000
	}
	return &Watcher{f: f, opt: opt, ingest: ingest, logf: logf, last: map[string]time.Time{}}
}

// target is the state of one watched URL.
type target struct {
	url                string
	etag, lastModified string
	seen               map[string]bool // feed items already handed on, by link or id
	failures           int
	next               time.Time
}

// Run polls urls until ctx ends, and returns nil then: stopping is the
// normal end of watching.
func (w *Watcher) Run(ctx context.Context, urls []string) error {
	targets := make([]*target, len(urls))
	for i, u := range urls {
		targets[i] = &target{url: u, seen: map[string]bool{}}
	}
	for {
		soonest := time.Time{}
		for _, t := range targets {
			if ctx.Err() != nil {
				return nil
			}
			if time.Now().Before(t.next) {
				if soonest.IsZero() || t.next.Before(soonest) {
					soonest = t.next
				}
				continue
			}
			if err := w.poll(ctx, t); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				t.failures++
				wait := w.opt.Every << min(t.failures, 16)
				if wait > w.opt.MaxBackoff || wait <= 0 {
					wait = w.opt.MaxBackoff
				}
				t.next = time.Now().Add(wait)
				w.logf("error: %v (next try in %s)", err, wait.Round(time.Second))
			} else {
				t.failures = 0
				t.next = time.Now().Add(w.opt.Every)
			}
			if soonest.IsZero() || t.next.Before(soonest) {
				soonest = t.next
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Until(soonest)):
		}
	}
}

// wait keeps the delay between two requests to one host.
func (w *Watcher) wait(ctx context.Context, rawURL string) error {
	host := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		host = u.Host
	}
	w.mu.Lock()
	at := w.last[host].Add(w.opt.HostDelay)
	now := time.Now()
	if at.Before(now) {
		at = now
	}
	w.last[host] = at
	w.mu.Unlock()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Until(at)):
		return nil
	}
}

// poll fetches one URL, if it changed, and ingests what is new in it.
func (w *Watcher) poll(ctx context.Context, t *target) error {
	if err := w.wait(ctx, t.url); err != nil {
		return err
	}
	r, err := w.f.GetIfChanged(ctx, t.url, t.etag, t.lastModified)
	if err != nil {
		return err
	}
	if r.NotModified {
		return nil
	}
	format := extract.Detect(t.url, r.Body)
	if strings.Contains(r.ContentType, "html") && format != extract.FormatFeed {
		format = extract.FormatHTML
	}
	docs, errs := extract.Parse(t.url, format, r.ContentType, r.URL, r.Body)
	for _, e := range errs {
		w.logf("error: %v", e)
	}
	if format == extract.FormatFeed && len(docs) == 0 && len(errs) > 0 {
		return fmt.Errorf("%s: feed not read", t.url)
	}
	var fresh []extract.Doc
	var keys []string
	for _, d := range docs {
		key := d.URL
		if key == "" {
			key = d.Input
		}
		if format == extract.FormatFeed && t.seen[key] {
			continue
		}
		if d.Partial && d.URL != "" && textLen(d.Lines) < w.opt.MinSummary {
			if full, err := w.page(ctx, d); err != nil {
				w.logf("error: %v (the feed's summary is kept)", err)
			} else {
				d = full
			}
		}
		fresh = append(fresh, d)
		keys = append(keys, key)
	}
	if err := w.ingest(ctx, t.url, fresh); err != nil {
		return err
	}
	for _, k := range keys {
		t.seen[k] = true
	}
	// validators are kept once what they cover is stored
	t.etag, t.lastModified = r.ETag, r.LastModified
	return nil
}

// page fetches the full article of a feed item that gave only a summary,
// keeping the feed's metadata where the page has none.
func (w *Watcher) page(ctx context.Context, item extract.Doc) (extract.Doc, error) {
	if err := w.wait(ctx, item.URL); err != nil {
		return item, err
	}
	r, err := w.f.Get(ctx, item.URL)
	if err != nil {
		return item, err
	}
	docs, errs := extract.Parse(item.URL, extract.FormatHTML, r.ContentType, r.URL, r.Body)
	if len(errs) > 0 {
		return item, errs[0]
	}
	d := docs[0]
	d.Input, d.URL = item.URL, item.URL
	if item.Title != "" {
		d.Title = item.Title
	}
	for _, kv := range [][2]*string{{&d.Date, &item.Date}, {&d.Site, &item.Site}, {&d.Author, &item.Author}, {&d.Lang, &item.Lang}} {
		if *kv[0] == "" {
			*kv[0] = *kv[1]
		}
	}
	d.Tags = append(d.Tags, item.Tags...)
	return d, nil
}

func textLen(lines []string) int {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return n
}
