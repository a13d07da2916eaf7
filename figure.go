package dossier

// Bounds of a figure: how the words constrain the number.
const (
	BoundExact    = "exact"
	BoundAbout    = "about"
	BoundAtLeast  = "at_least"
	BoundMoreThan = "more_than"
	BoundAtMost   = "at_most"
	BoundLessThan = "less_than"
	BoundRange    = "range"
	BoundVague    = "vague"
)

// Kinds of figure.
const (
	KindCount    = "count"
	KindMeasure  = "measure"
	KindDuration = "duration"
	KindMoney    = "money"
	KindPercent  = "percent"
)

// Modalities: how the text commits to the figure.
const (
	ModalityFact        = "fact"
	ModalityEstimate    = "estimate"
	ModalityPossible    = "possible"
	ModalityPlanned     = "planned"
	ModalityExpected    = "expected"
	ModalityUnconfirmed = "unconfirmed"
	ModalityDenied      = "denied"
)

// Figure is one quantity claim in an article, tied to its evidence.
type Figure struct {
	Doc      string `json:"doc"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
	// Field is "title" when the figure is in the headline, whose offsets
	// Start and End then refer to; empty for the clean text.
	Field   string   `json:"field,omitempty"`
	Value   *float64 `json:"value"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Bound   string   `json:"bound"`
	Thing   string   `json:"thing"`
	Gloss   string   `json:"gloss,omitempty"`
	Unit    string   `json:"unit"`
	Kind    string   `json:"kind"`
	Subject string   `json:"subject"`
	// SubjectID, SourceID and PlaceID link those phrases to entities.
	SubjectID string `json:"subject_id,omitempty"`
	SourceID  string `json:"source_id,omitempty"`
	PlaceID   string `json:"place_id,omitempty"`
	Event     string `json:"event"`
	Place     string `json:"place"`
	Modality  string `json:"modality"`
	Source    string `json:"source"`
	Time      string `json:"time"`
}

var modalityRank = map[string]int{
	ModalityDenied: 0, ModalityUnconfirmed: 1, ModalityPossible: 2, ModalityExpected: 3,
	ModalityPlanned: 4, ModalityEstimate: 5, ModalityFact: 6,
}

// ModalityAtLeast reports whether modality m is at least as committed as
// min, in the order denied < unconfirmed < possible < expected < planned <
// estimate < fact. An empty min accepts everything.
func ModalityAtLeast(m, min string) bool {
	if min == "" {
		return true
	}
	return modalityRank[m] >= modalityRank[min]
}
