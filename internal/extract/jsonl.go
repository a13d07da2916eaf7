package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"
)

// jsonArticle is one line of a JSON Lines input.
type jsonArticle struct {
	URL    string          `json:"url"`
	Title  string          `json:"title"`
	Text   string          `json:"text"`
	HTML   string          `json:"html"`
	Date   string          `json:"date"`
	Site   string          `json:"site"`
	Lang   string          `json:"lang"`
	Author string          `json:"author"`
	Tags   json.RawMessage `json:"tags"`
}

// JSONL reads one article a line; a bad line is one error and the others go on.
func JSONL(input string, b []byte) ([]Doc, []error) {
	return Parse(input, FormatJSONL, "", "", b)
}

// JSONLStream reads JSON Lines from r one line at a time, so that a file
// of any size is read in the memory of its longest line: each line is a
// document or an error for yield (which returns false to stop). A line
// above maxRecord bytes is one error and is skipped. Each line is decoded
// from its own charset when it is not UTF-8 (see Decode); a file with a
// UTF-16 byte order mark is decoded as a whole.
func JSONLStream(input string, r io.Reader, maxRecord int64, yield func(Doc, error) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(3); len(head) >= 2 {
		if enc, n := bomEncoding(head); enc != nil {
			br.Discard(n)
			if n == 2 { // UTF-16: lines are only found after decoding
				br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10)
			}
		}
	}
	var line []byte
	for n := 1; ; n++ {
		var tooLong bool
		var err error
		line, tooLong, err = readLine(br, line[:0], maxRecord)
		if len(line) == 0 && !tooLong && err != nil {
			if err != io.EOF {
				yield(Doc{}, inputErr(input, fmt.Errorf("%w: %v", ErrMalformed, err)))
			}
			return
		}
		name := fmt.Sprintf("%s:%d", input, n)
		var d Doc
		var derr error
		if tooLong {
			derr = inputErr(name, fmt.Errorf("%w (%d MB a line)", ErrTooLarge, maxRecord>>20))
		} else if t := bytes.TrimSpace(line); len(t) > 0 {
			d, derr = jsonRecord(name, t)
		} else {
			if err != nil {
				return
			}
			continue
		}
		if !yield(d, derr) {
			return
		}
		if err != nil {
			return
		}
	}
}

// readLine appends the next line of br (without its newline) to buf,
// keeping at most max bytes: past that it reads on to the end of the line
// and reports it too long.
func readLine(br *bufio.Reader, buf []byte, max int64) ([]byte, bool, error) {
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if len(buf) > 0 && buf[len(buf)-1] == '\n' {
			buf = buf[:len(buf)-1]
		}
		return buf, tooLong, err
	}
}

// jsonRecord reads one line of JSON Lines.
func jsonRecord(name string, line []byte) (Doc, error) {
	line, err := Decode(name, FormatText, "", line)
	if err != nil {
		return Doc{}, err
	}
	var ja jsonArticle
	if err := json.Unmarshal(line, &ja); err != nil {
		return Doc{}, inputErr(name, fmt.Errorf("%w JSON: %v", ErrMalformed, err))
	}
	var d Doc
	switch {
	case strings.TrimSpace(ja.Text) != "":
		d = Text(name, ja.Text)
	case strings.TrimSpace(ja.HTML) != "":
		var err error
		d, err = HTML(name, []byte(ja.HTML), ja.URL)
		if err != nil {
			return Doc{}, err
		}
	default:
		return Doc{}, inputErr(name, fmt.Errorf("%w: neither text nor html", ErrNoText))
	}
	d.Format = FormatJSONL
	if ja.URL != "" {
		d.URL = ja.URL
		d.Input = ja.URL
	}
	d.Title = firstNonEmpty(ja.Title, d.Title)
	d.Date = firstNonEmpty(ja.Date, d.Date)
	d.Site = firstNonEmpty(ja.Site, d.Site)
	d.Lang = firstNonEmpty(ja.Lang, d.Lang)
	d.Author = firstNonEmpty(ja.Author, d.Author)
	if len(ja.Tags) > 0 {
		var tags []string
		if json.Unmarshal(ja.Tags, &tags) == nil {
			d.Tags = append(d.Tags, tags...)
		}
	}
	return d, nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}
