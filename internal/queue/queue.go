package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DefaultStream names the stream (and the prefix of its subjects) unless
// the URL's "stream" parameter names another.
const DefaultStream = "DOSSIER"

// Options tune Open.
type Options struct {
	// MaxTries is how many deliveries a document gets before it is
	// parked (default 5).
	MaxTries int
	// AckWait is how long a delivery may go unacknowledged before the
	// server hands it to another worker (default 2 minutes).
	AckWait time.Duration
	// Backoff is the delay before the n-th retry of a failed document
	// (the last one repeats; default 1s, 5s, 15s, 30s).
	Backoff []time.Duration
}

// Queue is a connection to the work stream.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	name     string
	work     jetstream.Stream
	failed   jetstream.Stream
	consumer jetstream.Consumer
	opt      Options
}

// IsURL tells whether s names a NATS server.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "nats://") || strings.HasPrefix(s, "tls://")
}

// Open connects to the server at rawURL ("nats://host:4222", with an
// optional "?stream=NAME") and makes its streams and the workers'
// consumer if they are missing. The connection reconnects by itself when
// the server restarts; the streams are on file storage and survive it.
func Open(ctx context.Context, rawURL string, opt Options) (*Queue, error) {
	if opt.MaxTries <= 0 {
		opt.MaxTries = 5
	}
	if opt.AckWait <= 0 {
		opt.AckWait = 2 * time.Minute
	}
	if len(opt.Backoff) == 0 {
		opt.Backoff = []time.Duration{time.Second, 5 * time.Second, 15 * time.Second, 30 * time.Second}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", rawURL, err)
	}
	name := DefaultStream
	if s := u.Query().Get("stream"); s != "" {
		name = s
	}
	u.RawQuery = ""
	server := u.String()
	nc, err := nats.Connect(server, nats.Name("dossier"), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond),
		nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", server, err)
	}
	q := &Queue{nc: nc, name: name, opt: opt}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue %s: %w", server, err)
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc)
	if err != nil {
		return err
	}
	q.js = js
	if q.work, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:       q.name,
		Subjects:   []string{q.name + ".work"},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: 10 * time.Minute, // a document published twice in this window is queued once
		MaxMsgSize: 8 << 20,
	}); err != nil {
		return fmt.Errorf("stream %s: %w", q.name, err)
	}
	if q.failed, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:     q.name + "_FAILED",
		Subjects: []string{q.name + ".failed"},
		Storage:  jetstream.FileStorage,
	}); err != nil {
		return fmt.Errorf("stream %s_FAILED: %w", q.name, err)
	}
	// MaxDeliver is left unbounded: the worker parks a document itself
	// after MaxTries, with its error, rather than leave it in the stream
	if q.consumer, err = q.work.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       "workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opt.AckWait,
		MaxDeliver:    -1,
		MaxAckPending: 10000,
	}); err != nil {
		return fmt.Errorf("consumer: %w", err)
	}
	return nil
}

// Close drains nothing: unacknowledged work is redelivered to others.
func (q *Queue) Close() { q.nc.Close() }

// Stream is the name of the work stream.
func (q *Queue) Stream() string { return q.name }

// Publish queues one document. Its id (the article id its input gives)
// is the message id: the server drops a second publication of it within
// its duplicate window.
func (q *Queue) Publish(ctx context.Context, d extract.Doc, id string) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("queue %s: %w", d.Input, err)
	}
	var opts []jetstream.PublishOpt
	if id != "" {
		opts = append(opts, jetstream.WithMsgID(id))
	}
	if _, err := q.js.Publish(ctx, q.name+".work", b, opts...); err != nil {
		return fmt.Errorf("queue %s: %w", d.Input, err)
	}
	return nil
}

// Pending is how many documents wait in the stream (delivered but not
// acknowledged ones included).
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.work.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// Job is one delivery of a document.
type Job struct {
	Doc extract.Doc
	// Err is set when the message is not a document (it is parked).
	Err   error
	Tries int // deliveries so far, this one included
	msg   jetstream.Msg
}

// Fetch waits up to wait for at most n jobs. Jobs delivered more than
// MaxTries times (their worker kept dying on them) are parked here,
// without being handed out again.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Job, error) {
	batch, err := q.consumer.Fetch(n, jetstream.FetchMaxWait(wait))
	if err != nil {
		return nil, err
	}
	var jobs []*Job
	for m := range batch.Messages() {
		j := &Job{msg: m, Tries: 1}
		if meta, err := m.Metadata(); err == nil {
			j.Tries = int(meta.NumDelivered)
		}
		if err := json.Unmarshal(m.Data(), &j.Doc); err != nil {
			j.Err = fmt.Errorf("not a document: %v", err)
		}
		if j.Err != nil {
			if perr := q.park(ctx, j, j.Err); perr != nil {
				return jobs, perr
			}
			continue
		}
		if j.Tries > q.opt.MaxTries {
			if perr := q.park(ctx, j, fmt.Errorf("no worker finished it in %d tries", q.opt.MaxTries)); perr != nil {
				return jobs, perr
			}
			continue
		}
		jobs = append(jobs, j)
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return jobs, err
	}
	return jobs, nil
}

// Done acknowledges a job once what it gave is committed.
func (q *Queue) Done(ctx context.Context, j *Job) error {
	return j.msg.DoubleAck(ctx)
}

// Failed retries a job after a backoff, or parks it with err once it
// has had MaxTries deliveries.
func (q *Queue) Failed(ctx context.Context, j *Job, err error) error {
	if j.Tries >= q.opt.MaxTries {
		return q.park(ctx, j, err)
	}
	i := min(j.Tries-1, len(q.opt.Backoff)-1)
	return j.msg.NakWithDelay(q.opt.Backoff[i])
}

// Parked is a document that failed every try.
type Parked struct {
	Input  string    `json:"input"`
	Error  string    `json:"error"`
	Tries  int       `json:"tries"`
	Parked time.Time `json:"parked"`
	Doc    []byte    `json:"-"` // the message as queued
}

// park moves a job to the failed stream with its error, then removes it
// from the work stream: parked twice (a crash between the two) it is
// listed twice, never lost.
func (q *Queue) park(ctx context.Context, j *Job, cause error) error {
	m := nats.NewMsg(q.name + ".failed")
	m.Data = j.msg.Data()
	m.Header.Set("Dossier-Input", j.Doc.Input)
	m.Header.Set("Dossier-Error", cause.Error())
	m.Header.Set("Dossier-Tries", strconv.Itoa(j.Tries))
	if _, err := q.js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("park %s: %w", j.Doc.Input, err)
	}
	return j.msg.DoubleAck(ctx)
}

// ListFailed returns the parked documents, oldest first.
func (q *Queue) ListFailed(ctx context.Context) ([]Parked, error) {
	info, err := q.failed.Info(ctx)
	if err != nil {
		return nil, err
	}
	out := []Parked{}
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := q.failed.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		tries, _ := strconv.Atoi(m.Header.Get("Dossier-Tries"))
		out = append(out, Parked{Input: m.Header.Get("Dossier-Input"), Error: m.Header.Get("Dossier-Error"), Tries: tries, Parked: m.Time, Doc: m.Data})
	}
	return out, nil
}

// Delete removes the streams (tests).
func (q *Queue) Delete(ctx context.Context) error {
	if err := q.js.DeleteStream(ctx, q.name); err != nil {
		return err
	}
	return q.js.DeleteStream(ctx, q.name+"_FAILED")
}

// MaxTries is how many deliveries a document gets before it is parked.
func (q *Queue) MaxTries() int { return q.opt.MaxTries }
