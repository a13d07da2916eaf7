package postgres

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
)

// The store talks to PostgreSQL through pgconn, pgx's protocol layer,
// in the text format, with the little this file adds: a pool, rows
// scanned into Go values, transactions and batches. pgx's own type system
// (pgtype) and pool cost 4.6 MB of the binary, measured, for what these
// 300 lines do for the store's few column types.

// errNoRows: QueryRow found no row.
var errNoRows = errors.New("no rows in result set")

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }

// pool hands out connections, at most max at a time; a connection that
// broke or was left inside a transaction is closed, not reused, so that
// the next use dials again (a PostgreSQL restart costs the queries in
// flight, not the store).
type pool struct {
	cfg  *pgconn.Config
	sem  chan struct{}
	mu   sync.Mutex
	idle []*pgconn.PgConn
}

func newPool(dsn string) (*pool, error) {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	n := max(4, runtime.NumCPU())
	return &pool{cfg: cfg, sem: make(chan struct{}, n)}, nil
}

func (p *pool) acquire(ctx context.Context) (*pgconn.PgConn, error) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	p.mu.Lock()
	for len(p.idle) > 0 {
		c := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if !c.IsClosed() {
			p.mu.Unlock()
			return c, nil
		}
	}
	p.mu.Unlock()
	c, err := pgconn.ConnectConfig(ctx, p.cfg)
	if err != nil {
		<-p.sem
		return nil, err
	}
	return c, nil
}

func (p *pool) release(c *pgconn.PgConn) {
	if c.IsClosed() || c.TxStatus() != 'I' {
		c.Close(context.Background())
	} else {
		p.mu.Lock()
		p.idle = append(p.idle, c)
		p.mu.Unlock()
	}
	<-p.sem
}

func (p *pool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.idle {
		c.Close(context.Background())
	}
	p.idle = nil
}

// encode gives a value in PostgreSQL's text format (nil for NULL).
func encode(v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []byte(x), nil
	case []byte:
		return []byte(`\x` + hex.EncodeToString(x)), nil
	case bool:
		if x {
			return []byte("t"), nil
		}
		return []byte("f"), nil
	case int:
		return strconv.AppendInt(nil, int64(x), 10), nil
	case int64:
		return strconv.AppendInt(nil, x, 10), nil
	case float64:
		return strconv.AppendFloat(nil, x, 'g', -1, 64), nil
	case []string:
		var b strings.Builder
		b.WriteByte('{')
		for i, s := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('"')
			for _, r := range s {
				if r == '"' || r == '\\' {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteByte('"')
		}
		b.WriteByte('}')
		return []byte(b.String()), nil
	case []int64:
		b := []byte{'{'}
		for i, n := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, n, 10)
		}
		return append(b, '}'), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return []byte(rv.String()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(nil, rv.Int(), 10), nil
	case reflect.Uint8, reflect.Uint16, reflect.Uint32:
		return strconv.AppendUint(nil, rv.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.AppendFloat(nil, rv.Float(), 'g', -1, 64), nil
	}
	return nil, fmt.Errorf("postgres: no text encoding for %T", v)
}

func encodeAll(args []any) ([][]byte, error) {
	out := make([][]byte, len(args))
	for i, a := range args {
		b, err := encode(a)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// decode sets dst from a value in text format (nil: NULL, the zero value).
func decode(src []byte, dst any) error {
	switch d := dst.(type) {
	case *string:
		*d = string(src)
		return nil
	case **string:
		if src == nil {
			*d = nil
		} else {
			s := string(src)
			*d = &s
		}
		return nil
	case *[]byte:
		if src == nil {
			*d = nil
			return nil
		}
		s := string(src)
		if !strings.HasPrefix(s, `\x`) {
			return fmt.Errorf("postgres: bytea not in hex format")
		}
		b, err := hex.DecodeString(s[2:])
		*d = b
		return err
	case *bool:
		*d = len(src) > 0 && (src[0] == 't' || src[0] == 'T')
		return nil
	}
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer {
		return fmt.Errorf("postgres: cannot scan into %T", dst)
	}
	e := rv.Elem()
	s := string(src)
	switch e.Kind() {
	case reflect.String:
		e.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if src == nil {
			e.SetInt(0)
			return nil
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("postgres: %q is not an integer", s)
		}
		e.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if src == nil {
			e.SetUint(0)
			return nil
		}
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return fmt.Errorf("postgres: %q is not an unsigned integer", s)
		}
		e.SetUint(n)
	case reflect.Float32, reflect.Float64:
		if src == nil {
			e.SetFloat(0)
			return nil
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("postgres: %q is not a number", s)
		}
		e.SetFloat(f)
	default:
		return fmt.Errorf("postgres: cannot scan into %T", dst)
	}
	return nil
}

// rows reads a result row by row.
type rows struct {
	rr      *pgconn.ResultReader
	done    func() // releases the connection, once
	err     error
	closed  bool
	scanErr error
}

func (r *rows) Next() bool {
	if r.closed {
		return false
	}
	if r.rr.NextRow() {
		return true
	}
	r.Close()
	return false
}

func (r *rows) Scan(dest ...any) error {
	vals := r.rr.Values()
	if len(vals) != len(dest) {
		return fmt.Errorf("postgres: %d columns, %d destinations", len(vals), len(dest))
	}
	for i, v := range vals {
		if err := decode(v, dest[i]); err != nil {
			r.scanErr = err
			return err
		}
	}
	return nil
}

func (r *rows) Close() {
	if r.closed {
		return
	}
	r.closed = true
	_, r.err = r.rr.Close()
	if r.done != nil {
		r.done()
	}
}

func (r *rows) Err() error {
	if r.err != nil {
		return r.err
	}
	return r.scanErr
}

// row is the first row of a result.
type row struct {
	r   *rows
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer r.r.Close()
	if !r.r.Next() {
		if err := r.r.Err(); err != nil {
			return err
		}
		return errNoRows
	}
	return r.r.Scan(dest...)
}

// conn runs statements on one connection (a transaction's).
type conn struct{ c *pgconn.PgConn }

func (c conn) query(ctx context.Context, q string, args []any, done func()) (*rows, error) {
	params, err := encodeAll(args)
	if err != nil {
		if done != nil {
			done()
		}
		return nil, err
	}
	rr := c.c.ExecParams(ctx, q, params, nil, nil, nil)
	r := &rows{rr: rr, done: done}
	// an error of the statement itself shows before its first row
	if len(rr.FieldDescriptions()) == 0 {
		if !rr.NextRow() {
			r.Close()
			if r.err != nil {
				return nil, r.err
			}
			return r, nil
		}
		return nil, fmt.Errorf("postgres: a row without a description")
	}
	return r, nil
}

func (c conn) Query(ctx context.Context, q string, args ...any) (*rows, error) {
	return c.query(ctx, q, args, nil)
}

func (c conn) QueryRow(ctx context.Context, q string, args ...any) row {
	r, err := c.query(ctx, q, args, nil)
	return row{r, err}
}

func (c conn) Exec(ctx context.Context, q string, args ...any) (pgconn.CommandTag, error) {
	if len(args) == 0 {
		res, err := c.c.Exec(ctx, q).ReadAll()
		if err != nil {
			return pgconn.CommandTag{}, err
		}
		if len(res) == 0 {
			return pgconn.CommandTag{}, nil
		}
		return res[len(res)-1].CommandTag, res[len(res)-1].Err
	}
	params, err := encodeAll(args)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	return c.c.ExecParams(ctx, q, params, nil, nil, nil).Close()
}

// batch is statements sent in one round trip.
type batch struct {
	b   pgconn.Batch
	n   int
	err error
}

func (b *batch) Queue(q string, args ...any) {
	params, err := encodeAll(args)
	if err != nil {
		b.err = err
		return
	}
	b.b.ExecParams(q, params, nil, nil, nil)
	b.n++
}

func (b *batch) Len() int { return b.n }

func (c conn) SendBatch(ctx context.Context, b *batch) error {
	if b.err != nil {
		return b.err
	}
	if b.n == 0 {
		return nil
	}
	_, err := c.c.ExecBatch(ctx, &b.b).ReadAll()
	return err
}

// tx is a transaction on a connection of the pool.
type tx struct {
	conn
	p    *pool
	done bool
}

func (p *pool) Begin(ctx context.Context) (*tx, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	t := &tx{conn: conn{c}, p: p}
	if _, err := t.Exec(ctx, "BEGIN"); err != nil {
		p.release(c)
		return nil, err
	}
	return t, nil
}

func (t *tx) Commit(ctx context.Context) error {
	if t.done {
		return errors.New("postgres: transaction already ended")
	}
	t.done = true
	_, err := t.Exec(ctx, "COMMIT")
	t.p.release(t.c)
	return err
}

// Rollback ends the transaction if Commit did not.
func (t *tx) Rollback(ctx context.Context) {
	if t.done {
		return
	}
	t.done = true
	t.Exec(ctx, "ROLLBACK")
	t.p.release(t.c)
}

// Query runs q on a connection of the pool, held until the rows are closed.
func (p *pool) Query(ctx context.Context, q string, args ...any) (*rows, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	var once sync.Once
	return conn{c}.query(ctx, q, args, func() { once.Do(func() { p.release(c) }) })
}

func (p *pool) QueryRow(ctx context.Context, q string, args ...any) row {
	r, err := p.Query(ctx, q, args...)
	return row{r, err}
}

func (p *pool) Exec(ctx context.Context, q string, args ...any) (pgconn.CommandTag, error) {
	c, err := p.acquire(ctx)
	if err != nil {
		return pgconn.CommandTag{}, err
	}
	defer p.release(c)
	return conn{c}.Exec(ctx, q, args...)
}
