package postgres

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrNewerSchema: the store was made by a newer dossier.
var ErrNewerSchema = errors.New("store was made by a newer dossier")

// Store is a dossier.Store in a PostgreSQL database (or one schema of it:
// the URL's search_path).
type Store struct {
	pool *pool
	name string // the URL without its password, for messages
	// entities already written by this process: the upsert is skipped
	entitySeen sync.Map
	// horizon: see RelateUpTo (-1: none)
	horizon atomic.Int64
}

// IsURL tells whether a --db value names a PostgreSQL database.
func IsURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// redact drops the password of a URL for messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres database"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}

// Open connects to the database at dsn (a postgres:// URL) and migrates
// its schema to this dossier's, once, whoever else opens it at the same
// time (the migration runs under an advisory lock).
func Open(ctx context.Context, dsn string) (*Store, error) {
	name := redact(dsn)
	p, err := newPool(dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	s := &Store{pool: p, name: name}
	s.horizon.Store(-1)
	if err := s.migrate(ctx); err != nil {
		p.close()
		if errors.Is(err, ErrNewerSchema) {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	return s, nil
}

// Name is the store's URL without its password.
func (s *Store) Name() string { return s.name }

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.close()
	return nil
}

func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	return names, err
}

// Advisory locks are database-wide: their keys are hashed from the
// store's schema (the first of its search path), so that stores in two
// schemas of one database neither wait for each other nor relate as one.
const (
	lockMigrate = "hashtext(current_schema() || '/dossier migrate')"
	lockRelate  = "hashtext(current_schema() || '/dossier relate')"
)

func (s *Store) migrate(ctx context.Context) error {
	pc, err := s.pool.acquire(ctx)
	if err != nil {
		return err
	}
	defer s.pool.release(pc)
	conn := conn{pc}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+lockMigrate+")"); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+lockMigrate+")")
	if _, err := conn.Exec(ctx, "CREATE TABLE IF NOT EXISTS dossier_schema (version INTEGER NOT NULL)"); err != nil {
		return err
	}
	var version int
	err = conn.QueryRow(ctx, "SELECT version FROM dossier_schema").Scan(&version)
	if isNoRows(err) {
		if _, err := conn.Exec(ctx, "INSERT INTO dossier_schema (version) VALUES (0)"); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	if version > len(names) {
		return fmt.Errorf("%w (schema version %d, this one knows up to %d): use a newer dossier", ErrNewerSchema, version, len(names))
	}
	for i := version; i < len(names); i++ {
		b, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		// one transaction: the migration and the version it brings
		if _, err := conn.Exec(ctx, "BEGIN;\n"+string(b)+fmt.Sprintf(";\nUPDATE dossier_schema SET version = %d;\nCOMMIT;", i+1)); err != nil {
			conn.Exec(ctx, "ROLLBACK")
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
	}
	return nil
}

// TryRelate takes the store's relate lock, a session advisory lock on a
// connection of its own, if no other process holds it: relating (copy
// detection, story clustering, series) reads the state the previous
// relating left and must not interleave with another process's. The lock
// goes with the connection if the process dies.
func (s *Store) TryRelate(ctx context.Context) (release func(), ok bool, err error) {
	// a connection of its own, outside the pool's count: the lock is
	// held while relating uses the pool
	pc, err := pgconn.ConnectConfig(ctx, s.pool.cfg)
	if err != nil {
		return nil, false, fmt.Errorf("relate lock: %w", err)
	}
	if err := (conn{pc}).QueryRow(ctx, "SELECT pg_try_advisory_lock("+lockRelate+")").Scan(&ok); err != nil || !ok {
		pc.Close(context.WithoutCancel(ctx))
		if err != nil {
			return nil, false, fmt.Errorf("relate lock: %w", err)
		}
		return nil, false, nil
	}
	// closing the session releases its advisory locks
	return func() { pc.Close(context.WithoutCancel(ctx)) }, true, nil
}

// NewSchema creates a schema of a random name prefixed with prefix in the
// database at dsn and returns the URL of the database with that schema
// first on its search path, and a function that drops it: a fresh store
// for "dossier bench" and the tests.
func NewSchema(ctx context.Context, dsn, prefix string) (string, func() error, error) {
	pc, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		return "", nil, err
	}
	defer pc.Close(context.WithoutCancel(ctx))
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := prefix + hex.EncodeToString(b)
	if _, err := (conn{pc}).Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		pc, err := pgconn.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer pc.Close(ctx)
		_, err = (conn{pc}).Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		return err
	}
	return u.String(), drop, nil
}
