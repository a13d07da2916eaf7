// Package report writes one story's record as a file to send: a
// self-contained HTML page (inline CSS and SVG, no script), Markdown for
// notes, CSV of the claims, or JSON of everything. The charts are those
// of the web UI, drawn by internal/chart.
package report
