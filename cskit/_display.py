"""Tables of prose (the glossary, the exercises) shown whole in a notebook.

pandas cuts every cell at ``display.max_colwidth`` (50 characters) when it shows a
frame, which turns a definition into "The share of customers at the start of…".
:class:`TextTable` is an ordinary DataFrame that shows its cells in full and left
aligned; everything else (indexing, ``.loc``, exports) is pandas' own.
"""

from __future__ import annotations

import pandas as pd


class TextTable(pd.DataFrame):
    """A DataFrame whose cells are shown whole (no ``…``) and left-aligned.

    Examples
    --------
    >>> table = TextTable({"text": ["x" * 80]})
    >>> "x" * 80 in repr(table) and "x" * 80 in table._repr_html_()
    True
    """

    @property
    def _constructor(self) -> type[TextTable]:
        return TextTable

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 10_000,
                               "display.max_rows", 200, "display.max_columns", None):
            return super().__repr__()

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None, "display.max_rows", 200,
                               "display.max_columns", None):
            html = super()._repr_html_()
        if html is None:
            return None
        return html.replace("<td>", '<td style="text-align: left; white-space: normal;">')
