// Package watch follows live feeds and pages: it polls each URL with
// conditional requests (ETag, Last-Modified), reads the new items of a
// feed (fetching the full page of an item when the feed gives only its
// summary), and hands what is new to the ingest pipeline. Requests go
// through internal/fetch (robots.txt, address checks), one host at a time
// with a delay between requests to the same host; a URL that fails is
// polled again later and later (exponential backoff).
package watch
