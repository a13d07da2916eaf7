package extract

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
)

// WARCSkipped counts the records of a WARC file that are not articles, by
// reason; an ingest reports them apart from errors.
type WARCSkipped map[string]int

// WARC reads a WARC file (ISO 28500, plain or gzipped record by record as
// crawlers and Common Crawl write them) one record at a time. Each HTML or
// text response (or resource) record is an article: its URL is the
// record's WARC-Target-URI, its Fetched time the WARC-Date, its charset
// the one of the HTTP response. Request, metadata, warcinfo, revisit and
// non-text records are counted in skipped. A record above maxRecord bytes
// is one error and the reading goes on; a broken record ends the file (its
// records are length-delimited: what follows cannot be found again).
// yield returns false to stop.
func WARC(input string, r io.Reader, maxRecord int64, skipped WARCSkipped, yield func(Doc, error) bool) {
	wr, err := newWARCReader(r)
	if err != nil {
		yield(Doc{}, inputErr(input, fmt.Errorf("%w WARC: %v", ErrMalformed, err)))
		return
	}
	defer wr.Close()
	for n := 1; ; n++ {
		rec, err := wr.ReadRecord()
		if err == io.EOF { // wrapped, it is a record cut short
			return
		}
		name := fmt.Sprintf("%s#%d", input, n)
		if err != nil {
			yield(Doc{}, inputErr(name, fmt.Errorf("%w WARC record: %v", ErrMalformed, err)))
			return
		}
		d, reason, err := warcRecord(name, rec, maxRecord)
		cerr := rec.Content.Close()
		if rec.Content.cut || cerr != nil { // the file ends inside this record
			yield(Doc{}, inputErr(name, fmt.Errorf("%w WARC record: %v", ErrMalformed, errWARCCut)))
			return
		}
		switch {
		case err != nil:
			if !yield(Doc{}, err) {
				return
			}
		case reason != "":
			skipped[reason]++
		default:
			if !yield(d, nil) {
				return
			}
		}
	}
}

// warcRecord turns one record into a document, or says why it is not one.
func warcRecord(name string, rec *warcRec, maxRecord int64) (Doc, string, error) {
	typ := strings.ToLower(rec.Header.Get("WARC-Type"))
	uri := strings.Trim(rec.Header.Get("WARC-Target-URI"), "<> ")
	if uri != "" {
		name = uri
	}
	var body io.Reader = rec.Content
	contentType := rec.Header.Get("Content-Type")
	switch typ {
	case "response":
		if !strings.HasPrefix(strings.ToLower(contentType), "application/http") {
			break // a response of another protocol (dns:, ftp:) holds its payload as is
		}
		resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
		if err != nil {
			return Doc{}, "", inputErr(name, fmt.Errorf("%w HTTP response in WARC record: %v", ErrMalformed, err))
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return Doc{}, "HTTP status other than 200", nil
		}
		contentType = resp.Header.Get("Content-Type")
		body = resp.Body
		switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return Doc{}, "", inputErr(name, fmt.Errorf("%w gzip content: %v", ErrMalformed, err))
			}
			body = zr
		case "deflate":
			body = flate.NewReader(resp.Body)
		case "", "identity":
		default:
			return Doc{}, "content encoding not supported", nil
		}
	case "resource", "conversion":
	case "":
		return Doc{}, "", inputErr(name, fmt.Errorf("%w: WARC record without WARC-Type", ErrMalformed))
	default:
		return Doc{}, typ + " record", nil
	}
	format := textFormat(contentType)
	if format == "" {
		return Doc{}, "not HTML or text", nil
	}
	b, err := io.ReadAll(io.LimitReader(body, maxRecord+1))
	if err != nil {
		return Doc{}, "", inputErr(name, fmt.Errorf("%w: reading WARC record: %v", ErrMalformed, err))
	}
	if int64(len(b)) > maxRecord {
		return Doc{}, "", inputErr(name, fmt.Errorf("%w (%d MB a record)", ErrTooLarge, maxRecord>>20))
	}
	if format == FormatText {
		format = Detect(uri, b) // text/plain may still hold a feed or a page
	}
	docs, errs := Parse(name, format, contentType, uri, b)
	if len(errs) > 0 {
		if errors.Is(errs[0], ErrBinary) {
			return Doc{}, "not HTML or text", nil
		}
		return Doc{}, "", errs[0]
	}
	if len(docs) != 1 {
		return Doc{}, "feed or list, not one article", nil
	}
	d := docs[0]
	d.Format = FormatWARC
	if uri != "" {
		d.URL, d.Input = uri, uri
	}
	if t, err := time.Parse(time.RFC3339Nano, rec.Header.Get("WARC-Date")); err == nil {
		d.Fetched = t.UTC()
	}
	return d, "", nil
}

// textFormat tells the format of a payload from its media type: HTML or
// text, "" for anything else (images, scripts, styles, PDF).
func textFormat(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "text/plain", "":
		return FormatText
	}
	return ""
}
