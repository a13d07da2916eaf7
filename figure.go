package dossier

// Bound says how the words constrain a figure's number.
type Bound string

// Bounds of a figure.
const (
	BoundExact    Bound = "exact"
	BoundAbout    Bound = "about"
	BoundAtLeast  Bound = "at_least"
	BoundMoreThan Bound = "more_than"
	BoundAtMost   Bound = "at_most"
	BoundLessThan Bound = "less_than"
	BoundRange    Bound = "range"
	BoundVague    Bound = "vague"
)

// Kind is what sort of quantity a figure is.
type Kind string

// Kinds of figure.
const (
	KindCount    Kind = "count"
	KindMeasure  Kind = "measure"
	KindDuration Kind = "duration"
	KindMoney    Kind = "money"
	KindPercent  Kind = "percent"
)

// Modality says how the text commits to a figure.
type Modality string

// Modalities, from the most committed to the least.
const (
	ModalityFact        Modality = "fact"
	ModalityEstimate    Modality = "estimate"
	ModalityPossible    Modality = "possible"
	ModalityPlanned     Modality = "planned"
	ModalityExpected    Modality = "expected"
	ModalityUnconfirmed Modality = "unconfirmed"
	ModalityDenied      Modality = "denied"
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
	Bound   Bound    `json:"bound"`
	Thing   string   `json:"thing"`
	Gloss   string   `json:"gloss,omitempty"`
	Unit    string   `json:"unit"`
	Kind    Kind     `json:"kind"`
	Subject string   `json:"subject"`
	// SubjectID, SourceID and PlaceID link those phrases to entities.
	SubjectID string   `json:"subject_id,omitempty"`
	SourceID  string   `json:"source_id,omitempty"`
	PlaceID   string   `json:"place_id,omitempty"`
	Event     string   `json:"event"`
	Place     string   `json:"place"`
	Modality  Modality `json:"modality"`
	Source    string   `json:"source"`
	Time      string   `json:"time"`
}

var modalityRank = map[Modality]int{
	ModalityDenied: 0, ModalityUnconfirmed: 1, ModalityPossible: 2, ModalityExpected: 3,
	ModalityPlanned: 4, ModalityEstimate: 5, ModalityFact: 6,
}

// ModalityAtLeast reports whether modality m is at least as committed as
// min, in the order denied < unconfirmed < possible < expected < planned <
// estimate < fact. An empty min accepts everything.
func ModalityAtLeast(m, min Modality) bool {
	if min == "" {
		return true
	}
	return modalityRank[m] >= modalityRank[min]
}
