// Package dossier holds the vocabulary of the application: articles, the
// lines removed from them, sentences, figures, and the store that keeps them.
//
// The pipeline stages live under internal/ (extract, clean, lang, sentence,
// dedupe, figure); they work on these types and import no storage, HTTP or
// CLI code. Adapters (internal/store/sqlite, cmd/dossier) depend on the
// stages, never the reverse.
package dossier
