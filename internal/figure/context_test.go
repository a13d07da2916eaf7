package figure

import (
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/sentence"
)

func TestWeekdayDate(t *testing.T) {
	sat := time.Date(2024, 11, 23, 0, 0, 0, 0, time.UTC) // a Saturday
	tests := []struct{ expr, want string }{
		{"samedi", "2024-11-23"},
		{"vendredi", "2024-11-22"},
		{"dimanche", "2024-11-17"},
		{"saturday", "2024-11-23"},
		{"on monday", "2024-11-18"},
		{"samedi dernier", "2024-11-16"},
		{"last friday", "2024-11-22"},
		{"next monday", "2024-11-25"},
	}
	for _, tt := range tests {
		if got, _ := weekdayDate(tt.expr, sat); got != tt.want {
			t.Errorf("weekdayDate(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
	if got := Extract("Samedi, 3 000 personnes ont manifesté à Paris.", nil, Context{Date: "2024-11-23"}); len(got) != 1 || got[0].Time != "2024-11-23" {
		t.Errorf("Extract on a Saturday: %+v", got)
	}
}

// TestSources: who each figure comes from, one case per way news names it.
func TestSources(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Selon le ministère ukrainien de la Défense, 3 000 soldats ont été tués.", "le ministère ukrainien de la Défense"},
		{"« Au moins 700 personnes ont été interpellées », a indiqué le ministère.", "le ministère"},
		{"Le gouvernement a annoncé que 1 200 emplois seraient supprimés.", "Le gouvernement"},
		{"L'armée a estimé à 4 000 le nombre de soldats tués.", "L'armée"},
		{"D'après l'institut Ipsos, 55 % des électeurs ont voté.", "l'institut Ipsos"},
		{"Quelque 300 civils ont fui, cités par l'agence Reuters.", "l'agence Reuters"},
		{"Les frappes ont fait 12 morts, a rapporté l'agence officielle KCNA.", "l'agence officielle KCNA"},
		{"De source militaire, 40 chars ont été détruits.", "source militaire"},
		{"Le préfet a évoqué 20 blessés. Selon la même source, 3 maisons ont brûlé.", "Le préfet"},
		{"La ministre a déclaré que 40 familles étaient sinistrées. « Nous en avons relogé 80 », a-t-elle ajouté.", "La ministre"},
		{"« Nous avons relogé 80 familles », a-t-elle ajouté.", ""},
		{"Le Canard enchaîné explique que la note est élevée. Au total, Penelope Fillon a perçu 900 000 euros.", "Le Canard enchaîné"},
		{"At least 300 people died, the health minister said.", "the health minister"},
		{"The mayor told reporters that 1,500 homes were flooded.", "The mayor"},
		{"According to the United Nations, 2 million people have fled.", "the United Nations"},
		{"Le jeu de TF1, qui avait lancé un appel, a indiqué avoir levé 140 000 euros.", "Le jeu de TF1"},
		{"Les organisateurs ont rappelé que 23 personnes avaient été blessées, tandis que 1 900 policiers ont été blessés, note le ministère.", "Les organisateurs"},
		{"Tandis que 1 900 policiers ont été blessés, note le ministère.", "le ministère"},
		// names nobody: no source, never a verb or a clause
		{"Selon les estimations, 19 % des poissons ont disparu.", ""},
		{"Après avoir évoqué 500 000 euros, il s'est tu.", ""},
		{"Total estimated output would be 110 mln bushels.", ""},
	}
	for _, tt := range tests {
		figs := Extract(tt.text, sentence.Split(tt.text), Context{})
		if len(figs) == 0 {
			t.Errorf("%q: no figure", tt.text)
			continue
		}
		if got := figs[0].Source; got != tt.want {
			t.Errorf("%q: source %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSubjectsAndModality: the actor and the modality of a figure.
func TestSubjectsAndModality(t *testing.T) {
	tests := []struct {
		text, title string
		subject     string
		modality    dossier.Modality
	}{
		{"La Corée du Nord a envoyé 10 000 soldats en Russie.", "", "La Corée du Nord", "fact"},
		{"Depuis lundi, 287 Palestiniens ont été blessés.", "", "Palestiniens", "fact"},
		{"Selon un sondage, 22 % des Français sont opposés au projet.", "", "Français", "fact"},
		{"Au moins 24 personnes ont été tuées.", "À Kaboul, un attentat fait 24 morts", "Kaboul", "fact"},
		{"Sa fille Marie a été embauchée. Elle a touché 57 000 euros.", "", "Marie", "fact"},
		{"General Motors will idle six plants next week.", "", "General Motors", "planned"},
		{"Up to 300 people were feared dead.", "", "", "unconfirmed"},
		{"S'il arrivait au second tour, il lui resterait 3,5 millions d'euros.", "", "", "possible"},
		{"Plus de 13 000 gendarmes seront mobilisés.", "", "", "planned"},
		{"L'UICN a évalué 76 199 espèces.", "", "L'UICN", "fact"},
		{"Les dégâts sont évalués à 40 millions d'euros.", "", "", "estimate"},
		{"The provincial budget raises income taxes by about 20 pct.", "", "", "planned"},
		// the sender is the actor, not where it sends
		{"Iran has sent 3,500 soldiers to Syria, the Syrian Defence Ministry said.", "", "Iran", "fact"},
		{"Pyongyang a également livré 200 drones au Niger.", "", "Pyongyang", "fact"},
		{"Russia deployed 2,000 troops to Belarus.", "", "Russia", "fact"},
		// the people a noun phrase names, when the clause names no other actor than its speaker
		{"Since their arrival, at least 165 North Korean soldiers have been killed, the ministry added.", "", "North Korean", "fact"},
		{"Selon l'agence Reuters, 170 soldats iraniens ont été tués.", "", "iraniens", "fact"},
		{"Au moins 145 soldats turcs ont été tués depuis le début du déploiement.", "", "Turquie", "fact"},
		{"La Corée du Nord a soigné des centaines de soldats russes blessés.", "", "La Corée du Nord", "fact"},
		// a relative clause naming no one is about its antecedent; a model opening the clause is its subject
		{"Jay Naidoo, general secretary of the Congress of South African Trade Unions (COSATU), which claims a membership of over 600,000 workers, spoke.", "", "COSATU", "fact"},
		{"The 747-400 has a take-off weight of 870,000 pounds.", "", "747-400", "fact"},
		{"Les cobras chinois (naja atra), dont le nombre a chuté de 30 à 50 %, sont menacés.", "", "Les cobras chinois (naja atra", "fact"},
		{"Les deux enfants auraient touché 84 000 euros.", "", "Les deux enfants", "unconfirmed"},
		{"Chez les sympathisants de gauche, ils sont 68 % à se déclarer choqués.", "", "sympathisants de gauche", "fact"},
		{"Ils sont 68 % à gauche, contre 24 % pour les sympathisants de droite.", "", "sympathisants de droite", "fact"},
		{"Le joueur du FC Barcelone est rémunéré 40 millions d'euros par an.", "Lionel Messi condamné", "Lionel Messi", "fact"},
		// what a budget did is done; a comparison is a figure of its own
		{"The provincial budget also imposed a temporary eight pct surtax.", "", "", "fact"},
		{"The deficit would fall to 2.15 billion dlrs in fiscal 1987/88 from 2.90 billion dlrs.", "", "", "fact"},
		{"Revenues will fall to 1.3 billion dlrs from a previously estimated 2.2 billion dlrs, compared to 3.6 billion dlrs collected last year.", "", "", "fact"},
	}
	for _, tt := range tests {
		figs := Extract(tt.text, sentence.Split(tt.text), Context{Title: tt.title})
		var f *dossier.Figure
		for k := range figs {
			if figs[k].Field == "" {
				f = &figs[k]
			}
		}
		if f == nil {
			t.Errorf("%q: no figure", tt.text)
			continue
		}
		if tt.subject != "" && f.Subject != tt.subject {
			t.Errorf("%q: subject %q, want %q", tt.text, f.Subject, tt.subject)
		}
		if f.Modality != tt.modality {
			t.Errorf("%q: modality %q, want %q", tt.text, f.Modality, tt.modality)
		}
	}
}

// TestElliptical: a figure that leaves out what it counts counts what the
// figure before it counts.
func TestElliptical(t *testing.T) {
	text := "Selon la CGT, 46 000 manifestants ont défilé, dont 8 000 à Paris. Les blessés sont 28 à Paris, 13 à Lyon. The strike idled 21,600 workers, including 4,900 in Wentzville."
	want := map[string]string{"8 000": "manifestant", "13": "blessé", "4,900": "worker"}
	got := map[string]string{}
	for _, f := range Extract(text, sentence.Split(text), Context{}) {
		got[f.Text] = f.Thing
		if f.Text == "8 000" && (f.Source != "la CGT" || f.Subject != "Paris") {
			t.Errorf("8 000: source %q subject %q", f.Source, f.Subject)
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s counts %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

// TestActorsApart: a bare mass noun opening a sentence is no actor, people
// called foreign take no headline actor, and an aside on who is counted
// stands between a figure and its verb.
func TestActorsApart(t *testing.T) {
	tests := []struct{ text, title, subject, event string }{
		{"Rainfall reached 120 mm in two days.", "", "", "reach"},
		{"Des centaines de soldats internationaux, dont de nombreux Français, ont perdu la vie en Ukraine.", "La Corée du Nord envoie des troupes", "", "die"},
		{"Hundreds of foreign fighters, including many Britons, have died.", "North Korea sends troops", "", "die"},
		{"Airbus a livré 30 avions.", "", "Airbus", "deliver"},
	}
	for _, tt := range tests {
		figs := Extract(tt.text, sentence.Split(tt.text), Context{Title: tt.title})
		var f *dossier.Figure
		for k := range figs {
			if figs[k].Field == "" {
				f = &figs[k]
			}
		}
		if f == nil {
			t.Errorf("%q: no figure", tt.text)
			continue
		}
		if f.Subject != tt.subject || f.Event != tt.event {
			t.Errorf("%q: subject %q event %q, want %q %q", tt.text, f.Subject, f.Event, tt.subject, tt.event)
		}
	}
}

// TestYearSpans: the second year of "fiscal 1987/88" is no figure.
func TestYearSpans(t *testing.T) {
	for _, text := range []string{"The deficit fell in fiscal 1987/88.", "La saison 2023/24 a commencé."} {
		if figs := Extract(text, sentence.Split(text), Context{}); len(figs) != 0 {
			t.Errorf("%q: figures %+v, want none", text, figs)
		}
	}
}
