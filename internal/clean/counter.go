package clean

import "github.com/dossier-news/dossier"

// Counter counts, for each line key, the distinct documents (by content
// key) it was seen in. It is the in-memory side of recurrence learning; the
// store keeps the same counts across runs.
type Counter struct {
	docs map[uint64]map[uint64]struct{}
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter { return &Counter{docs: map[uint64]map[uint64]struct{}{}} }

// MaxDocs caps the documents counted per line: past it a line is
// boilerplate whatever the exact count, and the cap bounds the memory and
// the writes a line common to every article costs.
const MaxDocs = dossier.MaxLineDocs

// Add records that the document with content key doc has these line keys,
// and returns the keys it recorded: those not seen in doc before, for
// lines seen in fewer than MaxDocs documents.
func (c *Counter) Add(doc uint64, keys []uint64) (recorded []uint64) {
	for _, k := range keys {
		m := c.docs[k]
		if m == nil {
			m = map[uint64]struct{}{}
			c.docs[k] = m
		}
		if _, ok := m[doc]; ok || len(m) >= MaxDocs {
			continue
		}
		m[doc] = struct{}{}
		recorded = append(recorded, k)
	}
	return recorded
}

// Others returns a Recurring function for the document doc: counts
// exclude the document itself.
func (c *Counter) Others(doc uint64) func(uint64) int {
	return func(k uint64) int {
		m := c.docs[k]
		n := len(m)
		if _, ok := m[doc]; ok {
			n--
		}
		return n
	}
}

// Len is the number of line keys counted: the counter's size.
func (c *Counter) Len() int { return len(c.docs) }
