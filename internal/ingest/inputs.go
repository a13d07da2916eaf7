package ingest

import (
	"bufio"
	"bytes"
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

// read loads one source and returns its documents and errors (tests).
func (p *Pipeline) read(ctx context.Context, src source, stdin io.Reader) ([]extract.Doc, []error) {
	var docs []extract.Doc
	var errs []error
	p.stream(ctx, src, stdin, extract.WARCSkipped{}, func(d extract.Doc, err error) bool {
		if err != nil {
			errs = append(errs, err)
		} else {
			docs = append(docs, d)
		}
		return true
	})
	return docs, errs
}

// stream reads one source and hands each of its documents, or each error,
// to yield as it is read (yield returns false to stop). JSON Lines and WARC
// files and stdin are read record by record with Options.MaxSize as the
// cap of one record and none on the whole; other inputs are read whole,
// up to MaxSize. Records of a WARC file that are not articles are counted
// in skipped.
func (p *Pipeline) stream(ctx context.Context, src source, stdin io.Reader, skipped extract.WARCSkipped, yield func(extract.Doc, error) bool) {
	fail := func(name string, err error) { yield(extract.Doc{}, &extract.InputError{Input: name, Err: err}) }
	if src.url {
		r, err := p.fetcher.Get(ctx, src.name)
		if err != nil {
			yield(extract.Doc{}, err)
			return
		}
		format := extract.Detect(src.name, r.Body)
		if strings.Contains(r.ContentType, "html") && format != extract.FormatFeed {
			format = extract.FormatHTML
		}
		docs, errs := extract.Parse(src.name, format, r.ContentType, r.URL, r.Body)
		emitAll(docs, errs, yield)
		return
	}
	name := src.name
	var in io.Reader
	var size int64 = -1
	if name == "-" {
		name, in = "stdin", stdin
	} else {
		f, err := openInput(name)
		if err != nil {
			fail(name, err)
			return
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		in = f
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(1024)
	format := extract.Detect(name, head)
	if extract.Streamed(format) {
		extract.Stream(name, format, br, p.opt.MaxSize, skipped, func(d extract.Doc, err error) bool {
			return yield(d, err) && ctx.Err() == nil
		})
		return
	}
	if size > p.opt.MaxSize {
		fail(name, fmt.Errorf("%w (%d MB)", extract.ErrTooLarge, p.opt.MaxSize>>20))
		return
	}
	b, err := readLimited(br, p.opt.MaxSize, size)
	if err != nil {
		fail(name, err)
		return
	}
	docs, errs := extract.Parse(name, format, "", "", b)
	emitAll(docs, errs, yield)
}

func emitAll(docs []extract.Doc, errs []error, yield func(extract.Doc, error) bool) {
	for _, err := range errs {
		if !yield(extract.Doc{}, err) {
			return
		}
	}
	for _, d := range docs {
		if !yield(d, nil) {
			return
		}
	}
}

// openInput opens a file to read.
func openInput(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return f, nil
}

// readLimited reads r to its end, refusing more than max bytes; size,
// when known (a regular file), sizes the buffer in one allocation.
func readLimited(r io.Reader, max, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size >= 0 && size <= max {
		buf.Grow(int(size) + 1)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	b := buf.Bytes()
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d MB)", extract.ErrTooLarge, max>>20)
	}
	return b, nil
}
