# yaosu: `make demo` and `make test` work on a fresh machine with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO := demo_out
SAMPLE := corpus/private_lending/sample

.PHONY: setup demo test lint system-deps eval eval-real bench clean train-stance

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/yaosu new --type private_lending --complaint $(SAMPLE)/complaint.txt --answer $(SAMPLE)/answer.txt \
		--filing-date 2022-09-20 --case-year 2022 --case-seq 8123 --force -o $(DEMO)/case.json
	$(BIN)/yaosu find $(DEMO)/case.json --from-file $(SAMPLE)/findings.json
	@for court in qingpu wujiang jiashan; do \
		$(BIN)/yaosu draft $(DEMO)/case.json --court $$court -o $(DEMO)/judgment_$$court.docx || exit 1; \
	done
	$(BIN)/yaosu compare $(DEMO)/case.json

system-deps:
	bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check engine tests benchmarks judgment_templates corpus
	$(BIN)/mypy engine

# Extraction scores first (printed, eval-real never fails), the test run's summary last.
# The tests run in two worker processes (pytest-xdist), one per CI core.
test: $(STAMP) system-deps lint
	$(BIN)/yaosu check-data
	$(BIN)/yaosu eval corpus/private_lending --core
	-$(BIN)/yaosu eval-real --all
	$(BIN)/pytest tests -n 2

eval: $(STAMP)
	$(BIN)/yaosu eval corpus/private_lending

# Every real-text gold set (corpus/realdata_gold/sets.yaml) scored from ../shared/realdata, one line each.
eval-real: $(STAMP)
	$(BIN)/yaosu eval-real --all

# The clause-level defence classifier of 民间借贷 answers, from the team-written clauses (seconds, fixed seed).
train-stance: $(STAMP)
	$(BIN)/python scripts/train_stance.py

bench: $(STAMP)
	$(BIN)/pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,ops

clean:
	rm -rf $(DEMO) .pytest_cache .benchmarks
