"""First contact resolution (FCR): share of tickets solved at the first contact.

FCR = tickets that qualify ÷ tickets in the denominator. The source article
asks the questions a team must answer before the number means anything; each
answer is a parameter here:

* *What counts as the first contact?* ``max_agent_replies=1``: solved with
  at most this many agent replies (0 counts: solved without a reply).
* *Is a reopened ticket solved?* ``reopen_window_days=7``: a ticket reopened
  within N days of its resolution does not qualify. With a datetime column
  ``reopened_at`` the window is applied; with a True/False ``reopened``
  column (as in the sample data) the reopen date is unknown, so every reopen
  disqualifies. ``None`` ignores reopens.
* *Do transfers count?* ``transferred_col=None``: name a True/False column and a
  transferred ticket does not qualify (``transfers_break_fcr=False`` keeps
  it).
* *Do calls dropped while waiting count?* ``dropped_col=None``: name a
  True/False column and those contacts leave both numerator and denominator;
  ``exclude_channels`` and ``exclude`` (categories; default spam) do the same
  for whole channels or categories.
* *Out of what?* ``denominator="resolved"`` (default, the catalogue's form)
  or ``"all"`` tickets. Unresolved tickets are never silently dropped: they
  are counted in ``unresolved`` and, with ``denominator="all"``, count
  against FCR.

Every rate comes with its standard error, a Wilson interval (see
:mod:`cskit._stats`) and a ``small_sample`` flag.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._stats import wilson_interval
from cskit._validate import (
    as_datetime,
    as_flags,
    as_instants,
    as_number,
    check_choice,
    check_frame,
    check_period,
    looks_like_flags,
    require_columns,
    to_period,
)
from cskit.errors import (
    ColumnTypeError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    MissingColumnError,
    caller_stacklevel,
    format_values,
)
from cskit.registry import cs_method

TABLE = "tickets"
COLUMNS = [
    "tickets",
    "excluded",
    "unresolved",
    "denominator",
    "too_many_replies",
    "reopened",
    "transferred",
    "qualifying",
    "numerator",
    "fcr",
    "se",
    "ci_low",
    "ci_high",
    "small_sample",
]


def _flag(rows: pd.DataFrame, column: str) -> np.ndarray:
    values = rows[column]
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.fillna(False).to_numpy(dtype=bool)
    numbers = pd.to_numeric(values, errors="coerce")
    bad = ~numbers.isin([0, 1]) & values.notna()
    if bad.any():
        from cskit._validate import offending

        raise ColumnTypeError(
            f"Column {column!r} of the {TABLE} frame must be True/False (or 1/0); found "
            f"{offending(values, bad)}. Convert it, e.g. df[{column!r}] == 'yes'."
        )
    return numbers.fillna(0).to_numpy(dtype=float) == 1


def _as_tuple(value: Sequence[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@cs_method(kpi="First contact resolution (FCR)", table=TABLE,
           requires=("created_at", "resolved_at", "agent_replies", "reopened"))
@with_convention("fcr")
def fcr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    max_agent_replies: int = 1,
    reopen_window_days: float | None = 7,
    exclude_channels: Sequence[str] | str | None = (),
    exclude: Sequence[str] | str | None = ("spam",),
    transferred_col: str | None = None,
    transfers_break_fcr: bool = True,
    dropped_col: str | None = None,
    denominator: str = "resolved",
    confidence: float = 0.95,
    small_n: int = 30,
    created_col: str = "created_at",
    resolved_col: str = "resolved_at",
    replies_col: str = "agent_replies",
    reopened_col: str | None = "reopened",
    channel_col: str = "channel",
    category_col: str = "category",
) -> pd.DataFrame | float:
    """First contact resolution: tickets solved at the first contact ÷ resolved tickets.

    Parameters
    ----------
    frame : pandas.DataFrame
        Tickets.
    period : {"M", "Q", "Y", None}, default "M"
        Tickets are placed in the period they were created in; ``None``
        returns one number (unless ``by`` is given).
    by : str, optional
        Segment column, e.g. ``"channel"``.
    max_agent_replies : int, default 1
        Most agent replies a ticket may need and still count as solved at
        the first contact.
    reopen_window_days : float or None, default 7
        A reopen within this many days of resolution disqualifies a ticket
        (needs a datetime ``reopened_col`` column; with a True/False column every
        reopen disqualifies). ``None``: reopens do not matter.
    exclude_channels : sequence of str, default none
        Channels (values of ``channel_col``) left out of numerator and
        denominator (counted in ``excluded``).
    exclude : sequence of str, default ("spam",)
        Categories (values of ``category_col``) left out the same way.
    transferred_col : str, optional
        True/False column of tickets handed to another agent or team.
    transfers_break_fcr : bool, default True
        A transferred ticket does not qualify (False: transfers are fine).
    dropped_col : str, optional
        True/False column of contacts dropped while waiting (abandoned
        calls, chats left before an agent joined); they are excluded.
    denominator : {"resolved", "all"}, default "resolved"
        Resolved tickets (unresolved ones reported in ``unresolved``), or all
        tickets left after the exclusions.
    confidence : float, default 0.95
        Confidence level of the Wilson interval.
    small_n : int, default 30
        Groups with fewer tickets in the denominator get ``small_sample=True``.
    created_col, resolved_col, replies_col, reopened_col, channel_col, category_col : str
        Column names (``reopened_col=None`` when there is no such column).

    Returns
    -------
    float or pandas.DataFrame
        A float when neither ``period`` nor ``by`` is given; otherwise
        ``tickets, excluded, unresolved, denominator, too_many_replies,
        reopened, transferred, qualifying, numerator, fcr, se, ci_low,
        ci_high, small_sample`` (``numerator`` = ``qualifying``). The three
        reason columns count tickets in the denominator that failed that test
        (a ticket can fail several).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-10-01"] * 6),
    ...     "resolved_at": pd.to_datetime(["2026-10-01"] * 5 + [None]),
    ...     "agent_replies": [1, 1, 2, 1, 0, 1],
    ...     "reopened": [False, True, False, False, False, False],
    ...     "category": ["bug", "bug", "how_to", "spam", "how_to", "bug"]})
    >>> # spam left out; 4 resolved (one unresolved); 2 qualify (1 and 0 replies, no reopen)
    >>> tickets.cs.fcr(period=None)
    0.5
    >>> tickets.cs.fcr(period=None, max_agent_replies=2, reopen_window_days=None)  # 4 of 4
    1.0
    >>> tickets.cs.fcr(period=None, denominator="all")  # 2 of 5 left after excluding spam
    0.4
    >>> tickets.cs.fcr()[["numerator", "denominator", "fcr", "small_sample"]]  # doctest: +NORMALIZE_WHITESPACE
             numerator  denominator  fcr  small_sample
    period
    2026-10          2            4  0.5          True
    """
    check_frame(frame, TABLE)
    freq = check_period(period)
    level = confidence
    created, resolved, replies, reopened = created_col, resolved_col, replies_col, reopened_col
    channel, category = channel_col, category_col
    transferred, dropped = transferred_col, dropped_col
    if int(small_n) != small_n or small_n < 0:
        raise InvalidParameterError(f"small_n={small_n!r} must be a whole number >= 0, e.g. 30.")
    check_choice("denominator", denominator, ("resolved", "all"))
    if not isinstance(max_agent_replies, (int, np.integer)) or max_agent_replies < 0:
        raise InvalidParameterError(
            f"max_agent_replies={max_agent_replies!r} must be a whole number >= 0 (1 = solved "
            f"with the first agent reply)."
        )
    if reopen_window_days is not None and not reopen_window_days >= 0:
        raise InvalidParameterError(
            f"reopen_window_days={reopen_window_days!r} must be a number of days >= 0, or None."
        )
    channels = _as_tuple(exclude_channels)
    categories = _as_tuple(exclude)
    uses_reopen = reopen_window_days is not None and reopened is not None
    if uses_reopen and reopened not in frame.columns:
        present = format_values([str(c) for c in frame.columns], len(frame.columns))
        raise MissingColumnError(
            f"Column {reopened!r} is missing from the {TABLE} frame (columns present: "
            f"{present}). FCR leaves out tickets reopened after their resolution: pass "
            f"reopened_col='<your column>' (True/False, or when it was reopened), or "
            f"reopened_col=None if you do not track reopens (then no ticket counts as reopened)."
        )
    require_columns(
        frame,
        {
            "resolved_col": resolved,
            "replies_col": replies,
            "reopened_col": reopened if uses_reopen else None,
            "transferred_col": transferred,
            "dropped_col": dropped,
            "channel_col": channel if channels else None,
            # the default ("spam",) is skipped when there is no category column
            "category_col": category if categories and categories != ("spam",) else None,
            "created_col": created if freq is not None else None,
            "by": by,
        },
        TABLE,
    )
    rows = frame if frame.index.is_unique else frame.reset_index(drop=True)
    out = np.zeros(len(rows), dtype=bool)
    if channels:
        out |= rows[channel].isin(channels).to_numpy()
    if categories and category in rows.columns:
        out |= rows[category].isin(categories).to_numpy()
    if dropped is not None:
        out |= _flag(rows, dropped)
    done = as_datetime(rows, resolved, TABLE, allow_missing=True)
    is_resolved = done.notna().to_numpy()
    n_replies = as_number(rows, replies, TABLE, allow_missing=True).to_numpy()
    many = ~(n_replies <= max_agent_replies)  # a missing reply count cannot qualify
    unknown = np.zeros(len(rows), dtype=bool)
    if uses_reopen:
        if looks_like_flags(rows[reopened]):  # True/False, maybe with empty cells
            again, unknown = as_flags(rows, reopened, TABLE)
        else:  # when it was reopened: the window runs between instants
            done_at, when = as_instants(rows, [resolved, reopened], TABLE, allow_missing=True)
            gap = (when - done_at).dt.total_seconds().to_numpy() / 86400.0
            again = when.notna().to_numpy() & (gap <= reopen_window_days)
    else:
        again = np.zeros(len(rows), dtype=bool)
    if unknown.any():
        warnings.warn(
            f"{int(unknown.sum())} ticket(s) of the {TABLE} frame have an empty {reopened!r}: "
            f"whether they were reopened is unknown, so they count as not reopened (see the "
            f"'reopen_unknown' entry of the result's attrs). Fill the column to decide.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    moved = _flag(rows, transferred) if transferred is not None else np.zeros(len(rows), bool)
    if not transfers_break_fcr:
        moved = np.zeros(len(rows), dtype=bool)
    kept = ~out
    in_denominator = kept & (is_resolved if denominator == "resolved" else True)
    qualifies = in_denominator & is_resolved & ~many & ~again & ~moved
    parts = pd.DataFrame(
        {
            "tickets": np.ones(len(rows), dtype="int64"),
            "excluded": out.astype("int64"),
            "unresolved": (kept & ~is_resolved).astype("int64"),
            "denominator": in_denominator.astype("int64"),
            "too_many_replies": (in_denominator & many).astype("int64"),
            "reopened": (in_denominator & again).astype("int64"),
            "transferred": (in_denominator & moved).astype("int64"),
            "qualifying": qualifies.astype("int64"),
        },
        index=rows.index,
    )
    keys = []
    if freq is not None:
        keys.append(to_period(as_datetime(rows, created, TABLE), freq).rename("period"))
    if by is not None:
        keys.append(rows[by].rename(by))
    if keys:
        table = parts.groupby(keys, sort=True, observed=True, dropna=False).sum()
    else:
        table = parts.sum().to_frame().T
    if int(table["denominator"].sum()) == 0:
        raise EmptyFrameError(
            f"No ticket of the {TABLE} frame is left for FCR ({int(table['excluded'].sum())} "
            f"excluded, {int(table['unresolved'].sum())} unresolved). Loosen the exclusions."
        )
    with np.errstate(invalid="ignore", divide="ignore"):
        table["fcr"] = table["qualifying"] / table["denominator"]
    table["numerator"] = table["qualifying"]
    share = table["fcr"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        table["se"] = np.sqrt(share * (1.0 - share) / table["denominator"].to_numpy(dtype=float))
    low, high = wilson_interval(table["qualifying"], table["denominator"], level=level)
    table["ci_low"], table["ci_high"] = low, high
    table["small_sample"] = table["denominator"] < small_n
    table = table[COLUMNS]
    table.attrs = {
        "max_agent_replies": max_agent_replies,
        "reopen_window_days": reopen_window_days,
        "denominator": denominator,
        "confidence": level,
        "reopen_unknown": int((unknown & ~out).sum()),
    }
    if not keys:
        return float(table["fcr"].iloc[0])
    return table
