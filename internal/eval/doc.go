// Package eval scores extractors against gold files: precision, recall
// and F1 of the mentions found, and per-field accuracy over the matches.
// For figures it follows the matching rules of the shared grade-figures
// tool, so that a Go test and the tool agree.
package eval
