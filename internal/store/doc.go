// Package store holds the storage adapters of dossier.Store: sqlite (the
// embedded default) and the storetest contract suite that every adapter
// must pass.
package store
