package dedupe

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
)

// Profiles are saved in the store for every article and all read back
// when ingest starts, so they have a compact binary form: a version byte,
// then the fields in order, strings and lists prefixed by their lengths.
// Profiles saved as JSON (before this form) still decode, and so do those
// of version 1, which lacked Root.
const profileVersion = 2

var errProfile = errors.New("malformed profile")

// MarshalBinary encodes p.
func (p Profile) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 1+NumHashes*8+256)
	b = append(b, profileVersion)
	for _, s := range []string{p.ID, p.Lang, p.Date, p.URL, p.SourceURL, p.Story} {
		b = appendString(b, s)
	}
	for _, v := range p.Sig {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Numbers)))
	for _, v := range p.Numbers {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	for _, list := range [][]string{p.Entities, p.Cites, p.Figures, p.Reports} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, s := range list {
			b = appendString(b, s)
		}
	}
	return appendString(b, p.Root), nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// DecodeProfile decodes a saved profile, binary or JSON.
func DecodeProfile(b []byte) (Profile, error) {
	var p Profile
	if len(b) > 0 && b[0] == '{' {
		err := json.Unmarshal(b, &p)
		return p, err
	}
	return p, p.UnmarshalBinary(b)
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (p *Profile) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != 1 && b[0] != profileVersion {
		return errProfile
	}
	version := b[0]
	d := decoder{b: b[1:]}
	for _, s := range []*string{&p.ID, &p.Lang, &p.Date, &p.URL, &p.SourceURL, &p.Story} {
		*s = d.string()
	}
	for i := range p.Sig {
		p.Sig[i] = d.uint64()
	}
	if n := d.count(8); n > 0 {
		p.Numbers = make([]float64, n)
		for i := range p.Numbers {
			p.Numbers[i] = math.Float64frombits(d.uint64())
		}
	}
	for _, list := range []*[]string{&p.Entities, &p.Cites, &p.Figures, &p.Reports} {
		if n := d.count(1); n > 0 {
			*list = make([]string, n)
			for i := range *list {
				(*list)[i] = d.string()
			}
		}
	}
	if version >= 2 {
		p.Root = d.string()
	}
	if d.bad || len(d.b) != 0 {
		return errProfile
	}
	return nil
}

// decoder reads the binary form; a read past the end marks it bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length whose items take at least size bytes each.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/size) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count(1)
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) uint64() uint64 {
	if len(d.b) < 8 {
		d.bad, d.b = true, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}
