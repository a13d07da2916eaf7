// Package chart draws the charts of dossier as SVG, in Go, for the web UI
// and the reports alike: a story's coverage per day by outlet, a small
// sparkline of it, and a series' timeline of claims. The SVG is
// self-contained (no script, no font or image from elsewhere), every text
// in it escaped, and every chart and mark labelled for screen readers.
package chart
