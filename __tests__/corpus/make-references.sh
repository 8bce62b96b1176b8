#!/usr/bin/env bash
# Regenerates reference/<kind>/<name>.md.html for every corpus document with
# Debian's cmark-gfm (package cmark-gfm; the references here were made with
# "cmark-gfm 0.29.0.gfm.6", Debian 0.29.0.gfm.6-6). Raw HTML is kept (--unsafe).
# Only cmark-gfm is run; nothing is fetched or built.
set -euo pipefail
cd "$(dirname "$0")"
command -v cmark-gfm >/dev/null || { echo "cmark-gfm not found (apt-get install cmark-gfm)" >&2; exit 1; }
echo "using: $(cmark-gfm --version | head -n 1)" >&2
for dir in readme changelog; do
  mkdir -p "reference/$dir"
  for f in "$dir"/*.md; do
    cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tasklist -e footnotes "$f" > "reference/$f.html"
  done
done
