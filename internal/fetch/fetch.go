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
	ErrPrivate     = errors.New("address is private, loopback or link-local (use --allow-private to allow)")
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
	return &Fetcher{
		client: &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			return nil
		}},
		maxSize: maxSize,
		robots:  map[string]*robotstxt.RobotsData{},
	}
}

// Public reports whether ip is a public unicast address.
func Public(ip net.IP) bool {
	return !(ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast())
}

// Response is a fetched document.
type Response struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
}

// Get fetches rawURL after checking robots.txt.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http(s) URL", rawURL)
	}
	if ok, err := f.allowed(ctx, u); err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	} else if !ok {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrRobots)
	}
	resp, err := f.get(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	defer resp.Body.Close()
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
	return &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

func (f *Fetcher) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivate) {
			return nil, ErrPrivate
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
		resp, err := f.get(ctx, key+"/robots.txt")
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
