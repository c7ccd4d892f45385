"""The one list of what ``df.cs`` offers.

Metric modules decorate their public functions with :func:`cs_method`; the
decorator records the function (and, for a KPI, which table and columns it
needs); :mod:`cskit.accessor` reads this registry and exposes each function as
``df.cs.<name>``. The registry imports nothing from cskit but the
import-free :mod:`cskit._kpi`, so the dependency runs
one way: metrics → registry ← accessor. The function
itself is returned unchanged, so ``cskit.metrics.nps(frame)`` and
``frame.cs.nps()`` are the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from cskit._kpi import KPI

F = TypeVar("F", bound=Callable[..., Any])

METHODS: dict[str, Callable[..., Any]] = {}
#: The KPI methods of ``df.cs`` by method name: ``name`` (the method), ``label``
#: (the KPI's name), ``table``, ``requires`` (its columns) and ``summary``.
KPIS: dict[str, KPI] = {}


def cs_method(
    *, kpi: str | None = None, table: str | None = None, requires: tuple[str, ...] = ()
) -> Callable[[F], F]:
    """Register ``func`` as ``df.cs.<func.__name__>`` (and as a KPI when ``kpi`` is given)."""

    def decorate(func: F) -> F:
        name = func.__name__
        METHODS[name] = func
        if kpi is not None:
            doc = (func.__doc__ or "").strip().splitlines()
            KPIS[name] = KPI(
                name,
                label=kpi,
                table=table or "",
                requires=tuple(requires),
                summary=doc[0] if doc else "",
            )
        return func

    return decorate
