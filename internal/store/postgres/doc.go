// Package postgres is the dossier.Store on PostgreSQL (through pgx), for
// stores that outgrow one SQLite file and are written by many workers
// ("dossier worker"). Its schema is migrated on first use from the
// migrations embedded in the binary; full-text search keeps the SQLite
// store's contract (accents and case ignored, French elisions dropped,
// "phrases", prefix*) with a text search configuration of its own.
package postgres
