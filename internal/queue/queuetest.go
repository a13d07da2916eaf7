package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"
)

// TestURL gives a test a stream of its own on the test server
// (DOSSIER_TEST_NATS, default nats://127.0.0.1:4222), deleted when the
// test ends; opt sets up its consumer. Without a server the test skips, saying why, unless CI=true
// or DOSSIER_REQUIRE_NATS=1, where it fails.
func TestURL(t testing.TB, opt Options) string {
	t.Helper()
	base := os.Getenv("DOSSIER_TEST_NATS")
	if base == "" {
		base = "nats://127.0.0.1:4222"
	}
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	u := base + "?stream=DOSSIER_TEST_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := Open(ctx, u, opt)
	if err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("DOSSIER_REQUIRE_NATS") == "1" {
			t.Fatalf("NATS JetStream at %s is required here (CI or DOSSIER_REQUIRE_NATS): %v", base, err)
		}
		t.Skipf("no NATS JetStream at %s (set DOSSIER_TEST_NATS): %v", base, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := q.Delete(ctx); err != nil {
			t.Logf("delete stream: %v", err)
		}
		q.Close()
	})
	return u
}
