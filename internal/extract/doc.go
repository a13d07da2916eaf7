// Package extract turns the bytes of one input (a text file, an HTML page,
// an RSS or Atom feed, JSON Lines) into raw documents: lines of text plus the
// metadata the format carries. It does no I/O; see internal/fetch and
// cmd/dossier for reading files and URLs.
package extract
