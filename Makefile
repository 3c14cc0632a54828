# Two commands on a fresh machine:
#   make demo   set up, then extract facts from seeds/docs and score them against seeds/gold.jsonl
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SEGMENTER ?= char

.PHONY: setup demo test eval-table train-confidence bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/zone-ie setup
	touch $@

demo: setup
	mkdir -p out
	$(BIN)/zone-ie extract seeds/docs -o out/seeds.jsonl --segmenter $(SEGMENTER)
	$(BIN)/zone-ie eval --gold seeds/gold.jsonl --pred out/seeds.jsonl --html out/seeds-eval.html --json out/seeds-eval.json

test: setup
	$(BIN)/python -m pytest

eval-table: setup
	$(BIN)/python benchmarks/eval_table.py

# retrain the metric-confidence model (patterns/fact_confidence.json) on the labelled sets
train-confidence: setup
	$(BIN)/python benchmarks/train_confidence.py --check blind14,dev/noisy

bench: setup
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/make_corpus.py
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/robustness.py --out benchmarks/results/robustness_seeds.md
	$(BIN)/python benchmarks/robustness.py --gold benchmarks/data/heldout3_docs.jsonl --out benchmarks/results/robustness_blind.md

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
