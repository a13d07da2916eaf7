package pagegen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Page is one capture of a page, as a scraper keeps it, with its truth.
type Page struct {
	URL, Title, Date string
	// Text is the whole visible page: lines, or one line when Flat.
	Text string
	Flat bool
	Site string // the outlet's host
	// Body is the truth: the article's standfirst and paragraphs, blank
	// lines between them (no title, byline nor furniture).
	Body string
	// Version names the body: unchanged repeat captures and verbatim
	// copies share it. Origin names the article the body comes from:
	// its updates and copies share it. Update marks the updated version.
	Version, Origin string
	Update          bool
	// Cites is the report the article relays ("Reuters|4500"), "" if none.
	Cites string
	// Repeat: a later capture of a URL captured before.
	Repeat bool
}

// Relation is the truth between two pages: "same" (the same article:
// unchanged captures, copies, a copy that dropped a paragraph),
// "updated" (one is an update of the other), "cites" (different articles
// relaying the same report and figure), or "" (unrelated).
func Relation(a, b Page) string {
	switch {
	case a.Origin == b.Origin && a.Update != b.Update:
		return "updated"
	case a.Origin == b.Origin:
		return "same"
	case a.Cites != "" && a.Cites == b.Cites:
		return "cites"
	}
	return ""
}

// Options size a set.
type Options struct {
	Outlets, Days, PerDay int // outlets, days, articles per outlet and day
}

// DefaultOptions make about two hundred pages.
var DefaultOptions = Options{Outlets: 4, Days: 3, PerDay: 9}

var (
	nouns      = strings.Fields("gouvernement conseil maire commune région projet chantier rapport réforme budget hôpital école route pont rivière usine entreprise syndicat salarié habitant quartier centre tribunal enquête police préfecture ministère député sénat vote élection campagne marché prix loyer logement transport train gare réseau service patient médecin agriculteur récolte sécheresse tempête crue incendie forêt plage port festival musée théâtre club match saison joueur entraîneur stade université étudiant chercheur laboratoire climat énergie centrale barrage vent")
	adjs       = strings.Fields("nouveau grand ancien public local national régional important principal premier dernier prochain difficile rapide lent fragile solide provisoire définitif contesté attendu inédit")
	verbs      = strings.Fields("annonce prépare présente défend conteste examine lance suspend prolonge relance finance critique soutient accélère retarde confirme dément étudie propose refuse")
	connectors = []string{"Selon plusieurs sources,", "Dans la matinée,", "Depuis des semaines,", "Pour l'instant,", "De son côté,", "En fin de journée,", "Sur place,", "À terme,", "Par ailleurs,", "Dans le détail,"}
	places     = []string{"sur le territoire", "dans le département", "au centre-ville", "près de la frontière", "dans la vallée", "sur le littoral", "en périphérie", "au nord de la ville"}
	syllables  = strings.Fields("ba be bi bo da de di do fa fe fi la le li lo ma me mi mo na ne ni no pa pe pi ra re ri ro sa se si ta te ti va ve vi cha tri gro pla ver mon lan")
	firstNames = strings.Fields("Lina Hugo Sarah Malik Claire Yanis Inès Paul Nora Théo Léa Samir")
	lastNames  = strings.Fields("Moreau Garnier Benali Lefort Duval Marchand Rivière Caron Petit Roussel Aubert Fontaine")
	things     = []struct{ sing, plural string }{{"habitant", "habitants ont été évacués"}, {"emploi", "emplois sont menacés"}, {"foyer", "foyers sont privés d'électricité"}, {"élève", "élèves sont concernés"}, {"logement", "logements seront construits"}, {"hectare", "hectares ont brûlé"}}
	reporters  = []string{"Reuters", "l'AFP", "Bloomberg"}
	months     = []string{"", "janvier", "février", "mars"}
)

type gen struct {
	r *rand.Rand
	n int // numbers used, so that no two figures collide by chance
}

func (g *gen) name() string {
	var b strings.Builder
	for i := 0; i < 2+g.r.IntN(2); i++ {
		b.WriteString(syllables[g.r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) pick(l []string) string { return l[g.r.IntN(len(l))] }

func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// clause is one generated clause: subject, verb, object, place.
func (g *gen) clause() string {
	s := fmt.Sprintf("le %s %s %s le %s de %s", g.pick(adjs), g.pick(nouns), g.pick(verbs), g.pick(nouns), g.name())
	if g.r.IntN(2) == 0 {
		s += " " + g.pick(places)
	}
	return s
}

func (g *gen) sentence() string {
	s := g.clause()
	switch g.r.IntN(3) {
	case 0:
		s = g.pick(connectors) + " " + s
	case 1:
		s = capital(s) + ", tandis que " + g.clause()
	}
	return capital(s) + "."
}

// number returns a figure no other of the set has.
func (g *gen) number() int {
	g.n++
	return 100 + g.n*37 + g.r.IntN(30)
}

// frNumber writes n as French news does: "4 520".
func frNumber(n int) string {
	s := fmt.Sprint(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "\u00a0" + s[len(s)-3:]
	}
	return s
}

func (g *gen) figure(n int) string {
	t := things[g.r.IntN(len(things))]
	return fmt.Sprintf("Au total, %s %s %s, selon la préfecture.", frNumber(n), t.plural, g.pick(places))
}

// headline is a title: a clause, a place and what happened, or a figure
// (carousels full of figures make pages that differ in numbers).
func (g *gen) headline() string {
	switch g.r.IntN(3) {
	case 0:
		t := things[g.r.IntN(len(things))]
		return fmt.Sprintf("%s : %s %s", g.name(), frNumber(g.number()), t.plural)
	case 1:
		return fmt.Sprintf("À %s, %s", g.name(), g.clause())
	}
	return capital(g.clause())
}

type article struct {
	site, title, standfirst, author, url, date, cites string
	day                                               int
	paras                                             []string
	origin, version                                   string
	update                                            bool
}

func (a article) body() string {
	return a.standfirst + "\n\n" + strings.Join(a.paras, "\n\n")
}

type outlet struct {
	host, name, menu, cookie, notice, footer string
	authors                                  []string
}

// Generate makes a set; the same seed makes the same set.
func Generate(seed uint64, o Options) []Page {
	g := &gen{r: rand.New(rand.NewPCG(seed, 18))}
	var outlets []outlet
	for i := 0; i < o.Outlets; i++ {
		name := "Le " + []string{"Courrier", "Journal", "Républicain", "Progrès", "Télégramme", "Messager"}[i%6] + " de " + g.name()
		sections := strings.Fields("International Politique Économie Société Culture Sport Planète Idées Régions Faits-divers Podcasts Vidéos")
		g.r.Shuffle(len(sections), func(a, b int) { sections[a], sections[b] = sections[b], sections[a] })
		ot := outlet{
			host: fmt.Sprintf("www.%s-%d.example", strings.ToLower(g.name()), i),
			name: name,
			menu: "Accueil " + strings.Join(sections[:8+g.r.IntN(4)], " ") + " Newsletters Se connecter",
			cookie: []string{
				"Nous utilisons des cookies pour mesurer l'audience et vous proposer des contenus adaptés. Accepter et fermer Paramétrer les cookies",
				"Ce site utilise des traceurs. Vous pouvez les accepter, les refuser ou choisir vos préférences. Tout accepter Continuer sans accepter",
			}[i%2],
			notice: []string{
				"Cet article vous est offert. Abonnez-vous pour soutenir une information indépendante, à partir de 1 € le premier mois.",
				"Il vous reste 70 % de cet article à lire. La suite est réservée aux abonnés. Déjà abonné ? Se connecter",
			}[i%2],
			footer: fmt.Sprintf("Mentions légales Contact Publicité Conditions générales de vente Politique de confidentialité Gestion des cookies © %s 2025", name),
		}
		for k := 0; k < 3; k++ {
			ot.authors = append(ot.authors, g.pick(firstNames)+" "+g.pick(lastNames))
		}
		outlets = append(outlets, ot)
	}
	var pages []Page
	older := make([][]string, o.Outlets) // headlines of earlier days, for "Les plus lus"
	for day := 1; day <= o.Days; day++ {
		date := fmt.Sprintf("2025-03-%02d", 10+day)
		// the day's articles, by outlet
		byOutlet := make([][]article, len(outlets))
		report := map[string]string{}
		for oi, ot := range outlets {
			for k := 0; k < o.PerDay; k++ {
				a := article{site: ot.host, date: date, day: day, author: g.pick(ot.authors)}
				a.title = g.headline()
				a.standfirst = g.sentence() + " " + g.sentence()
				paras, sents := 3+g.r.IntN(4), 2
				if k >= 5 && k <= 7 { // brèves: the page around them outweighs them
					paras, sents = 2, 1
				}
				a.url = fmt.Sprintf("https://%s/%s/article/2025/03/%02d/%s-%d", ot.host, strings.ToLower(strings.Fields(ot.menu)[1+g.r.IntN(4)]), 10+day, strings.ToLower(g.name()), k)
				for p := 0; p < paras; p++ {
					var ss []string
					for s := 0; s < sents+g.r.IntN(3); s++ {
						ss = append(ss, g.sentence())
					}
					if p < 2 { // figures in the first paragraphs only: an edited copy drops the last
						ss = append(ss, g.figure(g.number()))
					}
					a.paras = append(a.paras, strings.Join(ss, " "))
				}
				// the day's report relayed by the first article of three
				// outlets; a fourth relays the same agency with another figure
				if k == 0 {
					who := reporters[day%len(reporters)]
					n, ok := report[who]
					if !ok || oi == 3 {
						n = frNumber(g.number())
						if !ok {
							report[who] = n
						}
					}
					t := things[day%len(things)]
					a.paras[1] += fmt.Sprintf(" D'après %s, %s %s dans le pays depuis le début de l'année.", who, n, t.plural)
					a.cites = who + "|" + n
				}
				a.origin = a.url
				a.version = a.url
				byOutlet[oi] = append(byOutlet[oi], a)
			}
		}
		// copies: the second and third articles of each outlet are taken
		// up by the next outlet, verbatim or without their last paragraph
		for oi := range outlets {
			next := (oi + 1) % len(outlets)
			for k := 1; k <= 2; k++ {
				c := byOutlet[oi][k]
				c.site = outlets[next].host
				c.url = fmt.Sprintf("https://%s/depeches/2025/03/%02d/%s", c.site, 10+day, strings.ToLower(g.name()))
				c.author = outlets[next].authors[0]
				if k == 2 {
					c.paras = append([]string(nil), c.paras[:len(c.paras)-1]...)
					c.version = c.url
				}
				c.cites = ""
				byOutlet[next] = append(byOutlet[next], c)
			}
		}
		// each outlet's carousel shows its own headlines of the day
		headlines := make([][]string, len(outlets))
		for oi, as := range byOutlet {
			for _, a := range as {
				headlines[oi] = append(headlines[oi], a.title)
			}
		}
		// pages, the outlets interleaved as a crawl of the day meets them
		type cap struct {
			oi int
			a  article
			r  bool
		}
		var caps []cap
		for oi, as := range byOutlet {
			for k, a := range as {
				caps = append(caps, cap{oi, a, false})
				switch {
				case k == 3: // updated later that day
					u := a
					u.paras = append([]string(nil), a.paras...)
					n := g.number()
					first := strings.LastIndex(u.paras[0], "Au total, ")
					u.paras[0] = u.paras[0][:first] + g.figure(n)
					u.paras = append(u.paras, fmt.Sprintf("Un nouveau bilan, publié en fin de journée, fait état de %s personnes concernées.", frNumber(n)))
					u.version, u.update = a.url+"#update", true
					caps = append(caps, cap{oi, u, true})
				case k >= 4 && k <= 6: // captured again, unchanged
					caps = append(caps, cap{oi, a, true})
				}
			}
		}
		g.r.Shuffle(len(caps), func(i, j int) { caps[i], caps[j] = caps[j], caps[i] })
		for _, c := range caps {
			ot := outlets[c.oi]
			pages = append(pages, g.page(ot, c.a, headlines[c.oi], older[c.oi], c.r))
		}
		for oi := range outlets {
			older[oi] = append(older[oi], headlines[oi]...)
		}
	}
	return pages
}

// page lays the article out in its outlet's page.
func (g *gen) page(ot outlet, a article, headlines, older []string, repeat bool) Page {
	var own []string
	for _, h := range headlines {
		if h != a.title {
			own = append(own, h)
		}
	}
	lines := []string{ot.cookie, ot.name, ot.menu, "À la une"}
	for _, k := range g.r.Perm(len(own))[:min(8, len(own))] {
		lines = append(lines, own[k])
	}
	lines = append(lines, a.title, a.standfirst)
	d := 10 + a.day
	lines = append(lines, fmt.Sprintf("Par %s Publié le %d %s 2025 à %dh%02d", a.author, d, months[3], 6+g.r.IntN(14), g.r.IntN(60)))
	for p, para := range a.paras {
		lines = append(lines, para)
		if p == 1 {
			lines = append(lines, "Lire aussi : "+own[g.r.IntN(len(own))])
		}
	}
	lines = append(lines, ot.notice, "Sur le même sujet")
	for _, k := range g.r.Perm(len(own))[:min(3, len(own))] {
		lines = append(lines, own[k])
	}
	if len(older) > 0 {
		lines = append(lines, "Les plus lus")
		for _, k := range g.r.Perm(len(older))[:min(6, len(older))] {
			lines = append(lines, older[k])
		}
	}
	lines = append(lines, ot.footer)
	p := Page{URL: a.url, Title: a.title, Date: a.date, Site: ot.host, Body: a.body(), Version: a.version, Origin: a.origin, Update: a.update, Cites: a.cites, Repeat: repeat}
	p.Flat = g.r.IntN(2) == 0
	if p.Flat {
		p.Text = strings.Join(lines, " ")
	} else {
		p.Text = strings.Join(lines, "\n")
	}
	return p
}
