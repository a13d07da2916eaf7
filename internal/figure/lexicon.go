package figure

import "github.com/dossier-news/dossier"

// Word lists of the French and English that news writes figures in. Keys
// are lower case.

// unitWords: cardinal number words.
var unitWords = map[string]float64{
	"zéro": 0, "nought": 0, "naught": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
	"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
	"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80, "nonante": 90,
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// frenchWords and englishWords: the number words of one language only;
// "six" is both.
var frenchWords, englishWords = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range []string{"zéro", "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze",
		"treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "nonante"} {
		frenchWords[w] = true
	}
	for w := range unitWords {
		if !frenchWords[w] && w != "six" {
			englishWords[w] = true
		}
	}
}

// frenchDurations: duration words of French only ("an" is an article in
// English: "$30 an hour").
var frenchDurations = map[string]bool{"an": true, "ans": true, "année": true, "années": true, "mois": true, "semaine": true,
	"semaines": true, "jour": true, "jours": true, "heure": true, "heures": true, "seconde": true, "secondes": true,
	"décennie": true, "décennies": true, "siècle": true, "siècles": true}

// durationUnit: the unit of a duration word in the text's language.
func durationUnit(w, lang string) string {
	if lang == "en" && frenchDurations[w] {
		return ""
	}
	return durationUnits[w]
}


// scaleWords multiply: "mille", "million", "billion".
var scaleWords = map[string]float64{
	"mille": 1e3, "thousand": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
	"billion": 1e9, "billions": 1e9, "trillion": 1e12, "trillions": 1e12, "billiard": 1e15,
	"k": 1e3, "m": 1e6, "mn": 1e6, "md": 1e9, "mds": 1e9, "bn": 1e9,
	"mln": 1e6, "mlns": 1e6, "mil": 1e6, "tln": 1e12, "mm": 1e6, "mio": 1e6, "mios": 1e6, "bln": 1e9, "blns": 1e9, "mrd": 1e9, "mrds": 1e9, "b": 1e9, "tn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// shortScales: abbreviations that are scales only written against the
// number or in the newswire's abbreviations ("$13.6M", "10k", "800 mln").
var shortScales = map[string]bool{"mm": true, "k": true, "m": true, "mn": true, "md": true, "mds": true, "bn": true, "b": true, "tn": true, "mio": true, "mios": true, "mrd": true, "mrds": true}

// approxNouns: "une cinquantaine" is about 50; "une douzaine" about 12.
var approxNouns = map[string]float64{
	"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
	"cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000, "dozen": 12,
}

// vagueNouns: "des centaines", "hundreds of": the interval of the plural.
var vagueNouns = map[string][2]float64{
	"dizaines": {10, 99}, "douzaines": {24, 99}, "centaines": {100, 999}, "milliers": {1000, 9999},
	"millions": {1e6, 999999999}, "milliards": {1e9, 999999999999},
	"dozens": {24, 99}, "scores": {40, 199}, "hundreds": {100, 999}, "thousands": {1000, 9999},
	"billions": {1e9, 999999999999},
}

// vagueLead words make a following plural vague: "des milliers",
// "plusieurs centaines", "quelques dizaines".
var vagueLead = map[string]float64{"des": 1, "plusieurs": 2, "quelques": 2, "de": 1, "many": 2, "several": 2, "some": 1, "few": 2}

// boundBefore: phrases right before a number, longest first, and the bound they give.
var boundBefore = []struct {
	words []string
	bound dossier.Bound
}{
	{[]string{"pas", "moins", "de"}, "at_least"}, {[]string{"pas", "plus", "de"}, "at_most"},
	{[]string{"no", "fewer", "than"}, "at_least"}, {[]string{"no", "less", "than"}, "at_least"},
	{[]string{"no", "more", "than"}, "at_most"}, {[]string{"as", "many", "as"}, "at_most"},
	{[]string{"as", "much", "as"}, "at_most"}, {[]string{"upwards", "of"}, "more_than"},
	{[]string{"in", "excess", "of"}, "more_than"}, {[]string{"au", "moins"}, "at_least"},
	{[]string{"au", "minimum"}, "at_least"}, {[]string{"at", "least"}, "at_least"},
	{[]string{"plus", "de"}, "more_than"}, {[]string{"plus", "d"}, "more_than"}, {[]string{"more", "than"}, "more_than"},
	{[]string{"au-delà", "de"}, "more_than"}, {[]string{"moins", "de"}, "less_than"}, {[]string{"moins", "d"}, "less_than"},
	{[]string{"less", "than"}, "less_than"}, {[]string{"fewer", "than"}, "less_than"},
	{[]string{"jusqu", "à"}, "at_most"}, {[]string{"up", "to"}, "at_most"}, {[]string{"au", "plus"}, "at_most"},
	{[]string{"au", "maximum"}, "at_most"}, {[]string{"at", "most"}, "at_most"}, {[]string{"près", "de"}, "about"},
	{[]string{"près", "d"}, "about"}, {[]string{"autour", "de"}, "about"}, {[]string{"autour", "d"}, "about"},
	{[]string{"de", "l'ordre", "de"}, "about"}, {[]string{"de", "l’ordre", "de"}, "about"},
	{[]string{"environ"}, "about"}, {[]string{"quelque"}, "about"}, {[]string{"approximativement"}, "about"},
	{[]string{"presque"}, "about"}, {[]string{"about"}, "about"}, {[]string{"around"}, "about"},
	{[]string{"approximately"}, "about"}, {[]string{"roughly"}, "about"}, {[]string{"nearly"}, "about"},
	{[]string{"almost"}, "about"}, {[]string{"some"}, "about"}, {[]string{"over"}, "more_than"},
	{[]string{"under"}, "less_than"}, {[]string{"below"}, "less_than"}, {[]string{"above"}, "more_than"},
	{[]string{"dépasse"}, "more_than"}, {[]string{"dépassent"}, "more_than"}, {[]string{"dépasser"}, "more_than"},
	{[]string{"dépassé"}, "more_than"}, {[]string{"excède"}, "more_than"}, {[]string{"exceed"}, "more_than"},
	{[]string{"exceeds"}, "more_than"}, {[]string{"exceeded"}, "more_than"}, {[]string{"surpass"}, "more_than"},
	{[]string{"surpasses"}, "more_than"}, {[]string{"top"}, "more_than"}, {[]string{"tops"}, "more_than"},
	{[]string{"inférieur", "à"}, "less_than"}, {[]string{"inférieure", "à"}, "less_than"}, {[]string{"inférieurs", "à"}, "less_than"},
	{[]string{"inférieures", "à"}, "less_than"}, {[]string{"supérieur", "à"}, "more_than"}, {[]string{"supérieure", "à"}, "more_than"},
	{[]string{"supérieurs", "à"}, "more_than"}, {[]string{"supérieures", "à"}, "more_than"},
	{[]string{"close", "to"}, "about"}, {[]string{"closer", "to"}, "about"}, {[]string{"as", "high", "as"}, "at_most"},
	{[]string{"~"}, "about"}, {[]string{"quasiment"}, "about"}, {[]string{"grosso", "modo"}, "about"},
}

// boundAfter: phrases right after the number and its thing.
var boundAfter = []struct {
	words []string
	bound dossier.Bound
}{
	{[]string{"au", "moins"}, "at_least"}, {[]string{"ou", "plus"}, "at_least"}, {[]string{"or", "more"}, "at_least"},
	{[]string{"environ"}, "about"}, {[]string{"au", "plus"}, "at_most"}, {[]string{"at", "most"}, "at_most"},
	{[]string{"et", "plus"}, "at_least"}, {[]string{"and", "over"}, "at_least"}, {[]string{"and", "up"}, "at_least"},
	{[]string{"and", "older"}, "at_least"}, {[]string{"or", "less"}, "at_most"}, {[]string{"ou", "moins"}, "at_most"},
	{[]string{"or", "fewer"}, "at_most"},
}

// adverbs that may stand between a bound verb and its number.
var adverbs = map[string]bool{"désormais": true, "déjà": true, "encore": true, "largement": true, "now": true, "already": true, "still": true, "easily": true, "well": true}

// Money is given its ISO 4217 code. A symbol or word shared by several
// currencies ("$", "dollars", "dlrs", "rupees") names a family, resolved
// to one code by a qualifier beside it ("Australian dlrs", "dollars
// canadiens") or by the country the article is about (see currency.go).
const (
	famDollar = "$"
	famRupee  = "rupee"
	famPeso   = "peso"
	famCrown  = "crown"
	famFranc  = "franc"
	famPound  = "pound"
)

// currencySymbols: symbols written before or after the number.
var currencySymbols = map[string]string{
	"€": "EUR", "$": famDollar, "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₹": "INR", "₺": "TRY",
	"₪": "ILS", "₦": "NGN", "฿": "THB", "₫": "VND", "₱": "PHP", "₣": "CHF",
}

// currencyPrefix: codes and abbreviations written before the number,
// spaced or glued ("USD1,700", "RM79", "CHF 50", "Fr. 20"). Case matters:
// "RM" is the ringgit, "rm" nothing.
var currencyPrefix = map[string]string{
	"USD": "USD", "EUR": "EUR", "GBP": "GBP", "CHF": "CHF", "CAD": "CAD", "AUD": "AUD", "NZD": "NZD", "JPY": "JPY",
	"CNY": "CNY", "RMB": "CNY", "HKD": "HKD", "SGD": "SGD", "INR": "INR", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK",
	"ZAR": "ZAR", "BRL": "BRL", "MXN": "MXN", "RUB": "RUB", "KRW": "KRW", "TRY": "TRY", "PLN": "PLN", "UAH": "UAH",
	"ILS": "ILS", "NGN": "NGN", "MYR": "MYR", "IDR": "IDR", "PHP": "PHP", "THB": "THB", "LKR": "LKR", "PKR": "PKR",
	"RM": "MYR", "Rs": "INR", "Rp": "IDR", "Fr": "CHF", "SFr": "CHF", "Sfr": "CHF", "Dhs": "AED", "AED": "AED",
}

// dollarPrefix: the letters before "$" that say which dollar it is.
var dollarPrefix = map[string]string{
	"US": "USD", "U.S.": "USD", "C": "CAD", "CA": "CAD", "CAN": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "HK": "HKD",
	"S": "SGD", "SG": "SGD", "R": "BRL", "NT": "TWD", "Z": "ZWL", "J": "JMD", "M": "MXN", "MX": "MXN",
}

// currencyWords: currency names after the number, in French and English,
// with newswire abbreviations ("dlrs", "stg").
var currencyWords = map[string]string{
	"euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": famDollar, "dollars": famDollar, "dlr": famDollar, "dlrs": famDollar,
	"livre": famPound, "livres": famPound, "pound": famPound, "pounds": famPound, "sterling": "GBP", "stg": "GBP",
	"yuan": "CNY", "yuans": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
	"won": "KRW", "wons": "KRW", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias.": "UAH", "franc": famFranc, "francs": famFranc,
	"yen": "JPY", "yens": "JPY", "rupee": famRupee, "rupees": famRupee, "roupie": famRupee, "roupies": famRupee,
	"réal": "BRL", "réais": "BRL", "reais": "BRL", "reals": "BRL", "real": "BRL", "peso": famPeso, "pesos": famPeso,
	"couronne": famCrown, "couronnes": famCrown, "crown": famCrown, "crowns": famCrown, "krona": "SEK", "kronor": "SEK",
	"krone": famCrown, "kroner": famCrown, "rand": "ZAR", "rands": "ZAR", "naira": "NGN", "shekel": "ILS", "shekels": "ILS",
	"lira": "TRY", "liras": "TRY", "lire": "TRY", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "forint": "HUF", "forints": "HUF",
	"ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
	"dinar": "DZD", "dinars": "DZD", "bitcoin": "BTC", "bitcoins": "BTC", "cfa": "XOF", "lei": "RON", "leu": "RON",
	"usd": "USD", "gbp": "GBP", "chf": "CHF", "cad": "CAD", "aud": "AUD", "jpy": "JPY", "cny": "CNY",
}

// currencyQualifier: the adjective or name that fixes a currency family,
// before ("Australian dlrs", "U.S. dollars") or after ("dollars
// canadiens", "francs suisses", "couronnes suédoises").
var currencyQualifier = map[string]string{
	"us": "USD", "u.s.": "USD", "american": "USD", "américains": "USD", "américain": "USD", "canadian": "CAD", "canadiens": "CAD",
	"canadien": "CAD", "australian": "AUD", "australiens": "AUD", "australien": "AUD", "hong": "HKD", "singapore": "SGD",
	"singapour": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "zealand": "NZD", "zélandais": "NZD", "néo-zélandais": "NZD",
	"mexican": "MXN", "mexicains": "MXN", "argentine": "ARS", "argentins": "ARS", "argentinian": "ARS", "chilean": "CLP",
	"chiliens": "CLP", "colombian": "COP", "colombiens": "COP", "philippine": "PHP", "philippins": "PHP", "cubains": "CUP",
	"indian": "INR", "indiennes": "INR", "pakistani": "PKR", "pakistanaises": "PKR", "lankan": "LKR", "sri-lankaises": "LKR",
	"nepalese": "NPR", "swiss": "CHF", "suisses": "CHF", "suisse": "CHF", "french": "FRF", "français": "FRF", "belgian": "BEF",
	"belges": "BEF", "cfa": "XOF", "swedish": "SEK", "suédoises": "SEK", "suédoise": "SEK", "norwegian": "NOK",
	"norvégiennes": "NOK", "norvégienne": "NOK", "danish": "DKK", "danoises": "DKK", "danoise": "DKK", "czech": "CZK",
	"tchèques": "CZK", "icelandic": "ISK", "islandaises": "ISK", "sterling": "GBP", "british": "GBP", "sterlings": "GBP",
	"egyptian": "EGP", "égyptiennes": "EGP", "lebanese": "LBP", "libanaises": "LBP", "syrian": "SYP", "syriennes": "SYP",
	"turkish": "TRY", "turques": "TRY", "jamaican": "JMD", "zimbabwean": "ZWL", "liberian": "LRD", "fijian": "FJD",
}

// countryCurrency: a place named in the article decides a currency family
// the text leaves implicit ("dlrs" in an Alberta budget are CAD). Keys are
// lower case; only places with a dollar, rupee, peso, crown or franc of
// their own.
var countryCurrency = map[string]map[string]string{
	famDollar: {
		"canada": "CAD", "canadian": "CAD", "alberta": "CAD", "ontario": "CAD", "quebec": "CAD", "québec": "CAD",
		"ottawa": "CAD", "toronto": "CAD", "montreal": "CAD", "montréal": "CAD", "vancouver": "CAD", "edmonton": "CAD",
		"calgary": "CAD", "manitoba": "CAD", "saskatchewan": "CAD", "columbia": "CAD", "nova scotia": "CAD",
		"australia": "AUD", "australian": "AUD", "australie": "AUD", "sydney": "AUD", "melbourne": "AUD", "canberra": "AUD",
		"queensland": "AUD", "new zealand": "NZD", "nouvelle-zélande": "NZD", "hong kong": "HKD", "singapore": "SGD",
		"singapour": "SGD", "taiwan": "TWD", "taïwan": "TWD",
	},
	famRupee: {
		"sri lanka": "LKR", "colombo": "LKR", "pakistan": "PKR", "islamabad": "PKR", "karachi": "PKR", "nepal": "NPR", "népal": "NPR",
		"kathmandu": "NPR", "mauritius": "MUR", "maurice": "MUR", "india": "INR", "inde": "INR",
	},
	famPeso: {
		"mexico": "MXN", "mexique": "MXN", "argentina": "ARS", "argentine": "ARS", "chile": "CLP", "chili": "CLP",
		"colombia": "COP", "colombie": "COP", "philippines": "PHP", "cuba": "CUP", "uruguay": "UYU",
	},
	famCrown: {
		"sweden": "SEK", "suède": "SEK", "swedish": "SEK", "suédois": "SEK", "norway": "NOK", "norvège": "NOK", "denmark": "DKK",
		"danemark": "DKK", "czech": "CZK", "tchèque": "CZK", "iceland": "ISK", "islande": "ISK",
	},
	famFranc: {
		"suisse": "CHF", "switzerland": "CHF", "genève": "CHF", "geneva": "CHF", "zurich": "CHF", "berne": "CHF",
		"lausanne": "CHF", "sénégal": "XOF", "côte d'ivoire": "XOF", "mali": "XOF", "cameroun": "XAF", "gabon": "XAF",
		"congo": "CDF", "guinée": "GNF", "rwanda": "RWF", "burundi": "BIF", "djibouti": "DJF", "madagascar": "MGA",
	},
}

// familyDefault: the currency a family means when nothing says otherwise.
var familyDefault = map[string]string{famDollar: "USD", famRupee: "INR", famPeso: "MXN", famCrown: "SEK", famFranc: "CHF", famPound: "GBP"}

// gluedSuffixes: scales and units news writes against the number.
var gluedSuffixes = map[string]bool{
	"k": true, "m": true, "mn": true, "mln": true, "mio": true, "bn": true, "bln": true, "b": true, "md": true, "mds": true,
	"mrd": true, "tn": true, "mph": true, "kmh": true, "km": true, "kms": true, "kg": true, "kgs": true, "mm": true, "cm": true,
	"gb": true, "mb": true, "tb": true, "kb": true, "ghz": true, "mhz": true, "mw": true, "gw": true, "kw": true, "kwh": true,
	"mwh": true, "gwh": true, "twh": true, "ml": true, "lb": true, "lbs": true, "ft": true, "mi": true, "ha": true, "hp": true,
	"cc": true, "oz": true, "mt": true, "bbl": true, "pct": true, "x": true, "mil": true, "million": true, "millions": true,
	"milliard": true, "milliards": true, "billion": true, "billions": true, "dz": true, "dzs": true, "doz": true, "dozs": true,
}

// units of measure and their symbol.
var measureUnits = map[string]string{
	"mm": "mm", "cm": "cm", "m": "m", "km": "km", "km²": "km²", "m²": "m²", "m³": "m³", "kg": "kg", "g": "g", "t": "t",
	"mètre": "m", "mètres": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
	"kilomètre": "km", "kilomètres": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
	"millimètre": "mm", "millimètres": "mm", "millimetre": "mm", "millimetres": "mm", "millimeters": "mm",
	"centimètre": "cm", "centimètres": "cm", "centimetres": "cm", "centimeters": "cm",
	"tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "kilo": "kg", "kilos": "kg", "kilogramme": "kg", "kilogrammes": "kg",
	"kilogram": "kg", "kilograms": "kg", "litre": "l", "litres": "l", "liter": "l", "liters": "l", "hectare": "ha", "hectares": "ha", "ha": "ha",
	"mile": "mile", "miles": "mile", "mw": "MW", "gw": "GW", "kwh": "kWh", "twh": "TWh", "°c": "°C", "degrés": "°C", "degrees": "°",
	"km/h": "km/h", "gwh": "GWh", "mwh": "MWh", "térawattheures": "TWh", "térawattheure": "TWh",
	"terawatt-hours": "TWh", "gigawattheures": "GWh", "gigawatt-hours": "GWh", "mégawatts": "MW", "megawatts": "MW", "gigawatts": "GW", "mph": "mph", "barils": "bbl", "barrels": "bbl", "kt": "kt", "mégatonnes": "Mt",
	"mi": "mile", "kms": "km", "kmh": "km/h", "kgs": "kg", "feet": "ft", "foot": "ft", "ft": "ft", "pieds": "ft", "pied": "ft",
	"inch": "in", "inches": "in", "pouce": "in", "pouces": "in", "lb": "lb", "lbs": "lb", "bushel": "bushel", "bushels": "bushel",
	"gb": "GB", "mb": "MB", "tb": "TB", "kb": "kB", "ghz": "GHz", "mhz": "MHz", "kw": "kW",
	"kilowatts": "kW", "kilowatt": "kW", "hp": "hp", "ch": "hp", "horsepower": "hp", "chevaux": "hp", "ml": "ml", "cl": "cl",
	"oz": "oz", "ounce": "oz", "ounces": "oz", "onces": "oz", "acre": "acre", "acres": "acre", "knots": "kn", "nœuds": "kn",
	"gallon": "gal", "gallons": "gal", "bbl": "bbl", "carats": "ct", "mt": "Mt", "megatonnes": "Mt", "kilotonnes": "kt",
	"cc": "cm³", "mégawatt": "MW", "megawatt": "MW", "gigawatt": "GW", "watts": "W", "volts": "V", "décibels": "dB", "decibels": "dB",
	"yards": "yd", "yard": "yd", "hectolitres": "hl", "milligrammes": "mg", "milligrams": "mg", "mg": "mg", "grammes": "g",
	"grams": "g", "gramme": "g", "gram": "g", "microns": "µm", "nanomètres": "nm", "nanometres": "nm", "nm": "nm",
	"kilowatt-hours": "kWh", "kilowatt-hour": "kWh", "kilowattheures": "kWh", "megawatt-hours": "MWh", "mégawattheures": "MWh",
	"mpg": "mpg", "knot": "kn", "kph": "km/h", "fahrenheit": "°F", "°f": "°F", "celsius": "°C", "mm²": "mm²", "cm²": "cm²",
	"tonnes-km": "t·km", "teu": "TEU", "teus": "TEU", "gigatonnes": "Gt", "gigatons": "Gt", "megatons": "Mt",
	"millilitres": "ml", "milliliters": "ml", "centilitres": "cl", "hectolitre": "hl", "bushel.": "bushel",
}

// durations and their unit.
var durationUnits = map[string]string{
	"an": "year", "ans": "year", "année": "year", "années": "year", "year": "year", "years": "year",
	"mois": "month", "month": "month", "months": "month", "semaine": "week", "semaines": "week", "week": "week", "weeks": "week",
	"jour": "day", "jours": "day", "day": "day", "days": "day", "heure": "hour", "heures": "hour", "hour": "hour", "hours": "hour",
	"minute": "minute", "minutes": "minute", "seconde": "second", "secondes": "second", "second": "second", "seconds": "second",
	"décennie": "decade", "décennies": "decade", "decade": "decade", "decades": "decade", "siècle": "century", "siècles": "century",
	"century": "century", "centuries": "century",
}

var percentWords = map[string]bool{"%": true, "pourcent": true, "percent": true, "pourcents": true, "pct": true, "pour-cent": true,
	"percents": true, "percentage": true, "pourcentage": true, "pourcentages": true}

// months and weekdays: numbers next to them are dates, not figures.
var months = map[string]bool{
	"janvier": true, "février": true, "mars": true, "avril": true, "mai": true, "juin": true, "juillet": true, "août": true,
	"septembre": true, "octobre": true, "novembre": true, "décembre": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "janv": true, "févr": true, "avr": true, "juil": true, "sept": true, "oct": true, "nov": true, "déc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "dec": true,
}

var weekdays = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// definite determiners before a small number word refer back to known
// things ("les deux pays", "the two leaders"): not a quantity claim.
var definiteBefore = map[string]bool{"les": true, "des": true, "ces": true, "the": true, "these": true, "those": true, "both": true, "nos": true, "leurs": true, "ses": true, "their": true, "its": true, "l'une": true, "l’une": true}

// skipBeforeThing: words between a number and what it counts.
var skipBeforeThing = map[string]bool{
	"de": true, "d": true, "of": true, "ses": true, "leurs": true, "leur": true, "nos": true, "vos": true, "ces": true, "mes": true,
	"their": true, "its": true, "his": true, "her": true, "these": true, "those": true, "our": true, "the": true, "les": true, "des": true,
	"nouveaux": true, "nouvelles": true, "autres": true, "premiers": true, "premières": true, "derniers": true, "dernières": true,
	"jeunes": true, "anciens": true, "anciennes": true, "principaux": true, "petits": true, "grands": true, "grandes": true,
	"additional": true, "more": true, "other": true, "new": true, "extra": true, "further": true, "young": true, "former": true,
	"plus": true, "autre": true, "nouveau": true, "nouvelle": true, "premier": true, "première": true,
}

// notThing: words that cannot be the head noun of a counted thing.
var notThing = map[string]bool{
	"ont": true, "a": true, "sont": true, "est": true, "été": true, "avaient": true, "avait": true, "seront": true, "sera": true,
	"pour": true, "dans": true, "en": true, "à": true, "au": true, "aux": true, "sur": true, "par": true, "avec": true, "et": true,
	"ou": true, "qui": true, "que": true, "qu": true, "dont": true, "selon": true, "depuis": true, "contre": true, "vers": true, "chez": true,
	"entre": true, "sans": true, "sous": true, "ce": true, "cette": true, "il": true, "ils": true, "elle": true, "elles": true,
	"se": true, "s": true, "y": true, "ne": true, "n": true, "pas": true, "moins": true, "déjà": true, "encore": true, "environ": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true, "will": true,
	"would": true, "could": true, "can": true, "may": true, "might": true, "must": true, "should": true, "in": true, "on": true,
	"at": true, "to": true, "from": true, "by": true, "with": true, "for": true, "into": true, "and": true, "or": true, "but": true,
	"who": true, "which": true, "that": true, "than": true, "as": true, "about": true, "since": true, "after": true, "before": true,
	"during": true, "per": true, "le": true, "la": true, "l": true, "un": true, "une": true, "it": true, "they": true,
	"du": true, "soit": true, "près": true, "plus": true, "ans.": true,
	"while": true, "when": true, "where": true, "across": true, "near": true, "along": true, "against": true, "through": true,
	"between": true, "among": true, "over": true, "under": true, "via": true, "do": true, "did": true, "does": true, "being": true,
	"reste": true, "restent": true, "s’": true, "s'": true, "y’": true, "ici": true, "là": true, "out": true, "up": true,
	"this": true, "next": true, "last": true, "every": true, "each": true, "an": true, "cet": true,
	"mais": true, "car": true, "donc": true, "puis": true, "alors": true, "tandis": true, "lors": true, "parmi": true, "également": true,
}

// gloss: French lemma to English, for the nouns news counts.
var gloss = map[string]string{
	"soldat": "soldier", "troupe": "troop", "militaire": "soldier", "combattant": "fighter", "personne": "person",
	"habitant": "resident", "civil": "civilian", "mort": "death", "blessé": "injured", "victime": "victim",
	"réfugié": "refugee", "déplacé": "displaced person", "enfant": "child", "femme": "woman", "homme": "man",
	"obusier": "howitzer", "missile": "missile", "drone": "drone", "char": "tank", "obus": "shell", "munition": "munition",
	"arme": "weapon", "roquette": "rocket", "avion": "aircraft", "hélicoptère": "helicopter", "navire": "ship",
	"système": "system", "lanceur": "launcher", "véhicule": "vehicle", "maison": "house", "logement": "home",
	"bâtiment": "building", "école": "school", "route": "road", "pont": "bridge", "intervention": "operation",
	"pompier": "firefighter", "policier": "police officer", "gendarme": "gendarme", "agent": "officer", "bénévole": "volunteer",
	"manifestant": "protester", "prisonnier": "prisoner", "otage": "hostage", "migrant": "migrant", "électeur": "voter",
	"vote": "vote", "voix": "vote", "siège": "seat", "député": "MP", "emploi": "job", "salarié": "employee",
	"ingénieur": "engineer", "expert": "expert", "médecin": "doctor", "patient": "patient", "cas": "case", "décès": "death",
	"perte": "loss", "tué": "killed", "disparu": "missing", "sinistré": "disaster victim", "famille": "family",
	"commune": "municipality", "foyer": "household", "client": "customer", "abonné": "subscriber", "lit": "bed",
	"tonne": "tonne", "baril": "barrel", "dose": "dose", "vaccin": "vaccine", "test": "test", "arrestation": "arrest",
	"frappe": "strike", "attaque": "attack", "bombe": "bomb", "mine": "mine", "village": "village", "ville": "town",
	"pays": "country", "État": "state", "membre": "member", "délégué": "delegate", "participant": "participant",
	"étudiant": "student", "élève": "pupil", "enseignant": "teacher", "travailleur": "worker", "ouvrier": "worker",
	"recrue": "recruit", "mercenaire": "mercenary", "officier": "officer", "général": "general", "unité": "unit",
	"bataillon": "battalion", "brigade": "brigade", "division": "division", "lot": "batch", "conteneur": "container",
	"camion": "truck", "demande": "application", "candidat": "candidate", "entreprise": "company", "hôpital": "hospital", "train": "train", "wagon": "wagon", "satellite": "satellite", "sous-marin": "submarine",
}

// countables: nouns a vague figure with no noun after it may count, when
// the sentence names them ("les soldats ... se comptent par milliers").
var countables = map[string]bool{}

func init() {
	for fr, en := range gloss {
		countables[fr] = true
		countables[en] = true
	}
	for _, w := range []string{"troop", "people", "resident", "casualty", "fighter", "civilian", "refugee", "howitzer", "shell", "home"} {
		countables[w] = true
	}
}

// collectives: a group whose size is given after "of"/"de" ("a staff of
// 45", "une équipe de 30").
var collectives = map[string]bool{"staff": true, "crew": true, "team": true, "force": true, "army": true, "workforce": true,
	"fleet": true, "total": true, "équipe": true, "effectif": true, "flotte": true, "armée": true, "contingent": true, "groupe": true,
	"group": true, "delegation": true, "délégation": true, "population": true, "membership": true, "squad": true, "escouade": true}

// numberish: the words a number expression may start with (quantityAt
// looks no further at any other word).
var numberish = map[string]bool{}

func init() {
	for _, m := range []map[string]float64{unitWords, scaleWords, fractionNouns, vagueLead, approxNouns} {
		for w := range m {
			numberish[w] = true
		}
	}
	for w := range vagueNouns {
		numberish[w] = true
	}
	for w := range negativeWords {
		numberish[w] = true
	}
	for _, w := range []string{"cent", "cents", "hundred", "a", "an", "one", "un", "une", "par", "by", "half", "moitié", "demi", "demie",
		"several", "few", "plusieurs", "quelques", "tens", "dizaines", "tiers", "quart"} {
		numberish[w] = true
	}
}

// invariantPlural: English nouns whose plural is the singular.
var invariantPlural = map[string]bool{"aircraft": true, "staff": true, "personnel": true, "police": true, "cattle": true, "sheep": true,
	"crew": true, "fish": true, "deer": true, "livestock": true, "offspring": true, "spacecraft": true, "hovercraft": true}

// postNominal: words after an English noun phrase that are not its head
// ("6 aircraft due in the spring", "20 jets apiece").
var postNominal = map[string]bool{"due": true, "left": true, "remaining": true, "each": true, "apiece": true, "ago": true, "later": true,
	"earlier": true, "behind": true, "away": true, "overall": true, "alone": true, "total": true, "more": true, "less": true}
