package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// warcReader reads the records of a WARC file (ISO 28500: a version line,
// named fields, a blank line, Content-Length bytes of block, CRLF CRLF),
// plain or gzipped as one member a record (compress/gzip reads the members
// as one stream). Reading is all dossier does with WARC files: a reader of
// its own keeps out the writing machinery (TLS fingerprinting, DNS, zstd,
// xz) of the general WARC libraries, several MB of the binary (measured in
// docs/PERFORMANCE.md).
type warcReader struct {
	br   *bufio.Reader
	tp   *textproto.Reader
	gz   *gzip.Reader
	last *warcContent // the previous record's block, skipped before the next
}

// warcRecord is one record: its named fields and its block.
type warcRec struct {
	Header  textproto.MIMEHeader
	Content *warcContent
}

// warcContent reads exactly a record's Content-Length bytes; fewer is a
// file cut short (cut tells it once read).
type warcContent struct {
	r    io.Reader
	left int64
	cut  bool
}

func (c *warcContent) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if err == io.EOF && c.left > 0 {
		c.cut = true
		return n, io.ErrUnexpectedEOF
	}
	if err != nil && err != io.EOF {
		return n, err
	}
	return n, nil
}

// Close skips what is left of the block.
func (c *warcContent) Close() error {
	if c.left > 0 {
		if _, err := io.Copy(io.Discard, c); err != nil {
			return err
		}
	}
	return nil
}

var errWARCCut = errors.New("record cut short")

func newWARCReader(r io.Reader) (*warcReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(2)
	if err != nil && len(head) == 0 {
		return nil, fmt.Errorf("empty file: %w", err)
	}
	w := &warcReader{br: br}
	if bytes.Equal(head, []byte{0x1f, 0x8b}) {
		if w.gz, err = gzip.NewReader(br); err != nil {
			return nil, err
		}
		w.br = bufio.NewReaderSize(w.gz, 64<<10)
	}
	w.tp = textproto.NewReader(w.br)
	return w, nil
}

// Close releases the gzip reader; the underlying reader is the caller's.
func (w *warcReader) Close() error {
	if w.gz != nil {
		return w.gz.Close()
	}
	return nil
}

// ReadRecord returns the next record, or io.EOF after the last one.
func (w *warcReader) ReadRecord() (*warcRec, error) {
	if w.last != nil {
		if err := w.last.Close(); err != nil {
			return nil, err
		}
		if w.last.cut {
			return nil, errWARCCut
		}
		w.last = nil
	}
	// the blank lines ending the previous record (lenient about how many)
	var line string
	for {
		l, err := w.tp.ReadLine()
		if err == io.EOF && l == "" {
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errWARCCut, err)
		}
		if strings.TrimSpace(l) != "" {
			line = l
			break
		}
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("not a WARC record: starts with %q", truncate(line, 40))
	}
	h, err := w.tp.ReadMIMEHeader()
	if err != nil {
		if err == io.EOF {
			err = errWARCCut
		}
		return nil, fmt.Errorf("record header: %w", err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(h.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("record without a valid Content-Length (%q)", h.Get("Content-Length"))
	}
	w.last = &warcContent{r: w.br, left: n}
	return &warcRec{Header: h, Content: w.last}, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}
