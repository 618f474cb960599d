# Two entry points for a fresh machine: `make report` and `make test`.
# Both create the virtual environment and install the project on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report serve test lint format clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

report: $(STAMP) browser
	mkdir -p build
	$(BIN)/doichieu check seeds/ --html build/report.html; status=$$?; \
	  echo "HTML report: build/report.html"; [ $$status -le 1 ]
	-$(BIN)/python scripts/screenshot.py build/report.html build/report.png && echo "Screenshot: build/report.png"

# The editor's page on the sample corpus: open the address it prints (Ctrl+C stops it).
serve: $(STAMP)
	$(BIN)/doichieu serve seeds/

# The HTML report is tested in headless Chromium. Install Debian's package when we
# can (root with apt); otherwise the browser test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	  || echo "note: chromium not installed; the browser test will be skipped"; }

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) build .pytest_cache
