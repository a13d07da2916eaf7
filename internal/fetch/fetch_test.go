package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func server(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.UserAgent(), "dossier/") {
			http.Error(w, "no UA", 400)
			return
		}
		w.Write([]byte("<html><body><p>ok</p></body></html>"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 4096)) })
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestGet(t *testing.T) {
	s := server(t)
	ctx := context.Background()
	f := New(2*time.Second, 1024, true)
	r, err := f.Get(ctx, s.URL+"/a")
	if err != nil || !strings.Contains(string(r.Body), "ok") {
		t.Fatalf("Get = %v, %v", r, err)
	}
	for path, want := range map[string]error{"/big": ErrTooLarge, "/private/x": ErrRobots, "/gone": ErrStatus} {
		if _, err := f.Get(ctx, s.URL+path); !errors.Is(err, want) {
			t.Errorf("Get(%s) error = %v, want %v", path, err, want)
		}
	}
	if _, err := New(time.Second, 1024, false).Get(ctx, s.URL+"/a"); !errors.Is(err, ErrPrivate) {
		t.Errorf("loopback without allow-private: %v", err)
	}
	if _, err := f.Get(ctx, "ftp://x/y"); err == nil {
		t.Error("ftp URL accepted")
	}
	if _, err := f.Get(ctx, "http://127.0.0.1:1/a"); !errors.Is(err, ErrUnreachable) {
		t.Errorf("closed port: %v", err)
	}
}
