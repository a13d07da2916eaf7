package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/spf13/cobra"
)

// app carries what every subcommand shares.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer // escaping control characters (escape.go)
	errFile        io.Writer // stderr as given, for the progress bar
	db             string
	format         string
	cpuprofile     string
	stopProfile    func() // set while a CPU profile is written; run calls it whatever the outcome
}

func defaultDB() string {
	if p := os.Getenv("DOSSIER_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "dossier.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "dossier", "dossier.db")
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) (*cobra.Command, *app) {
	a := &app{stdin: stdin, stdout: escapingWriter{stdout}, stderr: escapingWriter{stderr}, errFile: stderr}
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Read a news story through many sources: clean articles, figures and their evidence",
		Long: `dossier ingests piles of news articles (text, HTML, RSS/Atom, JSON Lines, URLs),
cleans them of site furniture, and keeps them searchable with the figures they state.

The store is one SQLite file: by default ` + defaultDB() + `
($DOSSIER_DB or --db to choose another), or a PostgreSQL database
(--db postgres://user@host/db) that many "dossier worker" processes share.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.PersistentFlags().StringVar(&a.db, "db", defaultDB(), "SQLite database file, or a postgres:// URL ($DOSSIER_DB)")
	root.PersistentFlags().StringVar(&a.cpuprofile, "cpuprofile", "", "write a CPU profile of the command (go tool pprof) to this file")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if a.cpuprofile == "" {
			return nil
		}
		f, err := os.Create(a.cpuprofile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("cpu profile: %w", err)
		}
		a.stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
		return nil
	}
	root.AddCommand(a.ingestCmd(), a.watchCmd(), a.analyseCmd(), a.listCmd(), a.showCmd(), a.searchCmd(), a.figuresCmd(), a.entitiesCmd(), a.entityCmd(), a.copiesCmd(), a.storiesCmd(), a.storyCmd(), a.seriesCmd(), a.evalCmd(), a.benchCmd(), a.serveCmd(), a.reportCmd(), a.workerCmd())
	return root, a
}

func (a *app) addFormat(c *cobra.Command, formats string) {
	c.Flags().StringVar(&a.format, "format", "table", "output format: "+formats)
}

func (a *app) checkFormat(allowed ...string) error {
	for _, f := range allowed {
		if a.format == f {
			return nil
		}
	}
	return fmt.Errorf("unknown --format %q (want one of %v)", a.format, allowed)
}

// open opens the store for writing, creating it if needed: for a SQLite
// file one writer at a time, a second one waits for the first and says
// so; a postgres:// URL opens the PostgreSQL store, which many may write.
func (a *app) open(ctx context.Context) (dossier.Store, error) {
	if postgres.IsURL(a.db) {
		return postgres.Open(ctx, a.db)
	}
	return sqlite.OpenWith(ctx, a.db, sqlite.Options{Wait: func(msg string) { fmt.Fprintln(a.stderr, escape(msg)) }})
}

// openRead opens an existing store for reading: a missing store is an
// error, not a new empty one, and a read-only file can be read.
func (a *app) openRead(ctx context.Context) (dossier.Store, error) {
	if postgres.IsURL(a.db) {
		return postgres.Open(ctx, a.db)
	}
	return sqlite.OpenWith(ctx, a.db, sqlite.Options{ReadOnly: true})
}

// storeFor checks --format against what a command prints, then opens the
// store for reading.
func (a *app) storeFor(cmd *cobra.Command, formats ...string) (dossier.Store, error) {
	if err := a.checkFormat(formats...); err != nil {
		return nil, err
	}
	return a.openRead(cmd.Context())
}

// emit writes items as a JSON array or JSON Lines.
func emit[T any](w io.Writer, format string, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if format == "json" {
		enc.SetIndent("", "  ")
		if items == nil {
			items = []T{}
		}
		return enc.Encode(items)
	}
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}

func getenv(k string) string { return os.Getenv(k) }
