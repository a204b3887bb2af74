# Baton — the two commands for a fresh machine are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NODE_TEST_OPTIONS := --experimental-vm-modules --disable-warning=ExperimentalWarning

.PHONY: help deps build run bridge test test-faults check lint typecheck watch dist clean bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# npm ci again only when a manifest or the lockfile changed.
node_modules/.installed: package.json package-lock.json server-bridge/package.json webapp/package.json build/mattermost-sim/package.json
	npm ci --no-audit --no-fund
	@touch $@

deps: node_modules/.installed ## Install npm dependencies (npm ci)

build: deps ## Build the bridge (tsc) and the webapp bundle (esbuild)
	npm run build --workspace server-bridge
	npm run build --workspace webapp

run: build ## Start the sandbox: Mattermost simulator + demo data + bridge + plugin (MM_URL: a real Mattermost)
	npx tsx build/sandbox/sandbox.ts

bridge: build ## Start only the bridge on the embedded engine (./data)
	node server-bridge/dist/cli.js serve

test: deps ## Install what tests need, then lint, typecheck and run every test
	./build/install-test-deps.sh
	$(MAKE) --no-print-directory check
	NODE_OPTIONS="$(NODE_TEST_OPTIONS)" npx jest

# The fault, fuzz and load tests of issue 9 are the test files whose names
# contain one of these words; make test runs them at their fast sizes,
# test-faults again at the sizes the issue names (testing/faultScale.ts).
FAULT_TESTS := (fuzz|Restart|outage|concurrentPatches|replicas)[^/]*\.test\.ts$$

test-faults: deps ## Fault, fuzz and load tests at full size (BATON_FAULTS=full)
	./build/install-test-deps.sh
	BATON_FAULTS=full NODE_OPTIONS="$(NODE_TEST_OPTIONS)" npx jest '$(FAULT_TESTS)'

# PostgreSQL and Chromium as for the tests; the bundle is measured as built.
bench: build ## Run the benchmark suite (JSON to stdout, writes docs/benchmarks.md); not part of make test
	./build/install-test-deps.sh
	npx tsx build/bench/run.ts

check: lint typecheck ## ESLint and tsc --noEmit for every workspace

lint: deps
	npx eslint .

typecheck: deps
	npx tsc -p server-bridge/tsconfig.json
	npx tsc -p webapp/tsconfig.json
	npx tsc -p build/tsconfig.json
	npx tsc -p build/mattermost-sim/tsconfig.json

watch: deps ## Rebuild the webapp and restart the bridge on every change
	trap 'kill 0' EXIT; npm run watch --workspace webapp & npm run watch --workspace server-bridge & wait

dist: build ## Package dist/baton-<version>.tar.gz for Mattermost
	npx tsx build/dist.ts

clean: ## Remove build output (keeps ./data)
	rm -rf server-bridge/dist webapp/dist dist
