package figure

import (
	"regexp"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// timeCue finds the time expressions news uses to say when: weekdays,
// "hier", "yesterday", "en août dernier", "le 25 mars", "March 25",
// "last week", "in 2023".
var timeCue = regexp.MustCompile(`(?i)\b(?:(?:depuis |since |dès )?(?:le |on )?\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{4})?|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(?:, \d{4})?|(?:en |in |depuis |since )(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|june|july|august|september|october|november|december)(?: dernier| \d{4})?|(?:last|this|next) (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:la semaine|le mois|l'an|l’an|l'année|l’année) (?:dernière|dernier|prochaine|prochain)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: dernier)?|hier|avant-hier|aujourd'hui|aujourd’hui|yesterday|today|(?:en|in|depuis|since) (?:19|20)\d\d)\b`)

// timeOf returns when the sentence says its figures happened: an ISO date
// (or month, or year) resolved against the article's date when the words
// are relative, else the words themselves.
func timeOf(toks []token, articleDate string) string {
	if len(toks) == 0 {
		return ""
	}
	var b strings.Builder
	for k, t := range toks {
		b.WriteString(t.text)
		if k+1 < len(toks) {
			b.WriteString(t.spaceAfter)
		}
	}
	expr := timeCue.FindString(b.String())
	if expr == "" {
		return ""
	}
	ref, ok := parseArticleDate(articleDate)
	if !ok {
		return expr
	}
	if iso := resolve(expr, ref); iso != "" {
		return iso
	}
	return expr
}

func parseArticleDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

var dropWords = strings.NewReplacer("depuis ", "", "since ", "", "dès ", "", " dernier", "", " dernière", "", "en ", "", "in ", "", "le ", "", "on ", "")

// resolve turns a time expression into a date before the article's.
func resolve(expr string, ref time.Time) string {
	e := strings.ToLower(expr)
	if yr := regexp.MustCompile(`^(?:en|in|depuis|since) ((?:19|20)\d\d)$`).FindStringSubmatch(e); yr != nil {
		return yr[1]
	}
	cfg := &dps.Configuration{CurrentTime: ref, PreferredDateSource: dps.Past, Languages: []string{"fr", "en"}}
	d, err := dps.Parse(cfg, dropWords.Replace(e))
	if err != nil || d.IsZero() {
		return ""
	}
	t := d.Time
	if t.After(ref.AddDate(0, 0, 1)) && !strings.Contains(e, "next") && !strings.Contains(e, "prochain") {
		t = t.AddDate(-1, 0, 0) // "en août dernier" read in March is last year's August
	}
	switch d.Period {
	case date.Month:
		return t.Format("2006-01")
	case date.Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}
