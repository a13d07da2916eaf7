// Package lang detects the language of an article's text among the
// languages dossier supports (Languages).
//
// Three steps, cheapest first: the writing system decides Arabic, Chinese,
// Japanese and Korean, and letters only one of Russian and Ukrainian uses
// decide between them; counts of function words decide Latin-script text
// whose evidence is clear; whatlanggo's trigram profiles, restricted to the
// supported languages, decide the rest. The measurements behind this
// choice (and against lingua-go, whose models for all its 75 languages
// weighed 128 MB in the binary) are in docs/DESIGN.md.
package lang
