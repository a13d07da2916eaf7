// Package seriesgen writes the labelled set of figure series
// (testdata/series): stories of one actor sending troops to another
// country, told over ten days by outlets in French and English, with the
// truth of each figure (which quantity it is, its relation to what came
// before) and of each article's date. Each story has its quantities
// evolving over time (troops sent, soldiers killed, and materiel that
// must not join them), translations, reports relayed by several outlets,
// projections, agreeing and, in some stories, contradicting sources,
// revisions, and undated articles whose text states a date.
//
// Run "go run ./internal/series/seriesgen testdata/series" to rewrite
// the set; the test in internal/series checks the files are its output.
package seriesgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// Stories is the size of the committed set.
const Stories = 24

// Doc is one generated article.
type Doc struct {
	Name  string // file name
	Text  string // the file: banner, title, body; " date" line when dated
	Date  string // the true date
	Dated bool   // whether the file states it
	Copy  string // the doc it translates, if any
}

// Gold is the truth of one figure: its document, the number, its series
// and its relation; or of a series, its number of independent sources.
type Gold struct {
	Doc      string  `json:"doc,omitempty"`
	Value    float64 `json:"value,omitempty"`
	Series   string  `json:"series"`
	Relation string  `json:"relation,omitempty"`
	Sources  int     `json:"sources,omitempty"`
	Date     string  `json:"date,omitempty"` // the doc's true date
	// Original is the doc this one translates (on a doc's date line,
	// whose series is the story).
	Original string `json:"original,omitempty"`
}

type actor struct{ fr, en, frDem, enDem, capital string }
type host struct{ fr, en, frAdj, enAdj, city string }

// in, of, to: "en Syrie", "de Syrie", "à la Syrie"; "au Soudan", "du Soudan", "au Soudan".
func masculine(h host) bool {
	return h.fr == "Soudan" || h.fr == "Mali" || h.fr == "Liban" || h.fr == "Niger" || h.fr == "Yémen"
}

func in(h host) string {
	if masculine(h) {
		return "au " + h.fr
	}
	return "en " + h.fr
}

func of(h host) string {
	if masculine(h) {
		return "du " + h.fr
	}
	return "de " + h.fr
}

func to(h host) string {
	switch {
	case masculine(h):
		return "au " + h.fr
	case strings.ContainsAny(h.fr[:1], "AEIOUY"):
		return "à l'" + h.fr
	}
	return "à la " + h.fr
}

var actors = []actor{
	{"l'Iran", "Iran", "iraniens", "Iranian", "Téhéran"},
	{"la Russie", "Russia", "russes", "Russian", "Moscou"},
	{"la Corée du Nord", "North Korea", "nord-coréens", "North Korean", "Pyongyang"},
	{"la Turquie", "Turkey", "turcs", "Turkish", "Ankara"},
	{"la Chine", "China", "chinois", "Chinese", "Pékin"},
}

var hosts = []host{
	{"Syrie", "Syria", "syrien", "Syrian", "Alep"}, {"Libye", "Libya", "libyen", "Libyan", "Benghazi"}, {"Mali", "Mali", "malien", "Malian", "Gao"},
	{"Soudan", "Sudan", "soudanais", "Sudanese", "Port-Soudan"}, {"Irak", "Iraq", "irakien", "Iraqi", "Mossoul"}, {"Liban", "Lebanon", "libanais", "Lebanese", "Tyr"},
	{"Niger", "Niger", "nigérien", "Nigerien", "Agadez"}, {"Yémen", "Yemen", "yéménite", "Yemeni", "Aden"},
}

var frOutlets = []string{"Le Quotidien du Soir", "Nord Matin", "La Gazette de l'Est", "InfoMonde 24", "Le Courrier international du Rhône"}
var enOutlets = []string{"World Desk", "The Evening Ledger", "Global Post Daily", "The Northern Herald", "Capital Times"}

var frMonths = []string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var frDays = []string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

func frNum(v int) string {
	if v < 1000 {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%d %03d", v/1000, v%1000)
}

func enNum(v int) string {
	if v < 1000 {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%d,%03d", v/1000, v%1000)
}

func frDate(t time.Time, weekday bool) string {
	s := fmt.Sprintf("%d %s %d", t.Day(), frMonths[t.Month()], t.Year())
	if weekday {
		s = frDays[t.Weekday()] + " " + s
	}
	return s
}

func enDate(t time.Time, weekday bool) string {
	s := fmt.Sprintf("%s %d, %d", t.Month(), t.Day(), t.Year())
	if weekday {
		s = t.Weekday().String() + ", " + s
	}
	return s
}

// context sentences give each story words of its own, as real coverage
// has (places, reasons, reactions); %[1]s is the host city, %[2]s the
// capital of the actor, %[3]s the host.
var frContext = []string{
	"À %[1]s, des habitants disent entendre des convois passer la nuit.",
	"L'opposition accuse %[2]s de vouloir prendre le contrôle du port de %[1]s.",
	"Les diplomates redoutent un embrasement de la région autour de %[1]s.",
	"Le gouvernement de %[3]s dément toute présence étrangère à %[1]s.",
	"Des images satellites montrent de nouvelles installations près de %[1]s.",
}
var enContext = []string{
	"Residents of %[1]s say convoys pass through the city at night.",
	"The opposition accuses %[2]s of eyeing the port of %[1]s.",
	"Diplomats fear the fighting around %[1]s could spread.",
	"The government of %[3]s denies any foreign presence in %[1]s.",
	"Satellite images show new facilities near %[1]s.",
}

// Generate returns the docs and the gold of n stories.
func Generate(n int) ([]Doc, []Gold) {
	rng := rand.New(rand.NewSource(11))
	var docs []Doc
	var gold []Gold
	base := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a := actors[i%len(actors)]
		h := hosts[(i*3+i/len(actors))%len(hosts)]
		day0 := base.AddDate(0, 0, 17*i+rng.Intn(5))
		st := fmt.Sprintf("s%02d", i+1)
		q1, q2, q3 := st+"-troops", st+"-killed", st+"-drones"
		v1 := (2 + rng.Intn(6)) * 500
		v2 := v1 + (3+rng.Intn(5))*500
		k1 := 40 + rng.Intn(30)*5
		k2 := k1 + 30 + rng.Intn(10)*5
		m1 := 100 + rng.Intn(20)*10
		proj := (v2/1000 + 5 + rng.Intn(5)) * 1000
		fo := func(k int) string { return frOutlets[(i+k)%len(frOutlets)] }
		eo := func(k int) string { return enOutlets[(i+k)%len(enOutlets)] }
		name := func(d time.Time, letter, kind, lang string) string {
			return fmt.Sprintf("%s-%s-%s-%s-%s.txt", d.Format("2006-01-02"), st, letter, kind, lang)
		}
		add := func(d Doc, claims ...Gold) {
			docs = append(docs, d)
			for _, c := range claims {
				c.Doc = d.Name
				gold = append(gold, c)
			}
			gold = append(gold, Gold{Doc: d.Name, Date: d.Date, Series: st, Original: d.Copy})
		}
		file := func(outlet, title, body string, date time.Time, dated bool) string {
			var b strings.Builder
			b.WriteString(outlet + "\n\n")
			if dated {
				b.WriteString(" date " + date.Format("2006-01-02") + "\n\n")
			}
			b.WriteString(title + "\n\n" + body + "\n")
			return b.String()
		}
		ctxFr := func(k int) string { return fmt.Sprintf(frContext[(i+k)%len(frContext)], h.city, a.capital, h.fr) }
		ctxEn := func(k int) string {
			return fmt.Sprintf(enContext[(i+k)%len(enContext)], strings.ReplaceAll(h.city, "Mossoul", "Mosul"), a.capital, h.en)
		}
		variant := i % 3 // phrasings differ from story to story
		mod := "le ministère " + h.frAdj + " de la Défense"
		modEn := "the " + h.enAdj + " Defence Ministry"
		// A: the first report, in French; stated date, or only in the text
		dA := day0
		datedA := i%3 != 0
		textDateA := []string{"lundi", "hier", "ce week-end"}[i%3]
		if !datedA || i%2 == 0 {
			textDateA = frDate(dA, true)
		}
		bodyA := fmt.Sprintf("%s a envoyé %s soldats %s, a indiqué %s %s. "+
			"Au moins %s soldats %s ont été tués depuis le début du déploiement, a précisé le ministère.\n\n"+
			"%s a également livré %s drones à l'armée %s, selon %s.\n\n"+
			"Les autorités locales appellent au calme. %s",
			capFirst(a.fr), frNum(v1), in(h), mod, textDateA, frNum(k1), a.frDem, a.capital, frNum(m1), of(h), mod, ctxFr(0))
		switch variant {
		case 1:
			bodyA = fmt.Sprintf("Selon %s, %s a déployé %s soldats %s, a-t-il fait savoir %s. "+
				"Au moins %s soldats %s ont été tués, selon la même source.\n\n"+
				"%s\n\n%s a par ailleurs fourni %s drones %s, d'après %s.",
				mod, a.fr, frNum(v1), in(h), textDateA, frNum(k1), a.frDem, ctxFr(0), capFirst(a.capital), frNum(m1), to(h), mod)
		case 2:
			bodyA = fmt.Sprintf("%s\n\n%s a envoyé %s militaires %s, a annoncé %s %s. "+
				"Depuis leur arrivée, au moins %s soldats %s ont été tués, a ajouté le ministère.\n\n"+
				"%s a aussi livré %s drones aux forces %s, a indiqué %s.",
				ctxFr(0), capFirst(a.fr), frNum(v1), in(h), mod, textDateA, frNum(k1), a.frDem, capFirst(a.capital), frNum(m1), of(h), mod)
		}
		nameA := name(dA, "a", "original", "fr")
		add(Doc{Name: nameA, Date: dA.Format("2006-01-02"), Dated: datedA,
			Text: file(fo(0), fmt.Sprintf("%s envoie %s soldats %s", capFirst(a.fr), frNum(v1), in(h)), bodyA, dA, datedA)},
			Gold{Value: float64(v1), Series: q1}, Gold{Value: float64(v1), Series: q1, Relation: "relays"},
			Gold{Value: float64(k1), Series: q2}, Gold{Value: float64(m1), Series: q3})
		// B: its translation, the next day
		dB := day0.AddDate(0, 0, 1)
		datedB := i%4 != 3
		bodyB := fmt.Sprintf("%s has sent %s soldiers to %s, %s said on %s. "+
			"At least %s %s soldiers have been killed since the deployment began, the ministry added.\n\n"+
			"%s has also delivered %s drones to the army of %s, according to %s.\n\n"+
			"Local authorities have called for calm. %s",
			a.en, enNum(v1), h.en, modEn, enDate(dA, true), enNum(k1), a.enDem, a.capital, enNum(m1), h.en, modEn, ctxEn(0))
		switch variant {
		case 1:
			bodyB = fmt.Sprintf("According to %s, %s has deployed %s soldiers to %s, it said on %s. "+
				"At least %s %s soldiers have been killed, according to the same source.\n\n"+
				"%s\n\n%s has also supplied %s drones to %s, according to %s.",
				modEn, a.en, enNum(v1), h.en, enDate(dA, true), enNum(k1), a.enDem, ctxEn(0), a.capital, enNum(m1), h.en, modEn)
		case 2:
			bodyB = fmt.Sprintf("%s\n\n%s has sent %s troops to %s, %s announced on %s. "+
				"Since their arrival, at least %s %s soldiers have been killed, the ministry added.\n\n"+
				"%s has also delivered %s drones to the forces of %s, %s said.",
				ctxEn(0), a.en, enNum(v1), h.en, modEn, enDate(dA, true), enNum(k1), a.enDem, a.capital, enNum(m1), h.en, modEn)
		}
		nameB := name(dB, "b", "translation", "en")
		add(Doc{Name: nameB, Date: dB.Format("2006-01-02"), Dated: datedB, Copy: nameA,
			Text: file(eo(0), fmt.Sprintf("%s sends %s soldiers to %s", a.en, enNum(v1), h.en), bodyB, dB, datedB)},
			Gold{Value: float64(v1), Series: q1, Relation: "relays"}, Gold{Value: float64(v1), Series: q1, Relation: "relays"},
			Gold{Value: float64(k1), Series: q2, Relation: "relays"}, Gold{Value: float64(m1), Series: q3, Relation: "relays"})
		// C: a news agency's figures, in French
		dC := day0.AddDate(0, 0, 3)
		bodyC := fmt.Sprintf("Selon l'agence Reuters, %s a désormais envoyé %s soldats %s, citant des responsables occidentaux le %s. "+
			"Selon l'agence Reuters, %s soldats %s ont été tués.\n\n"+
			"La situation reste tendue dans la capitale. %s",
			a.fr, frNum(v2), in(h), frDate(dC.AddDate(0, 0, -rng.Intn(2)), false), frNum(k2), a.frDem, ctxFr(1))
		if variant == 2 {
			bodyC = fmt.Sprintf("%s\n\nD'après l'agence Reuters, qui cite des responsables occidentaux, %s a envoyé %s soldats %s au %s. "+
				"L'agence Reuters fait aussi état de %s soldats %s tués.",
				ctxFr(1), a.fr, frNum(v2), in(h), frDate(dC, false), frNum(k2), a.frDem)
		}
		nameC := name(dC, "c", "agency", "fr")
		add(Doc{Name: nameC, Date: dC.Format("2006-01-02"), Dated: true,
			Text: file(fo(1), fmt.Sprintf("%s : %s soldats déjà déployés %s", capFirst(h.fr), frNum(v2), in(h)), bodyC, dC, true)},
			Gold{Value: float64(v2), Series: q1, Relation: "updates"}, Gold{Value: float64(v2), Series: q1, Relation: "relays"},
			Gold{Value: float64(k2), Series: q2, Relation: "updates"})
		// D: the agency's report relayed in English
		dD := dC.AddDate(0, 0, 1) // the next day, telling the agency's report of the day before
		datedD := i%5 != 2
		bodyD := fmt.Sprintf("%s has now sent %s soldiers to %s, Reuters reported on %s, citing Western officials. "+
			"%s %s soldiers have been killed, Reuters said.\n\n"+
			"Diplomats fear a wider war. %s",
			a.en, enNum(v2), h.en, enDate(dC, true), enNum(k2), a.enDem, ctxEn(1))
		if variant == 1 {
			bodyD = fmt.Sprintf("%s\n\nReuters, citing Western officials, reported on %s that %s had sent %s troops to %s. "+
				"%s %s soldiers had been killed, Reuters said.",
				ctxEn(1), enDate(dC, true), a.en, enNum(v2), h.en, enNum(k2), a.enDem)
		}
		nameD := name(dD, "d", "relay", "en")
		add(Doc{Name: nameD, Date: dD.Format("2006-01-02"), Dated: datedD,
			Text: file(eo(1), fmt.Sprintf("Reuters: %s has sent %s soldiers to %s", a.en, enNum(v2), h.en), bodyD, dD, datedD)},
			Gold{Value: float64(v2), Series: q1, Relation: "relays"}, Gold{Value: float64(v2), Series: q1, Relation: "relays"},
			Gold{Value: float64(k2), Series: q2, Relation: "relays"})
		// E: a projection by the first source
		dE := day0.AddDate(0, 0, 4)
		bodyE := fmt.Sprintf("%s pourrait envoyer jusqu'à %s soldats %s d'ici la fin de l'année, a averti %s le %s.\n\n"+
			"Aucune date n'a été avancée. %s",
			capFirst(a.fr), frNum(proj), in(h), mod, frDate(dE, true), ctxFr(2))
		nameE := name(dE, "e", "projection", "fr")
		add(Doc{Name: nameE, Date: dE.Format("2006-01-02"), Dated: i%2 == 1,
			Text: file(fo(2), fmt.Sprintf("%s pourrait envoyer jusqu'à %s soldats %s", capFirst(a.fr), frNum(proj), in(h)), bodyE, dE, i%2 == 1)},
			Gold{Value: float64(proj), Series: q1, Relation: "projects"}, Gold{Value: float64(proj), Series: q1, Relation: "relays"})
		// F: an independent source that agrees
		dF := day0.AddDate(0, 0, 5)
		about := v2 + 250
		bodyF := fmt.Sprintf("About %s %s soldiers are now in %s, the Institute for the Study of War said on %s.\n\n"+
			"The institute's analysts expect more rotations. %s",
			enNum(about), a.enDem, h.en, enDate(dF, true), ctxEn(3))
		nameF := name(dF, "f", "analysis", "en")
		add(Doc{Name: nameF, Date: dF.Format("2006-01-02"), Dated: true,
			Text: file(eo(2), fmt.Sprintf("Analysts: about %s %s soldiers in %s", enNum(about), a.enDem, h.en), bodyF, dF, true)},
			Gold{Value: float64(about), Series: q1, Relation: "agrees"}, Gold{Value: float64(about), Series: q1, Relation: "relays"})
		sources1, sources2 := 3, 2
		// G: in some stories the first source revises its toll down
		if i%4 == 1 {
			dG := day0.AddDate(0, 0, 6)
			k3 := k1 - 15
			bodyG := fmt.Sprintf("%s a revu à la baisse son bilan : %s soldats %s ont été tués, a indiqué %s le %s.\n\n"+
				"Le ministère évoque une erreur de décompte.",
				capFirst(mod), frNum(k3), a.frDem, mod, frDate(dG, false))
			nameG := name(dG, "g", "revision", "fr")
			add(Doc{Name: nameG, Date: dG.Format("2006-01-02"), Dated: true,
				Text: file(fo(3), fmt.Sprintf("%s : le bilan revu à la baisse", capFirst(h.fr)), bodyG, dG, true)},
				Gold{Value: float64(k3), Series: q2, Relation: "revises"})
		}
		// H: in others a source whose count cannot be squared with the rest
		if i%4 == 2 {
			dH := dF
			low := v1 / 2
			bodyH := fmt.Sprintf("Only %s %s soldiers have been sent to %s, the Arab League said on %s, disputing every other count.\n\n"+
				"The league called for talks.",
				enNum(low), a.enDem, h.en, enDate(dH, true))
			nameH := name(dH, "h", "dispute", "en")
			add(Doc{Name: nameH, Date: dH.Format("2006-01-02"), Dated: true,
				Text: file(eo(3), fmt.Sprintf("Arab League disputes count of %s soldiers in %s", a.enDem, h.en), bodyH, dH, true)},
				Gold{Value: float64(low), Series: q1, Relation: "contradicts"})
			sources1++
		}
		gold = append(gold, Gold{Series: q1, Sources: sources1}, Gold{Series: q2, Sources: sources2}, Gold{Series: q3, Sources: 1})
	}
	return docs, gold
}

func capFirst(s string) string {
	if s == "" {
		return s
	}
	if strings.HasPrefix(s, "l'") {
		return "L'" + s[2:]
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// JSONL is the gold as the file holds it, one object a line.
func JSONL(gold []Gold) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, g := range gold {
		_ = enc.Encode(g)
	}
	return b.Bytes()
}
