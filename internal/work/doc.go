// Package work is "dossier worker": it takes documents off the queue,
// stores them, acknowledges them once committed, and relates what was
// stored (copies, stories, series) one process at a time.
package work
