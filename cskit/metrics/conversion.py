"""Conversion rates: an ordered funnel, and free-trial to paid conversion.

The 16-KPI article defines conversion as conversions ÷ visitors (or ÷ leads)
× 100 and names free-to-paid conversion among the onboarding KPIs. Two things
make that number move without any change in the business, and cskit makes
both explicit:

* **who is in the denominator** – a funnel divides each stage by the one
  before it (step rate) and by the first stage (overall rate), counting only
  entities that went through the stages in order (``ordered=``);
* **when a trial counts** – a trial is counted when it has *ended* (its
  scheduled end is in the window), so trials still running do not sit in the
  denominator as if they had failed.

Rates are fractions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_instants,
    check_choice,
    check_days,
    check_frame,
    check_period,
    require_columns,
    to_period,
)
from cskit.errors import InvalidParameterError, InvalidValueError, MissingColumnError
from cskit.registry import cs_method

FUNNEL_COLUMNS = ["entities", "dropped", "step_rate", "overall_rate"]


def _as_times(frame: pd.DataFrame, column: str, table: str) -> pd.Series:
    """A stage column as datetimes (NaT = not reached); booleans become a marker."""
    s = frame[column]
    if pd.api.types.is_bool_dtype(s.dtype):
        return pd.Series(np.where(s.to_numpy(dtype=bool), pd.Timestamp(0), pd.NaT),
                         index=s.index, dtype="datetime64[us]")
    return as_datetime(frame, column, table, allow_missing=True)


def _within(value: object) -> pd.Timedelta | None:
    if value is None:
        return None
    try:
        delta = pd.Timedelta(days=value) if isinstance(value, (int, float)) and not isinstance(
            value, bool) else pd.Timedelta(value)
    except (ValueError, TypeError):
        delta = None
    if delta is None or pd.isna(delta) or delta < pd.Timedelta(0):
        raise InvalidParameterError(
            f"within={value!r} is not a duration; pass days (e.g. 30) or a string such as "
            f"'30D' or '12h'."
        )
    return delta


def _wide_times(frame: pd.DataFrame, stages: list[str], table: str) -> np.ndarray:
    """Times (int64 µs, NaT as the minimum int) of each stage column: rows × stages."""
    dated = [s for s in stages if not pd.api.types.is_bool_dtype(frame[s].dtype)]
    # Stage times are compared with each other: as instants, whatever zone each is kept in.
    instants = dict(zip(dated, as_instants(frame, dated, table, allow_missing=True),
                        strict=True)) if dated else {}
    cols = [(instants[s] if s in instants else _as_times(frame, s, table))
            .to_numpy(dtype="datetime64[us]").astype(np.int64) for s in stages]
    return np.column_stack(cols)


def _long_times(
    frame: pd.DataFrame, stages: list[str], entity: str, event: str, timestamp: str,
    ordered: str, table: str,
) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """For an events frame: the entities of the first stage, each stage's time per
    entity (the first qualifying event), and each entity's first row position."""
    require_columns(frame, {"user_col": entity, "event_col": event, "time_col": timestamp}, table)
    ts = as_datetime(frame, timestamp, table).to_numpy(dtype="datetime64[us]").astype(np.int64)
    names = frame[event]
    ids, uniques = pd.factorize(frame[entity], sort=False)
    if (ids < 0).any():
        raise InvalidValueError(
            f"Column {entity!r} of the {table} frame has {int((ids < 0).sum())} missing id(s). "
            f"Drop or fill those rows first."
        )
    nat = np.iinfo(np.int64).min
    times = np.full((len(uniques), len(stages)), nat, dtype=np.int64)
    first_row = np.full(len(uniques), -1, dtype=np.int64)
    reached = np.ones(len(uniques), dtype=bool)
    floor = np.full(len(uniques), nat, dtype=np.int64)
    for k, stage in enumerate(stages):  # a loop over the few stages, not over rows
        rows = np.flatnonzero((names == stage).to_numpy())
        who, when = ids[rows], ts[rows]
        if ordered == "time" and k > 0:
            ok = reached[who] & (when >= floor[who])
            rows, who, when = rows[ok], who[ok], when[ok]
        order = np.lexsort((when, who))
        who, when, rows = who[order], when[order], rows[order]
        firsts = np.r_[True, who[1:] != who[:-1]] if len(who) else np.array([], dtype=bool)
        times[who[firsts], k] = when[firsts]
        if k == 0:
            first_row[who[firsts]] = rows[firsts]
        hit = times[:, k] != nat
        reached &= hit
        floor = np.where(hit, times[:, k], floor)
    return pd.Index(uniques), times, first_row


@cs_method(kpi="Conversion rate (funnel)", table="events",
           requires=("user_id", "event", "timestamp"))
def conversion(
    frame: pd.DataFrame,
    stages: Sequence[str],
    *,
    period: str | None = "M",
    by: str | None = None,
    ordered: str = "time",
    within: object = None,
    user_col: str = "user_id",
    event_col: str = "event",
    time_col: str = "timestamp",
) -> pd.DataFrame:
    """Conversion through an ordered funnel of stages.

    Two shapes of input:

    * **one row per entity** (e.g. the ``accounts`` table): each stage is a
      column holding the date the entity reached it (empty: not reached) or a
      boolean, e.g. ``stages=["trial_start", "first_login_at", "converted_at"]``;
    * **one row per event** (e.g. the ``events`` table): stages are values of
      the ``event_col`` column, entities are ``user_col`` ids, and a stage is reached
      at the entity's first such event.

    Parameters
    ----------
    frame : pandas.DataFrame
    stages : sequence of str
        At least two stages, in funnel order.
    period : {"M", "Q", "Y", None}, default "M"
        Group entities by the period in which they reached the first stage
        (a cohort view; the first stage must then be a date); ``None`` takes
        them all.
    by : str, optional
        Segment column (for events: the value on the entity's first-stage event).
    ordered : {"time", "reached", "none"}, default "time"
        ``"time"``: a stage counts only if every earlier stage was reached, and
        not before the previous stage. ``"reached"``: every earlier stage was
        reached, in any order. ``"none"``: each stage is counted on its own,
        among the entities that reached the first stage.
    within : int, str or Timedelta, optional
        Count a stage only if reached at most this long after the first stage
        (an int is days), e.g. ``within=30`` for "converted within 30 days".
    user_col, event_col, time_col : str
        Column names of an events frame (``user_col`` names the entity counted:
        pass ``user_col="account_id"`` to count accounts).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``stage`` (after ``period`` and/or ``by`` when grouped):
        ``entities`` (reaching the stage), ``dropped`` (lost since the previous
        stage), ``step_rate`` (÷ previous stage) and ``overall_rate`` (÷ first
        stage). The funnel's conversion is the last row's ``overall_rate``.

    Examples
    --------
    Visitors → signups → paid: 3 of 4 visitors signed up, 1 of them paid
    (e's payment without a signup does not count in an ordered funnel).

    >>> import pandas as pd, cskit
    >>> leads = pd.DataFrame({
    ...     "visit": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]),
    ...     "signup": pd.to_datetime(["2026-01-02", "2026-01-05", None, "2026-01-04"]),
    ...     "paid": pd.to_datetime(["2026-01-20", None, "2026-01-09", None])})
    >>> leads.cs.conversion(["visit", "signup", "paid"], period=None)
    ... # doctest: +NORMALIZE_WHITESPACE
            entities  dropped  step_rate  overall_rate
    stage
    visit          4        0   1.000000          1.00
    signup         3        1   0.750000          0.75
    paid           1        2   0.333333          0.25
    """
    table = "funnel"
    entity, event, timestamp = user_col, event_col, time_col
    check_frame(frame, table)
    check_choice("ordered", ordered, ("time", "reached", "none"))
    freq = check_period(period)
    stages = list(stages) if not isinstance(stages, str) else [stages]
    if len(stages) < 2 or len(set(stages)) != len(stages):
        raise InvalidParameterError(
            f"stages={stages!r}: give at least two different stages in funnel order, e.g. "
            f"['trial_start', 'converted_at']."
        )
    limit = _within(within)
    nat = np.iinfo(np.int64).min
    wide = all(s in frame.columns for s in stages)
    if wide:
        if by is not None:
            require_columns(frame, {"by": by}, table)
        times = _wide_times(frame, stages, table)
        dated = np.array([not pd.api.types.is_bool_dtype(frame[st].dtype) for st in stages])
        if freq is not None and not dated[0]:
            raise InvalidParameterError(
                f"period={period!r} groups entities by the date of the first stage, but "
                f"{stages[0]!r} holds booleans. Start the funnel with a date column, or pass "
                f"period=None for the whole span."
            )
        segment = frame[by].to_numpy() if by is not None else None
    elif event in frame.columns:
        _, times, first_row = _long_times(frame, stages, entity, event, timestamp, ordered, table)
        if by is not None:
            require_columns(frame, {"by": by}, table)
        keep = first_row >= 0
        times, first_row = times[keep], first_row[keep]
        segment = frame[by].to_numpy()[first_row] if by is not None else None
    else:
        missing = [s for s in stages if s not in frame.columns]
        raise MissingColumnError(
            f"Stages {missing[:5]!r} are neither columns of the frame nor, without an "
            f"{event!r} column, event names. Pass the date columns of each stage, or an events "
            f"frame with event_col={event!r}, user_col=... and time_col=...."
        )
    hit = times != nat
    first = times[:, 0]
    if limit is not None:
        start = np.where(hit[:, 0], first, 0)
        reached_at = np.where(hit, times, start[:, None])
        hit &= (reached_at - start[:, None] <= limit.value // 1000) & hit[:, [0]]
    if ordered == "time" and wide:
        later = np.ones_like(hit)
        later[:, 1:] = (times[:, 1:] >= times[:, :-1]) | ~dated[None, 1:] | ~dated[None, :-1]
        hit &= later
    if ordered in ("time", "reached"):
        hit = np.logical_and.accumulate(hit, axis=1)
    entered = hit[:, 0]
    hit &= entered[:, None]  # the funnel's population: entities that reached its first stage
    keys: list[np.ndarray] = []
    names: list[str] = []
    labels: list[pd.Index] = []
    if freq is not None:
        stamps = pd.Series(np.where(entered, first, 0).astype("datetime64[us]"))
        per = to_period(stamps, freq)
        codes, uniques = pd.factorize(per[entered], sort=True)
        full = np.full(len(first), -1)
        full[entered] = codes
        keys.append(full)
        names.append("period")
        labels.append(pd.PeriodIndex(uniques, freq=freq))
    if segment is not None:
        codes, uniques = pd.factorize(pd.Series(segment), sort=True, use_na_sentinel=False)
        keys.append(codes)
        names.append(by)
        labels.append(pd.Index(uniques))
    n_stage = len(stages)
    if keys:
        sizes = [len(lab) for lab in labels]
        cell = np.ravel_multi_index(tuple(np.maximum(k, 0) for k in keys), sizes)
        n_cells = int(np.prod(sizes))
        counts = np.stack([np.bincount(cell[hit[:, k]], minlength=n_cells)
                           for k in range(n_stage)], axis=1)
        index = pd.MultiIndex.from_product([*labels, pd.Index(stages)], names=[*names, "stage"])
        counts = counts.reshape(-1, n_stage)
        present = counts[:, 0] > 0
        counts = counts[present]
        index = index[np.repeat(present, n_stage)]
    else:
        counts = hit.sum(axis=0)[None, :]
        index = pd.Index(stages, name="stage")
    previous = np.concatenate([counts[:, :1], counts[:, :-1]], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        step = np.where(previous > 0, counts / np.where(previous > 0, previous, 1), np.nan)
        overall = np.where(counts[:, :1] > 0, counts / np.where(counts[:, :1] > 0,
                                                              counts[:, :1], 1), np.nan)
    result = pd.DataFrame(
        {
            "entities": counts.ravel().astype(np.int64),
            "dropped": (previous - counts).ravel().astype(np.int64),
            "step_rate": step.ravel(),
            "overall_rate": overall.ravel(),
        },
        index=index,
    )
    return result[FUNNEL_COLUMNS]


@cs_method(
    kpi="Trial (free-to-paid) conversion",
    table="accounts",
    requires=("account_id", "trial_start", "converted_at"),
)
def trial_conversion(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    trial_days: int = 14,
    grace_days: int | None = None,
    as_of: object = None,
    account_col: str = "account_id",
    trial_start_col: str = "trial_start",
    converted_col: str = "converted_at",
    trial_end_col: str | None = None,
) -> pd.DataFrame | float:
    """Free-trial to paid conversion: converted ÷ trials that ended in the window.

    A trial *ends* ``trial_days`` after it starts (or on the ``trial_end_col``
    column when given). It is counted in the period of its end, and only once
    it has ended by ``as_of``: a trial still running is neither a success nor
    a failure yet. Accounts without a trial start are not trials.

    Parameters
    ----------
    frame : pandas.DataFrame
        The ``accounts`` table (one row per account).
    period : {"M", "Q", "Y", None}, default "M"
        Periods of the trial end, from the first to the one holding ``as_of``
        (that last one may be partial). ``None``: every ended trial, one number.
    by : str, optional
        Segment column (e.g. ``"segment"``).
    trial_days : int, default 14
        Length of a trial, used when there is no ``trial_end_col`` column.
    grace_days : int, optional
        Count a conversion only if it happened at most this many days after
        the trial ended (``0``: during the trial). ``None``: any conversion
        up to ``as_of`` counts.
    as_of : date, optional
        When the data ends. Default: the latest trial start or conversion.
    account_col, trial_start_col, converted_col : str
        Column names; ``converted_col`` is empty for accounts that never paid.
    trial_end_col : str, optional
        Column with each trial's end, overriding ``trial_days``.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``trials_ended``, ``converted``,
        ``numerator`` (= converted), ``denominator`` (= trials ended) and
        ``trial_conversion``. A float with ``period=None`` when not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> accounts = pd.DataFrame({
    ...     "account_id": ["a", "b", "c", "d"],
    ...     "trial_start": pd.to_datetime(["2026-01-01", "2026-01-05", "2026-01-10",
    ...                                    "2026-01-30"]),
    ...     "converted_at": pd.to_datetime(["2026-01-10", None, "2026-01-12", None])})
    >>> # d's trial ends on 13 February, after the data: not counted yet
    >>> accounts.cs.trial_conversion(period=None, as_of="2026-02-01")
    0.6666666666666666
    >>> accounts.cs.trial_conversion(as_of="2026-02-01")  # doctest: +NORMALIZE_WHITESPACE
             trials_ended  converted  numerator  denominator  trial_conversion
    period
    2026-01             3          2          2            3          0.666667
    2026-02             0          0          0            0               NaN
    """
    table = "accounts"
    check_frame(frame, table)
    freq = check_period(period)
    account, trial_start, converted, trial_end = (account_col, trial_start_col, converted_col,
                                                  trial_end_col)
    require_columns(frame, {"account_col": account, "trial_start_col": trial_start,
                            "converted_col": converted, "trial_end_col": trial_end, "by": by},
                    table)
    check_days("trial_days", trial_days, minimum=1)
    if grace_days is not None:
        check_days("grace_days", grace_days, minimum=0, none_ok=True)
    # Every column on one clock (the trial start's zone), so zones cannot reorder them.
    columns = [trial_start, converted] + ([trial_end] if trial_end is not None else [])
    _, clocks = as_instants(frame, columns, table, allow_missing=True, local=True)
    start, done = clocks[0], clocks[1]
    early = done.notna() & start.notna() & (done < start)
    if early.any():
        ids = frame.loc[early.to_numpy(), account].head(5).tolist()
        raise InvalidValueError(
            f"Column {converted!r} of the {table} frame is before {trial_start!r} for "
            f"{int(early.sum())} account(s): {', '.join(map(repr, ids))}. Fix those dates, or "
            f"empty {trial_start!r} for accounts that bought without a trial."
        )
    if trial_end is not None:
        end = clocks[2].fillna(start + pd.Timedelta(days=int(trial_days)))
    else:
        end = start + pd.Timedelta(days=int(trial_days))
    if as_of is None:
        latest = pd.concat([start, done]).max()
    else:
        try:
            latest = pd.Timestamp(as_of)
        except (ValueError, TypeError):
            latest = pd.NaT
        if pd.isna(latest):
            raise InvalidParameterError(f"as_of={as_of!r} is not a date; pass e.g. '2026-10-31'.")
    is_trial = start.notna()
    ended = is_trial & (end <= latest)
    if not ended.any():
        raise InvalidValueError(
            f"No trial in the {table} frame has ended by {latest}: nothing to divide by. Check "
            f"{trial_start!r}, trial_days or as_of."
        )
    won = ended & done.notna() & (done <= latest)
    if grace_days is not None:
        won &= done <= end + pd.Timedelta(days=int(grace_days))
    work = pd.DataFrame({"trials_ended": ended.to_numpy(), "converted": won.to_numpy()})
    keys: list[str] = []
    if freq is not None:
        work["period"] = to_period(end.where(ended), freq).to_numpy()
        keys.append("period")
    if by is not None:
        work[by] = frame[by].to_numpy()
        keys.append(by)
    work = work[work["trials_ended"]]
    if not keys:
        return float(work["converted"].sum() / len(work))
    out = work.groupby(keys, sort=True, observed=True, dropna=False)[
        ["trials_ended", "converted"]].sum().astype(np.int64)
    if freq is not None:
        # every period from the first trial end to as_of, even one with no trial ending
        periods = pd.period_range(out.index.get_level_values("period").min(),
                                  pd.Period(latest, freq=freq), freq=freq, name="period")
        if by is None:
            out = out.reindex(periods, fill_value=0)
        else:
            full = pd.MultiIndex.from_product(
                [periods, out.index.get_level_values(by).unique().sort_values()],
                names=["period", by])
            out = out.reindex(full, fill_value=0)
    out["numerator"] = out["converted"]
    out["denominator"] = out["trials_ended"]
    out["trial_conversion"] = (out["converted"] / out["trials_ended"]).where(
        out["trials_ended"] > 0)
    return out
