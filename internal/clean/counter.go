package clean

// Counter counts, for each line key, the distinct documents (by content
// key) it was seen in. It is the in-memory side of recurrence learning; the
// store keeps the same counts across runs.
type Counter struct {
	docs map[uint64]map[uint64]struct{}
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter { return &Counter{docs: map[uint64]map[uint64]struct{}{}} }

// Add records that the document with content key doc has these line keys.
func (c *Counter) Add(doc uint64, keys []uint64) {
	for _, k := range keys {
		m := c.docs[k]
		if m == nil {
			m = map[uint64]struct{}{}
			c.docs[k] = m
		}
		m[doc] = struct{}{}
	}
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
