// Command labelgen writes the labelled set for copy detection and story
// clustering (testdata/stories) from the parallel French and English fact
// sheets in stories.json, written for dossier: for each story an original,
// its translation, an exact copy under another banner, a reordered
// near-duplicate, an update with a changed figure, an English rewrite, a
// French follow-up and a near-duplicate of the translation, each as an
// outlet would publish it. Stories come in pairs on the same entities, so
// that unrelated articles share names.
//
//	go run ./internal/story/labelgen
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type lang struct {
	Title string   `json:"title"`
	S     []string `json:"s"`
}

type sheet struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Fr   lang   `json:"fr"`
	En   lang   `json:"en"`
}

type gold struct {
	Doc      string  `json:"doc"`
	Story    string  `json:"story"`
	Original *string `json:"original"`
	Relation *string `json:"relation"`
}

var (
	frOutlets = []string{"Le Courrier du Fleuve", "InfoFlash 24", "Nord Matin", "La Gazette du Soir", "Le Petit Écho"}
	enOutlets = []string{"The River Post", "Daily Ledger", "Globe Wire", "The Morning Star Times"}
	frFill    = []string{
		"Les réactions se multiplient depuis l'annonce, et plusieurs responsables appellent au calme.",
		"Les détails de l'opération n'ont pas été rendus publics pour l'instant.",
		"Notre rédaction reviendra sur ce sujet dans ses prochaines éditions.",
	}
	enFill = []string{
		"Reactions have multiplied since the announcement, and several officials are calling for calm.",
		"Details of the operation have not been made public so far.",
		"Our newsroom will return to this subject in coming editions.",
	}
	// light rewording of a near-duplicate
	reword = strings.NewReplacer("selon", "d'après", "a envoyé", "aurait envoyé", " said", " reported", "according to", "citing", "Plus de", "Au-delà de", "More than", "Over")
	number = regexp.MustCompile(`\d[\d ,.]*\d|\d`)
)

func main() {
	b, err := os.ReadFile("internal/story/labelgen/stories.json")
	if err != nil {
		log.Fatal(err)
	}
	var sheets []sheet
	if err := json.Unmarshal(b, &sheets); err != nil {
		log.Fatal(err)
	}
	out := "testdata/stories"
	os.RemoveAll(filepath.Join(out, "docs"))
	if err := os.MkdirAll(filepath.Join(out, "docs"), 0o755); err != nil {
		log.Fatal(err)
	}
	var golds []gold
	for k, s := range sheets {
		d0, err := time.Parse("2006-01-02", s.Date)
		if err != nil {
			log.Fatal(err)
		}
		day := func(n int) string { return d0.AddDate(0, 0, n).Format("2006-01-02") }
		name := func(v string, n int) string { return fmt.Sprintf("%s-%s-%s.txt", day(n), strings.ToLower(s.ID), v) }
		fo := func(i int) string { return frOutlets[(k+i)%len(frOutlets)] }
		eo := func(i int) string { return enOutlets[(k+i)%len(enOutlets)] }
		write := func(file, outlet, title string, paras []string) {
			text := outlet + "\n\n" + title + "\n\n" + strings.Join(paras, "\n\n") + "\n"
			if err := os.WriteFile(filepath.Join(out, "docs", file), []byte(text), 0o644); err != nil {
				log.Fatal(err)
			}
		}
		add := func(file, orig, rel string) {
			g := gold{Doc: file, Story: s.ID}
			if orig != "" {
				g.Original, g.Relation = &orig, &rel
			}
			golds = append(golds, g)
		}
		a := name("a-original-fr", 0)
		write(a, fo(0), s.Fr.Title, []string{s.Fr.S[0], s.Fr.S[1], s.Fr.S[2], frFill[0]})
		add(a, "", "")
		bn := name("b-translation-en", 1)
		write(bn, eo(0), s.En.Title, []string{s.En.S[0], s.En.S[1], s.En.S[2], enFill[0]})
		add(bn, a, "translated")
		c := name("c-identical-fr", 0)
		write(c, fo(1), s.Fr.Title, []string{s.Fr.S[0], s.Fr.S[1], s.Fr.S[2], frFill[0]})
		add(c, a, "identical")
		d := name("d-near-fr", 1)
		write(d, fo(2), s.Fr.Title, []string{s.Fr.S[0], reword.Replace(s.Fr.S[2]), s.Fr.S[1], frFill[0]})
		add(d, a, "near-duplicate")
		e := name("e-update-fr", 1)
		upd := []string{s.Fr.S[0], s.Fr.S[1], s.Fr.S[2], frFill[0]}
		for i := range upd[:3] {
			if changed := changeFirstNumber(upd[i]); changed != upd[i] {
				upd[i] = changed
				break
			}
		}
		write(e, fo(0), s.Fr.Title, upd)
		add(e, a, "updated")
		f := name("f-rewrite-en", 2)
		write(f, eo(1), "Update: "+s.En.Title, []string{s.En.S[3], s.En.S[1]})
		add(f, "", "")
		g := name("g-followup-fr", 3)
		write(g, fo(3), "Suite : "+s.Fr.Title, []string{s.Fr.S[3], s.Fr.S[0]})
		add(g, "", "")
		h := name("h-near-en", 2)
		write(h, eo(2), s.En.Title, []string{s.En.S[0], reword.Replace(s.En.S[2]), s.En.S[1], enFill[0]})
		add(h, bn, "near-duplicate")
	}
	f, err := os.Create(filepath.Join(out, "gold.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, g := range golds {
		enc.Encode(g)
	}
	fmt.Println(len(golds), "articles in", len(sheets), "stories")
}

// changeFirstNumber makes an update: the first number grows by a fifth.
func changeFirstNumber(s string) string {
	loc := number.FindStringIndex(s)
	if loc == nil {
		return s
	}
	digits := strings.NewReplacer(" ", "", ",", "", ".", "").Replace(s[loc[0]:loc[1]])
	n, err := strconv.Atoi(digits)
	if err != nil {
		return s
	}
	m := n + n/5 + 1
	return s[:loc[0]] + group(m, s[loc[0]:loc[1]]) + s[loc[1]:]
}

// group writes n with the thousands separator of the original.
func group(n int, like string) string {
	sep := ""
	for _, c := range []string{" ", ",", "."} {
		if strings.Contains(like, c) {
			sep = c
		}
	}
	str := strconv.Itoa(n)
	if sep == "" || len(str) <= 3 {
		return str
	}
	var parts []string
	for len(str) > 3 {
		parts = append([]string{str[len(str)-3:]}, parts...)
		str = str[:len(str)-3]
	}
	return strings.Join(append([]string{str}, parts...), sep)
}
