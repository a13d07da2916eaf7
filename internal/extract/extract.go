package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Doc is one raw document before cleaning.
type Doc struct {
	Input  string // where it came from: a path, a URL, "path#3" for the third item
	Format string // text, html, feed, jsonl
	Lines  []string
	Title  string
	Site   string
	Author string
	Date   string
	Lang   string
	URL    string
	Tags   []string
	// Fetched is when the page was fetched, when the input says (a WARC
	// record's WARC-Date); zero otherwise.
	Fetched time.Time
	// Partial: a feed item that gave only its summary; the page at URL
	// has the article.
	Partial bool
}

// Formats.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatFeed  = "feed"
	FormatJSONL = "jsonl"
	FormatWARC  = "warc"
)

// Errors for bad input; each is wrapped in an *InputError naming the input.
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary content, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("input larger than the size limit")
	ErrTooDeep     = errors.New("HTML nested too deeply")
	ErrMalformed   = errors.New("malformed input")
	ErrNoText      = errors.New("no article text found")
)

// InputError says which input failed and why, in one line.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(input string, err error) error { return &InputError{Input: input, Err: err} }

// MaxNesting is the deepest HTML element nesting kept (the HTML parser's
// own limit); deeper elements are cut before parsing, and a page with
// nothing left once cut is refused.
const MaxNesting = 512

// Check refuses empty, binary and non-UTF-8 content; Decode turns text
// in any charset into UTF-8 first.
func Check(input string, b []byte) error {
	if err := binaryCheck(input, b); err != nil {
		return err
	}
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return inputErr(input, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, off))
	}
	return nil
}

// Detect guesses the format from the name and the first bytes.
func Detect(name string, b []byte) string {
	base := strings.ToLower(strings.SplitN(name, "?", 2)[0])
	if strings.HasSuffix(base, ".warc") || strings.HasSuffix(base, ".warc.gz") {
		return FormatWARC
	}
	switch filepath.Ext(base) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".rss", ".atom", ".xml":
		return FormatFeed
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".txt", ".text", ".md":
		return FormatText
	}
	head := b
	if enc, n := bomEncoding(b); enc != nil {
		if len(head) > 1024 {
			head = head[:1024]
		}
		head, _ = enc.NewDecoder().Bytes(head[n:])
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) > 512 {
		head = head[:512]
	}
	lower := strings.ToLower(string(head))
	switch {
	case strings.HasPrefix(lower, "warc/1."):
		return FormatWARC
	case strings.HasPrefix(lower, "<?xml") && (strings.Contains(lower, "<rss") || strings.Contains(lower, "<feed") || strings.Contains(lower, "<rdf")):
		return FormatFeed
	case strings.HasPrefix(lower, "<rss"), strings.HasPrefix(lower, "<feed"):
		return FormatFeed
	case strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<html"), strings.HasPrefix(lower, "<head"), strings.HasPrefix(lower, "<body"):
		return FormatHTML
	case strings.HasPrefix(lower, "{"):
		return FormatJSONL
	}
	return FormatText
}

// Parse extracts the documents of one input in the given format, in the
// charset contentType (an HTTP Content-Type, "" for a file), the input
// itself declares or detection finds (see Decode); pageURL, when known, is
// where an HTML page was fetched from. A multi-document input (feed, JSON
// Lines) may yield documents and errors at once: each bad item is one
// error, the others go on.
func Parse(input, format, contentType, pageURL string, b []byte) ([]Doc, []error) {
	if format == FormatJSONL || format == FormatWARC {
		var docs []Doc
		var errs []error
		Stream(input, format, bytes.NewReader(b), int64(len(b)), WARCSkipped{}, func(d Doc, err error) bool {
			if err != nil {
				errs = append(errs, err)
			} else {
				docs = append(docs, d)
			}
			return true
		})
		if len(docs)+len(errs) == 0 {
			errs = append(errs, inputErr(input, ErrEmpty))
		}
		return docs, errs
	}
	b, err := Decode(input, format, contentType, b)
	if err != nil {
		return nil, []error{err}
	}
	if format != FormatFeed { // a feed may still be in the charset it declares
		if err := Check(input, b); err != nil {
			return nil, []error{err}
		}
	}
	switch format {
	case FormatHTML:
		d, err := HTML(input, b, pageURL)
		if err != nil {
			return nil, []error{err}
		}
		return []Doc{d}, nil
	case FormatFeed:
		return Feed(input, b)
	default:
		return []Doc{Text(input, string(b))}, nil
	}
}

// Streamed tells whether a format is read record by record (Stream).
func Streamed(format string) bool { return format == FormatJSONL || format == FormatWARC }

// Stream reads an input of a record-by-record format (JSON Lines, WARC)
// from r, handing yield each document or error as it is read (yield
// returns false to stop); maxRecord caps each record, nothing caps the
// whole. Records of a WARC file that are not articles are counted in
// skipped.
func Stream(input, format string, r io.Reader, maxRecord int64, skipped WARCSkipped, yield func(Doc, error) bool) {
	switch format {
	case FormatWARC:
		WARC(input, r, maxRecord, skipped, yield)
	default:
		JSONLStream(input, r, maxRecord, yield)
	}
}

// Text splits a plain text article into lines; cleaning finds its parts.
func Text(input, s string) Doc {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return Doc{Input: input, Format: FormatText, Lines: strings.Split(s, "\n")}
}
