package dates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Related is the date of an article this one is tied to: After when this
// one copies or relays it (so came out on or after it), else it is a copy
// of this one (which came out on or before it).
type Related struct {
	Date  string
	After bool
	// Near: the article relays the same report as one of this date (the
	// same number from the same source), so came out about when it did.
	Near bool
	Why  string // "translated 9e827b75edeb"
}

// Window is how long after the latest date a text states as past an
// article is taken to appear, and after its original a copy: news tells
// what happened in the days before it is published.
const Window = 13 // days: a range of 14 days

// CopyWindow is how long after its original a copy is taken to appear.
const CopyWindow = 6

var monthNum = map[string]int{
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8,
	"septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9,
	"october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdayNum = map[string]time.Weekday{
	"dimanche": time.Sunday, "lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday, "jeudi": time.Thursday,
	"vendredi": time.Friday, "samedi": time.Saturday, "sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

const (
	frMonths = `janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre`
	enMonths = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`
	weekdays = `lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday`
)

var (
	// "vendredi 18 octobre 2024", "le 25 mars", "18 October 2024"
	dayMonth = regexp.MustCompile(`(?i)\b(?:(` + weekdays + `),?\s+)?(?:le\s+|the\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+(` + frMonths + `|` + enMonths + `)\.?(?:,?\s+((?:19|20)\d\d))?\b`)
	// "Friday, October 18, 2024", "March 25"
	monthDay = regexp.MustCompile(`(?i)\b(?:(` + weekdays + `),?\s+)?(` + enMonths + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b`)
	isoDay   = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	slashDay = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b`)
	// "en mars 2024", "in March 2024", "mars 2024"
	monthYear = regexp.MustCompile(`(?i)\b(` + frMonths + `|` + enMonths + `)\s+((?:19|20)\d\d)\b`)
	yearWord  = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	// words before a date that put it ahead of the article
	futureCue = regexp.MustCompile(`(?i)(?:prévu|prévue|prévus|prévues|programmé|attendu|attendue|doit|doivent|devrait|devraient|aura lieu|auront lieu|jusqu'au|jusqu’au|d'ici|d’ici|à partir du|dès le|prochain|prochaine|will|would|scheduled|expected|due|until|by|next|from|planned|set for|ahead of|avant le|before)\W+(?:\w+\W+){0,4}$`)
)

type found struct {
	lo, hi time.Time
	text   string
	future bool
	day    bool // a day, not a month or a year
}

// Guess estimates the date of an undated article from the dates of the
// articles it is tied to and the absolute dates its text states, resolved
// against each other (a day and month take their year from a weekday, a
// year the text gives, or a related date). The range holds the day after
// the latest past date stated, up to Window days later, cut by what the
// copies say; the reason names the evidence. It says false when nothing
// dates the article. Before, when set, is a day the article is known to
// precede (when it was read): months and years the text names only give
// a lower bound, and before closes the range.
func Guess(title, text, lang string, related []Related, before time.Time) (Estimate, bool) {
	var lo, hi time.Time
	var reasons []string
	narrow := func(l, h time.Time, why string) bool {
		if !lo.IsZero() && (h.Before(lo) || l.After(hi)) {
			return false // contradicts stronger evidence: ignored
		}
		if lo.IsZero() || l.After(lo) {
			lo = l
		}
		if hi.IsZero() || h.Before(hi) {
			hi = h
		}
		reasons = append(reasons, why)
		return true
	}
	// copies and originals first: the strongest evidence
	for _, r := range related {
		dl, dh, ok := Span(r.Date)
		if !ok {
			continue
		}
		switch {
		case r.Near:
			continue // weaker than what the text says: below
		case r.After:
			narrow(dl, dh.AddDate(0, 0, CopyWindow), fmt.Sprintf("copies %s of %s", r.Why, r.Date))
		default:
			narrow(dl.AddDate(0, 0, -CopyWindow), dh, fmt.Sprintf("copied by %s of %s", r.Why, r.Date))
		}
	}
	all := title + "\n" + text
	fs := scan(all, lang, related)
	for i := range fs {
		if !before.IsZero() && fs[i].lo.After(before) {
			fs[i].future = true // after the article was read: ahead of it
		}
	}
	// the latest past day the text states: the article is on or after it
	var latest *found
	for i := range fs {
		f := &fs[i]
		if f.future || !f.day {
			continue
		}
		if latest == nil || f.lo.After(latest.lo) {
			latest = f
		}
	}
	if latest != nil {
		narrow(latest.lo, latest.lo.AddDate(0, 0, Window), fmt.Sprintf("latest date in the text %q (%s)", latest.text, latest.lo.Format(Day)))
	}
	// A month or a year alone ("en 2023", "en mars 2024") says the article
	// is later, not how much later: it dates nothing by itself.
	for _, r := range related {
		if dl, dh, ok := Span(r.Date); ok && r.Near {
			narrow(dl.AddDate(0, 0, -Window), dh.AddDate(0, 0, Window), fmt.Sprintf("%s of %s", r.Why, r.Date))
		}
	}
	// a date the text puts ahead bounds the article from above
	for _, f := range fs {
		if f.future && f.day && !lo.IsZero() && !f.lo.Before(lo) && f.lo.Before(hi) {
			hi = f.lo
			reasons = append(reasons, fmt.Sprintf("before the coming date %q", f.text))
		}
	}
	if lo.IsZero() {
		return Estimate{}, false
	}
	return Estimate{Low: lo.Format(Day), High: hi.Format(Day), Reason: strings.Join(reasons, "; ")}, true
}

// scan finds the absolute dates of a text.
func scan(s, lang string, related []Related) []found {
	var out []found
	taken := make([]bool, len(s)+1)
	take := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	future := func(at int) bool {
		return futureCue.MatchString(s[max(0, at-60):at])
	}
	// years the text gives, to date a day and month without one
	var years []int
	for _, m := range yearWord.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		years = append(years, y)
	}
	refYear := 0
	for _, r := range related {
		if t, _, ok := Span(r.Date); ok {
			refYear = t.Year()
		}
	}
	add := func(a, b int, y, mo, d int, wd string) {
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			return
		}
		if y == 0 {
			y = yearFor(mo, d, wd, years, refYear)
			if y == 0 {
				return
			}
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if take(a, b) {
			out = append(out, found{lo: t, hi: t, text: s[a:b], future: future(a), day: true})
		}
	}
	for _, m := range isoDay.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		add(m[0], m[1], y, mo, d, "")
	}
	for _, m := range slashDay.FindAllStringSubmatchIndex(s, -1) {
		a, _ := strconv.Atoi(s[m[2]:m[3]])
		b, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if lang == "en" && a <= 12 {
			a, b = b, a // month first
		}
		add(m[0], m[1], y, b, a, "")
	}
	for _, m := range dayMonth.FindAllStringSubmatchIndex(s, -1) {
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		mo := monthNum[strings.ToLower(s[m[6]:m[7]])]
		y := 0
		if m[8] >= 0 {
			y, _ = strconv.Atoi(s[m[8]:m[9]])
		}
		wd := ""
		if m[2] >= 0 {
			wd = strings.ToLower(s[m[2]:m[3]])
		}
		if wd == "" && y == 0 && !dateContext(s, m[0]) {
			continue // "3 mars" alone may be a count of something: want "le", a weekday or a year
		}
		add(m[0], m[1], y, mo, d, wd)
	}
	for _, m := range monthDay.FindAllStringSubmatchIndex(s, -1) {
		mo := monthNum[strings.ToLower(s[m[4]:m[5]])]
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		y := 0
		if m[8] >= 0 {
			y, _ = strconv.Atoi(s[m[8]:m[9]])
		}
		wd := ""
		if m[2] >= 0 {
			wd = strings.ToLower(s[m[2]:m[3]])
		}
		if strings.ToLower(s[m[4]:m[5]]) == "may" && wd == "" && y == 0 {
			continue // "may 5" is as often a verb
		}
		add(m[0], m[1], y, mo, d, wd)
	}
	for _, m := range monthYear.FindAllStringSubmatchIndex(s, -1) {
		mo := monthNum[strings.ToLower(s[m[2]:m[3]])]
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		if mo == 0 || !take(m[0], m[1]) {
			continue
		}
		t := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		out = append(out, found{lo: t, hi: t.AddDate(0, 1, -1), text: s[m[0]:m[1]], future: future(m[0])})
	}
	for _, m := range yearWord.FindAllStringSubmatchIndex(s, -1) {
		if !take(m[0], m[1]) {
			continue
		}
		// "depuis 2022", "en 2023": a year; "2 024" or a number in a figure is not
		if m[0] > 0 && (s[m[0]-1] >= '0' && s[m[0]-1] <= '9' || s[m[0]-1] == ',' || s[m[0]-1] == '.') {
			continue
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, found{lo: t, hi: t.AddDate(1, 0, -1), text: s[m[0]:m[1]], future: future(m[0])})
	}
	return out
}

// dateContext: "le 25 mars", "du 3 au", "on 25 March" read as dates.
func dateContext(s string, at int) bool {
	before := strings.ToLower(s[max(0, at-6):at])
	for _, w := range []string{"le ", "du ", "au ", "on ", "the ", "depuis ", "since ", "dès ", "from ", "jusqu'au ", "until "} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	t := strings.ToLower(s[at:min(len(s), at+3)])
	return strings.HasPrefix(t, "le ") || strings.HasPrefix(t, "the")
}

// yearFor is the year of a day and month the text gives without one: that
// of the related articles' dates; else, with a weekday, the first year
// from the latest the text names whose calendar has that weekday on that
// day. A year the text names alone is often background ("signé en 2023"):
// it does not give its year to a bare "le 25 mars".
func yearFor(mo, d int, wd string, years []int, ref int) int {
	if ref != 0 {
		if w, ok := weekdayNum[wd]; ok {
			for _, y := range []int{ref, ref - 1, ref + 1} {
				if time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Weekday() == w {
					return y
				}
			}
		}
		return ref
	}
	w, ok := weekdayNum[wd]
	if !ok {
		return 0
	}
	anchor := 0
	for _, y := range years {
		anchor = max(anchor, y)
	}
	if anchor == 0 {
		return 0
	}
	for y := anchor; y <= anchor+6; y++ {
		if time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Weekday() == w {
			return y
		}
	}
	return 0
}
