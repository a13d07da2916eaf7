// Package figure finds quantity claims in clean French and English text:
// the number and the interval its words allow (bound), what is counted or
// measured, the actor, event and place, the modality (fact, estimate,
// possible, planned, expected, unconfirmed, denied), who the text says the
// figure comes from, and when. Every figure keeps its evidence: the words
// of the mention, their offsets, and the sentence.
//
// The rules are the ones a reader uses: numbers as news writes them
// ("100 000", "12.000", "1,5 million", "quatre-vingt-dix", "des
// milliers", "tens of thousands"), the words around them ("jusqu'à", "at
// least", "pourrait", "aurait", "selon X", "X said"), and what is not a
// figure (dates, years, times, ordinals, model numbers).
package figure
