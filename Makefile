# Two commands for a newcomer: `make report` and `make test`. Both create .venv if needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.cskit-installed
MONTH ?=
JOBS ?= 2

.PHONY: report test lint docs notebooks sample bench clean-venv

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[notebooks,test,bench,io,engines,i18n,docs]"
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/cskit report --data data/sample --out reports $(if $(MONTH),--month $(MONTH),)

# The test run builds the documentation site first (warnings as errors): tests/test_docs_site.py
# opens it in headless Chromium.
test: $(STAMP) docs
	$(PY) -m ruff check cskit tests benchmarks
	MPLBACKEND=Agg $(PY) -m pytest -n $(JOBS) --dist loadscope -p no:cacheprovider \
		--doctest-modules cskit tests \
		--nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg notebooks

# The documentation site (Sphinx + myst-nb + numpydoc + PyData theme), warnings as errors,
# into docs/_build/html. Notebooks are rendered from their stored outputs, never executed.
docs: $(STAMP)
	cd docs && MPLBACKEND=Agg $(abspath $(PY)) -m sphinx -b html -W --keep-going -q . _build/html

lint: $(STAMP)
	$(PY) -m ruff check cskit tests benchmarks

# Rebuild every notebook from its generator in tools/notebooks/ and execute it
# (after a change that alters outputs). One notebook: make notebooks NB=01_churn_rate
NB ?= all
notebooks: $(STAMP)
	$(PY) tools/notebooks/build.py $(NB)

# Regenerate the bundled sample company, byte for byte.
sample: $(STAMP)
	$(PY) -m cskit.datasets --out data/sample

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean-venv:
	rm -rf $(VENV)
