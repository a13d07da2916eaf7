package dossier

// ClaimRelation says how a claim of a series stands to the claims before it.
type ClaimRelation string

// Claim relations. The first claim of a series has none.
const (
	// ClaimRelays: the same report again, a copy of an earlier article or
	// another article citing the same source with the same value.
	ClaimRelays ClaimRelation = "relays"
	// ClaimAgrees: another independent source, with an overlapping interval.
	ClaimAgrees ClaimRelation = "agrees"
	// ClaimUpdates: a cumulative count that grows, or the same source
	// giving a newer figure.
	ClaimUpdates ClaimRelation = "updates"
	// ClaimRevises: the same source lowering or changing a figure it gave.
	ClaimRevises ClaimRelation = "revises"
	// ClaimContradicts: another independent source, both stated as fact or
	// estimate, disjoint intervals at about the same date, not explained by
	// growth.
	ClaimContradicts ClaimRelation = "contradicts"
	// ClaimProjects: a possible, planned or expected figure; projections
	// never contradict facts.
	ClaimProjects ClaimRelation = "projects"
)

// ClaimRelations lists the relations in the order reports print them.
var ClaimRelations = []ClaimRelation{ClaimRelays, ClaimAgrees, ClaimUpdates, ClaimRevises, ClaimContradicts, ClaimProjects}

// Claim is one figure of an article as a series holds it: the figure with
// the article's outlet and date, and its evidence (article, input,
// sentence, offsets).
type Claim struct {
	// ID is stable: the article's id and the figure's index ("a6c4d5c308c2#3").
	ID            string   `json:"id"`
	Article       string   `json:"article"`
	Input         string   `json:"input"`
	Outlet        string   `json:"outlet"`
	Lang          string   `json:"lang,omitempty"`
	Story         string   `json:"story,omitempty"`
	Date          string   `json:"date"`
	DateEstimated bool     `json:"date_estimated"`
	Text          string   `json:"text"`
	Sentence      string   `json:"sentence"`
	Start         int      `json:"start"`
	End           int      `json:"end"`
	Field         string   `json:"field,omitempty"`
	Value         *float64 `json:"value"`
	Low           *float64 `json:"low"`
	High          *float64 `json:"high"`
	Bound         Bound    `json:"bound"`
	Modality      Modality `json:"modality"`
	Source        string   `json:"source"`
	SourceID      string   `json:"source_id"`
	// Origin names the report the claim comes from once relays are
	// followed: an outlet the sentence names ("selon Bloomberg"), the
	// source entity, or the article itself. Claims of one origin count
	// as one independent source.
	Origin string `json:"origin,omitempty"`
	// Increment is true for a figure that adds to an earlier one ("3 000
	// soldats supplémentaires"): it updates the series, it is no total.
	Increment bool   `json:"increment,omitempty"`
	Time      string `json:"time,omitempty"` // when the sentence says it happened
	// CopyOf is the original the claim's article copies, relays or translates.
	CopyOf   string        `json:"copy_of,omitempty"`
	Relation ClaimRelation `json:"relation"`
	// RelayOf is the claim this one relays, for relays; Ref the claim a
	// relation other than relays is to.
	RelayOf string `json:"relay_of"`
	Ref     string `json:"ref,omitempty"`
}

// Series is one quantity across articles and languages: the same subject,
// thing, kind of event, place where it matters and unit.
type Series struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Subject string `json:"subject"` // an entity id where there is one
	// SubjectName is the subject's name, as titles give it.
	SubjectName string `json:"subject_name,omitempty"`
	Thing       string `json:"thing"` // the concept counted ("soldier")
	Event       string `json:"event"` // the kind of event ("send", "casualties")
	Place       string `json:"place,omitempty"`
	Unit        string `json:"unit"`
	// Scope is the story a series without a subject belongs to: a count
	// with no actor is local to its coverage.
	Scope string `json:"scope,omitempty"`
	// Stories are the stories of the claims' articles.
	Stories        []string        `json:"stories,omitempty"`
	Claims         []Claim         `json:"claims"` // in time order
	Summary        SeriesSummary   `json:"summary"`
	Contradictions []Contradiction `json:"contradictions"`
}

// SeriesSummary is a series at its latest date, in the manner of the
// conflict-event datasets that record low, best and high estimates.
type SeriesSummary struct {
	AsOf           string   `json:"as_of"`
	AsOfEstimated  bool     `json:"as_of_estimated,omitempty"`
	Low            *float64 `json:"low"`
	Best           *float64 `json:"best"`
	High           *float64 `json:"high"`
	ProjectionLow  *float64 `json:"projection_low"`
	ProjectionHigh *float64 `json:"projection_high"`
	Sources        int      `json:"sources"` // independent sources, relays folded
	Outlets        int      `json:"outlets"`
	Claims         int      `json:"claims"`
}

// Contradiction is two claims of independent sources that cannot both be
// true, with the reason.
type Contradiction struct {
	A      string `json:"a"` // claim ids
	B      string `json:"b"`
	Reason string `json:"reason"`
}

// SeriesFilter narrows Series. Empty fields match everything.
type SeriesFilter struct {
	Story     string
	Entity    string // an entity id, matched against the subject
	Thing     string
	MinClaims int
	Limit     int
	// WithClaims returns each series' claims too (listing leaves them out).
	WithClaims bool
}

// SeriesUpdate is what relating writes of a series: the series row
// (title, summary) replaced, its Claims upserted by id (only those that
// changed need be given), the claims no longer in it removed; or the
// whole series deleted when Delete is set (its claims moved elsewhere).
type SeriesUpdate struct {
	Series  Series
	Removed []string
	Delete  bool
}
