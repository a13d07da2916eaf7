package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns the bytes of one input as UTF-8, whatever charset they
// were written in, so that an article in windows-1252 or Shift_JIS is read
// rather than refused. The charset is taken, first found first used, from
// a byte order mark, the HTTP Content-Type (contentType, "" for files),
// the document's own declaration (<meta charset>, http-equiv, the XML
// declaration), and else: UTF-8 when the bytes are valid UTF-8, a
// statistical guess when they are not. Only binary content is refused.
//
// A feed that declares its charset is left as it is: the feed parser
// honours the XML declaration, and transcoding under it would decode twice.
func Decode(input, format, contentType string, b []byte) ([]byte, error) {
	if enc, n := bomEncoding(b); enc != nil {
		out, err := enc.NewDecoder().Bytes(b[n:])
		if err != nil {
			return nil, inputErr(input, fmt.Errorf("%w: %v", ErrMalformed, err))
		}
		return dropXMLEncoding(format, out), binaryCheck(input, out)
	}
	if err := binaryCheck(input, b); err != nil {
		return nil, err
	}
	label := contentTypeCharset(contentType)
	if label == "" {
		switch format {
		case FormatHTML:
			label = metaCharset(b)
		case FormatFeed:
			if xmlEncoding(b) != "" {
				return b, nil
			}
		}
	}
	if label != "" {
		if enc, name := charset.Lookup(label); enc != nil {
			if name == "utf-8" && !utf8.Valid(b) {
				// a page mislabelled as UTF-8 (common after a CMS migration)
				return guess(input, format, b)
			}
			return transcode(input, format, enc, b)
		}
	}
	if utf8.Valid(b) {
		return b, nil
	}
	return guess(input, format, b)
}

// guess transcodes b from the charset a statistical detector finds. The
// ISO-8859 guesses become their windows supersets, as browsers read them:
// the windows code pages only add printable characters in the C1 range.
func guess(input, format string, b []byte) ([]byte, error) {
	det := chardet.NewTextDetector()
	if format == FormatHTML {
		det = chardet.NewHtmlDetector()
	}
	sample := b
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	res, err := det.DetectBest(sample)
	name := "windows-1252"
	if err == nil && res != nil {
		name = res.Charset
	}
	switch strings.ToUpper(name) {
	case "ISO-8859-1":
		name = "windows-1252"
	case "GB-18030", "GB18030":
		name = "gb18030"
	case "ISO-8859-8-I":
		name = "iso-8859-8"
	}
	enc, _ := charset.Lookup(name)
	if enc == nil {
		enc, _ = charset.Lookup("windows-1252")
	}
	return transcode(input, format, enc, b)
}

func transcode(input, format string, enc encoding.Encoding, b []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, inputErr(input, fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	return dropXMLEncoding(format, out), nil
}

// bomEncoding tells the encoding a byte order mark announces, and its length.
func bomEncoding(b []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	}
	return nil, 0
}

// binaryCheck refuses empty content and content that is not text in any
// charset: NUL bytes, or many control characters, in its first 8 KB.
func binaryCheck(input string, b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return inputErr(input, ErrEmpty)
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return inputErr(input, ErrBinary)
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	if ctl*20 > len(head) {
		return inputErr(input, ErrBinary)
	}
	return nil
}

func contentTypeCharset(ct string) string {
	for _, part := range strings.Split(ct, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// metaCharset finds the charset a page declares in its first 1024 bytes,
// as the HTML standard's prescan does (<meta charset>, http-equiv).
func metaCharset(b []byte) string {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if !certain && !declaresCharset.Match(head) {
		return "" // DetermineEncoding's guess when nothing is declared
	}
	return name
}

var declaresCharset = regexp.MustCompile(`(?i)<meta[^>]+charset`)

var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

func xmlEncoding(b []byte) string {
	head := b
	if len(head) > 256 {
		head = head[:256]
	}
	if m := xmlDecl.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// dropXMLEncoding rewrites the XML declaration of a transcoded feed to
// say UTF-8, so that its parser does not decode it a second time.
func dropXMLEncoding(format string, b []byte) []byte {
	if format != FormatFeed {
		return b
	}
	enc := xmlEncoding(b)
	if enc == "" || strings.EqualFold(enc, "utf-8") {
		return b
	}
	loc := xmlDecl.FindSubmatchIndex(b)
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[loc[3]:]...)
}
