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
* *Do transfers count?* ``transferred=None``: name a True/False column and a
  transferred ticket does not qualify (``transfers_break_fcr=False`` keeps
  it).
* *Do calls dropped while waiting count?* ``dropped=None``: name a
  True/False column and those contacts leave both numerator and denominator;
  ``exclude_channels`` and ``exclude_categories`` (default spam) do the same
  for whole channels or categories.
* *Out of what?* ``denominator="resolved"`` (default, the catalogue's form)
  or ``"all"`` tickets. Unresolved tickets are never silently dropped: they
  are counted in ``unresolved`` and, with ``denominator="all"``, count
  against FCR.

Every rate comes with a Wilson interval (see :mod:`cskit.metrics.csat`).
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
    "fcr",
    "ci_low",
    "ci_high",
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
           requires=("resolved_at", "agent_replies", "reopened"))
@with_convention("fcr")
def fcr(
    frame: pd.DataFrame,
    *,
    period: str | None = None,
    by: str | None = None,
    max_agent_replies: int = 1,
    reopen_window_days: float | None = 7,
    exclude_channels: Sequence[str] | str | None = (),
    exclude_categories: Sequence[str] | str | None = ("spam",),
    transferred: str | None = None,
    transfers_break_fcr: bool = True,
    dropped: str | None = None,
    denominator: str = "resolved",
    level: float = 0.95,
    created: str = "created_at",
    resolved: str = "resolved_at",
    replies: str = "agent_replies",
    reopened: str | None = "reopened",
    channel: str = "channel",
    category: str = "category",
) -> pd.DataFrame | float:
    """First contact resolution: tickets solved at the first contact ÷ resolved tickets.

    Parameters
    ----------
    frame : pandas.DataFrame
        Tickets.
    period : {"M", "Q", "Y", None}, default None
        Tickets are placed in the period they were created in.
    by : str, optional
        Segment column, e.g. ``"channel"``.
    max_agent_replies : int, default 1
        Most agent replies a ticket may need and still count as solved at
        the first contact.
    reopen_window_days : float or None, default 7
        A reopen within this many days of resolution disqualifies a ticket
        (needs a datetime ``reopened`` column; with a True/False column every
        reopen disqualifies). ``None``: reopens do not matter.
    exclude_channels, exclude_categories : sequence of str
        Left out of numerator and denominator (counted in ``excluded``);
        default: no channel, the ``"spam"`` category.
    transferred : str, optional
        True/False column of tickets handed to another agent or team.
    transfers_break_fcr : bool, default True
        A transferred ticket does not qualify (False: transfers are fine).
    dropped : str, optional
        True/False column of contacts dropped while waiting (abandoned
        calls, chats left before an agent joined); they are excluded.
    denominator : {"resolved", "all"}, default "resolved"
        Resolved tickets (unresolved ones reported in ``unresolved``), or all
        tickets left after the exclusions.
    level : float, default 0.95
        Confidence level of the Wilson interval.
    created, resolved, replies, reopened, channel, category : str
        Column names (``reopened=None`` when there is no such column).

    Returns
    -------
    float or pandas.DataFrame
        A float when neither ``period`` nor ``by`` is given; otherwise
        ``tickets, excluded, unresolved, denominator, too_many_replies,
        reopened, transferred, qualifying, fcr, ci_low, ci_high``. The three
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
    >>> tickets.cs.fcr()
    0.5
    >>> tickets.cs.fcr(max_agent_replies=2, reopen_window_days=None)  # 4 of 4
    1.0
    >>> tickets.cs.fcr(denominator="all")  # 2 of 5 tickets left after excluding spam
    0.4
    """
    check_frame(frame, TABLE)
    freq = check_period(period)
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
    categories = _as_tuple(exclude_categories)
    uses_reopen = reopen_window_days is not None and reopened is not None
    if uses_reopen and reopened not in frame.columns:
        present = format_values([str(c) for c in frame.columns], len(frame.columns))
        raise MissingColumnError(
            f"Column {reopened!r} is missing from the {TABLE} frame (columns present: "
            f"{present}). FCR leaves out tickets reopened after their resolution: pass "
            f"reopened='<your column>' (True/False, or when it was reopened), or "
            f"reopened=None if you do not track reopens (then no ticket counts as reopened)."
        )
    require_columns(
        frame,
        {
            "resolved": resolved,
            "replies": replies,
            "reopened": reopened if uses_reopen else None,
            "transferred": transferred,
            "dropped": dropped,
            "channel": channel if channels else None,
            # the default ("spam",) is skipped when there is no category column
            "category": category if categories and categories != ("spam",) else None,
            "created": created if freq is not None else None,
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
    low, high = wilson_interval(table["qualifying"], table["denominator"], level=level)
    table["ci_low"], table["ci_high"] = low, high
    table = table[COLUMNS]
    table.attrs = {
        "max_agent_replies": max_agent_replies,
        "reopen_window_days": reopen_window_days,
        "denominator": denominator,
        "level": level,
        "reopen_unknown": int((unknown & ~out).sum()),
    }
    if not keys:
        return float(table["fcr"].iloc[0])
    return table
