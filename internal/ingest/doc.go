// Package ingest runs the pipeline over inputs: it expands paths, globs and
// URLs, reads each input, extracts documents, learns recurring lines,
// cleans, detects the language, splits sentences, extracts figures, and
// stores each article in its own transaction. A bad input is reported and
// the batch goes on.
package ingest
