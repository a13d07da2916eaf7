package fetch

import (
	"context"
	"errors"
	"net"
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

// TestRobotsAfterRedirect: a redirect to a path robots.txt disallows, on
// the same host or another, is not followed.
func TestRobotsAfterRedirect(t *testing.T) {
	other := server(t) // disallows /private/
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /closed/\n"))
	})
	mux.HandleFunc("/here", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/closed/page", http.StatusFound) })
	mux.HandleFunc("/there", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/private/x", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/fine", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, other.URL+"/a", http.StatusFound) })
	mux.HandleFunc("/closed/page", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	s := httptest.NewServer(mux)
	defer s.Close()
	f := New(2*time.Second, 1<<20, true)
	ctx := context.Background()
	for _, path := range []string{"/here", "/there"} {
		if r, err := f.Get(ctx, s.URL+path); !errors.Is(err, ErrRobots) {
			t.Errorf("Get(%s) = %v, %v; want ErrRobots", path, r, err)
		}
	}
	if r, err := f.Get(ctx, s.URL+"/fine"); err != nil || !strings.Contains(string(r.Body), "ok") {
		t.Errorf("allowed redirect: %v, %v", r, err)
	}
}

func TestPublic(t *testing.T) {
	tests := map[string]bool{
		"93.184.216.34": true, "2606:2800:220:1:248:1893:25c8:1946": true, "8.8.8.8": true,
		"100.64.0.1": false, "100.127.255.254": false, "0.1.2.3": false, "255.255.255.255": false, "240.0.0.1": false,
		"64:ff9b::808:808": false, "64:ff9b:1::1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"127.0.0.1": false, "169.254.169.254": false, "192.0.0.8": false, "192.0.2.1": false, "198.18.0.1": false,
		"198.51.100.7": false, "203.0.113.9": false, "224.0.0.1": false, "::1": false, "::": false, "fe80::1": false,
		"fc00::1": false, "fd12::1": false, "2001:db8::1": false, "2002:c000:0204::1": false, "2001::1": false,
		"100::1": false, "::ffff:127.0.0.1": false, "::ffff:100.64.0.1": false, "::ffff:93.184.216.34": true,
		"ff02::1": false, "3fff::1": false, "5f00::1": false, "::127.0.0.1": false,
	}
	for s, want := range tests {
		if got := Public(net.ParseIP(s)); got != want {
			t.Errorf("Public(%s) = %v, want %v", s, got, want)
		}
	}
	// refused at connect time, whatever name leads there
	if _, err := New(time.Second, 1024, false).Get(context.Background(), "http://100.64.0.1:9/x"); !errors.Is(err, ErrPrivate) {
		t.Errorf("shared address space: %v", err)
	}
}
