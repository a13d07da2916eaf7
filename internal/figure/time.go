package figure

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// timeCue finds the time expressions news uses to say when: weekdays,
// "hier", "yesterday", "en août dernier", "le 25 mars", "March 25",
// "last week", "in 2023".
var timeCue = regexp.MustCompile(`\b(?:(?:depuis |since |dès )?(?:le |on )?\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{4})?|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(?:, \d{4})?|(?:en |in |depuis |since )(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|june|july|august|september|october|november|december)(?: dernier| \d{4})?|(?:last|this|next) (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:la semaine|le mois|l'an|l’an|l'année|l’année) (?:dernière|dernier|prochaine|prochain)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: dernier)?|hier|avant-hier|aujourd'hui|aujourd’hui|yesterday|today|(?:en|in|depuis|since) (?:19|20)\d\d)\b`)

// timeOf returns when the sentence says its figures happened: an ISO date
// (or month, or year) resolved against the article's date when the words
// are relative, else the words themselves.
func timeOf(toks []token, articleDate string) string {
	c := timeCueAt(toks)
	if c < 0 {
		return ""
	}
	// the expression lies around its cue word: match there, not on the sentence
	win := toks[max(0, c-4):min(len(toks), c+5)]
	var b strings.Builder
	for k, t := range win {
		b.WriteString(t.lower) // the pattern is lower case: faster than (?i)
		if k+1 < len(win) {
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
	key := expr + "|" + articleDate
	if v, ok := resolved.Load(key); ok {
		return v.(string)
	}
	out := expr
	if iso := resolve(expr, ref); iso != "" {
		out = iso
	}
	if resolvedN.Add(1) > 50000 {
		resolved.Clear() // bound the memo; a corpus has few distinct (expression, date) pairs
		resolvedN.Store(0)
	}
	resolved.Store(key, out)
	return out
}

// resolved memoises resolve: go-dateparser costs tens of microseconds a call.
var (
	resolved  sync.Map
	resolvedN atomic.Int64
)

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
	if yr := yearExpr.FindStringSubmatch(e); yr != nil {
		return yr[1]
	}
	if d, ok := weekdayDate(e, ref); ok {
		return d
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

var weekdayNum = map[string]time.Weekday{
	"dimanche": time.Sunday, "lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday, "jeudi": time.Thursday,
	"vendredi": time.Friday, "samedi": time.Saturday, "sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// weekdayDate: a weekday in a news report is the latest such day not after
// the article's date ("samedi" in a Saturday's paper is that day); "samedi
// dernier", "last Saturday" the one before it; "next Monday" the one after.
func weekdayDate(e string, ref time.Time) (string, bool) {
	f := strings.Fields(e)
	var wd time.Weekday
	found, last, next := false, false, false
	for _, w := range f {
		switch w {
		case "dernier", "last":
			last = true
		case "prochain", "next":
			next = true
		case "on", "le", "ce", "this":
		default:
			d, ok := weekdayNum[w]
			if !ok {
				return "", false
			}
			wd, found = d, true
		}
	}
	if !found {
		return "", false
	}
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	switch {
	case next:
		fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd).Format("2006-01-02"), true
	case last && back == 0:
		back = 7
	}
	return ref.AddDate(0, 0, -back).Format("2006-01-02"), true
}

var yearExpr = regexp.MustCompile(`^(?:en|in|depuis|since) ((?:19|20)\d\d)$`)

// timeCueAt is a cheap gate before the time regular expression: a word
// that can start or end a time expression.
func timeCueAt(toks []token) int {
	for i, t := range toks {
		w := t.lower
		if months[w] || weekdays[w] {
			return i
		}
		switch bare(w) {
		case "hier", "avant-hier", "aujourd", "yesterday", "today", "last", "next", "dernière", "dernier", "prochain", "prochaine":
			return i
		}
		if t.kind == tNum && len(t.text) == 4 && (strings.HasPrefix(t.text, "19") || strings.HasPrefix(t.text, "20")) {
			return i
		}
	}
	return -1
}
