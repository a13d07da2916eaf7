// Package ingest runs the pipeline over inputs: it expands paths, globs and
// URLs, reads each input, extracts documents, learns recurring lines,
// cleans, detects the language and splits sentences (Prepare), finds
// entities and figures (Enrich), relates articles to their copies and
// stories (Relater), and writes each chunk of articles with what relating
// found in one transaction, each article atomic. With Options.Defer only
// Prepare runs; AnalysePending does the rest later. A bad input is
// reported and the batch goes on.
package ingest
