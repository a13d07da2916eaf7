package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/fetch"
)

// source is one input to read: a file, stdin or a URL.
type source struct {
	name string
	url  bool
}

// expand turns the arguments into sources: folders are walked recursively
// (hidden entries skipped), globs expanded, '-' is stdin.
func expand(args []string) ([]source, []error) {
	var out []source
	var errs []error
	for _, a := range args {
		switch {
		case a == "-":
			out = append(out, source{name: "-"})
		case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
			out = append(out, source{name: a, url: true})
		default:
			paths := []string{a}
			if strings.ContainsAny(a, "*?[") {
				m, err := filepath.Glob(a)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: bad pattern: %w", a, err))
					continue
				}
				if len(m) == 0 {
					errs = append(errs, fmt.Errorf("%s: no file matches", a))
					continue
				}
				paths = m
			}
			for _, p := range paths {
				st, err := os.Stat(p)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPath(err)))
					continue
				}
				if !st.IsDir() {
					out = append(out, source{name: p})
					continue
				}
				var files []string
				err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
					if err != nil {
						errs = append(errs, fmt.Errorf("%s: %w", path, unwrapPath(err)))
						return nil
					}
					if path != p && strings.HasPrefix(d.Name(), ".") {
						if d.IsDir() {
							return filepath.SkipDir
						}
						return nil
					}
					if d.Type().IsRegular() {
						files = append(files, path)
					}
					return nil
				})
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", p, err))
				}
				sort.Strings(files)
				for _, f := range files {
					out = append(out, source{name: f})
				}
			}
		}
	}
	return out, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// read loads one source and extracts its documents.
func (p *Pipeline) read(ctx context.Context, src source, stdin io.Reader) ([]extract.Doc, []error) {
	var b []byte
	var err error
	name, pageURL := src.name, ""
	switch {
	case src.url:
		var r *fetch.Response
		r, err = p.fetcher.Get(ctx, src.name)
		if err != nil {
			return nil, []error{err}
		}
		b, pageURL = r.Body, r.URL
		format := extract.Detect(src.name, b)
		if strings.Contains(r.ContentType, "html") && format != extract.FormatFeed {
			format = extract.FormatHTML
		}
		return extract.Parse(name, format, r.ContentType, pageURL, b)
	case src.name == "-":
		name = "stdin"
		b, err = readLimited(stdin, p.opt.MaxSize)
	default:
		var f *os.File
		f, err = os.Open(src.name)
		if err == nil {
			b, err = readFile(f, p.opt.MaxSize)
			f.Close()
		} else {
			err = unwrapPath(err)
		}
	}
	if err != nil {
		return nil, []error{&extract.InputError{Input: name, Err: err}}
	}
	return extract.Parse(name, extract.Detect(name, b), "", "", b)
}

// readFile reads an open file of at most max bytes. A regular file is
// read in one call of its size; reading until end of file, as a reader of
// unknown length needs, costs a second system call for every file.
func readFile(f *os.File, max int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return readLimited(f, max)
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%w (%d MB)", extract.ErrTooLarge, max>>20)
	}
	b := make([]byte, fi.Size())
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF { // shorter than it was: what there is
		return b[:n], nil
	}
	return b, err
}

func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d MB)", extract.ErrTooLarge, max>>20)
	}
	return b, nil
}
