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
	"syscall"

	"github.com/dossier-news/dossier/internal/extract"
)

// source is one input to read: a file, stdin or a URL, or documents
// already read (by the watcher).
type source struct {
	name string
	url  bool
	docs []extract.Doc
}

// ErrNotRegular is the error of an input that is neither a regular file,
// a folder nor '-': a named pipe, a device or a socket could block the run
// or never end, and is never opened.
var ErrNotRegular = errors.New("not a regular file or a folder")

// notice is an entry left out on purpose, said but not a failure.
type notice struct{ name, reason string }

// expand turns the arguments into sources: folders are walked recursively
// (hidden entries skipped), globs expanded, '-' is stdin. Symbolic links
// are followed, to files and to folders; a folder reached again (a link
// loop, or two links to one folder) is read once and the others are
// notices. Anything but regular files and folders is an error.
func expand(args []string) ([]source, []error, []notice) {
	var out []source
	var errs []error
	var notes []notice
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
				st, err := statInput(p)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				if !st.IsDir() {
					out = append(out, source{name: p})
					continue
				}
				w := walker{seen: map[fileID]string{}}
				w.walk(p, st)
				sort.Strings(w.files)
				for _, f := range w.files {
					out = append(out, source{name: f})
				}
				errs = append(errs, w.errs...)
				notes = append(notes, w.notes...)
			}
		}
	}
	return out, errs, notes
}

// statInput stats a path, following links, and refuses what is neither a
// regular file nor a folder.
func statInput(p string) (fs.FileInfo, error) {
	st, err := os.Stat(p)
	if err != nil {
		if lst, lerr := os.Lstat(p); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			return nil, &extract.InputError{Input: p, Err: fmt.Errorf("broken symbolic link: %w", unwrapPath(err))}
		}
		return nil, &extract.InputError{Input: p, Err: unwrapPath(err)}
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &extract.InputError{Input: p, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kindOf(st.Mode()))}
	}
	return st, nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// fileID identifies a folder whatever path leads to it: its device and
// inode, or where there are none its path with the links resolved.
type fileID struct {
	dev, ino uint64
	path     string
}

// pathID identifies a folder by its path with every link and junction
// resolved (and, on Windows, the case of the names on disk): a link back
// to a folder above resolves to that folder's path. It is the id where
// the system has no inodes.
func pathID(path string) (fileID, bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fileID{}, false
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	return fileID{path: real}, true
}

type walker struct {
	seen  map[fileID]string // folders read, and the path they were read as
	files []string
	errs  []error
	notes []notice
}

func (w *walker) walk(dir string, st fs.FileInfo) {
	if id, ok := idOf(dir, st); ok {
		if first, ok := w.seen[id]; ok {
			reason := "already read as " + first
			if dir == first || strings.HasPrefix(dir, first+string(filepath.Separator)) {
				reason = "symbolic link loop back to " + first
			}
			w.notes = append(w.notes, notice{dir, reason})
			return
		}
		w.seen[id] = dir
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.errs = append(w.errs, &extract.InputError{Input: dir, Err: unwrapPath(err)})
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var info fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 || e.Type()&^fs.ModeDir != 0 || e.IsDir() {
			info, err = statInput(p)
			if err != nil {
				w.errs = append(w.errs, err)
				continue
			}
		}
		switch {
		case info == nil: // a regular file
			w.files = append(w.files, p)
		case info.IsDir():
			w.walk(p, info)
		default:
			w.files = append(w.files, p)
		}
	}
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
	if src.docs != nil {
		emitAll(src.docs, nil, yield)
		return
	}
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

// openInput opens a regular file to read. It is checked again once open
// (it may have been replaced since it was listed), and opened without
// blocking: opening a named pipe for reading waits for a writer.
func openInput(name string) (*os.File, error) {
	if _, err := statInput(name); err != nil {
		var ie *extract.InputError
		if errors.As(err, &ie) {
			return nil, ie.Err
		}
		return nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPath(err)
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = fmt.Errorf("%w (%s)", ErrNotRegular, kindOf(st.Mode()))
	}
	if err != nil {
		f.Close()
		return nil, err
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
