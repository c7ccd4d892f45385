"""Shared helpers of the event KPIs: the activity filter, integer ids, the user-day sweep.

Used by :mod:`cskit.metrics.activity` (DAU/WAU/MAU, stickiness), :mod:`cskit.metrics.usage`
(usage, feature adoption) and :mod:`cskit.metrics.sessions`.

What counts as *active* is the first decision (the 16-KPI article: a like, a
design created, a task completed, a page visited …). Every event KPI takes
``activity=``: ``None`` (any event), a list of event names, a boolean Series
aligned with the frame, or a callable ``frame -> boolean Series``.

Trailing-window distinct users (WAU, MAU) are computed with a *sweep*, not with
a per-day distinct count:

1. the active (user, day) pairs are deduplicated once — a bitmap over
   user × day when it fits in memory (a counting sort: linear time), a sort
   otherwise — which leaves them ordered by user, then day;
2. each active user-day d *covers* the days ``[d, d + window)``, clipped at the
   same user's next active day, so every (user, day) of the result is covered
   by exactly one of the user's active days;
3. +1 at the start and −1 at the end of every cover, in one difference array
   (``np.bincount``), and a cumulative sum gives the distinct count of every
   day at once.

That is O(events + user-days) instead of O(days × events), with no loop over
days or users. Keys are packed into int32 whenever they fit, which halves the
memory traffic at tens of millions of events.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_number,
    check_frame,
    offending,
    require_columns,
)
from cskit.errors import (
    CskitError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    caller_stacklevel,
    format_values,
)
from cskit.metrics._blocks import BLOCK, STEP, any_blocks, flags, run_blocks
from cskit.metrics._gaps import empty_months, refuse_far_months
from cskit.metrics._ids import id_packer, radix_codes, sorted_text_codes

TABLE = "events"
ActiveFilter = (
    None | str | Sequence[str] | pd.Series | np.ndarray | Callable[[pd.DataFrame], pd.Series]
)
#: Trailing window of WAU, in days.
WAU_WINDOW = 7
#: Largest user × day bitmap (bytes) built for deduplication before falling back to a sort.
_BITMAP_LIMIT = 1_500_000_000
_INT32_MAX = np.iinfo(np.int32).max
ArrayLike = pd.api.extensions.ExtensionArray | np.ndarray


# --------------------------------------------------------------------------- helpers
def _active_mask(frame: pd.DataFrame, active: ActiveFilter, event: str) -> np.ndarray | None:
    """Boolean mask of the rows that count as activity (None = every row)."""
    if active is None:
        return None
    if callable(active) and not isinstance(active, (pd.Series, np.ndarray)):
        try:
            active = active(frame)
        except CskitError:
            raise
        except Exception as exc:  # the caller's function failed: say where
            raise InvalidParameterError(
                f"The activity= function failed on the {TABLE} frame ({type(exc).__name__}: {exc}). "
                f"It must take the frame and return a boolean Series, e.g. "
                f"lambda df: df[{event!r}].isin(['create_report'])."
            ) from None
        if not isinstance(active, (pd.Series, np.ndarray)) or not _is_bool(active):
            raise InvalidParameterError(
                "The activity= function must return a boolean Series aligned with the frame, e.g. "
                f"lambda df: df[{event!r}].isin(['create_report'])."
            )
    if isinstance(active, (pd.Series, np.ndarray)) and _is_bool(active):
        if len(active) != len(frame):
            raise InvalidParameterError(
                f"activity= is a boolean mask of length {len(active)} but the {TABLE} frame has "
                f"{len(frame)} rows; build it from the same frame, e.g. "
                f"activity=df[{event!r}].isin([...])."
            )
        if isinstance(active, pd.Series):
            if not active.index.equals(frame.index):
                raise InvalidParameterError(
                    "activity= is a boolean Series whose index differs from the events frame's; "
                    f"build it from the same frame, e.g. activity=df[{event!r}].isin([...])."
                )
            if active.isna().any():
                raise InvalidParameterError(
                    f"activity= has {int(active.isna().sum())} missing value(s); fill them "
                    f"(e.g. .fillna(False)) so every row is either active or not."
                )
        return np.asarray(active, dtype=bool)
    if isinstance(active, str):
        active = [active]
    if isinstance(active, (list, tuple, set, frozenset, pd.Index, pd.Series, np.ndarray)):
        require_columns(frame, {"event_col": event}, TABLE)
        names = list(active)
        if not names:
            raise InvalidParameterError("activity= is an empty list; name at least one event.")
        mask = frame[event].isin(names).to_numpy(dtype=bool)
        present = set(pd.unique(frame[event][mask]).tolist()) if mask.any() else set()
        unknown = [n for n in names if n not in present]
        if len(unknown) == len(names):
            raise InvalidValueError(
                f"None of the events in activity= occur in column {event!r} of the {TABLE} frame: "
                f"{format_values(unknown)}. Check the spelling against df[{event!r}].unique()."
            )
        if unknown:
            warnings.warn(
                f"activity= names event(s) that never occur in column {event!r}: "
                f"{format_values(unknown)}; they count for nothing. Check the spelling.",
                CskitWarning,
                stacklevel=caller_stacklevel(),
            )
        return mask
    raise InvalidParameterError(
        "activity= must be None, a list of event names, a boolean Series aligned with the "
        f"frame or a callable returning one; got {type(active).__name__}."
    )


def _is_bool(values: pd.Series | np.ndarray) -> bool:
    return pd.api.types.is_bool_dtype(values.dtype)


def _event_stamps(frame: pd.DataFrame, timestamp: str) -> np.ndarray:
    """The events' times as a ``datetime64`` array, validated (wall clock for aware columns).

    A naive ``datetime64`` column is read in place (no copy); anything else goes
    through :func:`cskit._validate.as_datetime` (strings, time zones, periods).
    """
    s = frame[timestamp]
    if pd.api.types.is_datetime64_dtype(s.dtype) and not isinstance(s.dtype, pd.DatetimeTZDtype):
        arr = s.to_numpy()
        if any_blocks(lambda lo, hi: bool(np.isnat(arr[lo:hi]).any()), len(arr)):
            as_datetime(frame, timestamp, TABLE)  # raises with the row labels
        return arr
    return as_datetime(frame, timestamp, TABLE).to_numpy()


def _event_days(frame: pd.DataFrame, timestamp: str) -> np.ndarray:
    """Days since 1970-01-01 (int64) of every event, validated (see :func:`_event_stamps`)."""
    return _event_stamps(frame, timestamp).astype("datetime64[D]").view("int64")


def _day_bounds(stamps: np.ndarray) -> tuple[int, int]:
    """First and last day (days since 1970) of non-empty ``datetime64`` stamps, on the workers."""
    ends = run_blocks(lambda lo, hi: (stamps[lo:hi].min(), stamps[lo:hi].max()), len(stamps))
    first = min(lo for lo, _ in ends).astype("datetime64[D]").view("int64")
    last = max(hi for _, hi in ends).astype("datetime64[D]").view("int64")
    return int(first), int(last)


def days_to_periods(d0: int, n_days: int, freq: str | None) -> tuple[np.ndarray | None, pd.Index]:
    """The period code (in period order) of each of the ``n_days`` days from ``d0``, and the
    periods; one period for None. The days are labelled once and the rows look their day
    up, instead of one period per row. ``None`` for a span of millennia (label the rows)."""
    if freq is None:
        return np.zeros(n_days, dtype=np.int32), pd.Index([0])
    if n_days > 5_000_000:
        return None, pd.Index([])
    days = np.arange(d0, d0 + n_days, dtype=np.int64).astype("datetime64[D]")
    per_day, periods = pd.factorize(pd.PeriodIndex(days, freq=freq), sort=True)
    return per_day.astype(np.int32), periods


def _distinct_months(stamps: np.ndarray, first: int, last: int) -> np.ndarray:
    """Ordinals of the months that have a stamp (``first``/``last``: the first and last
    day): one flag per month of the span, marked block by block on the workers — not a
    sort of every row. A span pandas can hold has a few million months at most."""
    m0, m1 = (np.array([first, last], dtype="datetime64[D]").astype("datetime64[M]")
              .view("int64").tolist())
    def months(lo: int, hi: int) -> np.ndarray:
        return stamps[lo:hi].astype("datetime64[M]").view("int64") - m0

    return np.flatnonzero(flags(months, len(stamps), m1 - m0 + 1, STEP * 4)) + m0


def _marked(seen: np.ndarray) -> np.ndarray:
    """``np.flatnonzero(seen)``, block by block on the workers (intp, sorted)."""
    parts = run_blocks(lambda lo, hi: np.flatnonzero(seen[lo:hi]) + lo, len(seen), BLOCK * 8)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _codes(
    values: pd.Series, column: str, *, sort: bool = False, exact: bool = False
) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (0 … n−1) of ``values`` and the distinct values, rejecting missing ids.

    Whole-number ids spanning a small range are used as they are (offset to 0,
    so the order is kept), which skips a hash pass over tens of millions of rows.
    ``sort=True`` numbers the values in sorted order (short text ids without hashing:
    :func:`cskit.metrics._ids.sorted_text_codes`). The distinct values then
    form a range that may hold ids not present; ``exact=True`` lists only the
    values present (for group labels). Without either, short string ids are
    packed into integers first (:func:`cskit.metrics._ids.id_packer`) and numbered
    without hashing when possible (:func:`cskit.metrics._ids.radix_codes`); the "distinct values" are
    then a range of codes: use them to count, not to label.
    """
    if isinstance(values.dtype, pd.CategoricalDtype) and not exact:
        # A categorical's codes already number its ids, in its sort order: no hash pass.
        # Unused categories leave gaps: count only. (Missing ids, code -1, are reported below.)
        raw = values.cat.codes.to_numpy()
        if not (raw < 0).any():
            return raw.astype(np.int64), pd.RangeIndex(len(values.cat.categories))
    missing = values.isna()
    if missing.any():
        raise InvalidValueError(
            f"Column {column!r} of the {TABLE} frame has {int(missing.sum())} missing value(s) "
            f"(e.g. at index {format_values(values.index[missing.to_numpy()][:5].tolist())}). "
            f"Drop those events or fill the column first."
        )
    if pd.api.types.is_integer_dtype(values.dtype) and len(values) and not exact:
        arr = values.to_numpy()
        lo, hi = int(arr.min()), int(arr.max())
        if hi - lo < 4 * len(arr) + 1024:
            return arr.astype(np.int64) - lo, pd.RangeIndex(lo, hi + 1)
    if sort:
        found = sorted_text_codes(values)
        if found is not None:  # short text ids numbered in sorted order, without hashing
            codes, rows = found
            return codes.astype(np.int64), pd.Index(values.array.take(rows))
    elif not exact:
        pack = id_packer(values)
        if pack is not None:  # codes stand for the ids: use them to count, not to label
            radix = radix_codes(pack, len(values))
            if radix is not None:
                return radix[0], pd.RangeIndex(radix[1])
            codes, uniques = pd.factorize(pack(0, len(values)))
            return codes.astype(np.int64, copy=False), pd.Index(uniques)
    codes, uniques = pd.factorize(values, sort=sort)
    return codes.astype(np.int64, copy=False), pd.Index(uniques)


def _unique_keys(keys: np.ndarray, size: int) -> np.ndarray:
    """Sorted distinct values of ``keys`` (all in ``[0, size)``).

    A bitmap of ``size`` bytes when that is small enough (linear time), else a
    sort and a comparison with the neighbour.
    """
    if size <= _BITMAP_LIMIT:
        seen = np.zeros(size, dtype=bool)
        seen[keys] = True
        return np.flatnonzero(seen).astype(keys.dtype, copy=False)
    keys = np.sort(keys)
    if len(keys) == 0:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


@dataclass(frozen=True)
class _UserDays:
    """The distinct active user-days, ordered by (group,) user and day.

    ``entity`` is the user's code (``group * n_users + user`` when grouped),
    ``day`` counts days from ``d0`` (days since 1970-01-01 of the first active
    day). ``group`` holds each user-day's group code into ``groups``.
    """

    entity: np.ndarray
    day: np.ndarray
    n_days: int
    d0: int
    n_users: int
    group: np.ndarray | None = None
    groups: pd.Index | None = None

    @property
    def n_groups(self) -> int:
        return 1 if self.groups is None else len(self.groups)

    @property
    def slot(self) -> np.ndarray | int:
        """Group code of each user-day (0 when not grouped)."""
        return 0 if self.group is None else self.group

    def dates(self) -> pd.DatetimeIndex:
        days = np.arange(self.d0, self.d0 + self.n_days, dtype=np.int64)
        return pd.DatetimeIndex(days.astype("datetime64[D]").astype("datetime64[us]"), name="date")


def _user_days(
    frame: pd.DataFrame,
    *,
    user: str,
    timestamp: str,
    event: str,
    active: ActiveFilter,
    by: str | None = None,
) -> _UserDays:
    """Validate the events and deduplicate the active (user, day) pairs (see module notes)."""
    check_frame(frame, TABLE)
    require_columns(frame, {"user_col": user, "time_col": timestamp, "by": by}, TABLE)
    mask = _active_mask(frame, active, event)
    stamps = _event_stamps(frame, timestamp)
    if len(stamps):
        first, last = _day_bounds(stamps)
        if last - first > 2 * 366:  # else no placeholder fits
            refuse_far_months(_distinct_months(stamps, first, last), TABLE, timestamp)
    users = frame[user]
    groups = frame[by] if by is not None else None
    if mask is not None:
        if not mask.any():
            raise EmptyFrameError(
                "No event matches the activity definition (activity=...). Widen it or check the "
                "event names."
            )
        stamps, users = stamps[mask], users[mask]
        groups = groups[mask] if groups is not None else None
    codes, uniques = _codes(users, user)
    n_users = max(len(uniques), 1)
    d0, last = _day_bounds(stamps)
    n_days = last - d0 + 1
    gcodes = glabels = None
    n_entities = n_users
    if groups is not None:
        gcodes, glabels = _codes(groups, by, sort=True, exact=True)
        n_entities = n_users * len(glabels)
    size = n_entities * n_days
    dtype = np.int32 if size <= _INT32_MAX else np.int64
    if gcodes is not None:
        codes = codes + gcodes * n_users
        del gcodes
    if size <= _BITMAP_LIMIT:
        # each block marks its (entity, day) keys in one bitmap on its own worker (intp
        # keys: a scatter free of the GIL); the marks, read in order, are the sorted keys
        seen = np.zeros(size, dtype=bool)

        def mark(lo: int, hi: int) -> None:
            key = stamps[lo:hi].astype("datetime64[D]").view("int64")
            key -= d0
            key += codes[lo:hi].astype(np.intp, copy=False) * n_days
            seen[key] = True

        run_blocks(mark, len(stamps))
        del codes
        keys = _marked(seen).astype(dtype, copy=False)
        del seen
    else:
        days = stamps.astype("datetime64[D]").view("int64")
        keys = codes.astype(dtype)
        del codes
        keys *= n_days
        days -= d0
        keys += days.astype(dtype)
        del days
        keys = _unique_keys(keys, size)
    entity = keys // dtype(n_days)
    keys -= entity * dtype(n_days)  # what is left is the day
    group = entity // dtype(n_users) if glabels is not None else None
    return _UserDays(entity=entity, day=keys, n_days=n_days, d0=d0, n_users=n_users,
                     group=group, groups=glabels)


def _gap_months(ud: _UserDays, timestamp: str) -> np.ndarray:
    """Months inside the span of active days without a single active day (with a warning)."""
    # the days with an active user (sorted): a bincount over the span, not a hash of user-days
    seen = ud.dates()[np.flatnonzero(np.bincount(ud.day, minlength=ud.n_days))]
    return empty_months(seen.to_period("M"), TABLE, timestamp)


def _next_same(ud: _UserDays) -> np.ndarray:
    """True where the next user-day belongs to the same user (and group)."""
    same = np.zeros(len(ud.entity), dtype=bool)
    if len(same) > 1:
        np.equal(ud.entity[1:], ud.entity[:-1], out=same[:-1])
    return same


def _daily(ud: _UserDays) -> np.ndarray:
    """DAU as a (groups × days) array."""
    cell = ud.slot * ud.n_days + ud.day
    return np.bincount(cell, minlength=ud.n_groups * ud.n_days).reshape(ud.n_groups, ud.n_days)


def _trailing(ud: _UserDays, dau: np.ndarray, same: np.ndarray, window: int) -> np.ndarray:
    """Distinct users active in ``[d − window + 1, d]`` for every day d (the sweep).

    ``dau`` holds the +1 of every cover (one per user-day); the −1 sits at the
    cover's end, ``min(d + window, next active day of the user)``.
    """
    end = ud.day + ud.day.dtype.type(window)
    if len(end) > 1:
        np.minimum(end[:-1], ud.day[1:], out=end[:-1], where=same[:-1])
    stride = ud.n_days + window
    if ud.group is not None:
        end = end + ud.group * stride
    ends = np.bincount(end, minlength=ud.n_groups * stride).reshape(ud.n_groups, stride)
    diff = -ends[:, : ud.n_days]
    diff += dau
    return np.cumsum(diff, axis=1)


def _check_window(window: object, name: str = "window") -> int:
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise InvalidParameterError(
            f"{name}={window!r} must be a positive whole number of days, e.g. 28 or 30."
        )
    return int(window)



# --------------------------------------------------------------------------- seats, periods
def _seats(accounts: pd.DataFrame, account: str, seats: str) -> pd.Series:
    """Seats per account from an ``accounts`` frame (one row per account)."""
    check_frame(accounts, "accounts")
    require_columns(accounts, {"account_col": account, "seats_col": seats}, "accounts")
    s = as_number(accounts, seats, "accounts", allow_missing=True)
    bad = s <= 0
    if bad.any():
        raise InvalidValueError(
            f"Column {seats!r} of the accounts frame has values <= 0: "
            f"{offending(accounts[seats], bad)}. Seats must be a positive count; fix them or "
            f"drop those accounts."
        )
    dup = accounts[account].duplicated(keep=False)
    if dup.any():
        raise InvalidValueError(
            f"Column {account!r} of the accounts frame repeats account ids: "
            f"{offending(accounts[account], dup)}. Keep one row per account "
            f"(e.g. accounts.drop_duplicates({account!r}, keep='last'))."
        )
    return pd.Series(s.to_numpy(), index=pd.Index(accounts[account].to_numpy()), name="seats")


def _period_labels(ts: pd.Series, freq: str | None) -> ArrayLike:
    """The period of each timestamp (a ``PeriodArray``), or 0 for "one period" (``None``)."""
    if freq is None:
        return np.zeros(len(ts), dtype=np.int64)
    return ts.dt.to_period(freq).array
