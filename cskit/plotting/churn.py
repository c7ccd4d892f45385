"""Plots of customer churn results."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import EN, t
from cskit.plotting._axes import _axes, _date_axis, _period_x

__all__ = ["churn_by_denominator"]

_LINE_STYLES = ("-", "--", ":", "-.")


def churn_by_denominator(results: Mapping[str, pd.DataFrame], ax: Axes | None = None) -> Axes:
    """One line of ``churn`` (the rate) per denominator, over the periods.

    Parameters
    ----------
    results : dict of str to pandas.DataFrame
        ``{denominator: mrr.cs.churn(period="M", denominator=denominator)}``,
        e.g. for ``"start"``, ``"average"`` and ``"start_plus_new"``. Keys that
        are cskit denominators get translated labels; other keys are shown as given.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One line per entry of ``results``, in the dict's order; rates on a
        percentage axis.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import churn_by_denominator
    >>> df = pd.DataFrame({"customer_id": list("abcdabce"),
    ...                    "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": [10.0] * 8})
    >>> results = {d: df.cs.churn(denominator=d) for d in ("start", "start_plus_new")}
    >>> ax = churn_by_denominator(results)
    >>> [line.get_ydata().tolist() for line in ax.lines]
    [[0.25], [0.2]]
    """
    if not results:
        raise InvalidParameterError(
            "churn_by_denominator needs at least one result, e.g. "
            "{'start': mrr.cs.churn(denominator='start')}."
        )
    ax = _axes(ax)
    for i, (name, frame) in enumerate(results.items()):
        if not isinstance(frame, pd.DataFrame) or "churn" not in frame.columns:
            raise InvalidParameterError(
                f"results[{name!r}] is not a churn result; pass mrr.cs.churn(period='M', "
                f"denominator={name!r})."
            )
        if isinstance(frame.index, pd.MultiIndex):
            raise InvalidParameterError(
                f"results[{name!r}] is split by segment; plot one segment at a time "
                f"(e.g. frame.xs('scale', level='segment'))."
            )
        key = f"denominator.{name}"
        label = t(key) if key in EN else str(name)
        ax.plot(
            _period_x(frame.index),
            frame["churn"].to_numpy(dtype=float),
            label=label,
            lw=1.8,
            ls=_LINE_STYLES[i % len(_LINE_STYLES)],
            marker="o",
            ms=3,
        )
    ax.set_title(t("title.churn_denominators"))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t("axis.churn_rate"))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
    ax.legend(frameon=False)
    return ax
