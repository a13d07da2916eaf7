package server

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// fixture is a store with the example corpus and a server over it.
func fixture(t testing.TB, opt Options) (*Server, dossier.Store) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{"../../examples/corpus"}, nil, func(ingest.Event) {}, nil); err != nil {
		t.Fatal(err)
	}
	srv, err := New(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return srv, s
}

func get(t testing.TB, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// firstStory is the id of the largest story.
func firstStory(t testing.TB, s dossier.Store) string {
	t.Helper()
	sts, err := s.Stories(context.Background())
	if err != nil || len(sts) == 0 {
		t.Fatalf("stories: %v, %v", sts, err)
	}
	return sts[0].ID
}

// normalise drops what changes from run to run (ingest times).
func normalise(b []byte) []byte {
	return regexp.MustCompile(`"ingested_at": ?"[^"]*"`).ReplaceAll(b, []byte(`"ingested_at": "-"`))
}

func TestAPIGolden(t *testing.T) {
	srv, s := fixture(t, Options{})
	story := firstStory(t, s)
	infoflash, riverpost := articleID(t, s, "InfoFlash 24"), articleID(t, s, "The River Post")
	for _, c := range []struct{ name, path string }{
		{"stories", "/api/v1/stories"},
		{"stories-page", "/api/v1/stories?limit=1"},
		{"story", "/api/v1/stories/" + story[:5]},
		{"articles", "/api/v1/articles?limit=3"},
		{"articles-fr", "/api/v1/articles?lang=fr&from=2025-03-15"},
		{"search", "/api/v1/articles?q=" + url.QueryEscape("crue Loire")},
		{"article", "/api/v1/articles/" + infoflash[:4]},
		{"figures", "/api/v1/figures?thing=habitant&min_modality=fact"},
		{"entities", "/api/v1/entities?type=place"},
		{"entity", "/api/v1/entities/" + url.PathEscape("Orléans")},
		{"copies", "/api/v1/copies"},
		{"copies-article", "/api/v1/copies?article=" + riverpost},
		{"series", "/api/v1/series?min_claims=3"},
		{"series-claims", "/api/v1/series?limit=2&claims=true"},
		{"series-one", "/api/v1/series/" + firstSeries(t, srv)},
		{"error-404", "/api/v1/articles/zzzz"},
		{"error-limit", "/api/v1/articles?limit=0"},
		{"error-cursor", "/api/v1/stories?cursor=bogus"},
		{"error-route", "/api/v1/nothing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := get(t, srv, c.path)
			var v any
			if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
				t.Fatalf("%s: not JSON (%d): %s", c.path, w.Code, w.Body)
			}
			got, _ := json.MarshalIndent(v, "", "  ")
			got = append(normalise(got), '\n')
			golden := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/server -run APIGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (status %d):\n%s", c.path, golden, w.Code, got)
			}
			if strings.HasPrefix(c.name, "error") {
				var e APIError
				json.Unmarshal(w.Body.Bytes(), &e)
				if e.Status != w.Code || e.Message == "" || w.Code < 400 {
					t.Errorf("error body %+v with status %d", e, w.Code)
				}
			}
		})
	}
}

func TestPagesAnswer(t *testing.T) {
	srv, s := fixture(t, Options{})
	story := firstStory(t, s)
	infoflash := articleID(t, s, "InfoFlash 24")
	for _, c := range []struct {
		path string
		code int
		has  string
	}{
		{"/", 200, story},
		{"/stories/" + story[:4], 200, `class="chart coverage"`},
		{"/articles/" + infoflash[:4], 200, `<mark class="fig"`},
		{"/entities/" + url.PathEscape("country:FR"), 200, "France"},
		{"/entities/Orl%C3%A9ans", 200, "Orléans"},
		{"/search?q=crue&lang=fr", 200, "<mark>"},
		{"/search?q=crue&from=nope", 400, "date"},
		{"/search", 200, "<form"},
		{"/articles/zzzz", 404, "not found"},
		{"/stories/zzzz", 404, "not found"},
		{"/nowhere", 404, "no page"},
		{"/static/app.js", 200, "evidence"},
		{"/series/" + firstSeries(t, srv), 200, `class="mark"`},
		{"/series/zzzz", 404, "not found"},
	} {
		w := get(t, srv, c.path)
		if w.Code != c.code || !strings.Contains(w.Body.String(), c.has) {
			t.Errorf("GET %s = %d, want %d with %q:\n%.400s", c.path, w.Code, c.code, c.has, w.Body)
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "http") {
			t.Errorf("GET %s: CSP %q", c.path, csp)
		}
		// nothing fetched from elsewhere: no src or href to another host
		if m := regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).FindString(w.Body.String()); m != "" && !strings.Contains(c.path, "articles") {
			t.Errorf("GET %s links out: %s", c.path, m)
		}
		if m := regexp.MustCompile(`(?i)src="(https?:)?//`).FindString(w.Body.String()); m != "" {
			t.Errorf("GET %s loads from elsewhere: %s", c.path, m)
		}
	}
}

func TestPagination(t *testing.T) {
	srv, s := fixture(t, Options{})
	all, _ := s.List(context.Background(), dossier.ListFilter{})
	for _, path := range []string{"/api/v1/articles?limit=2", "/api/v1/figures?limit=4", "/api/v1/entities?limit=3", "/api/v1/articles?q=Loire&limit=2"} {
		var ids []string
		next := ""
		for pages := 0; pages < 50; pages++ {
			p := path
			if next != "" {
				p += "&cursor=" + url.QueryEscape(next)
			}
			w := get(t, srv, p)
			var page struct {
				Items []map[string]any `json:"items"`
				Next  string           `json:"next"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &page); err != nil || w.Code != 200 {
				t.Fatalf("%s: %d %s", p, w.Code, w.Body)
			}
			for _, it := range page.Items {
				ids = append(ids, fmt.Sprint(it["id"], it["doc"], it["start"]))
			}
			if next = page.Next; next == "" {
				break
			}
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s on two pages", path, id)
			}
			seen[id] = true
		}
		if strings.HasPrefix(path, "/api/v1/articles?limit") && len(ids) != len(all) {
			t.Errorf("%s: pages hold %d articles, the store %d", path, len(ids), len(all))
		}
	}
}

func TestETag(t *testing.T) {
	srv, _ := fixture(t, Options{})
	w := get(t, srv, "/api/v1/stories")
	etag := w.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if w2 := get(t, srv, "/api/v1/stories", "If-None-Match", etag); w2.Code != http.StatusNotModified || w2.Body.Len() != 0 {
		t.Errorf("If-None-Match %s = %d with %d bytes, want 304 and none", etag, w2.Code, w2.Body.Len())
	}
	if w3 := get(t, srv, "/api/v1/stories", "If-None-Match", `"other"`); w3.Code != 200 {
		t.Errorf("another ETag = %d", w3.Code)
	}
}

const hostileText = `Le Courrier Hostile
<script>alert("x")</script> Titre "onload=alert(1) piégé
Selon l'AFP, <script>alert(document.cookie)</script> 3 000 soldats "onload="alert(2)" ont été envoyés à javascript:alert(3) Koursk, a indiqué <img src=x onerror=alert(4)>.
Un second paragraphe cite <a href="javascript:alert(5)">un lien</a> et </textarea><svg onload=alert(6)> pour voir.
`

// TestEscaping ingests an article full of markup through the API and
// checks that no page, answer or report lets it through as markup.
func TestEscaping(t *testing.T) {
	srv, s := fixture(t, Options{Token: "sekret"})
	r := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(hostileText))
	r.Header.Set("Authorization", "Bearer sekret")
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	var res IngestResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != http.StatusCreated || res.Ingested != 1 {
		t.Fatalf("POST = %d %s", w.Code, w.Body)
	}
	id := res.Articles[0].ID
	art, err := s.Article(context.Background(), id)
	if err != nil || !strings.Contains(art.Text+art.Title, "<script>") {
		t.Fatalf("the hostile text was not stored as text: %+v, %v", art, err)
	}
	pages := []string{"/", "/articles/" + id, "/search?q=alert", "/search?q=soldats", "/api/v1/articles/" + id, "/api/v1/articles?q=alert"}
	sts, _ := s.Stories(context.Background())
	for _, st := range sts {
		pages = append(pages, "/stories/"+st.ID, "/api/v1/stories/"+st.ID)
	}
	for _, e := range art.Mentions {
		pages = append(pages, "/entities/"+url.PathEscape(e.Entity))
	}
	for _, p := range pages {
		w := get(t, srv, p)
		if w.Code != 200 {
			t.Errorf("GET %s = %d", p, w.Code)
		}
		checkInert(t, p, w.Body.String())
	}
	for _, st := range sts {
		for _, f := range []string{"html", "md"} {
			body := reportOf(t, s, st.ID, f)
			if f == "md" {
				checkMarkdown(t, body)
			} else {
				checkInert(t, "report "+f, body)
			}
		}
	}
}

// checkInert fails when body holds the hostile markup as markup.
func checkInert(t *testing.T, where, body string) {
	t.Helper()
	for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", `href="javascript:`, `"onload="alert`, "</textarea><svg", `<a href="javascript`} {
		if strings.Contains(body, bad) {
			i := strings.Index(body, bad)
			t.Errorf("%s lets %q through: …%s…", where, bad, body[max(0, i-80):min(len(body), i+80)])
		}
	}
	if strings.Contains(body, "<script") && !strings.Contains(body, `<script src="/static/app.js" defer></script>`) {
		t.Errorf("%s has a script that is not the server's own", where)
	}
}

// checkMarkdown fails when Markdown holds a tag or a javascript: link:
// quotes and words are harmless there once "<" is escaped.
func checkMarkdown(t *testing.T, body string) {
	t.Helper()
	for _, bad := range []string{"<script", "<img", "<svg", "<a ", "</", "](javascript:"} {
		if strings.Contains(body, bad) {
			t.Errorf("report md lets %q through", bad)
		}
	}
}

func TestIngestNeedsTheToken(t *testing.T) {
	body := "Le Journal\nUn titre\nUn texte sur 12 soldats envoyés, selon l'AFP, assez long pour un article.\n"
	for _, c := range []struct {
		token, auth string
		code        int
	}{
		{"", "", http.StatusForbidden},
		{"", "Bearer x", http.StatusForbidden},
		{"sekret", "", http.StatusUnauthorized},
		{"sekret", "Bearer sekre", http.StatusUnauthorized},
		{"sekret", "Bearer sekrett", http.StatusUnauthorized},
		{"sekret", "Basic sekret", http.StatusUnauthorized},
		{"sekret", "Bearer sekret", http.StatusCreated},
	} {
		srv, s := fixture(t, Options{Token: c.token})
		before, _ := s.List(context.Background(), dossier.ListFilter{})
		r := httptest.NewRequest("POST", "/api/v1/articles", strings.NewReader(body))
		if c.auth != "" {
			r.Header.Set("Authorization", c.auth)
		}
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, r)
		after, _ := s.List(context.Background(), dossier.ListFilter{})
		if w.Code != c.code {
			t.Errorf("token %q, %q: %d %s, want %d", c.token, c.auth, w.Code, w.Body, c.code)
		}
		if stored := len(after) - len(before); (c.code == http.StatusCreated) != (stored == 1) {
			t.Errorf("token %q, %q: %d articles stored", c.token, c.auth, stored)
		}
	}
}

func TestPrivateNeedsTheTokenToRead(t *testing.T) {
	srv, _ := fixture(t, Options{Token: "sekret", Private: true})
	if w := get(t, srv, "/"); w.Code != http.StatusUnauthorized {
		t.Errorf("GET / without the token = %d", w.Code)
	}
	if w := get(t, srv, "/api/v1/stories", "Authorization", "Bearer sekret"); w.Code != 200 {
		t.Errorf("GET with the token = %d", w.Code)
	}
	w := get(t, srv, "/?token=sekret")
	if w.Code != http.StatusSeeOther || len(w.Result().Cookies()) != 1 {
		t.Fatalf("?token= = %d, cookies %v", w.Code, w.Result().Cookies())
	}
	c := w.Result().Cookies()[0]
	if w := get(t, srv, "/", "Cookie", c.Name+"="+c.Value); w.Code != 200 {
		t.Errorf("GET with the cookie = %d", w.Code)
	}
	if w := get(t, srv, "/?token=wrong"); w.Code != http.StatusUnauthorized {
		t.Errorf("a wrong ?token= = %d", w.Code)
	}
}

func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true}, {"localhost:80", "", true}, {"[::1]:8080", "", true}, {"127.0.0.2:1", "", true},
		{":8080", "", false}, {"0.0.0.0:8080", "", false}, {"192.168.1.2:8080", "", false}, {"0.0.0.0:8080", "t", true}, {"nope", "", false},
	} {
		if err := CheckAddr(c.addr, c.token); (err == nil) != c.ok {
			t.Errorf("CheckAddr(%q, %q) = %v", c.addr, c.token, err)
		}
	}
}

// TestServeShutsDownCleanly: when the context ends (Ctrl-C), a request
// under way completes and Serve returns nil.
func TestServeShutsDownCleanly(t *testing.T) {
	srv, _ := fixture(t, Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, srv) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/stories")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the context ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("still answering after shutdown")
	}
}

// TestOpenAPI checks the OpenAPI document against the handlers: every
// documented path answers, every answer's fields are documented with
// their type, every required field is there, and every route is documented.
func TestOpenAPI(t *testing.T) {
	srv, s := fixture(t, Options{})
	var doc map[string]any
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if w := get(t, srv, "/api/v1/openapi.json"); w.Code != 200 || !bytes.Equal(w.Body.Bytes(), openapiDoc) {
		t.Errorf("GET openapi.json = %d", w.Code)
	}
	story := firstStory(t, s)
	ids := map[string]string{"/stories/{id}": story, "/articles/{id}": articleID(t, s, "InfoFlash 24"), "/entities/{id}": "country:FR", "/series/{id}": firstSeries(t, srv)}
	paths := doc["paths"].(map[string]any)
	var names []string
	for p := range paths {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		op, ok := paths[p].(map[string]any)["get"].(map[string]any)
		if !ok {
			continue
		}
		u := "/api/v1" + p
		if strings.Contains(p, "{id}") {
			if ids[p] == "" {
				t.Errorf("%s: no id to try", p)
				continue
			}
			u = strings.Replace(u, "{id}", url.PathEscape(ids[p]), 1)
		}
		w := get(t, srv, u)
		resp := op["responses"].(map[string]any)[fmt.Sprint(w.Code)]
		if resp == nil {
			t.Errorf("GET %s answered %d, not documented", u, w.Code)
			continue
		}
		schema := resolve(doc, resp).(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
		var body any
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Errorf("GET %s: %v", u, err)
			continue
		}
		check(t, doc, "GET "+u, schema, body)
		// the 404 of each {id} path is documented and is an Error
		if strings.Contains(p, "{id}") {
			w := get(t, srv, strings.Replace("/api/v1"+p, "{id}", "zzzzzz", 1))
			if op["responses"].(map[string]any)[fmt.Sprint(w.Code)] == nil {
				t.Errorf("GET %s with an unknown id answered %d, not documented", p, w.Code)
			}
			check(t, doc, "GET "+p+" (unknown id)", map[string]any{"$ref": "#/components/schemas/Error"}, decode(w.Body.Bytes()))
		}
	}
	for _, route := range []string{"/stories", "/stories/{id}", "/articles", "/articles/{id}", "/figures", "/entities", "/entities/{id}", "/copies", "/series", "/series/{id}"} {
		if paths[route] == nil {
			t.Errorf("route %s is not documented", route)
		}
	}
}

func decode(b []byte) any {
	var v any
	json.Unmarshal(b, &v)
	return v
}

func resolve(doc map[string]any, v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	ref, ok := m["$ref"].(string)
	if !ok {
		return v
	}
	var cur any = doc
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		cur = cur.(map[string]any)[part]
	}
	return resolve(doc, cur)
}

// properties collects the properties and required fields of a schema,
// through allOf.
func properties(doc map[string]any, s map[string]any) (map[string]any, []string) {
	props := map[string]any{}
	var req []string
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			p, r := properties(doc, resolve(doc, sub).(map[string]any))
			for k, v := range p {
				props[k] = v
			}
			req = append(req, r...)
		}
	}
	if p, ok := s["properties"].(map[string]any); ok {
		for k, v := range p {
			props[k] = v
		}
	}
	for _, r := range asList(s["required"]) {
		req = append(req, r.(string))
	}
	return props, req
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// check validates v against schema (type, properties, required, items,
// enum, nullable): enough of JSON Schema for this document.
func check(t *testing.T, doc map[string]any, where string, schema, v any) {
	t.Helper()
	s := resolve(doc, schema).(map[string]any)
	if v == nil {
		if s["nullable"] != true && s["type"] != nil {
			t.Errorf("%s: null where %v is not nullable", where, s["type"])
		}
		return
	}
	typ, _ := s["type"].(string)
	if typ == "" && s["allOf"] != nil {
		typ = "object"
	}
	switch typ {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			t.Errorf("%s: %T, want an object", where, v)
			return
		}
		props, req := properties(doc, s)
		for _, r := range req {
			if _, ok := obj[r]; !ok {
				t.Errorf("%s: required %q missing", where, r)
			}
		}
		for k, val := range obj {
			p, ok := props[k]
			if !ok {
				t.Errorf("%s: field %q not documented", where, k)
				continue
			}
			check(t, doc, where+"."+k, p, val)
		}
	case "array":
		l, ok := v.([]any)
		if !ok {
			t.Errorf("%s: %T, want an array", where, v)
			return
		}
		for i, it := range l {
			if i < 20 {
				check(t, doc, fmt.Sprintf("%s[%d]", where, i), s["items"], it)
			}
		}
	case "string":
		str, ok := v.(string)
		if !ok {
			t.Errorf("%s: %T, want a string", where, v)
		}
		if enum := asList(s["enum"]); enum != nil && ok {
			found := false
			for _, e := range enum {
				found = found || e == str
			}
			if !found {
				t.Errorf("%s: %q not in %v", where, str, enum)
			}
		}
	case "integer", "number":
		n, ok := v.(float64)
		if !ok || typ == "integer" && n != float64(int64(n)) {
			t.Errorf("%s: %v, want an %s", where, v, typ)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			t.Errorf("%s: %T, want a boolean", where, v)
		}
	}
}
