# Two commands for a newcomer: `make report` and `make test`. Both create .venv if needed.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.cskit-installed
MONTH ?=
JOBS ?= 2

.PHONY: report test lint docs notebooks student sample bench clean-venv

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt -e ".[notebooks,test,bench,io,engines,i18n,docs]"
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/cskit report --data data/sample --out reports $(if $(MONTH),--month $(MONTH),)

# The test run builds the documentation site first (warnings as errors): tests/test_docs_site.py
# opens it in headless Chromium.
test: $(STAMP) docs
	$(PY) -m ruff check cskit tests benchmarks tools notebooks
	MPLBACKEND=Agg $(PY) -m pytest -n $(JOBS) --dist loadscope -p no:cacheprovider \
		--doctest-modules cskit tests \
		--nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg notebooks

# The documentation site (Sphinx + myst-nb + numpydoc + PyData theme), warnings as errors,
# into docs/_build/html. Notebooks are rendered from their stored outputs, never executed.
docs: $(STAMP)
	cd docs && MPLBACKEND=Agg $(abspath $(PY)) -m sphinx -b html -W --keep-going -q . _build/html

lint: $(STAMP)
	$(PY) -m ruff check cskit tests benchmarks tools notebooks

# A notebook is a jupytext pair: notebooks/NN_name.py (the cells as text) and
# notebooks/NN_name.ipynb (with stored outputs). Sync the .ipynb from the .py and execute it
# in place (after a change that alters outputs). One notebook: make notebooks NB=02_churn_rate
NB ?= all
notebooks: $(STAMP)
	$(PY) tools/build_notebooks.py $(NB)

# A copy of the notebooks, outputs cleared, in student/ (git-ignored) to open and run in
# JupyterLab without modifying the checkout. Existing copies are kept unless FORCE=1.
student: $(STAMP)
	$(PY) tools/student_copy.py --out student $(if $(FORCE),--force,)

# Regenerate the bundled sample company, byte for byte.
sample: $(STAMP)
	$(PY) -m cskit.datasets --out data/sample

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean-venv:
	rm -rf $(VENV)
