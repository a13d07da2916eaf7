package queue

import (
	"context"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
)

func TestAckSubject(t *testing.T) {
	for _, c := range []struct {
		reply      string
		tries, seq int64
	}{
		{"$JS.ACK.DOSSIER.workers.3.17.40.1796171924347343940.5", 3, 17},
		{"$JS.ACK.hub.ACCHASH.DOSSIER.workers.2.9.12.1796171924347343940.0.rand", 2, 9}, // with domain and account
		{"not an ack subject", 0, 0},
	} {
		if got := ackToken(c.reply, 4); got != c.tries {
			t.Errorf("deliveries of %q = %d, want %d", c.reply, got, c.tries)
		}
		if got := ackToken(c.reply, 5); got != c.seq {
			t.Errorf("stream position of %q = %d, want %d", c.reply, got, c.seq)
		}
	}
}

func TestParseHeader(t *testing.T) {
	status, h := parseHeader([]byte("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 1\r\nDossier-Error: no text: a b\r\n\r\n"))
	if status != 408 || h["Nats-Pending-Messages"] != "1" || h["Dossier-Error"] != "no text: a b" {
		t.Errorf("parseHeader = %d, %q", status, h)
	}
	if status, _ := parseHeader([]byte("NATS/1.0\r\nNats-Msg-Id: x\r\n\r\n")); status != 0 {
		t.Errorf("status of a plain header = %d", status)
	}
}

// Publishing one document twice within the duplicate window queues it once.
func TestPublishDeduplicates(t *testing.T) {
	u := TestURL(t, Options{})
	ctx := context.Background()
	q, err := Open(ctx, u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	d := extract.Text("a.txt", "Titre\n\nUn texte.\n")
	for range 2 {
		if err := q.Publish(ctx, d, "id1"); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := q.Pending(ctx); err != nil || n != 1 {
		t.Fatalf("pending = %d, %v; want 1", n, err)
	}
	jobs, err := q.Fetch(ctx, 5, time.Second)
	if err != nil || len(jobs) != 1 || jobs[0].Doc.Input != "a.txt" || jobs[0].Tries != 1 || jobs[0].Seq != 1 {
		t.Fatalf("Fetch = %+v, %v", jobs, err)
	}
	if err := q.Done(ctx, jobs[0]); err != nil {
		t.Fatal(err)
	}
	if floor, err := q.AckFloor(ctx); err != nil || floor != 1 {
		t.Errorf("ack floor = %d, %v; want 1", floor, err)
	}
}
