#!/usr/bin/env bash
# Dev-time only (apt-get install fonttools). Produces the repo-bundled DejaVu subsets (Latin + Vietnamese + punctuation).
set -euo pipefail
U="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0180-024F,U+0300-0323,U+1EA0-1EF9,U+2010-2027,U+2030-203A,U+20AB,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2264,U+2265,U+25CF,U+FFFD"
mkdir -p fonts-subset
for f in DejaVuSans DejaVuSans-Bold; do
  pyftsubset /usr/share/fonts/truetype/dejavu/$f.ttf --unicodes="$U" --layout-features='*' --glyph-names \
    --name-IDs='*' --name-legacy --name-languages='*' --notdef-outline --output-file=fonts-subset/$f.ttf
done
