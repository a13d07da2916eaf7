package figure

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/sharedtest"
)

// specCase is one case of the Recognizers-Text number specs
// (../shared/dev/numbers).
type specCase struct {
	Input   string `json:"Input"`
	Results []struct {
		Text       string `json:"Text"`
		Resolution struct {
			Value any `json:"value"`
		} `json:"Resolution"`
	} `json:"Results"`
}

// declinedSpec says why a case follows a convention a news reader does not
// share (docs/DESIGN.md lists them); "" when the case is scored.
func declinedSpec(input string, texts []string) string {
	in := strings.ToLower(input)
	for _, t := range texts {
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "un", "une", "one", "a":
			return "an article or fixed phrase (\"un vent glacial\", \"one last time\") is not a figure"
		}
	}
	switch {
	case strings.Contains(in, "+1-") || strings.Count(in, ".") >= 3 && strings.IndexFunc(in, func(r rune) bool { return r >= 'a' && r <= 'z' }) < 0:
		return "phone numbers and addresses are not figures"
	case strings.Contains(in, "- ") && strings.IndexAny(in, "0123456789") > strings.Index(in, "- ") || strings.Contains(in, " - "):
		return "a sign or hyphen set apart by spaces (\"- 10 k\", \"fifty - two\") is not how numbers are written"
	case strings.Contains(input, "G") && strings.ContainsAny(input, "0123456789") && !strings.Contains(input, "GB"):
		return "G (giga) is not a scale news writes amounts with"
	case strings.Contains(in, "nrs.") || strings.Contains(in, "nr.") || strings.Contains(in, "scp-"):
		return "reference and designation numbers are not figures"
	case strings.HasPrefix(strings.TrimSpace(in), "percent") || strings.HasPrefix(strings.TrimSpace(in), "per cent") || strings.HasPrefix(strings.TrimSpace(in), "pourcent") ||
		strings.HasPrefix(strings.TrimSpace(in), "pourcentage"):
		return "a percentage named before its number (\"percent of 10\") is not how news writes one"
	case strings.Contains(in, "^"):
		return "powers (1,1^23) are arithmetic, not news"
	case strings.ContainsAny(in, "eé") && scientific(in):
		return "scientific notation (1e10) is not news"
	case strings.Contains(in, "http"):
		return "URLs"
	}
	for _, w := range []string{"ieme", "ième", "tieth", "firsts", "fifths", "fifth", "eighth", "fourth", "ninths", "sixths", "sevenths",
		"tenths", "hundredth", "thousandth", "millionth", "billionth", "trillionth", "twenty-first", "one over", " over ", "point ", "virgule"} {
		if strings.Contains(in, w) && !newsFraction(in) {
			return "ordinal denominators, \"over\" and spoken decimals (\"un vingt cinquieme\", \"two hundred point zero three\") are read by no news style"
		}
	}
	return ""
}

// newsFraction: the fractions news writes, which are scored.
func newsFraction(in string) bool {
	for _, f := range []string{"un cinquième", "a fifth", "one fifth", "un dixième", "a tenth"} {
		if strings.TrimSpace(in) == f {
			return true
		}
	}
	return false
}

func scientific(in string) bool {
	for i := 1; i+1 < len(in); i++ {
		if (in[i] == 'e') && in[i-1] >= '0' && in[i-1] <= '9' && (in[i+1] >= '0' && in[i+1] <= '9' || in[i+1] == '-' || in[i+1] == '+') {
			return true
		}
	}
	return false
}

func specValue(v any) (float64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	s = strings.TrimSuffix(strings.ReplaceAll(s, ",", "."), "%")
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// TestNumberSpecs puts each expected expression of the number and percent
// specs in a sentence that makes it a claim and checks that the figures read
// carry its value; at least 90 % of the scored cases in each language. A
// fraction may be read as a share (a percentage of the whole).
func TestNumberSpecs(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "dev", "numbers")
	for _, lang := range []struct {
		code, name, frame, pctFrame string
		floor                       float64
	}{
		{"en", "English", "Yesterday, %s soldiers arrived in the city.", "Yesterday, unemployment reached %s.", 0.9},
		{"fr", "French", "Hier, %s soldats sont arrivés dans la ville.", "Hier, le chômage a atteint %s.", 0.9},
	} {
		var scored, right, declined int
		var wrong []string
		for _, model := range []string{"NumberModel", "PercentModel"} {
			raw, err := os.ReadFile(filepath.Join(dir, lang.name+"_"+model+".json"))
			if err != nil {
				t.Fatalf("reading the %s %s specs: %v", lang.name, model, err)
			}
			var cases []specCase
			if err := json.Unmarshal(raw, &cases); err != nil {
				t.Fatalf("parsing the %s %s specs: %v", lang.name, model, err)
			}
			for _, c := range cases {
				var want []float64
				for _, r := range c.Results {
					if v, ok := specValue(r.Resolution.Value); ok {
						want = append(want, v)
					}
				}
				if len(want) == 0 || len(want) != len(c.Results) {
					continue // no expected number
				}
				var texts []string
				for _, r := range c.Results {
					texts = append(texts, r.Text)
				}
				if declinedSpec(c.Input, texts) != "" {
					declined++
					continue
				}
				frame := lang.frame
				if model == "PercentModel" {
					frame = lang.pctFrame
				}
				ok := true
				for k, w := range want {
					// each expected expression, bare, in the frame that makes it a claim
					// the expression as the input writes it (the specs give it in lower case)
					expr := strings.TrimSpace(c.Results[k].Text)
					if at := strings.Index(strings.ToLower(c.Input), expr); at >= 0 && len(strings.ToLower(c.Input)) == len(c.Input) {
						expr = c.Input[at : at+len(expr)]
					}
					text := strings.Replace(frame, "%s", expr, 1)
					figs := Extract(text, nil, Context{Lang: lang.code})
					found := false
					for _, f := range figs {
						if f.Value == nil {
							continue
						}
						v := *f.Value
						if near(v, w) || (f.Kind == "percent" && model == "NumberModel" && near(v, 100*w)) {
							found = true
						}
					}
					if !found {
						var got []string
						for _, f := range figs {
							if f.Value != nil {
								got = append(got, f.Text+"="+strconv.FormatFloat(*f.Value, 'g', -1, 64))
							}
						}
						wrong = append(wrong, text+" -> "+strings.Join(got, ", ")+" (want "+strconv.FormatFloat(w, 'g', -1, 64)+")")
					}
					ok = ok && found
				}
				scored++
				if ok {
					right++
				}
			}
		}
		share := float64(right) / float64(scored)
		t.Logf("%s: %d of %d number and percent cases read right (%.2f); %d declined", lang.name, right, scored, share, declined)
		if share < lang.floor || testing.Verbose() {
			for _, w := range wrong {
				t.Logf("  wrong: %s", w)
			}
		}
		if share < lang.floor {
			t.Errorf("%s: %.2f of the number specs read right, want at least %.2f", lang.name, share, lang.floor)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }
