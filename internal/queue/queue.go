package queue

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
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
	c    *conn
	name string
	opt  Options
}

// IsURL tells whether s names a NATS server.
func IsURL(s string) bool { return strings.HasPrefix(s, "nats://") }

const consumer = "workers"

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
	if err != nil || u.Scheme != "nats" {
		return nil, fmt.Errorf("queue %s: not a nats://host:port URL", rawURL)
	}
	name := DefaultStream
	if s := u.Query().Get("stream"); s != "" {
		name = s
	}
	u.RawQuery = ""
	c, err := dial(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("queue %s: %w", u.Host, err)
	}
	q := &Queue{c: c, name: name, opt: opt}
	if err := q.setup(ctx); err != nil {
		c.close()
		return nil, fmt.Errorf("queue %s: %w", u.Host, err)
	}
	return q, nil
}

type streamConfig struct {
	Name       string   `json:"name"`
	Subjects   []string `json:"subjects"`
	Retention  string   `json:"retention"`
	Storage    string   `json:"storage"`
	Discard    string   `json:"discard"`
	Duplicates int64    `json:"duplicate_window,omitempty"`
	MaxMsgSize int32    `json:"max_msg_size,omitempty"`
	MaxMsgs    int64    `json:"max_msgs"`
	MaxBytes   int64    `json:"max_bytes"`
	MaxAge     int64    `json:"max_age"`
	Replicas   int      `json:"num_replicas"`
}

type streamInfo struct {
	State struct {
		Msgs     uint64 `json:"messages"`
		FirstSeq uint64 `json:"first_seq"`
		LastSeq  uint64 `json:"last_seq"`
	} `json:"state"`
}

// ensureStream creates the stream, or leaves it as it is when it exists.
func (q *Queue) ensureStream(ctx context.Context, cfg streamConfig) error {
	err := q.c.api(ctx, "STREAM.INFO."+cfg.Name, nil, nil)
	var ae *apiError
	if errors.As(err, &ae) && ae.Code == 404 {
		err = q.c.api(ctx, "STREAM.CREATE."+cfg.Name, cfg, nil)
	}
	if err != nil {
		return fmt.Errorf("stream %s: %w", cfg.Name, err)
	}
	return nil
}

func (q *Queue) setup(ctx context.Context) error {
	err := q.ensureStream(ctx, streamConfig{Name: q.name, Subjects: []string{q.name + ".work"}, Retention: "workqueue", Storage: "file", Discard: "old",
		Duplicates: int64(10 * time.Minute), // a document published twice in this window is queued once
		MaxMsgSize: 8 << 20, MaxMsgs: -1, MaxBytes: -1, Replicas: 1})
	if err != nil {
		return err
	}
	err = q.ensureStream(ctx, streamConfig{Name: q.name + "_FAILED", Subjects: []string{q.name + ".failed"}, Retention: "limits", Storage: "file", Discard: "old",
		MaxMsgs: -1, MaxBytes: -1, Replicas: 1})
	if err != nil {
		return err
	}
	// max_deliver unbounded: the worker parks a document itself after
	// MaxTries, with its error, rather than leave it in the stream
	req := map[string]any{"stream_name": q.name, "config": map[string]any{
		"durable_name": consumer, "ack_policy": "explicit", "ack_wait": int64(q.opt.AckWait), "max_deliver": -1,
		"max_ack_pending": 10000, "deliver_policy": "all", "replay_policy": "instant",
	}}
	if err := q.c.api(ctx, "CONSUMER.CREATE."+q.name+"."+consumer, req, nil); err != nil {
		return fmt.Errorf("consumer: %w", err)
	}
	return nil
}

// Close closes the connection: unacknowledged work is redelivered to others.
func (q *Queue) Close() { q.c.close() }

// Stream is the name of the work stream.
func (q *Queue) Stream() string { return q.name }

// MaxTries is how many deliveries a document gets before it is parked.
func (q *Queue) MaxTries() int { return q.opt.MaxTries }

// Publish queues one document. Its id (the article id its input gives)
// is the message id: the server drops a second publication of it within
// its duplicate window.
func (q *Queue) Publish(ctx context.Context, d extract.Doc, id string) error {
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("queue %s: %w", d.Input, err)
	}
	var h map[string]string
	if id != "" {
		h = map[string]string{"Nats-Msg-Id": id}
	}
	if err := q.publish(ctx, q.name+".work", h, b); err != nil {
		return fmt.Errorf("queue %s: %w", d.Input, err)
	}
	return nil
}

// publish publishes to a stream and waits for its acknowledgement.
func (q *Queue) publish(ctx context.Context, subject string, h map[string]string, data []byte) error {
	if err := q.c.waitUp(ctx); err != nil {
		return err
	}
	m, err := q.c.request(ctx, subject, h, data, 10*time.Second)
	if err != nil {
		return err
	}
	var ack struct {
		Error *apiError `json:"error"`
	}
	if err := json.Unmarshal(m.Data, &ack); err != nil {
		return fmt.Errorf("publish acknowledgement: %w", err)
	}
	if ack.Error != nil {
		return ack.Error
	}
	return nil
}

// Pending is how many documents wait in the stream (delivered but not
// acknowledged ones included).
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	var info streamInfo
	if err := q.c.api(ctx, "STREAM.INFO."+q.name, nil, &info); err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// AckFloor is the stream position up to which every document was
// acknowledged (stored, or parked).
func (q *Queue) AckFloor(ctx context.Context) (int64, error) {
	var info struct {
		AckFloor struct {
			StreamSeq int64 `json:"stream_seq"`
		} `json:"ack_floor"`
		NumAckPending int   `json:"num_ack_pending"`
		NumPending    int64 `json:"num_pending"`
	}
	if err := q.c.api(ctx, "CONSUMER.INFO."+q.name+"."+consumer, nil, &info); err != nil {
		return 0, err
	}
	return info.AckFloor.StreamSeq, nil
}

// Job is one delivery of a document.
type Job struct {
	Doc   extract.Doc
	Tries int   // deliveries so far, this one included
	Seq   int64 // place in the stream: the order of publication
	data  []byte
	reply string // the acknowledgement subject
}

// tries reads the delivery count from an acknowledgement subject:
// $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<time>.<pending>,
// or with the domain and account hash after $JS.ACK in newer servers.
// ackToken returns the token of an acknowledgement subject at index i
// of the older form, and 0 when it is missing.
func ackToken(reply string, i int) int64 {
	t := strings.Split(reply, ".")
	if len(t) >= 11 {
		i += 2
	}
	if len(t) <= i {
		return 0
	}
	n, _ := strconv.ParseInt(t[i], 10, 64)
	return n
}

func tries(reply string) int { return max(1, int(ackToken(reply, 4))) }

// Fetch waits up to wait for at most n jobs. Jobs delivered more than
// MaxTries times (their worker kept dying on them) are parked here,
// without being handed out again, and so are messages that are not
// documents.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*Job, error) {
	if err := q.c.waitUp(ctx); err != nil {
		return nil, err
	}
	reply, ch, done, err := q.c.newInbox(n + 4)
	if err != nil {
		return nil, err
	}
	defer done()
	req, _ := json.Marshal(map[string]any{"batch": n, "expires": int64(wait)})
	if err := q.c.publish("$JS.API.CONSUMER.MSG.NEXT."+q.name+"."+consumer, reply, nil, req); err != nil {
		return nil, err
	}
	t := time.NewTimer(wait + 2*time.Second)
	defer t.Stop()
	var jobs []*Job
	for len(jobs) < n {
		select {
		case m, ok := <-ch:
			if !ok {
				return jobs, errors.New("NATS connection lost")
			}
			if m.Status != 0 || m.Reply == "" { // 404 no messages, 408 expired, 409...
				return jobs, nil
			}
			j := &Job{data: m.Data, reply: m.Reply, Tries: tries(m.Reply), Seq: ackToken(m.Reply, 5)}
			if err := json.Unmarshal(m.Data, &j.Doc); err != nil {
				if perr := q.park(ctx, j, fmt.Errorf("not a document: %v", err)); perr != nil {
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
		case <-t.C:
			return jobs, nil
		case <-ctx.Done():
			return jobs, ctx.Err()
		}
	}
	return jobs, nil
}

// Done acknowledges a job once what it gave is committed, and waits for
// the server to confirm it.
func (q *Queue) Done(ctx context.Context, j *Job) error {
	_, err := q.c.request(ctx, j.reply, nil, []byte("+ACK"), 10*time.Second)
	return err
}

// Failed retries a job after a backoff, or parks it with err once it
// has had MaxTries deliveries.
func (q *Queue) Failed(ctx context.Context, j *Job, err error) error {
	if j.Tries >= q.opt.MaxTries {
		return q.park(ctx, j, err)
	}
	d := q.opt.Backoff[min(j.Tries-1, len(q.opt.Backoff)-1)]
	return q.c.publish(j.reply, "", nil, []byte(fmt.Sprintf(`-NAK {"delay": %d}`, int64(d))))
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
	h := map[string]string{
		"Dossier-Input": oneLine(j.Doc.Input),
		"Dossier-Error": oneLine(cause.Error()),
		"Dossier-Tries": strconv.Itoa(j.Tries),
	}
	if err := q.publish(ctx, q.name+".failed", h, j.data); err != nil {
		return fmt.Errorf("park %s: %w", j.Doc.Input, err)
	}
	return q.Done(ctx, j)
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, s)
}

// ListFailed returns the parked documents, oldest first.
func (q *Queue) ListFailed(ctx context.Context) ([]Parked, error) {
	var info streamInfo
	if err := q.c.api(ctx, "STREAM.INFO."+q.name+"_FAILED", nil, &info); err != nil {
		return nil, err
	}
	out := []Parked{}
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		var got struct {
			Message struct {
				Header string    `json:"hdrs"`
				Data   string    `json:"data"`
				Time   time.Time `json:"time"`
			} `json:"message"`
		}
		err := q.c.api(ctx, "STREAM.MSG.GET."+q.name+"_FAILED", map[string]any{"seq": seq}, &got)
		var ae *apiError
		if errors.As(err, &ae) && ae.Code == 404 {
			continue
		}
		if err != nil {
			return nil, err
		}
		hb, _ := base64.StdEncoding.DecodeString(got.Message.Header)
		data, _ := base64.StdEncoding.DecodeString(got.Message.Data)
		_, h := parseHeader(hb)
		n, _ := strconv.Atoi(h["Dossier-Tries"])
		out = append(out, Parked{Input: h["Dossier-Input"], Error: h["Dossier-Error"], Tries: n, Parked: got.Message.Time, Doc: data})
	}
	return out, nil
}

// Delete removes the streams (tests).
func (q *Queue) Delete(ctx context.Context) error {
	if err := q.c.api(ctx, "STREAM.DELETE."+q.name, nil, nil); err != nil {
		return err
	}
	return q.c.api(ctx, "STREAM.DELETE."+q.name+"_FAILED", nil, nil)
}
