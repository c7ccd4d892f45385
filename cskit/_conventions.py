"""Vendor conventions by name: ``convention="chartmogul"`` and friends.

Billing and product-analytics dashboards compute the same KPI with different,
documented conventions (which denominator, whether reactivation counts, how long
a "day" is). cskit keeps its own defaults and offers each vendor's choice as a
named preset. A preset only fills in *convention keywords* the caller did not
pass: an explicit keyword always wins, and nothing else about the call changes.
The sources of every entry are listed in ``docs/conventions.md``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from cskit.errors import InvalidParameterError

F = TypeVar("F", bound=Callable[..., Any])

#: KPI -> preset name -> the keywords it sets.
PRESETS: dict[str, dict[str, dict[str, Any]]] = {
    "churn": {
        "chartmogul": {"denominator": "start", "join_and_churn": "exclude"},
        "baremetrics": {"denominator": "start", "join_and_churn": "count"},
        "stripe": {"denominator": "start_plus_new", "join_and_churn": "count"},
    },
    "revenue_churn": {
        "chartmogul": {"include_reactivation": True},
        "baremetrics": {"include_reactivation": False},
    },
    "nrr": {
        "chartmogul": {"reactivated": "count"},
        "baremetrics": {"reactivated": "exclude"},
    },
    "grr": {
        "chartmogul": {"reactivated": "count"},
        "baremetrics": {"reactivated": "exclude"},
    },
    "cohort_nrr": {
        "chartmogul": {"reactivated": "count"},
    },
    "quick_ratio": {
        "chartmogul": {"include_reactivation": True},
        "baremetrics": {"include_reactivation": False},
        "stripe": {"include_reactivation": False},
    },
    "arpa": {
        "chartmogul": {"average": "actives"},
        "baremetrics": {"average": "actives"},
        "stripe": {"average": "actives"},
    },
    "ltv": {
        "chartmogul": {"window": 6, "exclude_current": True, "churn_average": "mean"},
        "baremetrics": {"window": 1, "exclude_current": False},
        "stripe": {"max_lifetime_months": 60},
    },
    "to_mrr": {
        "chartmogul": {"recognise_churn": "period_end"},
        "baremetrics": {"recognise_churn": "cancel_date"},
        "stripe": {"recognise_churn": "cancel_date"},
    },
    "fcr": {
        "zendesk": {"max_agent_replies": 1, "reopen_window_days": None},
    },
    "csat": {
        "delighted": {"scale": (1, 5), "satisfied": (4, 5), "stat": "top_box"},
    },
    "ces": {
        "delighted": {"scale": (1, 7), "agree": (5, 7), "stat": "agree_share"},
    },
    "event_retention": {
        "amplitude": {"day_start": "event_hour", "mode": "on"},
        "mixpanel": {"day_start": "event", "mode": "on"},
    },
    "active_days": {
        "amplitude": {"period": "W"},
        "mixpanel": {"period": "W"},
    },
}


def preset(kpi: str, convention: str) -> dict[str, Any]:
    """The keywords preset ``convention`` sets for ``kpi``.

    Examples
    --------
    >>> preset("quick_ratio", "Stripe")
    {'include_reactivation': False}
    >>> preset("quick_ratio", "looker")
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: convention='looker' is not a preset of quick_ratio; known: 'baremetrics', 'chartmogul', 'stripe' (or None for cskit's defaults).
    """
    table = PRESETS[kpi]
    name = convention.strip().lower() if isinstance(convention, str) else convention
    if name not in table:
        known = ", ".join(repr(k) for k in sorted(table))
        raise InvalidParameterError(
            f"convention={convention!r} is not a preset of {kpi}; known: {known} "
            f"(or None for cskit's defaults)."
        )
    return dict(table[name])


def _doc(kpi: str) -> str:
    lines = [
        "    convention : str, optional",
        "        Set the convention keywords the way a vendor's dashboard does (keywords",
        "        you pass yourself still win; see ``docs/conventions.md``):",
    ]
    for name, values in sorted(PRESETS[kpi].items()):
        shown = ", ".join(f"{k}={v!r}" for k, v in values.items())
        lines.append(f"        ``{name!r}``: {shown}.")
    return "\n".join(lines) + "\n"


def with_convention(kpi: str) -> Callable[[F], F]:
    """Give ``func`` a ``convention=`` keyword that fills in the presets of ``kpi``."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, convention: str | None = None, **kwargs: Any) -> Any:
            if convention is not None:
                for key, value in preset(kpi, convention).items():
                    kwargs.setdefault(key, value)
            return func(*args, **kwargs)  # warnings point past cskit's frames

        sig = inspect.signature(func)
        params = list(sig.parameters.values())
        extra = inspect.Parameter("convention", inspect.Parameter.KEYWORD_ONLY, default=None,
                                  annotation="str | None")
        wrapper.__signature__ = sig.replace(parameters=params + [extra])  # type: ignore[attr-defined]
        doc = func.__doc__ or ""
        marker = "\n    Returns\n    -------"
        if marker in doc:
            head, tail = doc.split(marker, 1)
            wrapper.__doc__ = head.rstrip("\n") + "\n" + _doc(kpi) + marker + tail
        return wrapper  # type: ignore[return-value]

    return decorate
