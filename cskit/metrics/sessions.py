"""Sessions and average session duration.

A *session* is a run of one user's events with no gap longer than the
inactivity ``timeout`` (30 minutes by default, the usual web-analytics rule).
When the events carry a ``session_id`` it is used as is (per user: two users
never share a session); otherwise sessions are derived: the events are sorted
once by (user, time) and a new session starts at each user's first event and
wherever the gap to the previous event exceeds the timeout.

**Length of a session** (``length=``):

* ``"span"`` (default) – time of its last event − time of its first event,
  plus the last event's ``duration_s`` when that column exists (the time spent
  after the last recorded event; 0 when missing). Without ``duration_s`` a
  one-event session lasts 0 seconds — that understates time in product, which
  is why the column exists.
* ``"sum"`` – the sum of the events' ``duration_s`` (time on screens, without
  the pauses between them); needs the column.

Average session duration = total session seconds ÷ number of sessions (the
16-KPI article's formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_instants,
    as_number,
    check_choice,
    check_frame,
    check_period,
    require_columns,
)
from cskit.errors import EmptyFrameError, InvalidParameterError, InvalidValueError
from cskit.metrics._blocks import any_blocks, run_blocks, run_tasks
from cskit.metrics._events import (
    TABLE,
    ActiveFilter,
    _active_mask,
    _codes,
    days_to_periods,
)
from cskit.metrics._log_sessions import LogSessions, first_seen_codes, log_sessions
from cskit.metrics._take import in_time_order, stable_order, take_values, time_then_group_order
from cskit.registry import cs_method

COLUMNS = ["sessions", "total_seconds", "session_duration", "median_seconds"]


def _timeout(value: str | pd.Timedelta | int) -> int:
    """Timeout in microseconds (ints are seconds)."""
    try:
        if isinstance(value, bool):
            raise TypeError
        if isinstance(value, (int, np.integer, float)):
            td = pd.Timedelta(float(value), unit="s")
        else:
            td = pd.Timedelta(value)
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"timeout={value!r} is not a duration; use e.g. '30min' or 1800 (seconds)."
        ) from None
    if pd.isna(td) or td <= pd.Timedelta(0):
        raise InvalidParameterError(f"timeout={value!r} must be positive, e.g. '30min'.")
    return int(td / pd.Timedelta(microseconds=1))


@cs_method(table="events", requires=("user_id", "timestamp"))
def sessions(
    frame: pd.DataFrame,
    *,
    timeout: str | pd.Timedelta | int = "30min",
    length: str = "span",
    activity: ActiveFilter = None,
    keep: Sequence[str] = (),
    user_col: str = "user_id",
    account_col: str | None = "account_id",
    time_col: str = "timestamp",
    session_col: str | None = "session_id",
    duration_col: str | None = "duration_s",
    event_col: str = "event",
) -> pd.DataFrame:
    """One row per session, given (``session_id``) or derived with an inactivity timeout.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    timeout : str, Timedelta or int (seconds), default "30min"
        A gap longer than this starts a new session (only when sessions are derived).
    length : {"span", "sum"}, default "span"
        How long a session lasts (see the module notes): first to last event
        plus the last event's duration, or the sum of the events' durations.
    activity : None, list of event names, boolean Series or callable
        Which events take part (default: all).
    keep : list of str
        Extra event columns to carry over, with the value at the session's first event.
    user_col, account_col, time_col, event_col : str
        Column names (``account_col`` is carried over when present; None to skip).
    session_col : str or None, default "session_id"
        Column of given session ids; used when present, else sessions are derived.
        Pass ``None`` to always derive.
    duration_col : str or None, default "duration_s"
        Seconds spent on each event (see ``length``); None to ignore the column.

    Returns
    -------
    pandas.DataFrame
        ``session`` (id), the user (and account, ``keep`` columns), ``start, end``
        (first and last event), ``events, duration_s``, ordered by user and start.

    Examples
    --------
    Gaps of 10 and 40 minutes: the 40-minute gap starts a second session. The
    first lasts 09:00 → 09:10 plus 60 s on its last screen = 660 s.

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 1, 1],
    ...     "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 09:10",
    ...                                  "2026-10-01 09:50"]),
    ...     "duration_s": [30.0, 60.0, 120.0]})
    >>> ev.cs.sessions()[["user_id", "events", "duration_s"]]
       user_id  events  duration_s
    0        1       2       660.0
    1        1       1       120.0
    >>> ev.cs.sessions(length="sum")["duration_s"].tolist()
    [90.0, 120.0]
    """
    cut = _sessionize(frame, timeout=timeout, length=length, activity=activity, keep=keep,
                      user_col=user_col, time_col=time_col, session_col=session_col,
                      duration_col=duration_col, event_col=event_col)
    sub, rows = cut.sub, cut.rows
    start, end, events, seconds = cut.start, cut.end, cut.events, cut.seconds
    if cut.reorder is not None:  # sorted by user and session id so far: by user and start
        # (the session arrays put in order before the id columns are taken: one take each)
        rows, start, end, events, seconds = (a[cut.reorder]
                                             for a in (rows, start, end, events, seconds))
    names = [user_col]
    if account_col is not None and account_col in sub.columns and account_col != user_col:
        names.append(account_col)
    names += [c for c in keep if c not in names and c != "session"]
    if cut.given:
        names.insert(0, session_col)
    # the id columns are independent takes (Arrow's take releases the GIL): one task each
    taken = run_tasks([lambda c=c: take_values(sub[c], rows) for c in names])
    cols = {"session": taken.pop(0) if cut.given else np.arange(len(rows))}
    cols.update(zip(names[1:] if cut.given else names, taken, strict=True))
    cols["start"] = start.view("datetime64[us]")  # new int64 arrays: no copy needed
    cols["end"] = end.view("datetime64[us]")
    cols["events"] = events
    cols["duration_s"] = seconds
    return pd.DataFrame(cols, copy=False)  # every array here is new: no need to copy it again


def _user_session_cut(ucodes: np.ndarray, scodes: np.ndarray,
                      ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Events ordered as ``np.lexsort((ts, scodes, ucodes))``, and True where a session starts.

    Events in time order (the usual log) need no comparison of times: two stable
    counting sorts, by session and then by user; a session then starts wherever the
    session code changes and at each user's first event (from the user counts the
    second sort returns). Any other log is sorted on the three keys.
    """
    n = len(ts)
    new = np.empty(n, dtype=bool)
    new[0] = True
    if not in_time_order(ts):  # a stable sort by time, then by session and by user
        order = np.argsort(ts, kind="stable")  # (np.lexsort on the three keys: 1.7× slower)
        order = order[stable_order(scodes[order])]
        order = order[stable_order(ucodes[order])]
        pair = ucodes * (int(scodes.max()) + 1) + scodes  # (user, session) as one code

        def pair_edges(lo: int, hi: int) -> None:
            ps = pair[order[max(lo - 1, 0):hi]]  # a new session where (user, session) changes
            np.not_equal(ps[1:], ps[:-1], out=new[max(lo, 1):hi])

        run_blocks(pair_edges, n)
        return order, new
    order = stable_order(scodes)
    by_user, counts = stable_order(ucodes[order], counts=True)
    order = order[by_user]
    del by_user

    def session_edges(lo: int, hi: int) -> None:
        ids = scodes[order[max(lo - 1, 0):hi]]
        np.not_equal(ids[1:], ids[:-1], out=new[max(lo, 1):hi])

    run_blocks(session_edges, n)
    new[np.cumsum(counts[counts > 0])[:-1]] = True  # each user's first event
    return order, new


def _gather(values: np.ndarray, order: np.ndarray) -> np.ndarray:
    """``values[order]``, block by block on the worker threads (a gather releases the GIL)."""
    out = np.empty(len(order), dtype=values.dtype)

    def part(lo: int, hi: int) -> None:
        np.take(values, order[lo:hi], out=out[lo:hi], mode="clip")  # positions valid: no buffered check

    run_blocks(part, len(order))
    return out


def _by_user_then_start(users: np.ndarray, first_t: np.ndarray) -> np.ndarray | None:
    """``np.lexsort((first_t, users))`` for sessions already grouped by user in ascending
    order; None when that order is the identity (session ids numbered in time order, the
    usual case: one comparison pass instead of a two-key sort)."""
    if len(users) < 2:
        return None
    same_user = users[1:] == users[:-1]
    if not (same_user & (first_t[1:] < first_t[:-1])).any():
        return None
    return np.lexsort((first_t, users))


@dataclass
class _Cut:
    """Sessions as arrays, one entry per session (before ``reorder``, when not None).

    ``rows`` are the positions in ``sub`` of each session's first event; ``start``
    and ``end`` the wall-clock microseconds of its first and last event.
    """

    sub: pd.DataFrame
    given: bool
    rows: np.ndarray | None  # None unless full=True, as ``end`` and ``events``
    start: np.ndarray
    end: np.ndarray | None
    events: np.ndarray | None
    seconds: np.ndarray
    reorder: np.ndarray | None


def _sessionize(
    frame: pd.DataFrame,
    *,
    timeout: str | pd.Timedelta | int,
    length: str,
    activity: ActiveFilter,
    keep: Sequence[str],
    user_col: str,
    time_col: str,
    session_col: str | None,
    duration_col: str | None,
    event_col: str,
    full: bool = True,
) -> _Cut:
    """Validate the events and cut them into sessions (see the module notes).

    Only the arrays that every event needs are gathered at full length (the sort
    order and the sorted times); everything else is taken at the sessions' first
    or last rows. User boundaries come from the users' event counts (the events
    are sorted by user), not from a sorted copy of the user codes. ``full=False``
    keeps only what an average needs (seconds and starts) and frees the rest early.
    """
    check_choice("length", length, ("span", "sum"))
    check_frame(frame, TABLE)
    require_columns(frame, {"user_col": user_col, "time_col": time_col, **{c: c for c in keep}},
                    TABLE)
    has_duration = duration_col is not None and duration_col in frame.columns
    if length == "sum" and not has_duration:
        raise InvalidParameterError(
            f"length='sum' adds up the seconds of each event, but the {TABLE} frame has no "
            f"{duration_col!r} column. Pass duration_col='<your column>' or use length='span'."
        )
    mask = _active_mask(frame, activity, event_col)
    sub = frame if mask is None else frame.loc[mask]
    if sub.empty:
        raise EmptyFrameError(
            "No event matches the activity definition (activity=...). Widen it or check the "
            "event names."
        )
    # Gaps and lengths between instants (a daylight-saving change is no hour of activity);
    # start and end shown on the data's own wall clock.
    (instants,), (clocks,) = as_instants(sub, [time_col], TABLE, local=True)
    ts = instants.to_numpy().astype("datetime64[us]", copy=False).view("int64")
    # naive times (and UTC) are their own wall clock: starts and ends need no second gather
    same_clock = clocks is instants
    wall = None if same_clock else clocks.to_numpy().astype("datetime64[us]", copy=False).view("int64")
    given = (session_col is not None and session_col in sub.columns
             and bool(sub[session_col].notna().any()))
    n = len(ts)
    if given and sub[session_col].isna().any():
        raise InvalidValueError(
            f"Column {session_col!r} of the {TABLE} frame is missing for "
            f"{int(sub[session_col].isna().sum())} event(s). Fill it, or pass "
            f"session_col=None to derive every session with the timeout."
        )
    if given and length == "span" and in_time_order(ts):  # the usual export: no sort needed
        found = log_sessions(sub[user_col], sub[session_col], user_col, events=full)
        if found is not None:
            return _cut_in_log_order(sub, found, ts, wall,
                                     _seconds(sub, duration_col) if has_duration else None,
                                     full=full)
    # users (int64: what the counting sort takes) and given sessions numbered at once: each
    # hash pass holds the GIL only part of the time
    tasks = [lambda: _codes(sub[user_col], user_col, sort=True)[0]]
    tasks += [lambda: first_seen_codes(sub[session_col])] if given else []
    ucodes, *rest = run_tasks(tasks)
    if given:
        order, new = _user_session_cut(ucodes, rest[0], ts)
        t_sorted = _gather(ts, order)
    else:
        limit = _timeout(timeout)
        order, counts = time_then_group_order(ucodes, ts, counts=True)
        t_sorted = _gather(ts, order)
        del ts
        new = np.empty(n, dtype=bool)
        new[0] = True

        def gaps(lo: int, hi: int, t=t_sorted, new=new) -> None:
            lo = max(lo, 1)  # a new session after a gap longer than the timeout
            np.greater(np.subtract(t[lo:hi], t[lo - 1:hi - 1]), limit, out=new[lo:hi])

        run_blocks(gaps, n)
        # the first event of every user (sorted by user: offsets of the users' counts)
        first_of_user = np.cumsum(counts[counts > 0])[:-1]
        new[first_of_user] = True
    starts = np.flatnonzero(new)
    del new
    secs_all = _seconds(sub, duration_col) if has_duration else None
    arrays = _per_session(t_sorted, order, starts, secs_all, span=length == "span",
                          rows=full or given or not same_clock, last_rows=full and not same_clock,
                          end=full and same_clock, events=full)
    del t_sorted, order, starts
    first_t, rows = arrays["first_t"], arrays["rows"]
    reorder = None
    if given:  # sorted by user and session id so far: order by user and start
        reorder = _by_user_then_start(ucodes[rows], first_t)
    if same_clock:
        start, end = first_t, arrays["end"]
    else:
        start = _gather(wall, rows)
        end = _gather(wall, arrays["last_rows"]) if full else None
    return _Cut(sub=sub, given=given, rows=rows if full else None, start=start, end=end,
                events=arrays["events"], seconds=arrays["seconds"], reorder=reorder)


def _seconds(sub: pd.DataFrame, column: str) -> np.ndarray:
    """The events' seconds, validated (:func:`cskit._validate.as_number`). Whole seconds in a
    NumPy integer column are kept as they are — each is converted where it is used, to the
    same float — so the column is not copied to float64 just to read a few of its rows."""
    values = sub[column]
    if isinstance(values.dtype, np.dtype) and values.dtype.kind in "iu":
        raw = values.to_numpy()
        if not any_blocks(lambda lo, hi: bool((raw[lo:hi] < 0).any()), len(raw)):
            return raw
    return as_number(sub, column, TABLE, allow_missing=True).to_numpy()


def _cut_in_log_order(sub: pd.DataFrame, found: LogSessions, ts: np.ndarray,
                      wall: np.ndarray | None, secs_all: np.ndarray | None, *, full: bool) -> _Cut:
    """:class:`_Cut` of ``length="span"`` from the first and last rows of each session
    (:func:`cskit.metrics._log_sessions.log_sessions`): the same arithmetic as
    :func:`_per_session`, on the sessions' own rows only."""
    first_t = ts[found.first]
    last = ts[found.last]
    end = last.copy() if full and wall is None else None
    last -= first_t
    seconds = np.divide(last, 1e6)
    if secs_all is not None:  # plus the time spent after the last event
        tail = secs_all[found.last]
        np.nan_to_num(tail, copy=False, nan=0.0)
        seconds += tail
    if wall is None:
        start = first_t
    else:
        start = wall[found.first]
        end = wall[found.last] if full else None
    return _Cut(sub=sub, given=True, rows=found.first if full else None, start=start, end=end,
                events=found.events, seconds=seconds, reorder=found.by_user)


def _per_session(
    t_sorted: np.ndarray,
    order: np.ndarray,
    starts: np.ndarray,
    secs_all: np.ndarray | None,
    *,
    span: bool,
    rows: bool,
    last_rows: bool,
    end: bool,
    events: bool,
) -> dict[str, np.ndarray | None]:
    """Everything a session needs from its first and last event, block by block on the workers.

    ``starts`` are the positions (in the sorted events) of each session's first
    event; a session ends just before the next one starts. ``first_t`` and
    ``seconds`` are always computed; ``rows``/``last_rows`` (positions of the
    first/last event in the unsorted frame), ``end`` (time of the last event) and
    ``events`` (count) on request. Each block gathers, subtracts and divides its
    own slice of the results, so no full-length temporary is built and every
    array is first written by the thread that fills it.
    """
    n, m = len(t_sorted), len(starts)
    out: dict[str, np.ndarray | None] = {
        "first_t": np.empty(m, dtype=np.int64),
        "seconds": np.empty(m, dtype=np.float64),
        "end": np.empty(m, dtype=np.int64) if end else None,
        "events": np.empty(m, dtype=np.int64) if events else None,
        "rows": np.empty(m, dtype=order.dtype) if rows else None,
        "last_rows": np.empty(m, dtype=order.dtype) if last_rows else None,
    }

    def block(lo: int, hi: int) -> None:
        s = starts[lo:hi]
        after = int(starts[hi]) if hi < m else n  # first event after the block's sessions
        e = np.empty_like(s)
        e[:-1] = s[1:]
        e[-1] = after
        e -= 1  # the last event of each session
        first = out["first_t"][lo:hi]
        np.take(t_sorted, s, out=first, mode="clip")
        seconds = out["seconds"][lo:hi]
        if span:
            last = np.take(t_sorted, e, mode="clip")
            if out["end"] is not None:
                out["end"][lo:hi] = last
            last -= first
            np.divide(last, 1e6, out=seconds)
        else:  # the sum of the durations of the session's events
            piece = secs_all[order[s[0]:after]].astype(np.float64, copy=False)
            np.nan_to_num(piece, copy=False, nan=0.0)
            seconds[:] = np.add.reduceat(piece, s - s[0])
            if out["end"] is not None:
                np.take(t_sorted, e, out=out["end"][lo:hi], mode="clip")
        if out["rows"] is not None:
            np.take(order, s, out=out["rows"][lo:hi], mode="clip")
        if out["last_rows"] is not None or (span and secs_all is not None):
            last_row = np.take(order, e, mode="clip")
            if out["last_rows"] is not None:
                out["last_rows"][lo:hi] = last_row
            if span and secs_all is not None:  # plus the time spent after the last event
                tail = secs_all[last_row]
                np.nan_to_num(tail, copy=False, nan=0.0)
                seconds += tail
        if out["events"] is not None:
            np.subtract(e, s, out=out["events"][lo:hi])
            out["events"][lo:hi] += 1

    run_blocks(block, m)
    return out


@cs_method(kpi="Average session duration", table="events", requires=("user_id", "timestamp"))
def session_duration(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    timeout: str | pd.Timedelta | int = "30min",
    length: str = "span",
    activity: ActiveFilter = None,
    user_col: str = "user_id",
    time_col: str = "timestamp",
    session_col: str | None = "session_id",
    duration_col: str | None = "duration_s",
    event_col: str = "event",
) -> pd.DataFrame | float:
    """Average session duration: total session seconds ÷ number of sessions.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        A session belongs to the period in which it starts.
    by : str, optional
        An event column (account, plan, product area …); a session takes the
        value of its first event (for ``event`` that is the entry point).
    timeout, length, activity, user_col, time_col, session_col, duration_col, event_col
        As in :func:`sessions`.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``sessions, total_seconds,
        session_duration`` (the mean, in seconds; the headline) and
        ``median_seconds``; a float (mean seconds) when ``period=None`` and not
        grouped. The median resists the few very long sessions that pull the
        mean up.

    Examples
    --------
    Sessions of 660 s and 120 s: (660 + 120) / 2 = 390 s.

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 1, 1],
    ...     "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 09:10",
    ...                                  "2026-10-01 09:50"]),
    ...     "duration_s": [30.0, 60.0, 120.0]})
    >>> ev.cs.session_duration(period=None)
    390.0
    >>> ev.cs.session_duration()  # doctest: +NORMALIZE_WHITESPACE
             sessions  total_seconds  session_duration  median_seconds
    period
    2026-10         2          780.0             390.0           390.0
    """
    freq = check_period(period)
    if by is None:
        return _duration_by_period(
            _sessionize(frame, timeout=timeout, length=length, activity=activity, keep=(),
                        user_col=user_col, time_col=time_col, session_col=session_col,
                        duration_col=duration_col, event_col=event_col, full=False),
            freq,
        )
    check_frame(frame, TABLE)
    require_columns(frame, {"by": by}, TABLE)
    s = sessions(
        frame, timeout=timeout, length=length, activity=activity,
        keep=[by] if by is not None and by != user_col else [], user_col=user_col,
        account_col=None, time_col=time_col, session_col=session_col,
        duration_col=duration_col, event_col=event_col,
    )
    keys: list[str] = []
    if freq is not None:
        s["period"] = s["start"].dt.to_period(freq)
        keys.append("period")
    if by is not None:
        keys.append(by)
    if not keys:
        return float(s["duration_s"].mean())
    g = s.groupby(keys, sort=True, dropna=False)["duration_s"]
    out = pd.DataFrame(
        {
            "sessions": g.size().astype(np.int64),
            "total_seconds": g.sum(),
            "median_seconds": g.median(),
        }
    )
    out["session_duration"] = out["total_seconds"] / out["sessions"]
    return out[COLUMNS]


_DAY_US = 86_400_000_000
#: Widest span of days mapped to periods through a per-day lookup table.
_MAX_DAYS = 5_000_000


def _duration_by_period(cut: _Cut, freq: str | None) -> pd.DataFrame | float:
    """:func:`session_duration` without ``by``, from the session arrays alone.

    The same numbers as grouping :func:`sessions`' frame (the sessions in the same
    order, so the same sums and medians), without building its id columns: each
    session's period comes from its start day through a table of the few hundred
    days the data spans.
    """
    seconds, start = cut.seconds, cut.start
    if cut.reorder is not None:
        seconds, start = seconds[cut.reorder], start[cut.reorder]
    values = pd.Series(seconds, copy=False)
    if freq is None:
        return float(values.mean())
    day = start // _DAY_US
    lo, hi = int(day.min()), int(day.max())
    if hi - lo >= _MAX_DAYS:  # a span of millennia: label each session directly
        labels = pd.Series(start.astype("datetime64[us]")).dt.to_period(freq)
        g = values.groupby(labels.array, sort=True)
        out = pd.DataFrame(
            {
                "sessions": g.size().astype(np.int64),
                "total_seconds": g.sum(),
                "median_seconds": g.median(),
            }
        )
        out.index = pd.PeriodIndex(out.index, name="period")
    else:
        per_day, periods = days_to_periods(lo, hi - lo + 1, freq)
        day -= lo
        codes = per_day[day]
        del day
        # The codes already number the periods in order: group on them as a categorical's
        # codes (no hashing of millions of sessions), count with bincount, and take the
        # median (the slow one) on a worker thread while this one adds up (both release
        # the GIL). Same sums and medians, in the same order, as grouping on the labels.
        g = values.groupby(pd.Categorical.from_codes(codes, categories=pd.RangeIndex(len(periods))),
                           observed=False, sort=True)
        count = np.bincount(codes, minlength=len(periods))
        g.ngroups  # noqa: B018  (the grouping, computed once before the two threads share it)
        median, total = run_tasks([g.median, g.sum])
        seen = count > 0  # a period without sessions between the first and the last
        out = pd.DataFrame(
            {
                "sessions": count[seen].astype(np.int64),
                "total_seconds": total.to_numpy()[seen],
                "median_seconds": median.to_numpy()[seen],
            },
            index=pd.PeriodIndex(periods[seen], name="period"),
        )
    out["session_duration"] = out["total_seconds"] / out["sessions"]
    return out[COLUMNS]
