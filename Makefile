# article-reader — the two commands a newcomer needs:
#   make serve   install what is missing, build, serve http://127.0.0.1:8080/
#   make test    install what is missing, run every check and test
#   make site-search DOCS=folder   index documents and serve them with the reader
# Our wasm-opt (npm binaryen 132) comes first on PATH, before anything else.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve build test site-search bench bench-search bench-site-search lighthouse screenshots fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	trunk build --release

serve: build
	@echo "Serving dist/ on http://127.0.0.1:8080/ (standalone reader with the seed article)"
	@echo "  demo portal: http://127.0.0.1:8080/demo/portal.html, several readers: /demo/many.html"
	python3 scripts/serve.py dist 8080

test: setup
	@bash scripts/test.sh

# The third command: index a folder of documents (DOCS=path) into
# dist/search/ and serve it with the reader, whose search box searches it
# (demo/site-search.html: <article-reader standalone index="../search/">).
site-search: build
	@test -n "$(DOCS)" || { echo "usage: make site-search DOCS=folder-or-file"; exit 2; }
	cargo build --profile cli --bin article-reader
	target/cli/article-reader index --out dist/search $(DOCS)
	@echo "Serving dist/ with the index at /search/: site search in the reader at http://127.0.0.1:8080/demo/site-search.html (?q=词 opens a query)"
	python3 scripts/serve.py dist 8080

bench: setup
	@bash scripts/bench.sh

# Search against a JS scan and MiniSearch in headless Chromium (prints a table).
bench-search: build
	node bench/search.mjs

# Site search against Pagefind on 10,000 poems (SIZE=all: every poem, about
# 312,000) in headless Chromium: index size, recall/precision, bytes, cold
# and warm query times (prints a table).
bench-site-search: build
	cargo build --profile cli --bin article-reader
	node bench/site-search-vs-pagefind.mjs --size $(or $(SIZE),10000) $(ARGS)

# Lighthouse mobile audit of the standalone page (prints scores and failing
# audits; exits 1 below performance 95 / accessibility 100 / best practices 100).
lighthouse: build
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} node bench/lighthouse.mjs

# The README screenshots (360×740) into docs/screenshots/.
screenshots: build
	node bench/screenshots.mjs

fuzz: setup
	@bash scripts/fuzz.sh $(or $(SECONDS),60)

clean:
	cargo clean
	rm -rf dist
