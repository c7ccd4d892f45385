"""Building blocks shared by the explainers' logic: controls, views, formatting.

Nothing here imports ipywidgets or matplotlib: a logic function takes plain
values (what the sliders say) and returns a :class:`View` — the numbers, the
formula with today's numbers in it, the figure's data and one sentence on what
moved — so it can be tested in plain pytest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from cskit._months import pick_month
from cskit.errors import InvalidParameterError
from cskit.i18n import t


@dataclass(frozen=True)
class Control:
    """One input of an explainer (the widget turns it into a slider, toggle or list).

    ``kind`` is ``"int"`` or ``"float"`` (a slider from ``min`` to ``max``),
    ``"choice"`` (one of ``options``), ``"toggle"`` (one of two ``options``) or
    ``"multi"`` (several of ``options``; the value is a tuple). ``options`` are
    ``(value, label)`` pairs. ``percent`` shows a float slider as a percentage.
    """

    name: str
    kind: str
    default: Any
    label: str
    min: float | None = None
    max: float | None = None
    step: float | None = None
    options: tuple[tuple[Any, str], ...] = ()
    percent: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ("int", "float", "choice", "toggle", "multi"):
            raise InvalidParameterError(f"Control kind {self.kind!r} is not known.")


@dataclass
class View:
    """What an explainer shows for one set of control values.

    ``numbers`` holds the raw values (fractions, counts, money) for code and
    tests; ``rows`` the same numbers as ``(label, text)`` pairs in the current
    language, in display order.
    """

    kpi: str
    values: dict[str, Any]
    numbers: dict[str, float]
    rows: list[tuple[str, str]]
    formula: str
    sentence: str
    figure: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    caption: str = ""
    headline: str = ""

    def text(self) -> str:
        """The view as plain text (what a console or a text export shows)."""
        lines = [self.title, self.caption, ""]
        lines += [f"{label}: {value}" for label, value in self.rows]
        lines += ["", self.formula, self.sentence]
        return "\n".join(lines).strip()


def key(kpi: str, name: str) -> str:
    return f"explain.{kpi}.{name}"


def label(kpi: str, name: str, **values: object) -> str:
    """The text of ``explain.<kpi>.<name>`` in the current language."""
    return t(key(kpi, name), **values)


def is_missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def pct(x: float | None, digits: int = 1) -> str:
    """A fraction as a percentage (``0.052`` → ``"5.2%"``); ``—`` when undefined."""
    if is_missing(x) or math.isinf(x):  # type: ignore[arg-type]
        return t("explain.undefined")
    return f"{x:.{digits}%}"


def num(x: float | None, digits: int = 0) -> str:
    """A number with thousands separators (``12345.6`` → ``"12,346"``)."""
    if is_missing(x):
        return t("explain.undefined")
    if math.isinf(x):  # type: ignore[arg-type]
        return "∞"
    return f"{x:,.{digits}f}"


def signed(x: float, digits: int = 0) -> str:
    return f"{x:+,.{digits}f}"


def value_text(control: Control, value: Any) -> str:
    """How a control's value reads in a sentence."""
    if control.kind in ("choice", "toggle"):
        return dict(control.options).get(value, str(value))
    if control.kind == "multi":
        names = dict(control.options)
        return ", ".join(names.get(v, str(v)) for v in value) or t("explain.none")
    if control.percent:
        return pct(float(value), 1)
    if control.kind == "int":
        return num(float(value))
    return num(float(value), 0 if abs(float(value)) >= 100 else 2)


def changed_control(
    controls: list[Control], values: Mapping[str, Any], previous: Mapping[str, Any] | None
) -> Control | None:
    """The first control whose value differs from ``previous`` (None if nothing changed)."""
    if previous is None:
        return None
    for control in controls:
        if control.name in values and values[control.name] != previous.get(control.name):
            return control
    return None


def sentence(
    kpi: str,
    controls: list[Control],
    values: Mapping[str, Any],
    numbers: Mapping[str, float],
    previous: View | None,
    metric: str,
    fmt: Any,
    *,
    start: str,
    extra: str = "",
) -> str:
    """The one sentence on what moved.

    With no previous view (or nothing changed) it is ``start`` (the default
    state described in words). Otherwise: "<control>: <old> → <new>. <metric>
    <before> → <after>." in the current language, followed by ``extra`` (a
    lesson specific to the change, possibly empty).
    """
    control = changed_control(controls, values, previous.values if previous else None)
    if control is None or previous is None:
        return start
    before, after = previous.numbers.get(metric), numbers.get(metric)
    same = (is_missing(before) and is_missing(after)) or (
        not is_missing(before) and not is_missing(after) and fmt(before) == fmt(after)
    )
    template = "explain.moved.same" if same else "explain.moved.changed"
    text = t(
        template,
        control=control.label,
        old=value_text(control, previous.values.get(control.name)),
        new=value_text(control, values[control.name]),
        metric=label(kpi, f"num.{metric}"),
        before=fmt(before),
        after=fmt(after),
    )
    return f"{text} {extra}".strip()


def month_of(value: str | pd.Period | None, available: pd.PeriodIndex | pd.Series) -> pd.Period:
    """The month to explain: ``value`` if given (and present), else the latest available one."""
    return pick_month(value, available)


def sample_company() -> Any:
    """The bundled sample company (loaded once per process)."""
    if "company" not in _CACHE:
        from cskit.datasets import load_sample

        _CACHE["company"] = load_sample()
    return _CACHE["company"]


_CACHE: dict[str, Any] = {}


def slider_step(value: float) -> float:
    """A slider step of about 1/200 of the range, rounded to 1, 10, 100, …"""
    step = 1.0
    while step * 200 < value:
        step *= 10
    return step
