// Package clean turns the lines of a raw document into an article's clean
// text and metadata. Each line is labelled (title, site, nav, byline, tags,
// caption, source, boilerplate, heading, body) from its shape, its place in
// the document, phrase patterns in French and English, and how often the
// same line recurs across other articles of the corpus; every dropped line is
// kept with the reason, so a user can check what cleaning did.
package clean
