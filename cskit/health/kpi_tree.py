"""A KPI with the sub-KPIs that drive it, computed into one tidy frame."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._kpi import KPI
from cskit.errors import InvalidParameterError

# --------------------------------------------------------------------------- KPI tree
# The KPI of a tree is cskit's one KPI class (cskit._kpi): a name, ``compute``
# (``compute(data) -> Series`` by period, or a float), ``children`` (its sub-KPIs),
# ``higher_is_better`` and an optional ``label``.


def kpi_tree(root: KPI, data: object) -> pd.DataFrame:
    """Compute every KPI of a tree into a tidy frame.

    Returns one row per KPI and period: ``kpi, label, parent`` (missing for the
    root), ``level, better`` (``"up"`` or ``"down"``, from the KPI's
    ``higher_is_better``), ``period, value`` (``period`` is None for single
    numbers; KPIs without ``compute`` appear once with a NaN value, as headings).

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import KPI, kpi_tree
    >>> tree = KPI("churn", lambda d: d["churn"], higher_is_better=False,
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
        if not isinstance(node.higher_is_better, bool):
            raise InvalidParameterError(
                f"KPI {node.name!r}: higher_is_better={node.higher_is_better!r} must be True "
                f"or False (churn: False)."
            )
        meta = {"kpi": node.name, "label": node.shown, "parent": parent,
                "level": level, "better": "up" if node.higher_is_better else "down"}
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
