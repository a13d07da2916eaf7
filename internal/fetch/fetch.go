// Package fetch gets articles and feeds over HTTP the way a polite crawler
// does: a User-Agent that names dossier, robots.txt respected, a timeout, a
// size cap, and no requests to private, loopback or link-local addresses
// unless allowed (a URL in a feed must not reach into the user's network).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"syscall"
	"time"

	"github.com/temoto/robotstxt"
)

// UserAgent is sent with every request.
const UserAgent = "dossier/0.1 (+https://github.com/dossier-news/dossier; news research tool)"

// Errors of fetching, wrapped with the URL.
var (
	ErrPrivate     = errors.New("address is private, loopback, link-local or of another special use (use --allow-private to allow)")
	ErrRobots      = errors.New("disallowed by robots.txt")
	ErrTooLarge    = errors.New("response larger than the size limit")
	ErrStatus      = errors.New("HTTP error")
	ErrUnreachable = errors.New("unreachable")
)

// Fetcher fetches URLs. The zero value is not usable; use New.
type Fetcher struct {
	client  *http.Client
	maxSize int64
	mu      sync.Mutex
	robots  map[string]*robotstxt.RobotsData
}

// New returns a Fetcher with the given per-request timeout and size cap.
func New(timeout time.Duration, maxSize int64, allowPrivate bool) *Fetcher {
	d := &net.Dialer{Timeout: timeout}
	if !allowPrivate {
		d.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !Public(ip) {
				return ErrPrivate
			}
			return nil
		}
	}
	tr := &http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: timeout, ResponseHeaderTimeout: timeout, Proxy: nil}
	f := &Fetcher{maxSize: maxSize, robots: map[string]*robotstxt.RobotsData{}}
	f.client = &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		// each redirect target is a new request: its robots.txt decides
		// (the robots.txt of its host is fetched by the same client,
		// whose redirects are checked in turn)
		if req.URL.Path == "/robots.txt" {
			return nil
		}
		ok, err := f.allowed(req.Context(), req.URL)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("redirect to %s: %w", req.URL, ErrRobots)
		}
		return nil
	}}
	return f
}

// specialUse are the blocks of the IANA IPv4 and IPv6 Special-Purpose
// Address Registries (RFC 6890 and its updates), with multicast and the
// deprecated site-local block: none is where a news page lives, and some
// reach into the user's or a cloud's network (100.64.0.0/10 holds some
// metadata services, 64:ff9b::/96 translates to any IPv4 address).
var specialUse = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		// IPv4
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
		"192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24",
		"192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
		"224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
		// IPv6
		"::/128", "::1/128", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64",
		"2001::/23", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16",
		"fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// Public reports whether ip is a globally reachable unicast address: in
// none of the special-use blocks (an IPv4-mapped IPv6 address is judged
// as its IPv4 address).
func Public(ip net.IP) bool {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return false
	}
	a = a.Unmap()
	for _, p := range specialUse {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Response is a fetched document.
type Response struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
	// validators for a conditional request of the same URL later
	ETag, LastModified string
	// NotModified: a conditional request found the document unchanged
	// (Body is empty).
	NotModified bool
}

// Get fetches rawURL after checking robots.txt.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	return f.GetIfChanged(ctx, rawURL, "", "")
}

// GetIfChanged fetches rawURL as Get does, conditionally when etag or
// lastModified (from an earlier Response) are given: an unchanged
// document is a Response with NotModified set and costs the server
// nothing to send.
func (f *Fetcher) GetIfChanged(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http(s) URL", rawURL)
	}
	if ok, err := f.allowed(ctx, u); err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	} else if !ok {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrRobots)
	}
	hdr := http.Header{}
	if etag != "" {
		hdr.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		hdr.Set("If-Modified-Since", lastModified)
	}
	resp, err := f.get(ctx, u.String(), hdr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && (etag != "" || lastModified != "") {
		return &Response{URL: resp.Request.URL.String(), NotModified: true, ETag: etag, LastModified: lastModified}, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %w %d", rawURL, ErrStatus, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", rawURL, err)
	}
	if int64(len(body)) > f.maxSize {
		return nil, fmt.Errorf("%s: %w (%d bytes)", rawURL, ErrTooLarge, f.maxSize)
	}
	return &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil
}

func (f *Fetcher) get(ctx context.Context, u string, hdr http.Header) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivate) {
			return nil, ErrPrivate
		}
		if errors.Is(err, ErrRobots) {
			return nil, unwrapURLError(err)
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, fmt.Errorf("%w: timed out", ErrUnreachable)
		}
		return nil, fmt.Errorf("%w: %v", ErrUnreachable, unwrapURLError(err))
	}
	return resp, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// allowed fetches and caches the host's robots.txt. A missing robots.txt
// allows everything; an unreachable host is reported as such.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	r, ok := f.robots[key]
	f.mu.Unlock()
	if !ok {
		resp, err := f.get(ctx, key+"/robots.txt", nil)
		if err != nil {
			return false, err
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
		resp.Body.Close()
		r, err = robotstxt.FromStatusAndBytes(resp.StatusCode, body)
		if err != nil {
			r = nil // unparseable robots.txt: treat as absent
		}
		f.mu.Lock()
		f.robots[key] = r
		f.mu.Unlock()
	}
	if r == nil {
		return true, nil
	}
	return r.TestAgent(u.Path, "dossier"), nil
}
