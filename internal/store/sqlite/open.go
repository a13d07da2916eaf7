package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Errors of opening a store, each wrapped with the store's path.
var (
	// ErrNoStore: a read-only open of a file that does not exist.
	ErrNoStore = errors.New("store does not exist")
	// ErrNewerSchema: the store was made by a newer dossier.
	ErrNewerSchema = errors.New("store was made by a newer dossier")
)

// Options tune OpenWith.
type Options struct {
	// ReadOnly opens an existing store for reading only: it is never
	// created nor written, and a read-only file can be read.
	ReadOnly bool
	// Wait, when set, is called once when another process is writing the
	// store, before this one waits for it to finish.
	Wait func(msg string)
}

// dsn is the driver's name for path with the given query. The path goes
// to SQLite as a URI, so the characters URIs give a meaning to are
// escaped: "news#2024.db" is that file, not "news".
func dsn(path, query string) string {
	if path == ":memory:" {
		return "file::memory:?" + query
	}
	if strings.HasPrefix(path, "//") { // would read as a URI authority
		path = filepath.Clean(path)
	}
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(path); i++ {
		switch c := path[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String() + "?" + query
}

const writeParams = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_pragma=cache_size(-65536)&_pragma=temp_store(memory)&_txlock=immediate"

// openRead opens an existing store read-only. A store whose schema is
// older than this dossier's is migrated first by a writer's open.
func openRead(ctx context.Context, path string) (*Store, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w (dossier ingest creates it; check --db or $DOSSIER_DB)", path, ErrNoStore)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("open store %s: is a directory", path)
	}
	db, err := sql.Open("sqlite", dsn(path, "mode=ro&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=cache_size(-65536)&_pragma=temp_store(memory)"))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// readers only: several may read at once
	db.SetMaxOpenConns(4)
	s := &Store{db: db, rd: db}
	version, known, err := s.versions(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	switch {
	case version > known:
		db.Close()
		return nil, newerSchema(path, version, known)
	case version < known:
		// an older schema: upgraded by a writer's open, then read
		db.Close()
		w, err := OpenWith(ctx, path, Options{})
		if err != nil {
			return nil, fmt.Errorf("%w (the store needs upgrading to be read)", err)
		}
		if err := w.Close(); err != nil {
			return nil, err
		}
		return openRead(ctx, path)
	}
	return s, nil
}

func newerSchema(path string, version, known int) error {
	return fmt.Errorf("%s: %w (schema version %d, this one knows up to %d): use a newer dossier", path, ErrNewerSchema, version, known)
}

// versions returns the store's schema version and the latest this
// dossier knows.
func (s *Store) versions(ctx context.Context) (version, known int, err error) {
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return 0, 0, err
	}
	names, err := migrationNames()
	return version, len(names), err
}

// writeLock is the advisory lock one writing process holds on a store
// for as long as it has it open: SQLite serialises transactions, but a run
// that relates new articles against the state it loaded at its start
// must not interleave with another run, or both miss each other's copies
// and stories. A second writer waits for the first, and then loads the
// state the first one left.
type writeLock struct{ f *os.File }

func lockPath(path string) string { return path + "-lock" }

// lockStore takes the write lock of the store at path, waiting for the
// process holding it (telling wait once) until ctx is done.
func lockStore(ctx context.Context, path string, wait func(string)) (*writeLock, error) {
	f, err := os.OpenFile(lockPath(path), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock store %s: %w", path, err)
	}
	told := false
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock store %s: %w", path, err)
		}
		if ok {
			break
		}
		if !told && wait != nil {
			told = true
			holder := "another dossier"
			if b, err := os.ReadFile(lockPath(path)); err == nil {
				if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
					holder += " (pid " + strconv.Itoa(pid) + ")"
				}
			}
			wait(fmt.Sprintf("store %s is being written by %s: waiting for it to finish", path, holder))
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("lock store %s: %w", path, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &writeLock{f: f}, nil
}

func (l *writeLock) release() error {
	if l == nil {
		return nil
	}
	unlock(l.f)
	return l.f.Close()
}
