"""A KPI with the sub-KPIs that drive it, computed into one tidy frame."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cskit._validate import (
    check_choice,
)
from cskit.errors import InvalidParameterError


# --------------------------------------------------------------------------- KPI tree
@dataclass
class KPI:
    """A KPI with the sub-KPIs that drive it (the KPI-setting article's structure).

    Parameters
    ----------
    name : str
        Short name, e.g. ``"churn"``.
    compute : callable, optional
        ``compute(data) -> pandas.Series`` indexed by period (or a float), where
        ``data`` is whatever :func:`kpi_tree` is given (e.g. the sample company).
    children : list of KPI
        Sub-KPIs.
    better : {"up", "down"}, default "up"
        Which direction is good (churn: "down").
    label : str, optional
        Text shown instead of the name.
    """

    name: str
    compute: Callable[[object], pd.Series | float] | None = None
    children: list[KPI] = field(default_factory=list)
    better: str = "up"
    label: str | None = None

    def walk(
        self, parent: str | None = None, level: int = 0
    ) -> Iterator[tuple[KPI, str | None, int]]:
        """Yield (kpi, parent name, depth) for the node and all its descendants, depth-first."""
        yield self, parent, level
        for child in self.children:
            yield from child.walk(self.name, level + 1)


def kpi_tree(root: KPI, data: object) -> pd.DataFrame:
    """Compute every KPI of a tree into a tidy frame.

    Returns one row per KPI and period: ``kpi, label, parent`` (missing for the
    root), ``level, better, period, value`` (``period`` is None for single
    numbers; KPIs without ``compute`` appear once with a NaN value, as headings).

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import KPI, kpi_tree
    >>> tree = KPI("churn", lambda d: d["churn"], better="down",
    ...            children=[KPI("first_login", lambda d: d["login"])])
    >>> kpi_tree(tree, {"churn": 0.03, "login": 0.8})[["kpi", "parent", "level", "value"]]
               kpi parent  level  value
    0        churn    NaN      0   0.03
    1  first_login  churn      1   0.80
    """
    if not isinstance(root, KPI):
        raise InvalidParameterError("kpi_tree needs a KPI as its root, e.g. KPI('churn', ...).")
    rows = []
    seen: set[str] = set()
    for node, parent, level in root.walk():  # walks KPIs (a handful), not rows
        if node.name in seen:
            raise InvalidParameterError(f"KPI name {node.name!r} appears twice in the tree.")
        seen.add(node.name)
        check_choice("better", node.better, ("up", "down"))
        meta = {"kpi": node.name, "label": node.label or node.name, "parent": parent,
                "level": level, "better": node.better}
        value = node.compute(data) if node.compute is not None else np.nan
        if isinstance(value, pd.DataFrame):
            raise InvalidParameterError(
                f"KPI {node.name!r}: compute must return a Series or a number, not a DataFrame; "
                f"select the column, e.g. lambda d: ...['churn']."
            )
        if isinstance(value, pd.Series):
            rows.extend({**meta, "period": p, "value": float(v)} for p, v in value.items())
        else:
            rows.append({**meta, "period": None, "value": float(value)})
    return pd.DataFrame(rows, columns=["kpi", "label", "parent", "level", "better", "period",
                                       "value"])
