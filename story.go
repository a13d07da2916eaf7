package dossier

// Relation says how an article relates to the original it copies.
type Relation string

// Copy relations.
const (
	RelIdentical  Relation = "identical"      // the same clean text, seen under another input
	RelNear       Relation = "near-duplicate" // lightly reworded, same figures
	RelUpdated    Relation = "updated"        // nearly the same text, with changed figures
	RelTranslated Relation = "translated"     // another language, same numbers, names and dates
	RelCites      Relation = "cites"          // names the original as its source
)

// CopyLink says that an article copies another (or an outside source).
type CopyLink struct {
	Article  string   `json:"article"`
	Original string   `json:"original"` // an article id, or for an outside source its name or URL
	Relation Relation `json:"relation"`
	Score    float64  `json:"score"`
}

// CopyGroup is an original and its copies.
type CopyGroup struct {
	Original      string       `json:"original"`
	OriginalTitle string       `json:"original_title,omitempty"`
	External      bool         `json:"external,omitempty"` // the original is not in the store
	Copies        []CopyMember `json:"copies"`
}

// CopyMember is one copy in a group.
type CopyMember struct {
	ID       string   `json:"id"`
	Relation Relation `json:"relation"`
	Score    float64  `json:"score"`
	Input    string   `json:"input,omitempty"`
	Outlet   string   `json:"outlet,omitempty"`
	Date     string   `json:"date,omitempty"`
}

// Story is a set of articles about the same events, across outlets and languages.
type Story struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Articles  []string `json:"articles"`
	Outlets   []string `json:"outlets"`
	Languages []string `json:"languages"`
	Start     string   `json:"start"`
	End       string   `json:"end"`
	Entities  []string `json:"entities"` // main entities, most mentioned first
}

// Sighting is an exact duplicate of a stored article, read from another input.
type Sighting struct {
	Article string `json:"article"`
	Input   string `json:"input"`
	Outlet  string `json:"outlet"`
	Date    string `json:"date"`
}

// StoryAssignment puts an article in a story.
type StoryAssignment struct {
	Article string  `json:"article"`
	Story   string  `json:"story"`
	Title   string  `json:"title"` // the story's title
	Score   float64 `json:"score"`
}
