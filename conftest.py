"""pytest settings for the whole checkout.

``notebooks/*.py`` are the text halves of the notebook pairs (jupytext percent format), not
modules: importing one (``--doctest-modules``) would run the notebook. pytest checks the
``.ipynb`` halves (nbval) and ``tests/test_notebook_pairs.py`` checks that the halves agree.
"""

collect_ignore_glob = ["notebooks/*.py"]
