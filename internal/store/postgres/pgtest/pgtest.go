// Package pgtest gives tests a PostgreSQL database of their own: a new
// schema of the test server's database, dropped when the test ends. A
// test skips, saying why, when no server answers, unless CI=true or
// DOSSIER_REQUIRE_POSTGRES=1, where it fails.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultURL is the server the tests use unless DOSSIER_TEST_POSTGRES names another.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// Required tells whether tests must fail rather than skip without the service.
func Required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("DOSSIER_REQUIRE_POSTGRES") == "1"
}

// ServerURL is the URL of the test server.
func ServerURL() string {
	if u := os.Getenv("DOSSIER_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultURL
}

// URL creates a schema for t and returns the URL of the database with
// that schema first on its search path.
func URL(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	base := ServerURL()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if Required() {
			t.Fatalf("PostgreSQL at %s is required here (CI or DOSSIER_REQUIRE_POSTGRES): %v", base, err)
		}
		t.Skipf("no PostgreSQL at %s (set DOSSIER_TEST_POSTGRES): %v", base, err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "dossier_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Logf("drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}
