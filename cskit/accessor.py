"""The ``DataFrame.cs`` accessor: a thin front door onto :mod:`cskit.metrics`.

pandas 3 creates a new accessor object on every attribute access, so the
accessor keeps no state: it stores the frame and forwards each call to the pure
function registered under the same name (see :mod:`cskit.registry`). Each
method's docstring and signature are the function's own, minus the frame.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import pandas as pd

from cskit._contract import TABLE_COLUMNS, looks_like
from cskit.errors import MissingColumnError
from cskit.registry import KPIS, METHODS


class CSAccessor:
    """Customer-success KPIs for this frame: ``df.cs.<TAB>`` lists them.

    ``df.cs.kpis()`` tells which KPIs this frame's columns support.
    """

    def __init__(self, pandas_obj: pd.DataFrame) -> None:
        self._obj = pandas_obj

    def kpis(self, all: bool = False) -> pd.DataFrame:  # noqa: A002 - mirrors the docs
        """List the KPIs this frame's columns support.

        Parameters
        ----------
        all : bool, default False
            List every KPI cskit knows, with a ``missing`` column naming the
            columns this frame lacks for it.

        Returns
        -------
        pandas.DataFrame
            One row per KPI: ``kpi``, ``method`` (call it as ``df.cs.<method>()``),
            ``table``, ``requires`` and ``summary``.

        Examples
        --------
        >>> import pandas as pd, cskit
        >>> answers = pd.DataFrame({"submitted_at": ["2026-10-01"], "score": [9]})
        >>> "nps" in answers.cs.kpis()["method"].tolist()
        True
        """
        columns = set(map(str, self._obj.columns))
        rows = []
        for info in KPIS.values():
            missing = [c for c in info.requires if c not in columns]
            if missing and not all:
                continue
            rows.append(
                {
                    "kpi": info.label,
                    "method": info.name,
                    "table": info.table,
                    "requires": ", ".join(info.requires),
                    "summary": info.summary,
                    **({"missing": ", ".join(missing)} if all else {}),
                }
            )
        cols = ["kpi", "method", "table", "requires", "summary"] + (["missing"] if all else [])
        return pd.DataFrame(rows, columns=cols)

    def __getattr__(self, name: str) -> Any:
        """A metric registered after ``import cskit`` (e.g. a user's own ``@cs_method``)."""
        if name in METHODS:
            expose(name, METHODS[name])
            return getattr(self, name)
        raise AttributeError(
            f"df.cs has no method {name!r}; df.cs.kpis(all=True) lists what cskit computes."
        )

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(METHODS))


def _wrong_table(name: str, frame: pd.DataFrame, error: MissingColumnError) -> str | None:
    """A hint when a KPI is called on another table than the one it needs."""
    info = KPIS.get(name)
    if info is None or not info.table or info.table not in TABLE_COLUMNS:
        return None
    guess = looks_like(frame.columns)
    if guess is None or guess == info.table:
        return None
    return (
        f"{error} — df.cs.{name}() works on the `{info.table}` table (columns "
        f"{', '.join(TABLE_COLUMNS[info.table])}), but this frame looks like the `{guess}` "
        f"table. Call it on your {info.table} frame, e.g. company.{info.table}.cs.{name}()."
    )


def expose(name: str, func: Callable[..., Any]) -> None:
    """Make ``func(frame, ...)`` callable as ``frame.cs.<name>(...)``."""

    @functools.wraps(func)
    def method(self: CSAccessor, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(self._obj, *args, **kwargs)
        except MissingColumnError as error:
            hint = _wrong_table(name, self._obj, error)
            if hint is None:
                raise
            raise MissingColumnError(hint) from None

    sig = inspect.signature(func)
    params = list(sig.parameters.values())
    method.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=[inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)] + params[1:]
    )
    del method.__wrapped__  # so help() shows the signature above, not the function's
    setattr(CSAccessor, name, method)


def register() -> None:
    """Register the accessor once, with every metric in :data:`cskit.registry.METHODS`.

    Importing cskit again must not warn.
    """
    for name, func in METHODS.items():
        expose(name, func)
    existing = pd.DataFrame.__dict__.get("cs")
    if existing is not None and getattr(existing, "_accessor", None) is CSAccessor:
        return
    pd.api.extensions.register_dataframe_accessor("cs")(CSAccessor)
