// Package query answers the questions the surfaces ask of a store: the
// groups of copies, a story assembled with its copies folded under their
// original, an entity found by any of its names, an article with what
// relates to it. The CLI, the HTTP server and the reports all call it, so
// that each question has one answer whichever way it is asked.
package query
