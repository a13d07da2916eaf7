// Package pagegen generates a labelled set of whole-page captures, the
// shape scrapers keep news in: outlets whose pages carry a cookie notice,
// a menu, a carousel of the day's other headlines, "Lire aussi" links, a
// subscription notice and a footer around the article, kept as lines or
// flattened into one; repeat captures of a page with another carousel,
// updates, copies of an article by other outlets, articles citing the same
// report, and unrelated articles of the same day. Each page carries its
// truth: the article's words, and what relates it to the other pages.
// The words are the generator's own; nothing is copied from real pages.
package pagegen
