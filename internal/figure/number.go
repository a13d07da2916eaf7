package figure

import (
	"math"
	"strconv"
	"strings"
)

// quantity is a number expression found at some tokens.
type quantity struct {
	i, j      int // tokens [i, j)
	value     float64
	low, high float64 // for vague and approximate expressions
	vague     bool
	about     bool // "une cinquantaine"
	word      bool // written in words
	thingFrom int  // first token after the expression and its "de"/"of"
}

// parseDigits reads "12.000", "12,000", "1,5", "2.5", "100".
func parseDigits(s string) (float64, bool) {
	if strings.Count(s, ".")+strings.Count(s, ",") == 0 {
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	// all separators followed by exactly three digits, and the first group
	// at most three digits: thousands separators ("12.000", "1,500,000").
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	thousands := len(groups[0]) <= 3 && len(groups[0]) > 0
	for _, g := range groups[1:] {
		if len(g) != 3 {
			thousands = false
		}
	}
	if thousands && (strings.Count(s, ".") == 0 || strings.Count(s, ",") == 0) {
		v, err := strconv.ParseFloat(strings.Join(groups, ""), 64)
		return v, err == nil
	}
	// the last separator is the decimal point: "1,5", "2.5", "1.234,5"
	k := strings.LastIndexAny(s, ".,")
	intPart := strings.NewReplacer(".", "", ",", "").Replace(s[:k])
	v, err := strconv.ParseFloat(intPart+"."+s[k+1:], 64)
	return v, err == nil
}

func isThinSpace(s string) bool {
	switch s {
	case " ", "\u00a0", "\u202f", "\u2009", "\u2007":
		return true
	}
	return false
}

// digitNumber reads a number in digits at toks[i], with space-grouped
// thousands ("100 000") and a scale word ("1,5 million").
func digitNumber(toks []token, i int) (quantity, bool) {
	t := toks[i]
	v, ok := parseDigits(t.text)
	if !ok {
		return quantity{}, false
	}
	j := i + 1
	if len(t.text) <= 3 && !strings.ContainsAny(t.text, ".,") {
		for j < len(toks) && isThinSpace(toks[j-1].spaceAfter) && toks[j].kind == tNum && len(toks[j].text) == 3 && !strings.ContainsAny(toks[j].text, ".,") {
			n, _ := strconv.ParseFloat(toks[j].text, 64)
			v = v*1000 + n
			j++
		}
	}
	q := quantity{i: i, j: j, value: v}
	if j < len(toks) {
		if s, ok := scaleWords[toks[j].lower]; ok && (len(toks[j].text) > 2 || toks[j-1].spaceAfter == "" || toks[j].text == "bn" || toks[j].text == "Md") {
			q.value = v * s
			q.j = j + 1
		}
	}
	q.value = round(q.value)
	q.low, q.high = q.value, q.value
	return q, true
}

func round(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// wordNumber reads a number in words: "deux mille cinq cents",
// "quatre-vingt-dix", "twenty-five", "three hundred thousand", "a dozen".
func wordNumber(toks []token, i int) (quantity, bool) {
	total, cur := 0.0, 0.0
	seen := false
	j := i
	for j < len(toks) {
		w := toks[j].lower
		parts := strings.Split(w, "-")
		okAll := true
		for _, p := range parts {
			if _, ok := unitWords[p]; ok {
				continue
			}
			if hundredWords[p] || p == "et" || p == "and" {
				continue
			}
			if _, ok := scaleWords[p]; ok && len(p) > 2 {
				continue
			}
			okAll = false
		}
		if !okAll {
			// "a hundred", "a thousand", "a million"
			if (w == "a" || w == "an") && !seen && j+1 < len(toks) {
				n := toks[j+1].lower
				if hundredWords[n] || (scaleWords[n] > 0 && len(n) > 2) {
					cur = 1
					seen = true
					j++
					continue
				}
			}
			break
		}
		if (w == "et" || w == "and") && (!seen || j+1 >= len(toks)) {
			break
		}
		if w == "et" || w == "and" {
			// "vingt et un", "one hundred and five": only before a number word
			n := toks[j+1].lower
			if _, ok := unitWords[strings.Split(n, "-")[0]]; !ok {
				break
			}
			j++
			continue
		}
		for _, p := range parts {
			switch {
			case p == "et" || p == "and":
			case hundredWords[p]:
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			case scaleWords[p] > 0:
				if cur == 0 {
					cur = 1
				}
				total += cur * scaleWords[p]
				cur = 0
			default:
				u := unitWords[p]
				// "quatre-vingt(s)" is 4 × 20
				if (p == "vingt" || p == "vingts") && int(cur)%100 == 4 {
					cur += 76
				} else {
					cur += u
				}
			}
		}
		seen = true
		j++
	}
	if !seen {
		return quantity{}, false
	}
	v := total + cur
	return quantity{i: i, j: j, value: v, low: v, high: v, word: true}, true
}
