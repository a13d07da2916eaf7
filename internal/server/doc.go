// Package server is dossier's web UI and JSON API over a store: pages
// rendered on the server with html/template (usable with JavaScript off),
// charts drawn in Go (internal/chart), the API under /api/v1/ with cursor
// pages, ETags and JSON errors, and ingesting by POST only with the token.
// Everything it serves is in the binary; no page fetches from elsewhere.
package server
