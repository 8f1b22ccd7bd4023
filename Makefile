# The two commands of the README. Each installs whatever is missing first (scripts/setup.sh).
.PHONY: serve test size setup bench fuzz

serve:  ## build the release site and serve it at http://127.0.0.1:8080
	./scripts/serve.sh

test:   ## run every test: engine, components in the browser, end to end
	./scripts/test.sh

size:   ## print the first-load transfer of the release build (gzip)
	./scripts/size.sh

setup:  ## only install the tools
	./scripts/setup.sh

bench:  ## time the engine (wasm, in Node) against scikit-learn on the same data
	./scripts/setup.sh
	./benches/run.sh

fuzz:   ## run every reader of outside input (CSV, JSON, links, saved notebooks, notes, search spaces, SQL) on random text for minutes
	LATIH_FUZZ_CASES=$${FUZZ_CASES:-1000000} cargo test --release -p latih-engine --test no_panics take_
	LATIH_FUZZ_CASES=$${FUZZ_CASES:-100000} cargo test --release -p latih-sql --test no_panics take_
