"""The one description of a KPI, shared by the registry, the KPI tree and the report.

A KPI is described once, by :class:`KPI`, wherever cskit needs to know about it:

* :mod:`cskit.registry` records, for each KPI method of ``df.cs``, the table and
  columns it needs (``table``, ``requires``) and a one-line ``summary``;
* :func:`cskit.health.kpi_tree` computes a KPI with the sub-KPIs that drive it
  (``compute``, ``children``);
* the monthly report's scorecard (:data:`cskit.report.KPIS`) adds how to show it
  (``label``, ``unit``, ``area``) and which tables and optional columns it reads
  (``needs``, ``columns``), and where it sits in the KPI tree (``parent``).

Each use fills the fields it needs; the others keep their defaults. This module
imports nothing from cskit, so anything may use it (the registry must stay
import-free).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

#: How a KPI's value is shown: money and counts with separators, rates (fractions)
#: as percentages, points (NPS) as numbers.
UNITS: tuple[str, ...] = ("money", "count", "rate", "points")


@dataclass(frozen=True)
class KPI:
    """A KPI: its name, what it is computed from, how it is shown and what drives it.

    Only ``name`` and ``compute`` may be given by position; the rest by keyword.

    Parameters
    ----------
    name : str
        Short name: the ``df.cs`` method, the report's KPI id (used in
        ``targets.toml``), or a node of a KPI tree.
    compute : callable, optional
        How to compute it from some data (the report: ``compute(ReportData)``;
        a KPI tree: ``compute(data)``); ``None`` for a KPI that is only described
        (the registry) or a heading of a tree.
    label : str, optional
        Its name for people: a :func:`cskit.t` key in the report, the KPI's full
        name in the registry, free text in a KPI tree (default: ``name``).
    unit : {"money", "count", "rate", "points"}, default "rate"
        How to show it; rates are fractions.
    higher_is_better : bool, default True
        Its natural direction (churn: False).
    area : str, optional
        The report section it belongs to.
    needs : tuple of str
        Tables it reads (the report leaves a KPI out when one is missing).
    columns : mapping of str to tuple of str
        Optional columns it needs, by table.
    parent : str, optional
        The KPI it drives, in a KPI tree given as a flat list (the report's).
    children : sequence of KPI
        The sub-KPIs that drive it, in a KPI tree given as nested KPIs.
    table : str
        The table it is computed from (the registry: ``"surveys"``, ``"mrr"``…).
    requires : tuple of str
        The columns of ``table`` it requires.
    summary : str
        One line saying what it is.

    Examples
    --------
    >>> churn = KPI("churn", label="Customer churn", higher_is_better=False,
    ...             children=(KPI("first_login"),))
    >>> churn.shown, [k.name for k in churn.children]
    ('Customer churn', ['first_login'])
    >>> KPI("nps").shown
    'nps'
    """

    name: str
    compute: Callable[[Any], Any] | None = None
    _: KW_ONLY
    label: str | None = None
    unit: str = "rate"
    higher_is_better: bool = True
    area: str | None = None
    needs: tuple[str, ...] = ()
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    parent: str | None = None
    children: Sequence[KPI] = ()
    table: str = ""
    requires: tuple[str, ...] = ()
    summary: str = ""

    @property
    def shown(self) -> str:
        """The label, or the name when there is none."""
        return self.label or self.name

    def walk(
        self, parent: str | None = None, level: int = 0
    ) -> Iterator[tuple[KPI, str | None, int]]:
        """Yield (kpi, parent name, depth) for the KPI and all its sub-KPIs, depth-first."""
        yield self, parent, level
        for child in self.children:
            yield from child.walk(self.name, level + 1)
