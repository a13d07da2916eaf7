// Package bench generates a realistic synthetic corpus (noisy French and
// English articles from several outlets, with banners, boilerplate,
// copies and updates) and measures the pipeline on it.
package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
)

type outlet struct {
	name, lang string
	header     []string // lines before the title
	footer     []string // lines after the text
}

var outlets = []outlet{
	{"Le Courrier du Fleuve", "fr", []string{"Le Courrier du Fleuve"}, []string{"Abonnez-vous à notre newsletter", "Le Courrier du Fleuve — l'info au fil de l'eau"}},
	{"InfoFlash 24", "fr", []string{"InfoFlash 24", "À la uneMondeEurope"}, []string{"Suivez-nous sur Google News", "Lire aussi : nos dossiers de la semaine"}},
	{"Nord Matin", "fr", []string{"Accueil › Monde › Europe"}, []string{"Partager", "Laisser un commentaire"}},
	{"The River Post", "en", []string{"The River Post"}, []string{"Share this article", "Follow us on Google News for the latest updates"}},
	{"Daily Ledger", "en", []string{"Home > World > Europe"}, []string{"Adblock Detected", "Please consider supporting us by disabling your ad blocker"}},
	{"Globe Wire", "en", []string{"Globe Wire"}, []string{"Related News :", "You may also like"}},
}

var (
	frActors  = []string{"La Corée du Nord", "Moscou", "Kiev", "Le gouvernement", "La préfecture", "L'armée", "Le ministère de la Défense", "Pyongyang"}
	enActors  = []string{"North Korea", "Moscow", "Kyiv", "The government", "The prefecture", "The army", "The defence ministry", "Pyongyang"}
	frThings  = []string{"soldats", "personnes", "drones", "obus", "habitants", "chars", "migrants", "pompiers"}
	enThings  = []string{"soldiers", "people", "drones", "shells", "residents", "tanks", "migrants", "firefighters"}
	frSources = []string{"selon l'AFP", "selon Reuters", "d'après les autorités locales", "selon le renseignement sud-coréen", "a indiqué la préfecture"}
	enSources = []string{"according to AFP", "Reuters reported", "local officials said", "according to South Korean intelligence", "the prefecture said"}
	frBounds  = []string{"plus de ", "au moins ", "jusqu'à ", "environ ", "près de ", ""}
	enBounds  = []string{"more than ", "at least ", "up to ", "about ", "nearly ", ""}
	frVerbs   = []string{"a envoyé", "pourrait envoyer", "aurait déployé", "a évacué", "va mobiliser", "a perdu"}
	enVerbs   = []string{"has sent", "could send", "reportedly deployed", "evacuated", "will mobilise", "lost"}
	frFill    = []string{
		"La situation reste tendue dans la région, où les habitants disent leur inquiétude face à l'escalade.",
		"Les observateurs s'interrogent sur les conséquences diplomatiques de cette décision, annoncée sans préavis.",
		"Le sujet sera à l'ordre du jour du prochain sommet, prévu dans quelques semaines à Bruxelles.",
		"Plusieurs élus ont réclamé des explications au gouvernement, qui n'a pas souhaité réagir dans l'immédiat.",
	}
	enFill = []string{
		"The situation remains tense in the region, where residents voice concern over the escalation.",
		"Observers question the diplomatic consequences of the decision, announced without warning.",
		"The issue will be on the agenda of the next summit, due in a few weeks in Brussels.",
		"Several lawmakers demanded explanations from the government, which declined to comment immediately.",
	}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func number(r *rand.Rand, fr bool) string {
	n := (r.IntN(200) + 1) * []int{1, 10, 100, 1000}[r.IntN(4)]
	s := fmt.Sprint(n)
	if n >= 1000 {
		sep := ","
		if fr {
			sep = []string{" ", ".", "\u00a0"}[r.IntN(3)]
		}
		s = s[:len(s)-3] + sep + s[len(s)-3:]
	}
	return s
}

// Corpus returns n generated documents of about the size of real news
// articles (3 KB on average, like the seeds). Each has a date (in its file
// name), figures with sources, and context paragraphs drawn from a
// vocabulary of 40,000 invented words with Zipf's law, as the words of
// real text are distributed, around the words of its story. About one in
// eight is a copy of an earlier one (republished under another banner a
// day or two later, or updated with a changed figure), as content farms do.
func Corpus(n int, seed uint64) []extract.Doc {
	docs := make([]extract.Doc, 0, n)
	generate(n, seed, 0, func(d extract.Doc) { docs = append(docs, d) })
	return docs
}

// copyWindow is how many of the latest originals a streamed corpus copies
// from: a whole million would hold gigabytes of text, and copies follow
// their originals within days.
const copyWindow = 20000

// CorpusStream calls emit with n generated documents, as Corpus returns
// them but holding only the latest originals (copyWindow) in memory: the
// same documents as long as fewer originals were made.
func CorpusStream(n int, seed uint64, emit func(extract.Doc)) {
	generate(n, seed, copyWindow, emit)
}

// generate makes the documents of Corpus; window > 0 bounds the originals
// copies are drawn from to the latest window.
func generate(n int, seed uint64, window int, emit func(extract.Doc)) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	zipf := rand.NewZipf(r, 1.1, 2, vocabulary-1)
	type original struct {
		body []string
		day  int
	}
	var bodies []original
	for i := 0; i < n; i++ {
		o := outlets[r.IntN(len(outlets))]
		fr := o.lang == "fr"
		// stories: about 25 articles each over a few days, told around
		// one invented place
		topic := r.IntN(max(1, n/25))
		town := townName(topic)
		day := topic*2 + r.IntN(4)
		var body []string
		if len(bodies) > 0 && r.IntN(8) == 0 {
			src := bodies[r.IntN(len(bodies))]
			body = append(body, src.body...)
			day = src.day + r.IntN(3)
			if r.IntN(2) == 0 {
				body[0] = strings.Replace(body[0], "0", "5", 1) // an update with a changed figure
			}
		} else {
			paras := 4 + r.IntN(5)
			for p := 0; p < paras; p++ {
				var s string
				if fr {
					s = fmt.Sprintf("%s %s %s%s %s à %s, %s. %s", pick(r, frActors), pick(r, frVerbs), pick(r, frBounds), number(r, true), pick(r, frThings), town, pick(r, frSources), pick(r, frFill))
				} else {
					s = fmt.Sprintf("%s %s %s%s %s in %s, %s. %s", pick(r, enActors), pick(r, enVerbs), pick(r, enBounds), number(r, false), pick(r, enThings), town, pick(r, enSources), pick(r, enFill))
				}
				body = append(body, s)
			}
			for p := 0; p < 5+r.IntN(5); p++ {
				body = append(body, paragraph(r, zipf, topic, fr))
			}
			r.Shuffle(len(body)-1, func(i, j int) { body[i+1], body[j+1] = body[j+1], body[i+1] })
			bodies = append(bodies, original{body, day})
			if window > 0 && len(bodies) > 2*window {
				bodies = append([]original(nil), bodies[len(bodies)-window:]...)
			}
		}
		var lines []string
		lines = append(lines, o.header...)
		lines = append(lines, "")
		if fr {
			lines = append(lines, fmt.Sprintf("%s : %s %s à %s", pick(r, frActors), pick(r, frVerbs), pick(r, frThings), town))
		} else {
			lines = append(lines, fmt.Sprintf("%s %s %s in %s", pick(r, enActors), pick(r, enVerbs), pick(r, enThings), town))
		}
		for k, b := range body {
			lines = append(lines, "", b)
			if k == 1 && r.IntN(3) == 0 {
				lines = append(lines, "", pick(r, []string{"Pub", "Langaj", "Sponsored"}))
			}
		}
		lines = append(lines, "")
		lines = append(lines, o.footer...)
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day).Format("2006-01-02")
		emit(extract.Doc{Input: fmt.Sprintf("bench/%s-%06d.txt", date, i), Format: extract.FormatText, Lines: lines})
	}
}

// vocabulary is the number of invented words context paragraphs draw from.
const vocabulary = 40000

var (
	frFunction = []string{"de", "la", "le", "et", "les", "des", "en", "du", "un", "une", "dans", "pour", "qui", "sur", "au", "par", "avec", "est", "ne", "pas"}
	enFunction = []string{"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "with", "as", "was", "on", "by", "at", "from", "be", "this", "are"}
)

// word is the invented word of rank k: distinct for every k < vocabulary.
func word(k int) string {
	var b strings.Builder
	n := len(syllables)
	for first := true; first || k > 0; first = false {
		b.WriteString(syllables[k%n])
		k /= n
	}
	return b.String()
}

// paragraph writes two to four sentences: words of the story (a band of
// the vocabulary of its own, half the content words: articles on one
// story share their names and terms) and of the language at large (Zipf's law),
// with the function words that make the language recognisable.
func paragraph(r *rand.Rand, zipf *rand.Zipf, topic int, fr bool) string {
	fn := enFunction
	if fr {
		fn = frFunction
	}
	var sents []string
	for s := 0; s < 2+r.IntN(3); s++ {
		var ws []string
		for w := 0; w < 10+r.IntN(12); w++ {
			switch {
			case w%3 == 1:
				ws = append(ws, pick(r, fn))
			case r.IntN(2) == 0: // the story's own words: its people, places, terms
				ws = append(ws, word(1000+(topic*37+r.IntN(40))%(vocabulary-1000)))
			default:
				ws = append(ws, word(int(zipf.Uint64())))
			}
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		sents = append(sents, strings.Join(ws, " ")+".")
	}
	return strings.Join(sents, " ")
}

// Text renders a document as the text file it stands for.
func Text(d extract.Doc) string { return strings.Join(d.Lines, "\n") + "\n" }

var syllables = []string{"kar", "mel", "ton", "vi", "dra", "lum", "sen", "bor", "qui", "zan", "fel", "ro", "ga", "nis", "tur", "pel", "do", "mir", "wes", "ha"}

// townName invents a distinct place name for a story: "Karmelton".
func townName(k int) string {
	n := len(syllables)
	s := syllables[k%n] + syllables[(k/n)%n] + syllables[(k/n/n)%n]
	return strings.ToUpper(s[:1]) + s[1:]
}
