package dossier

// EntityType is what kind of thing an entity is.
type EntityType string

// Entity types.
const (
	EntityPerson       EntityType = "person"
	EntityOrganisation EntityType = "organisation"
	EntityPlace        EntityType = "place"
	EntityCountry      EntityType = "country"
	EntityOutlet       EntityType = "outlet"
)

// Entity is one canonical person, organisation, place, country or outlet,
// with its names in French and English and the aliases it goes by.
type Entity struct {
	ID      string     `json:"id"` // stable: "country:KP", "outlet:bloomberg", "person:kim-jong-un"
	Type    EntityType `json:"type"`
	Name    string     `json:"name"` // preferred English name
	NameFr  string     `json:"name_fr"`
	Aliases []string   `json:"aliases"`
	ISO     string     `json:"iso,omitempty"` // ISO 3166-1 alpha-2 for countries
	QID     string     `json:"qid,omitempty"` // Wikidata, where the curated list has it
	Country string     `json:"country,omitempty"`
}

// Mention is a span of an article's clean text linked to an entity.
type Mention struct {
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
	Entity string     `json:"entity"`
	Type   EntityType `json:"type"`
	// Form says how the entity is named: name, alias, demonym (an
	// adjective or nationality), capital (a capital city standing for its
	// government), surname.
	Form string `json:"form"`
	// Role is a person's role or title written with the name ("ministre
	// de l'Intérieur" for "le ministre de l'Intérieur Christophe Castaner").
	Role string `json:"role,omitempty"`
}

// CitationKind says how an article names what it comes from.
type CitationKind string

// Citation kinds.
const (
	CiteSource CitationKind = "source" // a source: link
	CiteCites  CitationKind = "cites"  // "selon X", "according to X", "(AFP)"
	CiteRelays CitationKind = "relays" // "relayé par X"
)

// Citation is an outlet or document an article says it comes from or relays.
type Citation struct {
	Entity string       `json:"entity,omitempty"` // the outlet's entity, when known
	Name   string       `json:"name"`
	Kind   CitationKind `json:"kind"`
	Text   string       `json:"text"` // the words that say it
}

// EntitySummary is an entity with what the store knows of its use.
type EntitySummary struct {
	Entity
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles"`
	Seen     []string `json:"seen"` // the spellings found in the texts
	// Roles are the roles and titles written with a person's name
	// ("ministre de l'Intérieur"); filled by Entity, not by Entities.
	Roles []string `json:"roles,omitempty"`
}

// EntityFilter narrows Entities.
type EntityFilter struct {
	Type    EntityType
	Article string
}
