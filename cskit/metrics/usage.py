"""Product usage from event data: DAU/WAU/MAU, stickiness, usage, adoption, first login.

What counts as *active* is the first decision (the 16-KPI article: a like, a
design created, a task completed, a page visited …). Every function here takes
``active=``: ``None`` (any event), a list of event names, a boolean Series
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
    as_date_param,
    as_datetime,
    as_instants,
    as_number,
    check_choice,
    check_frame,
    check_period,
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
from cskit.metrics._gaps import empty_months, flag_gaps, refuse_far_months
from cskit.registry import cs_method

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
                f"The active= function failed on the {TABLE} frame ({type(exc).__name__}: {exc}). "
                f"It must take the frame and return a boolean Series, e.g. "
                f"lambda df: df[{event!r}].isin(['create_report'])."
            ) from None
        if not isinstance(active, (pd.Series, np.ndarray)) or not _is_bool(active):
            raise InvalidParameterError(
                "The active= function must return a boolean Series aligned with the frame, e.g. "
                f"lambda df: df[{event!r}].isin(['create_report'])."
            )
    if isinstance(active, (pd.Series, np.ndarray)) and _is_bool(active):
        if len(active) != len(frame):
            raise InvalidParameterError(
                f"active= is a boolean mask of length {len(active)} but the {TABLE} frame has "
                f"{len(frame)} rows; build it from the same frame, e.g. "
                f"active=df[{event!r}].isin([...])."
            )
        if isinstance(active, pd.Series):
            if not active.index.equals(frame.index):
                raise InvalidParameterError(
                    "active= is a boolean Series whose index differs from the events frame's; "
                    f"build it from the same frame, e.g. active=df[{event!r}].isin([...])."
                )
            if active.isna().any():
                raise InvalidParameterError(
                    f"active= has {int(active.isna().sum())} missing value(s); fill them "
                    f"(e.g. .fillna(False)) so every row is either active or not."
                )
        return np.asarray(active, dtype=bool)
    if isinstance(active, str):
        active = [active]
    if isinstance(active, (list, tuple, set, frozenset, pd.Index, pd.Series, np.ndarray)):
        require_columns(frame, {"event": event}, TABLE)
        names = list(active)
        if not names:
            raise InvalidParameterError("active= is an empty list; name at least one event.")
        mask = frame[event].isin(names).to_numpy(dtype=bool)
        present = set(pd.unique(frame[event][mask]).tolist()) if mask.any() else set()
        unknown = [n for n in names if n not in present]
        if len(unknown) == len(names):
            raise InvalidValueError(
                f"None of the events in active= occur in column {event!r} of the {TABLE} frame: "
                f"{format_values(unknown)}. Check the spelling against df[{event!r}].unique()."
            )
        if unknown:
            warnings.warn(
                f"active= names event(s) that never occur in column {event!r}: "
                f"{format_values(unknown)}; they count for nothing. Check the spelling.",
                CskitWarning,
                stacklevel=caller_stacklevel(),
            )
        return mask
    raise InvalidParameterError(
        "active= must be None, a list of event names, a boolean Series aligned with the "
        f"frame or a callable returning one; got {type(active).__name__}."
    )


def _is_bool(values: pd.Series | np.ndarray) -> bool:
    return pd.api.types.is_bool_dtype(values.dtype)


def _event_days(frame: pd.DataFrame, timestamp: str) -> np.ndarray:
    """Days since 1970-01-01 (int64) of every event, validated.

    A naive ``datetime64`` column is read in place (no copy); anything else goes
    through :func:`cskit._validate.as_datetime` (strings, time zones, periods).
    """
    s = frame[timestamp]
    if pd.api.types.is_datetime64_dtype(s.dtype) and not isinstance(s.dtype, pd.DatetimeTZDtype):
        arr = s.to_numpy()
        if np.isnat(arr).any():
            as_datetime(frame, timestamp, TABLE)  # raises with the row labels
    else:
        arr = as_datetime(frame, timestamp, TABLE).to_numpy()
    return arr.astype("datetime64[D]").view("int64")


def _packed_ids(values: pd.Series) -> np.ndarray | None:
    """Short Arrow-backed string ids packed into uint64 keys, exactly; None when not possible.

    Hashing tens of millions of strings against a table of hundreds of
    thousands of ids is slow (the table does not fit in the CPU cache). Ids of
    at most 8 bytes ("U000123", numeric strings, short codes) are instead read
    straight from the Arrow buffers and packed into one 64-bit integer each —
    a one-to-one map (variable lengths up to 7 bytes keep the length in the
    last byte) — and integers factorise several times faster than strings.
    """
    to_arrow = getattr(values.array, "__arrow_array__", None)
    if to_arrow is None or len(values) == 0:
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pandas stores strings in Arrow only with pyarrow
        return None
    data = to_arrow()
    if isinstance(data, pa.ChunkedArray):
        data = data.combine_chunks()
    large = pa.types.is_large_string(data.type)
    if not (large or pa.types.is_string(data.type)) or data.null_count:
        return None
    _, offsets_buf, data_buf = data.buffers()
    width = 8 if large else 4
    offsets = np.frombuffer(offsets_buf, dtype=np.int64 if large else np.int32,
                            count=len(data) + 1, offset=data.offset * width).astype(np.int64)
    lengths = np.diff(offsets)
    longest, shortest = int(lengths.max()), int(lengths.min())
    if longest > 8 or (longest == 8 and shortest < 8) or data_buf is None:
        return None
    n, first = len(data), int(offsets[0])
    raw = np.frombuffer(data_buf, dtype=np.uint8, count=int(offsets[-1]) - first, offset=first)
    if shortest == longest:  # fixed width: the bytes are a (rows × width) block
        if longest == 8:
            return raw.view(np.uint64).copy()
        packed = np.zeros((n, 8), dtype=np.uint8)
        packed[:, :longest] = raw.reshape(n, longest)
        return packed.view(np.uint64).ravel()
    packed = np.zeros((n, 8), dtype=np.uint8)
    start = offsets[:-1] - first
    for k in range(longest):  # byte positions (at most 7), not rows
        has = lengths > k
        packed[has, k] = raw[start[has] + k]
    packed[:, 7] = lengths
    return packed.view(np.uint64).ravel()


def _radix_codes(packed: np.ndarray) -> tuple[np.ndarray, int] | None:
    """Dense-ish codes of packed ids without hashing: a mixed-radix number per id.

    Each 2-byte slice of the 8-byte key takes few distinct values in practice
    (ids such as "U000123" vary in a few digits): number the values present in
    each slice (a 65,536-entry lookup table) and combine the slices as digits.
    The map is one-to-one; the codes span ``[0, size)`` where ``size`` is the
    product of the slices' counts — at least the number of distinct ids. None
    when that product is too large to be useful (then the caller factorises).
    """
    words = packed.view(np.uint16).reshape(-1, 4)
    limit = min(4 * len(packed) + 1024, _INT32_MAX)
    codes = np.zeros(len(packed), dtype=np.int32)
    size = 1
    for k in range(4):  # the four 2-byte slices of the key, not rows
        column = words[:, k]
        present = np.bincount(column, minlength=65536) > 0
        count = int(present.sum())
        if count == 1:
            continue
        size *= count
        if size > limit:
            return None
        lookup = (np.cumsum(present) - 1).astype(np.int32)
        codes *= np.int32(count)
        codes += lookup[column]
    return codes, size


def _codes(
    values: pd.Series, column: str, *, sort: bool = False, exact: bool = False
) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (0 … n−1) of ``values`` and the distinct values, rejecting missing ids.

    Whole-number ids spanning a small range are used as they are (offset to 0,
    so the order is kept), which skips a hash pass over tens of millions of rows.
    ``sort=True`` numbers the values in sorted order. The distinct values then
    form a range that may hold ids not present; ``exact=True`` lists only the
    values present (for group labels). Without either, short string ids are
    packed into integers first (:func:`_packed_ids`) and numbered without
    hashing when possible (:func:`_radix_codes`); the "distinct values" are
    then a range of codes: use them to count, not to label.
    """
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
    if isinstance(values.dtype, pd.CategoricalDtype) and not exact:
        # A categorical's codes already number its ids, in its sort order (missing ids
        # were rejected above): no hash pass. Unused categories leave gaps: count only.
        codes = values.cat.codes.to_numpy().astype(np.int64)
        return codes, pd.RangeIndex(len(values.cat.categories))
    if not sort and not exact:
        packed = _packed_ids(values)
        if packed is not None:  # codes stand for the ids: use them to count, not to label
            radix = _radix_codes(packed)
            if radix is not None:
                return radix[0], pd.RangeIndex(radix[1])
            codes, uniques = pd.factorize(packed)
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
    require_columns(frame, {"user": user, "timestamp": timestamp, "by": by}, TABLE)
    mask = _active_mask(frame, active, event)
    days = _event_days(frame, timestamp)
    if len(days) and int(days.max()) - int(days.min()) > 2 * 366:  # else no placeholder fits
        months = np.unique(days).astype("datetime64[D]").astype("datetime64[M]").view("int64")
        refuse_far_months(months, TABLE, timestamp)
    users = frame[user]
    groups = frame[by] if by is not None else None
    if mask is not None:
        if not mask.any():
            raise EmptyFrameError(
                "No event matches the activity definition (active=...). Widen it or check the "
                "event names."
            )
        days, users = days[mask], users[mask]
        groups = groups[mask] if groups is not None else None
    codes, uniques = _codes(users, user)
    n_users = max(len(uniques), 1)
    d0 = int(days.min())
    n_days = int(days.max()) - d0 + 1
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
    seen = ud.dates()[np.unique(np.asarray(ud.day, dtype=np.int64))]
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


# --------------------------------------------------------------------------- DAU / MAU
@cs_method(kpi="DAU / WAU / MAU", table="events", requires=("user_id", "timestamp"))
def active_users(
    frame: pd.DataFrame,
    *,
    window: int = 28,
    freq: str = "D",
    active: ActiveFilter = None,
    by: str | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    user: str = "user_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame:
    """Daily, weekly (trailing 7 days) and monthly (trailing ``window`` days) active users.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame (``user_id, timestamp`` and, to filter, ``event``).
    window : int, default 28
        Days in the trailing "month". 28 keeps four of each weekday in every
        window (no weekday bias); 30 is the other common choice. MAU on day d
        counts users active on any of the ``window`` days ending on d.
    freq : {"D", "W", "M"}, default "D"
        ``"D"``: one row per calendar day from the first to the last active day
        (days without activity have DAU 0). ``"W"`` / ``"M"``: one row per week
        / month, the values of its last day in the data (MAU at month end).
    active : None, list of event names, boolean Series or callable
        What counts as activity; ``None`` counts every event.
    by : str, optional
        An event column to split on (product area, plan …); a user counts in
        every group it was active in.
    start, end : date-like, optional
        First and last day reported (default: the data's first and last active
        day). Activity before ``start`` still counts in the trailing windows.
    user, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``date`` (or ``period`` for ``"W"``/``"M"``; then ``by``):
        ``dau, wau, mau, dau_mau`` and ``complete`` (False while the trailing
        window reaches back before the first active day: MAU is understated there).
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 2, 1, 3, 1],
    ...     "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 12:00",
    ...     "2026-10-02 09:00", "2026-10-09 08:00", "2026-10-09 10:00"])})
    >>> au = ev.cs.active_users(window=7)
    >>> au.loc["2026-10-07":, ["dau", "wau", "mau", "dau_mau"]]  # doctest: +NORMALIZE_WHITESPACE
                dau  wau  mau  dau_mau
    date
    2026-10-07    0    2    2      0.0
    2026-10-08    0    1    1      0.0
    2026-10-09    2    2    2      1.0
    """
    check_choice("freq", freq, ("D", "W", "M"))
    window = _check_window(window)
    ud = _user_days(frame, user=user, timestamp=timestamp, event=event, active=active, by=by)
    dau = _daily(ud)
    same = _next_same(ud)
    wau = _trailing(ud, dau, same, WAU_WINDOW)
    mau = wau if window == WAU_WINDOW else _trailing(ud, dau, same, window)
    dates = ud.dates()
    complete = np.arange(ud.n_days) >= window - 1
    # (groups × days) arrays → rows ordered by day, then group
    cols = {
        "dau": dau.T.ravel(),
        "wau": wau.T.ravel(),
        "mau": mau.T.ravel(),
    }
    out = pd.DataFrame({k: v.astype(np.int64) for k, v in cols.items()})
    with np.errstate(invalid="ignore", divide="ignore"):
        out["dau_mau"] = np.where(out["mau"] > 0, out["dau"] / out["mau"].clip(lower=1), np.nan)
    out["complete"] = np.repeat(complete, ud.n_groups)
    day_of_row = np.repeat(dates, ud.n_groups)
    keep = np.ones(len(out), dtype=bool)
    if start is not None:
        keep &= day_of_row >= as_date_param("start", start)
    if end is not None:
        keep &= day_of_row <= as_date_param("end", end)
    if freq != "D":
        periods = dates.to_period(freq)
        last_day = np.r_[periods[1:] != periods[:-1], True]
        keep &= np.repeat(last_day, ud.n_groups)
        index0: pd.Index = pd.PeriodIndex(np.repeat(periods, ud.n_groups), name="period")
    else:
        index0 = pd.DatetimeIndex(day_of_row, name="date")
    if by is None:
        out.index = index0
    else:
        out.index = pd.MultiIndex.from_arrays(
            [index0, np.tile(ud.groups.to_numpy(), ud.n_days)], names=[index0.name, by]
        )
    if freq == "D":
        return out.loc[keep]
    return flag_gaps(out.loc[keep], _gap_months(ud, timestamp))


@cs_method(kpi="Stickiness (mean DAU / MAU)", table="events", requires=("user_id", "timestamp"))
def stickiness(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    mau: str = "calendar",
    window: int = 28,
    active: ActiveFilter = None,
    by: str | None = None,
    user: str = "user_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame | float:
    """Stickiness: mean daily active users over a period ÷ distinct users active in it.

    1.0 means every user of the period came every day; 1/30 means each came
    once a month. The mean DAU is over the period's calendar days inside the
    data's span (first to last active day), days without activity included, so
    a period cut by the data's edges is averaged over the days observed.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Calendar period; ``None`` = the whole span of the data as one period.
    mau : {"calendar", "trailing"}, default "calendar"
        ``"calendar"``: mean DAU ÷ distinct users of the calendar period (the
        catalogue's stickiness). ``"trailing"``: the mean over the period's
        days of the daily ratio DAU ÷ MAU, MAU over the trailing ``window``
        days (what a daily DAU/MAU chart averages to); ``mau`` is then the
        mean trailing MAU. The two differ: read the label.
    window : int, default 28
        Trailing window of ``mau="trailing"``.
    active : None, list of event names, boolean Series or callable
        What counts as activity.
    by : str, optional
        An event column to split on.
    user, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``days, mean_dau, mau, stickiness``;
        a float when ``period=None`` and not grouped.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    Daily uniques 10, 1, 1, 1, 1, 1, 1 (the same ten users on day one, one of
    them every day after): mean DAU 16 / 7, monthly uniques 10,
    (16 / 7) / 10 = 0.229.

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6,
    ...     "timestamp": pd.Timestamp("2026-10-01")
    ...                  + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
    >>> round(ev.cs.stickiness(period=None), 3)
    0.229
    """
    freq = check_period(period)
    check_choice("mau", mau, ("calendar", "trailing"))
    window = _check_window(window)
    ud = _user_days(frame, user=user, timestamp=timestamp, event=event, active=active, by=by)
    if freq is None:
        pcode = np.zeros(ud.n_days, dtype=np.int64)
        pidx = None
    else:
        pcode, pidx = pd.factorize(ud.dates().to_period(freq), sort=True)
    n_p = int(pcode.max()) + 1
    n_g = ud.n_groups
    days_in = np.bincount(pcode, minlength=n_p)
    p_of = pcode[ud.day]
    cell = ud.slot * n_p + p_of
    dau_sum = np.bincount(cell, minlength=n_g * n_p)
    days = np.tile(days_in, n_g).astype(np.int64)
    mean_dau = dau_sum / days
    if mau == "calendar":
        # user-days are sorted by entity then day, and the period code never
        # decreases with the day: the first row of each (entity, period) run is
        # one distinct user of that period.
        first = np.ones(len(cell), dtype=bool)
        if len(cell) > 1:
            first[1:] = (ud.entity[1:] != ud.entity[:-1]) | (p_of[1:] != p_of[:-1])
        users = np.bincount(cell[first], minlength=n_g * n_p).astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(users > 0, mean_dau / np.where(users > 0, users, 1), np.nan)
    else:
        dau = _daily(ud)
        trailing = _trailing(ud, dau, _next_same(ud), window).astype(np.float64)
        day_cell = (np.arange(n_g)[:, None] * n_p + pcode[None, :]).ravel()
        valid = (trailing > 0).ravel()
        with np.errstate(invalid="ignore", divide="ignore"):
            daily_ratio = (dau / np.where(trailing > 0, trailing, 1)).ravel()
        total = np.bincount(day_cell[valid], weights=daily_ratio[valid], minlength=n_g * n_p)
        counted = np.bincount(day_cell[valid], minlength=n_g * n_p)
        users = np.bincount(day_cell, weights=trailing.ravel(), minlength=n_g * n_p) / days
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(counted > 0, total / np.where(counted > 0, counted, 1), np.nan)
    out = pd.DataFrame({"days": days, "mean_dau": mean_dau, "mau": users, "stickiness": ratio})
    if mau == "calendar":
        out["mau"] = out["mau"].astype(np.int64)
    if by is None:
        if freq is None:
            return float(out["stickiness"].iloc[0])
        out.index = pd.PeriodIndex(pidx, name="period")
        return flag_gaps(out, _gap_months(ud, timestamp))
    labels = ud.groups.to_numpy()
    if freq is None:
        out.index = pd.Index(labels, name=by)
        return out
    # rows are group-major; present them period-major like the other metrics
    order = np.arange(n_g * n_p).reshape(n_g, n_p).T.ravel()
    out = out.iloc[order]
    out.index = pd.MultiIndex.from_arrays(
        [pidx[order % n_p], labels[order // n_p]], names=["period", by]
    )
    return flag_gaps(out, _gap_months(ud, timestamp))


# --------------------------------------------------------------------------- usage
def _seats(accounts: pd.DataFrame, account: str, seats: str) -> pd.Series:
    """Seats per account from an ``accounts`` frame (one row per account)."""
    check_frame(accounts, "accounts")
    require_columns(accounts, {"account": account, "seats": seats}, "accounts")
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


@cs_method(kpi="Product usage rate", table="events",
           requires=("user_id", "account_id", "timestamp"))
def usage(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    level: str = "account",
    key_features: Sequence[str] | None = None,
    accounts: pd.DataFrame | None = None,
    active: ActiveFilter = None,
    user: str = "user_id",
    account: str = "account_id",
    timestamp: str = "timestamp",
    event: str = "event",
    seats: str = "seats",
) -> pd.DataFrame:
    """Frequency, breadth and depth of use per account (or user) and period.

    * **frequency** – ``active_days``: distinct days with activity in the period;
    * **breadth** – ``active_users ÷ seats`` (accounts only, needs ``accounts``
      with ``seats``); above 1 when more people use the product than seats were
      sold, shown as is;
    * **depth** – ``key_features_used ÷ len(key_features)``: the share of the
      product's key features the account (user) used in the period.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Choose the interval first (the 16-KPI article): frequency is per period.
        ``None`` = the whole span.
    level : {"account", "user"}, default "account"
        Unit of the rows. Breadth exists only for accounts.
    key_features : list of str, optional
        Event names that mark the product's key features (depth). Any event of
        these names counts, whatever ``active`` says.
    accounts : pandas.DataFrame, optional
        ``accounts`` frame with ``account_id, seats`` for breadth.
    active : None, list of event names, boolean Series or callable
        What counts as activity (for frequency and active users).
    user, account, timestamp, event, seats : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` and the account (or user): ``events, active_days``,
        ``active_users, seats, breadth`` (accounts) and ``key_features_used, depth``
        (with ``key_features``). Only units with an event in the period appear.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 1, 2, 3], "account_id": ["a", "a", "a", "b"],
    ...     "timestamp": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-03", "2026-10-05"]),
    ...     "event": ["login", "report", "login", "login"]})
    >>> acc = pd.DataFrame({"account_id": ["a", "b"], "seats": [4, 1]})
    >>> u = ev.cs.usage(accounts=acc, key_features=["report", "export"])
    >>> u[["active_days", "active_users", "breadth", "depth"]]  # doctest: +NORMALIZE_WHITESPACE
                        active_days  active_users  breadth  depth
    period  account_id
    2026-10 a                     2             2      0.5    0.5
            b                     1             1      1.0    0.0
    """
    freq = check_period(period)
    check_choice("level", level, ("account", "user"))
    check_frame(frame, TABLE)
    unit = account if level == "account" else user
    needs_event = key_features is not None or not (active is None or callable(active) or (
        isinstance(active, (pd.Series, np.ndarray)) and _is_bool(active)))
    require_columns(
        frame,
        {"user": user, "account": account if level == "account" else None,
         "timestamp": timestamp, "event": event if needs_event else None},
        TABLE,
    )
    mask = _active_mask(frame, active, event)
    ts = as_datetime(frame, timestamp, TABLE)
    ucodes, _ = _codes(frame[user], user)
    if level == "account":
        _codes(frame[account], account)  # rejects missing account ids
    tab = pd.DataFrame(
        {
            "period": _period_labels(ts, freq),
            "unit": frame[unit].array,
            "user": ucodes,
            "day": ts.to_numpy().astype("datetime64[D]").view("int64"),
        }
    )
    keys = ["period", "unit"]
    out = pd.DataFrame({"events": tab.groupby(keys, sort=True).size().astype(np.int64)})
    act = tab if mask is None else tab.loc[mask]
    ga = act.groupby(keys, sort=True)
    out["active_days"] = ga["day"].nunique().reindex(out.index, fill_value=0).astype(np.int64)
    if level == "account":
        out["active_users"] = (
            ga["user"].nunique().reindex(out.index, fill_value=0).astype(np.int64)
        )
        if accounts is not None:
            s = _seats(accounts, account, seats)
            out["seats"] = s.reindex(out.index.get_level_values("unit")).to_numpy()
            out["breadth"] = out["active_users"] / out["seats"]
    if key_features is not None:
        feats = list(dict.fromkeys(key_features))
        if not feats:
            raise InvalidParameterError("key_features is empty; name the product's key events.")
        is_key = frame[event].isin(feats).to_numpy(dtype=bool)
        k = tab.loc[is_key].assign(feature=frame[event].to_numpy()[is_key])
        used = k.groupby(keys, sort=True)["feature"].nunique()
        out["key_features_used"] = used.reindex(out.index, fill_value=0).astype(np.int64)
        out["depth"] = out["key_features_used"] / len(feats)
    out.index = out.index.set_names(["period", unit])
    if freq is None:
        out = out.droplevel("period")
    return out


@cs_method(kpi="Feature adoption", table="events", requires=("account_id", "timestamp", "event"))
def feature_adoption(
    frame: pd.DataFrame,
    *,
    features: Sequence[str],
    period: str | None = "M",
    level: str = "account",
    active: ActiveFilter = None,
    user: str = "user_id",
    account: str = "account_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame:
    """Share of active accounts (or users) that used each feature, per period.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    features : list of str
        Event names, one per feature.
    period : {"M", "Q", "Y", None}, default "M"
        ``None`` = the whole span as one period.
    level : {"account", "user"}, default "account"
        Who adopts: an account (any of its users used the feature) or a user.
    active : None, list of event names, boolean Series or callable
        Which units are *active* (the denominator): any event by default. A
        unit that used a feature but was not active in the period is not
        counted as an adopter either.
    user, account, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (unless None) and ``feature``: ``adopters,
        active, adoption``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"account_id": ["a", "a", "b", "c"],
    ...     "timestamp": pd.to_datetime(["2026-10-01"] * 4),
    ...     "event": ["login", "report", "login", "export"]})
    >>> ev.cs.feature_adoption(features=["report", "export"], period=None)
    ... # doctest: +NORMALIZE_WHITESPACE
             adopters  active  adoption
    feature
    report          1       3  0.333333
    export          1       3  0.333333
    """
    freq = check_period(period)
    check_choice("level", level, ("account", "user"))
    if isinstance(features, str):
        features = [features]
    feats = list(dict.fromkeys(features))
    if not feats:
        raise InvalidParameterError("features is empty; name at least one event.")
    check_frame(frame, TABLE)
    unit = account if level == "account" else user
    require_columns(frame, {level: unit, "timestamp": timestamp, "event": event}, TABLE)
    _codes(frame[unit], unit)  # rejects missing ids
    ts = as_datetime(frame, timestamp, TABLE)
    mask = _active_mask(frame, active, event)
    base = pd.DataFrame({"p": _period_labels(ts, freq), "u": frame[unit].array,
                         "e": frame[event].array})
    act = (base if mask is None else base.loc[mask])[["p", "u"]].drop_duplicates()
    denom = act.groupby("p").size()
    used = base.loc[base["e"].isin(feats)].drop_duplicates(["p", "u", "e"])
    used = used.merge(act, on=["p", "u"])  # adopters are active units of the period
    num = used.groupby(["p", "e"]).size()
    full = pd.MultiIndex.from_product([denom.index, pd.Index(feats)], names=["period", "feature"])
    num.index = num.index.set_names(["period", "feature"])
    out = pd.DataFrame({"adopters": num.reindex(full, fill_value=0).astype(np.int64)})
    out["active"] = denom.reindex(full.get_level_values(0)).to_numpy().astype(np.int64)
    out["adoption"] = out["adopters"] / out["active"]
    if freq is None:
        return out.droplevel("period")
    return out


# --------------------------------------------------------------------------- first login
@cs_method(kpi="First-login rate", table="accounts",
           requires=("account_id", "signup_at", "first_login_at"))
def first_login_rate(
    frame: pd.DataFrame,
    *,
    within_days: int = 7,
    period: str | None = "M",
    as_of: str | pd.Timestamp | None = None,
    by: str | None = None,
    account: str = "account_id",
    signup: str = "signup_at",
    first_login: str = "first_login_at",
) -> pd.DataFrame | float:
    """New accounts that logged in within ``within_days`` of signing up ÷ new accounts.

    A sub-KPI of churn (the KPI-setting article): accounts that never start
    using the product rarely renew, and the first login is known within days,
    long before a renewal — a short plan–do–check–act loop.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``accounts`` frame (``account_id, signup_at, first_login_at``; an empty
        ``first_login_at`` means "never logged in").
    within_days : int, default 7
        A login at most this many days (24-hour days) after sign-up counts.
    period : {"M", "Q", "Y", None}, default "M"
        Cohort period of the sign-up.
    as_of : date-like, optional
        The data's cut-off. Accounts that signed up less than ``within_days``
        before it have not had their full chance yet: they are left out of
        both numerator and denominator and counted in ``too_recent``; logins
        after the cut-off are ignored. Default: the latest ``signup_at`` or
        ``first_login_at`` in the frame.
    by : str, optional
        Segment column.
    account, signup, first_login : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``new_accounts, logged_in,
        too_recent, first_login_rate``; a float when ``period=None`` and not grouped.

    Examples
    --------
    Four sign-ups on 1 October: logins after 0 and 5 days count, after 19 days
    or never do not: 2 ÷ 4.

    >>> import pandas as pd, cskit
    >>> acc = pd.DataFrame({"account_id": ["a", "b", "c", "d"],
    ...     "signup_at": pd.to_datetime(["2026-10-01"] * 4),
    ...     "first_login_at": pd.to_datetime(["2026-10-01", "2026-10-06", "2026-10-20", None])})
    >>> acc.cs.first_login_rate(within_days=7, period=None, as_of="2026-10-31")
    0.5
    """
    freq = check_period(period)
    if isinstance(within_days, bool) or not isinstance(within_days, (int, np.integer)) or (
        within_days < 0
    ):
        raise InvalidParameterError(
            f"within_days={within_days!r} must be a whole number of days >= 0, e.g. 7."
        )
    check_frame(frame, "accounts")
    require_columns(
        frame,
        {"account": account, "signup": signup, "first_login": first_login, "by": by},
        "accounts",
    )
    # both on the signup column's clock, so a login kept in another zone compares right
    _, (s, f) = as_instants(frame, [signup, first_login], "accounts",
                            allow_missing=[False, True], local=True)
    early = f.notna() & (f < s.dt.normalize())
    if early.any():
        raise InvalidValueError(
            f"Column {first_login!r} of the accounts frame is before {signup!r} for "
            f"{int(early.sum())} account(s), e.g. {offending(frame[account], early)}. "
            f"Fix those dates."
        )
    if as_of is not None:
        cutoff = as_date_param("as_of", as_of)
    else:
        cutoff = max(s.max(), f.max()) if f.notna().any() else s.max()
    limit = pd.Timedelta(days=int(within_days))
    mature = ((s + limit) <= cutoff).to_numpy()
    ok = (f.notna() & ((f - s) <= limit) & (f <= cutoff)).to_numpy()
    tab = pd.DataFrame(
        {
            "period": _period_labels(s, freq),
            "new_accounts": mature,
            "logged_in": ok & mature,
            "too_recent": ~mature,
        }
    )
    keys = ["period"] + ([by] if by else [])
    if by:
        tab[by] = frame[by].to_numpy()
    cols = ["new_accounts", "logged_in", "too_recent"]
    out = tab.groupby(keys, sort=True, dropna=False)[cols].sum().astype(np.int64)
    out["first_login_rate"] = (out["logged_in"] / out["new_accounts"]).where(
        out["new_accounts"] > 0
    )
    if freq is None:
        if by is None:
            return float(out["first_login_rate"].iloc[0])
        return out.droplevel("period")
    return out
