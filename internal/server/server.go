package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure a Server.
type Options struct {
	// Token, when set, allows POST /api/v1/articles to whoever sends it
	// (Authorization: Bearer TOKEN). Without it the server is read-only.
	Token string
	// Private makes every request need the token, reads too: for an
	// address other machines reach. A browser sends it once as
	// ?token=TOKEN and keeps it in a cookie.
	Private bool
	// Log receives one line per failed request; nil logs nothing.
	Log *log.Logger
}

// Server serves the UI and the API over a store.
type Server struct {
	store  dossier.Store
	opt    Options
	pages  map[string]*template.Template
	mux    *http.ServeMux
	ingest sync.Mutex // one ingest at a time: relating reads and writes shared state
}

// New returns a Server over s.
func New(s dossier.Store, opt Options) (*Server, error) {
	srv := &Server{store: s, opt: opt, pages: map[string]*template.Template{}, mux: http.NewServeMux()}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		srv.pages[base] = t
	}
	srv.routes()
	return srv, nil
}

// ServeHTTP serves a request with the security headers every answer has.
func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// only this server's own scripts, styles and images; inline SVG is
	// markup, not a fetch, so it needs no exception
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if srv.opt.Private && !srv.authorized(r) {
		if t := r.URL.Query().Get("token"); t != "" && srv.tokenIs(t) {
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: t, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			u := *r.URL
			q := u.Query()
			q.Del("token")
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		srv.apiError(w, r, http.StatusUnauthorized, errors.New("this server needs its token: Authorization: Bearer TOKEN, or ?token=TOKEN once in a browser"))
		return
	}
	srv.mux.ServeHTTP(w, r)
}

func (srv *Server) routes() {
	m := srv.mux
	static, _ := fs.Sub(staticFS, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	m.HandleFunc("GET /{$}", srv.storiesPage)
	m.HandleFunc("GET /stories/{id}", srv.storyPage)
	m.HandleFunc("GET /articles/{id}", srv.articlePage)
	m.HandleFunc("GET /entities/{id...}", srv.entityPage)
	m.HandleFunc("GET /search", srv.searchPage)
	srv.seriesRoutes(m)

	m.HandleFunc("GET /api/v1/openapi.json", srv.openapi)
	m.HandleFunc("GET /api/v1/stories", srv.apiStories)
	m.HandleFunc("GET /api/v1/stories/{id}", srv.apiStory)
	m.HandleFunc("GET /api/v1/articles", srv.apiArticles)
	m.HandleFunc("POST /api/v1/articles", srv.apiIngest)
	m.HandleFunc("GET /api/v1/articles/{id}", srv.apiArticle)
	m.HandleFunc("GET /api/v1/figures", srv.apiFigures)
	m.HandleFunc("GET /api/v1/entities", srv.apiEntities)
	m.HandleFunc("GET /api/v1/entities/{id...}", srv.apiEntity)
	m.HandleFunc("GET /api/v1/copies", srv.apiCopies)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		srv.apiError(w, r, http.StatusNotFound, fmt.Errorf("no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		srv.pageError(w, r, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
	})
}

// Authorized tells whether r carries the token; false when none is set.
// Both sides are hashed first so the comparison takes the same time
// whatever the length or content of what was sent.
func (srv *Server) authorized(r *http.Request) bool {
	if srv.opt.Token == "" {
		return false
	}
	if srv.bearer(r) {
		return true
	}
	if c, err := r.Cookie(cookieName); err == nil {
		return srv.tokenIs(c.Value)
	}
	return false
}

const cookieName = "dossier_token"

// bearer tells whether r sends the token in its Authorization header:
// what writing needs (a cookie alone could be sent by another site's form).
func (srv *Server) bearer(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && srv.tokenIs(got)
}

func (srv *Server) tokenIs(got string) bool {
	if srv.opt.Token == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(srv.opt.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// status maps an error of the store or the query layer to an HTTP status.
func status(err error) int {
	var bad *badRequest
	switch {
	case errors.Is(err, dossier.ErrNotFound):
		return http.StatusNotFound
	case errors.As(err, &bad), strings.Contains(err.Error(), "ambiguous"), strings.Contains(err.Error(), "cursor"), strings.Contains(err.Error(), "no words to search"):
		return http.StatusBadRequest
	case errors.Is(err, context.Canceled):
		return 499
	}
	return http.StatusInternalServerError
}

// badRequest is a request the server cannot answer as asked.
type badRequest struct{ msg string }

func (e *badRequest) Error() string { return e.msg }

func (srv *Server) logf(format string, args ...any) {
	if srv.opt.Log != nil {
		srv.opt.Log.Printf(format, args...)
	}
}

// writeJSON answers v with an ETag; a request that already has this
// version (If-None-Match) gets 304 and no body.
func (srv *Server) writeJSON(w http.ResponseWriter, r *http.Request, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // the JSON may be read by a browser: keep "<" out of it
	if err := enc.Encode(v); err != nil {
		srv.apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	sum := sha256.Sum256(buf.Bytes())
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	if code == http.StatusOK {
		h.Set("ETag", etag)
		h.Set("Cache-Control", "no-cache")
		if etagMatch(r.Header.Get("If-None-Match"), etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// APIError is the body of every failed API call.
type APIError struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

func (srv *Server) apiError(w http.ResponseWriter, r *http.Request, code int, err error) {
	if code >= 500 {
		srv.logf("%s %s: %v", r.Method, r.URL, err)
	}
	srv.writeJSON(w, r, code, APIError{Status: code, Message: err.Error()})
}

// Serve listens on addr and serves until ctx ends, then shuts down
// cleanly: requests under way finish (for up to 10 s), new ones are refused.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// CheckAddr refuses to listen beyond this machine without a token: a
// loopback address (127.0.0.0/8, ::1, localhost) is fine without one.
func CheckAddr(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	if token == "" {
		return fmt.Errorf("address %q is reachable from other machines: give --token to serve on it", addr)
	}
	return nil
}

//go:embed openapi.json
var openapiDoc []byte

func (srv *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiDoc)
}
