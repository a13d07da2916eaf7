package dedupe

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

// Near-duplicates are found with MinHash over word shingles and banded
// locality-sensitive hashing: articles that share a band are candidates,
// and their estimated Jaccard similarity decides. Digits are kept in the
// shingles, so an update that changes a figure stays near its original but
// differs from it.
const (
	NumHashes = 120 // signature length
	// Bands of Rows rows: a pair at Jaccard 0.4 shares a band with
	// probability 1-(1-0.4³)^40 ≈ 0.93, a pair at 0.05 with 0.005.
	Bands   = 40
	Rows    = NumHashes / Bands
	Shingle = 5 // words per shingle
)

// Signature is the MinHash signature of a text.
type Signature [NumHashes]uint64

// multipliers and offsets of the hash family h_i(x) = a_i*x + b_i (mod 2^64),
// derived once from xxh3 so that they are fixed across runs and stores.
var mulA, addB [NumHashes]uint64

func init() {
	for i := range mulA {
		mulA[i] = xxh3.HashStringSeed("dossier-minhash-a", uint64(i)) | 1
		addB[i] = xxh3.HashStringSeed("dossier-minhash-b", uint64(i))
	}
}

// shingleWords splits text into lower-case words, punctuation dropped.
func shingleWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// MinHash returns the signature of text; an empty text has the all-ones signature.
func MinHash(text string) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	ws := shingleWords(text)
	n := len(ws) - Shingle + 1
	if n < 1 && len(ws) > 0 {
		n = 1
	}
	var b []byte // reused: a builder's Reset would allocate anew for every shingle
	for k := 0; k < n; k++ {
		b = b[:0]
		for _, w := range ws[k:min(k+Shingle, len(ws))] {
			b = append(b, w...)
			b = append(b, ' ')
		}
		h := xxh3.Hash(b)
		for i := range sig {
			if v := mulA[i]*h + addB[i]; v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the shingle sets.
func (s Signature) Similarity(o Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// BandKeys returns the LSH bucket key of each band.
func (s Signature) BandKeys() [Bands]uint64 {
	var out [Bands]uint64
	var buf [Rows * 8]byte
	for b := 0; b < Bands; b++ {
		for r := 0; r < Rows; r++ {
			v := s[b*Rows+r]
			for k := 0; k < 8; k++ {
				buf[r*8+k] = byte(v >> (8 * k))
			}
		}
		out[b] = xxh3.HashSeed(buf[:], uint64(b))
	}
	return out
}

// Index finds near-duplicate candidates among the signatures added to it.
// It is not safe for concurrent use.
type Index struct {
	buckets [Bands]map[uint64][]int
	ids     []string
	sigs    []Signature
	// seen marks the signatures compared by the current query: seen[n] ==
	// gen. A stamp per signature is cheaper than a set per query.
	seen []uint32
	gen  uint32
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	ix := &Index{}
	for b := range ix.buckets {
		ix.buckets[b] = map[uint64][]int{}
	}
	return ix
}

// Grow makes room for n more signatures, as loading many at once wants.
func (ix *Index) Grow(n int) {
	for b := range ix.buckets {
		if len(ix.buckets[b]) == 0 {
			ix.buckets[b] = make(map[uint64][]int, n)
		}
	}
	ix.ids = slices.Grow(ix.ids, n)
	ix.sigs = slices.Grow(ix.sigs, n)
	ix.seen = slices.Grow(ix.seen, n)
}

// Add records the signature of article id.
func (ix *Index) Add(id string, s Signature) {
	n := len(ix.ids)
	ix.ids = append(ix.ids, id)
	ix.sigs = append(ix.sigs, s)
	ix.seen = append(ix.seen, 0)
	for b, k := range s.BandKeys() {
		ix.buckets[b][k] = append(ix.buckets[b][k], n)
	}
}

// Len is the number of signatures in the index.
func (ix *Index) Len() int { return len(ix.ids) }

// Match is a candidate with its estimated similarity.
type Match struct {
	ID         string
	Similarity float64
}

// MaxBucket bounds the work of a query: only the latest MaxBucket
// articles of a band bucket are compared. Buckets grow that large only for
// text that thousands of articles share, and the latest copies are the
// ones that matter; the bound keeps ingest linear in the corpus.
const MaxBucket = 64

// Query returns the indexed articles sharing a band with s whose
// estimated similarity is at least min, most similar first.
func (ix *Index) Query(s Signature, minSim float64) []Match {
	ix.gen++
	if ix.gen == 0 { // wrapped: clear the old stamps
		clear(ix.seen)
		ix.gen = 1
	}
	var out []Match
	for b, k := range s.BandKeys() {
		bucket := ix.buckets[b][k]
		if len(bucket) > MaxBucket {
			bucket = bucket[len(bucket)-MaxBucket:]
		}
		for _, n := range bucket {
			if ix.seen[n] == ix.gen {
				continue
			}
			ix.seen[n] = ix.gen
			if sim := s.Similarity(ix.sigs[n]); sim >= minSim {
				out = append(out, Match{ix.ids[n], sim})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Similarity != out[j].Similarity {
			return out[i].Similarity > out[j].Similarity
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// MarshalJSON writes the signature compactly, as base64 of little-endian words.
func (s Signature) MarshalJSON() ([]byte, error) {
	b := make([]byte, NumHashes*8)
	for i, v := range s {
		binary.LittleEndian.PutUint64(b[i*8:], v)
	}
	return json.Marshal(base64.StdEncoding.EncodeToString(b))
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (s *Signature) UnmarshalJSON(data []byte) error {
	var str string
	if err := json.Unmarshal(data, &str); err != nil {
		return err
	}
	b, err := base64.StdEncoding.DecodeString(str)
	if err != nil || len(b) != NumHashes*8 {
		return fmt.Errorf("bad signature")
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[i*8:])
	}
	return nil
}
