// Package series follows one quantity across the articles of a coverage:
// it turns the figures of articles into claims, groups the claims that
// count the same thing (same subject, concept, kind of event, place where
// it matters, compatible unit) into series, gives each claim its relation
// to the claims before it (relays, agrees, updates, revises, contradicts,
// projects), counts the independent sources once relays are folded, and
// summarises each series with the low, best and high of its current
// factual claims, the way conflict-event datasets record estimates.
//
// It is a pure stage: articles and copy links in, series out; no storage,
// no I/O. The concept and event tables (tables.go) say where their words
// come from.
package series
