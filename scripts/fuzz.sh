#!/usr/bin/env bash
# Coverage-guided fuzzing of the core with cargo-fuzz (libFuzzer, nightly):
# the JSON reader (against serde_json), every adapter (through
# parse_document), the HTML allowlist, the URL policy and search
# normalisation, and the HTML allowlist against html5ever (html_oracle:
# grammar-made HTML, same visible text). Seeds: the seed article and the
# test fixtures.
#   bash scripts/fuzz.sh [seconds per target, default 60]
# Prints executions per target; a crash stops with its input in
# fuzz/artifacts/<target>/ — turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal


mkdir -p fuzz/corpus/json fuzz/corpus/parse_document fuzz/corpus/html_blocks fuzz/corpus/url_policy fuzz/corpus/search \
  fuzz/corpus/html_oracle fuzz/corpus/site_index
cp content/seed-article.json tests/fixtures/*.json fuzz/corpus/parse_document/
cp content/seed-article.json tests/fixtures/*.json fuzz/corpus/json/
python3 - <<'PY'
import json, pathlib
feed = json.loads(pathlib.Path("tests/fixtures/feed.json").read_text())
out = pathlib.Path("fuzz/corpus/html_blocks")
for i, item in enumerate(feed["items"]):
    if "content_html" in item:
        (out / f"item{i}.html").write_text(item["content_html"])
urls = ["https://example.org/a?b#c", "javascript:alert(1)", "jav&#x61;script:x", "java%73cript:x",
        " \tjavascript:x", "data:image/png;base64,AAAA", "mailto:a@b.c", "tel:+86-917", "//x/y", "#top"]
for i, u in enumerate(urls):
    (pathlib.Path("fuzz/corpus/url_policy") / f"u{i}").write_text(u)
PY

printf '%-16s %14s %10s\n' target executions seconds
for t in json parse_document html_blocks url_policy search html_oracle site_index; do
  log=$(mktemp)
  if ! cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 \
      -max_len=65536 -rss_limit_mb=4096 >"$log" 2>&1; then
    tail -40 "$log"; echo "FUZZ FAILURE in $t (input saved under fuzz/artifacts/$t/)"; exit 1
  fi
  execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{print $2}')
  printf '%-16s %14s %10s\n' "$t" "${execs:-?}" "$secs"
done
