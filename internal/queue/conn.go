package queue

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The NATS client protocol, as much of it as the queue uses: CONNECT,
// PUB/HPUB, SUB, MSG/HMSG, PING/PONG, and requests answered on an inbox.
// JetStream is requests to its $JS.API subjects. A client of its own
// rather than nats.go, whose connection alone (nkeys, NaCl, websocket
// compression, gob encoders) costs 1.6 MB of the binary, measured, for
// this file's few hundred lines. It reconnects by itself when the server
// goes away; what was in flight then fails and is retried by its caller.

// msg is a message received.
type msg struct {
	Subject, Reply string
	Header         map[string]string
	Status         int // of a status message ("NATS/1.0 404"), else 0
	Data           []byte
}

type conn struct {
	addr, user, pass string
	inbox            string // prefix of this client's reply subjects

	mu      sync.Mutex
	nc      net.Conn
	bw      *bufio.Writer
	closed  bool
	up      chan struct{}     // closed while connected
	waiting map[int]chan *msg // by subscription id: JetStream delivers under the stream's subject
	seq     int
}

// ErrNoResponders: nobody listens on the subject (JetStream not enabled,
// or a stream missing for a publication).
var ErrNoResponders = errors.New("no responders")

func dial(ctx context.Context, rawURL string) (*conn, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "4222")
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	c := &conn{addr: host, inbox: "_INBOX." + hex.EncodeToString(b) + ".", waiting: map[int]chan *msg{}, up: make(chan struct{})}
	if u.User != nil {
		c.user = u.User.Username()
		c.pass, _ = u.User.Password()
	}
	if err := c.connect(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// connect dials, says CONNECT, subscribes the inbox and waits for PONG.
func (c *conn) connect(ctx context.Context) error {
	d := net.Dialer{Timeout: 5 * time.Second}
	nc, err := d.DialContext(ctx, "tcp", c.addr)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(nc, 64<<10)
	nc.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "INFO ") {
		nc.Close()
		return fmt.Errorf("not a NATS server at %s (%q, %v)", c.addr, strings.TrimSpace(line), err)
	}
	opts := map[string]any{"verbose": false, "pedantic": false, "headers": true, "no_responders": true, "protocol": 1, "name": "dossier", "lang": "go", "version": "dossier"}
	if c.user != "" && c.pass == "" {
		opts["auth_token"] = c.user
	} else if c.user != "" {
		opts["user"], opts["pass"] = c.user, c.pass
	}
	connect, _ := json.Marshal(opts)
	bw := bufio.NewWriterSize(nc, 64<<10)
	fmt.Fprintf(bw, "CONNECT %s\r\nPING\r\n", connect)
	if err := bw.Flush(); err != nil {
		nc.Close()
		return err
	}
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			nc.Close()
			return fmt.Errorf("connect %s: %w", c.addr, err)
		}
		if strings.HasPrefix(line, "-ERR") {
			nc.Close()
			return fmt.Errorf("connect %s: %s", c.addr, strings.TrimSpace(line))
		}
		if strings.HasPrefix(line, "PONG") {
			break
		}
	}
	nc.SetReadDeadline(time.Time{})
	c.mu.Lock()
	c.nc, c.bw = nc, bw
	close(c.up)
	c.mu.Unlock()
	go c.read(nc, br)
	return nil
}

// read dispatches what the server sends until the connection breaks,
// then reconnects.
func (c *conn) read(nc net.Conn, br *bufio.Reader) {
	err := c.readLoop(nc, br)
	c.mu.Lock()
	if c.nc == nc {
		c.nc, c.bw = nil, nil
		c.up = make(chan struct{})
	}
	// requests in flight will not be answered on this connection
	for k, ch := range c.waiting {
		close(ch)
		delete(c.waiting, k)
	}
	closed := c.closed
	c.mu.Unlock()
	nc.Close()
	if closed {
		return
	}
	_ = err
	for wait := 100 * time.Millisecond; ; wait = min(2*wait, 2*time.Second) {
		time.Sleep(wait)
		c.mu.Lock()
		closed := c.closed
		c.mu.Unlock()
		if closed {
			return
		}
		if c.connect(context.Background()) == nil {
			return
		}
	}
}

func (c *conn) readLoop(nc net.Conn, br *bufio.Reader) error {
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return err
		}
		line = strings.TrimRight(line, "\r\n")
		op, rest, _ := strings.Cut(line, " ")
		switch strings.ToUpper(op) {
		case "PING":
			c.write(func(w *bufio.Writer) { w.WriteString("PONG\r\n") })
		case "MSG", "HMSG":
			f := strings.Fields(rest)
			hdr := strings.ToUpper(op) == "HMSG"
			need := 3
			if hdr {
				need = 4
			}
			if len(f) < need || len(f) > need+1 {
				return fmt.Errorf("bad %s line %q", op, line)
			}
			sid, _ := strconv.Atoi(f[1])
			m := &msg{Subject: f[0]}
			if len(f) == need+1 {
				m.Reply = f[2]
			}
			total, err := strconv.Atoi(f[len(f)-1])
			if err != nil || total < 0 {
				return fmt.Errorf("bad %s line %q", op, line)
			}
			hlen := 0
			if hdr {
				if hlen, err = strconv.Atoi(f[len(f)-2]); err != nil || hlen > total {
					return fmt.Errorf("bad %s line %q", op, line)
				}
			}
			buf := make([]byte, total+2)
			if _, err := io.ReadFull(br, buf); err != nil {
				return err
			}
			if hdr {
				m.Status, m.Header = parseHeader(buf[:hlen])
			}
			m.Data = buf[hlen:total]
			c.deliver(sid, m)
		case "-ERR", "+OK", "PONG", "INFO":
		}
	}
}

func parseHeader(b []byte) (int, map[string]string) {
	h := map[string]string{}
	lines := strings.Split(string(b), "\r\n")
	status := 0
	if f := strings.Fields(lines[0]); len(f) >= 2 {
		status, _ = strconv.Atoi(f[1])
	}
	for _, l := range lines[1:] {
		if k, v, ok := strings.Cut(l, ":"); ok {
			h[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return status, h
}

func (c *conn) deliver(sid int, m *msg) {
	c.mu.Lock()
	ch := c.waiting[sid]
	c.mu.Unlock()
	if ch != nil {
		select {
		case ch <- m:
		default: // a reader that went away: the server redelivers what was not acknowledged
		}
	}
}

// write runs f on the connection's writer and flushes, or says the
// connection is down.
func (c *conn) write(f func(*bufio.Writer)) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bw == nil {
		return errors.New("not connected to NATS (reconnecting)")
	}
	f(c.bw)
	return c.bw.Flush()
}

// publish sends a message, with headers when h is set.
func (c *conn) publish(subject, reply string, h map[string]string, data []byte) error {
	if reply != "" {
		reply = " " + reply
	}
	return c.write(func(w *bufio.Writer) {
		if len(h) == 0 {
			fmt.Fprintf(w, "PUB %s%s %d\r\n", subject, reply, len(data))
		} else {
			var hb bytes.Buffer
			hb.WriteString("NATS/1.0\r\n")
			for k, v := range h {
				fmt.Fprintf(&hb, "%s: %s\r\n", k, v)
			}
			hb.WriteString("\r\n")
			fmt.Fprintf(w, "HPUB %s%s %d %d\r\n", subject, reply, hb.Len(), hb.Len()+len(data))
			w.Write(hb.Bytes())
		}
		w.Write(data)
		w.WriteString("\r\n")
	})
}

// newInbox subscribes a reply subject of this client and returns it
// with the channel its messages arrive on (buffered for size messages);
// done unsubscribes it.
func (c *conn) newInbox(size int) (string, chan *msg, func(), error) {
	c.mu.Lock()
	c.seq++
	sid := c.seq
	subj := c.inbox + strconv.Itoa(sid)
	ch := make(chan *msg, size)
	c.waiting[sid] = ch
	c.mu.Unlock()
	done := func() {
		c.mu.Lock()
		_, ok := c.waiting[sid]
		delete(c.waiting, sid)
		c.mu.Unlock()
		if ok {
			c.write(func(w *bufio.Writer) { fmt.Fprintf(w, "UNSUB %d\r\n", sid) })
		}
	}
	if err := c.write(func(w *bufio.Writer) { fmt.Fprintf(w, "SUB %s %d\r\n", subj, sid) }); err != nil {
		done()
		return "", nil, nil, err
	}
	return subj, ch, done, nil
}

// request publishes data and waits for the first answer.
func (c *conn) request(ctx context.Context, subject string, h map[string]string, data []byte, timeout time.Duration) (*msg, error) {
	reply, ch, done, err := c.newInbox(1)
	if err != nil {
		return nil, err
	}
	defer done()
	if err := c.publish(subject, reply, h, data); err != nil {
		return nil, err
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case m, ok := <-ch:
		if !ok {
			return nil, errors.New("NATS connection lost")
		}
		if m.Status == 503 {
			return nil, fmt.Errorf("%s: %w", subject, ErrNoResponders)
		}
		return m, nil
	case <-t.C:
		return nil, fmt.Errorf("%s: no answer in %s", subject, timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// waitUp waits until connected (after a server restart).
func (c *conn) waitUp(ctx context.Context) error {
	c.mu.Lock()
	up := c.up
	c.mu.Unlock()
	select {
	case <-up:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *conn) close() {
	c.mu.Lock()
	c.closed = true
	nc := c.nc
	c.mu.Unlock()
	if nc != nil {
		nc.Close()
	}
}

// apiError is JetStream's error answer.
type apiError struct {
	Code        int    `json:"code"`
	ErrCode     int    `json:"err_code"`
	Description string `json:"description"`
}

func (e *apiError) Error() string { return fmt.Sprintf("JetStream: %s (%d)", e.Description, e.ErrCode) }

// api sends a JetStream API request and decodes its answer into out.
func (c *conn) api(ctx context.Context, subject string, req, out any) error {
	var body []byte
	if req != nil {
		var err error
		if body, err = json.Marshal(req); err != nil {
			return err
		}
	}
	if err := c.waitUp(ctx); err != nil {
		return err
	}
	m, err := c.request(ctx, "$JS.API."+subject, nil, body, 10*time.Second)
	if err != nil {
		return err
	}
	var e struct {
		Error *apiError `json:"error"`
	}
	if err := json.Unmarshal(m.Data, &e); err != nil {
		return fmt.Errorf("JetStream %s: %w", subject, err)
	}
	if e.Error != nil {
		return e.Error
	}
	if out != nil {
		return json.Unmarshal(m.Data, out)
	}
	return nil
}
