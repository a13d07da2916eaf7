package clean

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/extract"
)

func TestUnglue(t *testing.T) {
	tests := []struct{ in, page, want string }{
		// a name ending one block, a function word opening the next
		{"Selon les médias américains BloombergLa Corée du Nord", "", "Selon les médias américains Bloomberg La Corée du Nord"},
		// menu items the page writes apart elsewhere
		{"À la uneGuerreRussieUkraine", "La guerre entre la Russie et l'Ukraine.", "À la une Guerre Russie Ukraine"},
		{"»se rapporter Bloomberg", "", "» se rapporter Bloomberg"},
		{"de 240 mm.”rapporte le Temps", "", "de 240 mm.” rapporte le Temps"},
		{"Image officielle de WhatsApp d'Adnkronos", "", "Image officielle de WhatsApp d'Adnkronos"},
		{"McKinsey et YouTube", "", "McKinsey et YouTube"},
		{"iPhone et OpenAI", "", "iPhone et OpenAI"},
		{"source:https://www.adnkronos.com/InternazionaleEsteri", "", "source:https://www.adnkronos.com/InternazionaleEsteri"},
		// names written as one word stay whole, even where their parts are words
		{"The new AirPods are out", "Air travel is up. The pods are charged.", "The new AirPods are out"},
		{"TechCrunch reported it", "Tech firms crunch numbers.", "TechCrunch reported it"},
		{"Pay with ApplePay today", "Apple said pay rises.", "Pay with ApplePay today"},
		{"Ramsay MacDonald spoke", "Donald and Mac were there.", "Ramsay MacDonald spoke"},
		{"Abantu abakhuluma isiXhosa", "", "Abantu abakhuluma isiXhosa"},
		{"Abasebenzi lakwaTransnet bateleka", "UTransnet uthe abasebenzi bateleka.", "Abasebenzi lakwaTransnet bateleka"},
		{"不正に改造したiPhoneを販売した", "", "不正に改造したiPhoneを販売した"},
		// a name written glued twice in the page is a name, whatever its parts
		{"SoundWave is a band", "Sound and wave. SoundWave played.", "SoundWave is a band"},
		{"the soundWave", "Sound and wave.", "the sound Wave"},
	}
	for _, tt := range tests {
		v := newVocab([]string{tt.in, tt.page})
		if got := Unglue(tt.in, v); got != tt.want {
			t.Errorf("Unglue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	doc := func(s string) extract.Doc { return extract.Text("t.txt", s) }
	tests := []struct {
		name, text string
		removed    map[string]string // line text -> label
		kept       []string
	}{
		{
			name: "banner, title, heading, footer",
			text: "Le Petit Écho\n\nLes pompiers face aux flammes\n\nLes pompiers ont lutté toute la nuit contre un incendie qui a détruit trois hangars agricoles.\n\nUne enquête est ouverte\n\nLa gendarmerie a ouvert une enquête pour déterminer l'origine du sinistre, selon le parquet.\n\nPartager\n\nÀ lire aussi : notre dossier sur les incendies",
			removed: map[string]string{
				"Le Petit Écho": "site", "Les pompiers face aux flammes": "title", "Partager": "boilerplate",
				"À lire aussi : notre dossier sur les incendies": "boilerplate",
			},
			kept: []string{"Une enquête est ouverte", "La gendarmerie a ouvert une enquête"},
		},
		{
			name: "English byline, tags, caption, cookie notice",
			text: "Storm hits the coast\nBy Jane Holt\nWeather | Europe\n\nThe storm brought winds of up to 150 km/h to the coast on Sunday, forecasters said.\n\nRoads were closed and power was cut to thousands of homes across the region.\n\nPhoto: Reuters/John Doe\n\nWe use cookies to improve your experience. Accept all cookies or manage settings.",
			removed: map[string]string{
				"Storm hits the coast": "title", "By Jane Holt": "byline", "Weather | Europe": "tags",
				"Photo: Reuters/John Doe": "caption", "We use cookies to improve your experience. Accept all cookies or manage settings.": "boilerplate",
			},
			kept: []string{"The storm brought winds", "Roads were closed"},
		},
		{
			name:    "stray ad word between paragraphs",
			text:    "Un titre assez court\n\nLe premier paragraphe raconte ce qui s'est passé dans la ville hier soir.\n\nPub\n\nLe second paragraphe donne la parole aux habitants, encore sous le choc.",
			removed: map[string]string{"Pub": "boilerplate"},
			kept:    []string{"Le premier paragraphe", "Le second paragraphe"},
		},
	}
	for _, tt := range tests {
		r := Clean(doc(tt.text), Options{})
		got := map[string]string{}
		for _, rm := range r.Removed {
			got[strings.TrimSpace(rm.Text)] = string(rm.Label)
		}
		for line, label := range tt.removed {
			if got[line] != label {
				t.Errorf("%s: %q labelled %q, want %q (removed: %v)", tt.name, line, got[line], label, got)
			}
		}
		for _, k := range tt.kept {
			if !strings.Contains(r.Text, k) {
				t.Errorf("%s: %q not kept in %q", tt.name, k, r.Text)
			}
		}
	}
}

func TestRecurringLinesAreBoilerplate(t *testing.T) {
	footer := "Le Journal du Val, votre quotidien depuis 1950"
	var docs []extract.Doc
	for _, body := range []string{
		"La mairie a voté le budget de l'année prochaine lors d'un conseil municipal animé.",
		"Le club de football local a remporté son troisième match consécutif samedi soir.",
		"Les travaux de la nouvelle médiathèque commenceront au printemps, selon la mairie.",
	} {
		docs = append(docs, extract.Text("x.txt", "Titre du jour\n\n"+body+"\n\n"+footer))
	}
	c := NewCounter()
	for _, d := range docs {
		c.Add(Keys(d))
	}
	for _, d := range docs {
		k, _ := Keys(d)
		r := Clean(d, Options{Recurring: c.Others(k)})
		if strings.Contains(r.Text, footer) {
			t.Errorf("recurring footer kept: %q", r.Text)
		}
	}
	// copies of one article do not make its own lines look recurrent
	c = NewCounter()
	copyDoc := extract.Text("c.txt", "Titre\n\n"+strings.Repeat("Une phrase de corps assez longue pour compter. ", 3)+"\n\nUn intertitre court\n\n"+strings.Repeat("Une autre phrase de corps assez longue. ", 3))
	for i := 0; i < 3; i++ {
		c.Add(Keys(copyDoc))
	}
	k, _ := Keys(copyDoc)
	if r := Clean(copyDoc, Options{Recurring: c.Others(k)}); !strings.Contains(r.Text, "Un intertitre court") {
		t.Errorf("a copy's heading was dropped as recurring: %q", r.Text)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("News Day FR\n\nUn titre\n\nUn paragraphe assez long pour être du texte, avec une phrase.\n\nFollow us on Google News")
	f.Add("À la uneGuerre\n date 2024-11 by X\nA | B\nsource:http://x\n\n\n»”")
	f.Fuzz(func(t *testing.T, s string) {
		r := Clean(extract.Text("f.txt", s), Options{})
		for _, p := range r.Paragraphs {
			if p.Start < 0 || p.End > len(r.Text) || p.Start > p.End {
				t.Fatalf("paragraph %v out of text of %d bytes", p, len(r.Text))
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(r.Text) {
			t.Fatalf("clean text is not valid UTF-8")
		}
	})
}

func BenchmarkClean(b *testing.B) {
	text := "News Day FR\n\nUn titre d'article\n\n" + strings.Repeat("La Corée du Nord a déjà envoyé plus de 10.000 de ses soldats dans la région de Koursk, selon Séoul.\n\n", 8) + "For Latest Updates Follow us on Google News\n"
	d := extract.Text("b.txt", text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Clean(d, Options{})
	}
}

// TestGluedLineRecursWhateverTheVocabulary: ungluing depends on the words
// of each page, so recurrence keys take lines as written: a glued footer
// is one line on all the pages of its site.
func TestGluedLineRecursWhateverTheVocabulary(t *testing.T) {
	footer := "Le Journal du ValContact"
	bodies := []string{
		"Pour tout contact dans le Val, la mairie a ouvert une permanence lors du conseil municipal.",
		"Le club de football local a remporté son troisième match consécutif samedi soir.",
		"Les travaux de la nouvelle médiathèque commenceront au printemps, selon la mairie.",
	}
	var docs []extract.Doc
	c := NewCounter()
	for _, b := range bodies {
		d := extract.Text("x.txt", "Titre du jour\n\n"+b+"\n\n"+footer)
		docs = append(docs, d)
		c.Add(Keys(d))
	}
	for i, d := range docs {
		k, _ := Keys(d)
		r := Clean(d, Options{Recurring: c.Others(k)})
		found := false
		for _, rm := range r.Removed {
			if rm.Text == footer && strings.HasPrefix(rm.Reason, "recurs in 2") {
				found = true
			}
		}
		if !found {
			t.Errorf("page %d: footer not seen as recurring: %v", i, r.Removed)
		}
	}
}
