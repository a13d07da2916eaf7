// Generates ../data/countries.json from the npm packages world-countries
// (ODbL 1.0: names, French translations, demonyms, capitals, alternative
// spellings) and i18n-iso-countries (MIT: more French and English names).
//
//   cd internal/entity/gen && npm install --no-save world-countries@5.1.0 i18n-iso-countries@7.14.0 && node countries.mjs
//
// The output is committed; dossier does not need Node at build or run time.
// The linker embeds it gzipped: run `go generate ./internal/entity` after.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const countries = require("world-countries");
const iso = require("i18n-iso-countries");
iso.registerLocale(require("i18n-iso-countries/langs/fr.json"));
iso.registerLocale(require("i18n-iso-countries/langs/en.json"));

const latin = (s) => /^[\p{Script=Latin}\p{N}\s'’.,()-]+$/u.test(s);
const out = countries
  .filter((c) => c.independent || ["TW", "PS", "XK", "HK", "EH"].includes(c.cca2))
  .map((c) => {
    const aliases = new Set();
    const add = (s) => { if (s && latin(s) && s.length > 2) aliases.add(s); };
    add(c.name.common); add(c.name.official);
    add(c.translations?.fra?.common); add(c.translations?.fra?.official);
    for (const s of c.altSpellings || []) add(s);
    for (const l of ["en", "fr"]) for (const s of iso.getName(c.cca2, l, { select: "all" }) || []) add(s);
    const dem = new Set();
    for (const l of ["eng", "fra"]) for (const g of ["m", "f"]) { const d = c.demonyms?.[l]?.[g]; if (d) dem.add(d); }
    return {
      iso: c.cca2, iso3: c.cca3,
      en: c.name.common, fr: c.translations?.fra?.common || c.name.common,
      aliases: [...aliases].sort(), demonyms: [...dem].sort(), capital: c.capital || [],
    };
  })
  .sort((a, b) => a.iso.localeCompare(b.iso));
writeFileSync(new URL("../data/countries.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
console.log(out.length, "countries");
