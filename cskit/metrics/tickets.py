"""Support tickets: monthly volume, first response time, resolution time.

* :func:`ticket_volume` counts tickets created per period. General inquiries
  and spam are set apart first (``exclude``; their count stays in the result
  as ``excluded``). With the paying accounts of each period (``mrr=``) it
  also gives **tickets per 100 paying accounts**: a spike in volume may only mean more
  customers.
* :func:`response_time` is the time from creation to the first agent
  response; :func:`resolution_time` from creation to resolution. Median
  (default: it resists the few tickets that wait for days) or mean, in hours,
  on the calendar clock or on **business hours** (:class:`BusinessHours`).

Awkward tickets are counted, never silently dropped: tickets with no response
(or not resolved yet) are ``missing``; a response or resolution stamped
*before* the ticket's creation is ``invalid`` (excluded from the times, with a
warning naming up to five tickets, or an error with ``on_invalid="raise"``).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_instants,
    as_month,
    as_number,
    check_choice,
    check_frame,
    check_period,
    require_columns,
    to_period,
)
from cskit.errors import (
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    caller_stacklevel,
    format_values,
)
from cskit.metrics._gaps import empty_months, flag_gaps
from cskit.registry import cs_method

TABLE = "tickets"
_DAY = 86400


@dataclass(frozen=True)
class BusinessHours:
    """Opening hours of the support team, applied to the timestamps as they are.

    Parameters
    ----------
    start, end : str, default "09:00" and "18:00"
        Opening and closing time each working day (``end`` after ``start``;
        shifts past midnight are not supported).
    weekdays : sequence of int, default Monday–Friday
        Working days, 0 = Monday … 6 = Sunday.
    holidays : sequence of dates, default none
        Closed days.

    Convert the ticket timestamps to the support team's time zone first: the
    hours are read on the clock the data is in.

    Examples
    --------
    >>> hours = BusinessHours("09:00", "17:00")
    >>> created = pd.Series(pd.to_datetime(["2026-10-02 16:00"]))  # a Friday
    >>> answered = pd.Series(pd.to_datetime(["2026-10-05 10:30"]))  # the Monday after
    >>> float(hours.elapsed(created, answered)[0] / 3600)  # 1 h Friday + 1.5 h Monday
    2.5
    """

    start: str = "09:00"
    end: str = "18:00"
    weekdays: Sequence[int] = (0, 1, 2, 3, 4)
    holidays: Sequence[object] = ()

    def _seconds(self) -> tuple[int, int]:
        try:
            s = pd.Timedelta(self.start + ":00" if self.start.count(":") == 1 else self.start)
            e = pd.Timedelta(self.end + ":00" if self.end.count(":") == 1 else self.end)
        except (ValueError, AttributeError):
            raise InvalidParameterError(
                f"business hours start={self.start!r}, end={self.end!r} must be times like '09:00'."
            ) from None
        s, e = int(s.total_seconds()), int(e.total_seconds())
        if not 0 <= s < e <= _DAY:
            raise InvalidParameterError(
                f"business hours {self.start}–{self.end}: the end must be after the start on the "
                f"same day (24-hour support: pass business_hours=None)."
            )
        return s, e

    def _mask(self) -> list[bool]:
        days = {int(d) for d in self.weekdays}
        if not days or not days <= set(range(7)):
            raise InvalidParameterError(
                f"weekdays={tuple(self.weekdays)!r} must be numbers 0 (Monday) to 6 (Sunday)."
            )
        return [d in days for d in range(7)]

    def _clock(self, times: np.ndarray) -> np.ndarray:
        """Business seconds from 1970-01-01 to each time (a cumulative clock)."""
        s, e = self._seconds()
        mask = self._mask()
        holidays = np.array(pd.to_datetime(list(self.holidays)), dtype="datetime64[D]")
        day = times.astype("datetime64[D]")
        seconds = (times - day).astype("timedelta64[s]").astype(np.int64)
        epoch = np.datetime64("1970-01-01", "D")
        full_days = np.busday_count(epoch, day, weekmask=mask, holidays=holidays)
        open_today = np.is_busday(day, weekmask=mask, holidays=holidays)
        return full_days * (e - s) + open_today * np.clip(seconds - s, 0, e - s)

    def elapsed(self, begin: pd.Series, end: pd.Series) -> np.ndarray:
        """Business seconds between two datetime series (NaN where either is missing)."""
        b = begin.to_numpy(dtype="datetime64[s]")
        f = end.to_numpy(dtype="datetime64[s]")
        missing = np.isnat(b) | np.isnat(f)
        fill = np.datetime64("2000-01-03T00:00:00", "s")
        b, f = np.where(missing, fill, b), np.where(missing, fill, f)
        out = (self._clock(f) - self._clock(b)).astype(float)
        return np.where(missing, np.nan, out)


def _business_hours(spec: object) -> BusinessHours | None:
    if spec is None or spec is False:
        return None
    if spec is True:
        return BusinessHours()
    if isinstance(spec, BusinessHours):
        return spec
    if isinstance(spec, Mapping):
        unknown = set(spec) - {"start", "end", "weekdays", "holidays"}
        if unknown:
            raise InvalidParameterError(
                f"business_hours has unknown keys {sorted(unknown)}; use start, end, weekdays, "
                f"holidays."
            )
        return BusinessHours(**spec)
    raise InvalidParameterError(
        f"business_hours={spec!r} must be None (calendar hours), True (Mon–Fri 09:00–18:00), "
        f"a cskit.metrics.tickets.BusinessHours or a dict like "
        f"{{'start': '09:00', 'end': '18:00', 'weekdays': (0, 1, 2, 3, 4)}}."
    )


def _rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame if frame.index.is_unique else frame.reset_index(drop=True)


def _excluded(
    rows: pd.DataFrame,
    category: str | None,
    exclude: Sequence[str] | str | None,
    default: tuple[str, ...],
) -> np.ndarray:
    """Rows in an excluded category. A frame without a category column keeps every
    row when ``exclude`` is the default; an explicit ``exclude`` needs the column."""
    if isinstance(exclude, str):
        exclude = (exclude,)
    if not exclude or (category not in rows.columns and tuple(exclude) == default):
        return np.zeros(len(rows), dtype=bool)
    require_columns(rows, {"category_col": category}, TABLE)
    return rows[category].isin(list(exclude)).to_numpy()


def _keys(rows: pd.DataFrame, dates: pd.Series, freq: str | None, by: str | None) -> list:
    keys = []
    if freq is not None:
        keys.append(to_period(dates, freq).rename("period"))
    if by is not None:
        keys.append(rows[by].rename(by))
    return keys


def _active_per_period(active: object, freq: str, customer: str, month: str, mrr: str) -> pd.Series:
    """Accounts per period: mean of the monthly counts of paying accounts."""
    if isinstance(active, pd.Series):
        if not isinstance(active.index, pd.PeriodIndex):
            raise InvalidParameterError(
                "mrr= as a Series must be indexed by period (a PeriodIndex) with the number "
                "of paying accounts, e.g. mrr.groupby('month')['customer_id'].nunique()."
            )
        monthly = active.astype(float)
    elif isinstance(active, pd.DataFrame):
        check_frame(active, "mrr")
        require_columns(active, {"customer_col": customer, "month_col": month, "mrr_col": mrr},
                        "mrr")
        months = as_month(active, month, "mrr")
        paying = as_number(active, mrr, "mrr", allow_negative=True) > 0
        pairs = pd.DataFrame({"month": months[paying], "customer": active.loc[paying, customer]})
        monthly = pairs.drop_duplicates().groupby("month").size().astype(float)
    else:
        raise InvalidParameterError(
            "mrr= must be the mrr frame (an account counts when it pays in the month) or a "
            "Series of paying-account counts indexed by period."
        )
    if monthly.index.freqstr.startswith(freq):
        return monthly
    return monthly.groupby(monthly.index.asfreq(freq)).mean()


@cs_method(kpi="Monthly ticket volume", table=TABLE, requires=("created_at",))
def ticket_volume(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    exclude: Sequence[str] | str | None = ("spam", "general"),
    mrr: pd.DataFrame | pd.Series | None = None,
    created_col: str = "created_at",
    category_col: str = "category",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Tickets created per period, spam and general inquiries set apart, per 100 paying accounts.

    Parameters
    ----------
    frame : pandas.DataFrame
        Tickets.
    period : {"M", "Q", "Y", None}, default "M"
        ``None`` (with no ``by``) returns the total count as a float.
    by : str, optional
        Segment column, e.g. ``"channel"`` or ``"category"``.
    exclude : sequence of str, default ("spam", "general")
        Categories (values of ``category_col``) not counted as support
        tickets (counted in ``excluded``); ``()`` counts everything.
    mrr : mrr frame or Series, optional
        Paying accounts, for ``per_100_accounts``: the ``mrr`` frame (an
        account counts in a month when its MRR is above 0; for a quarter
        or year, the mean of its monthly counts) or a Series of counts
        indexed by period. Tickets of trial accounts count in the volume too.
        The count is the ``active_accounts`` column.
    created_col, category_col : str
        Column names of the tickets frame.
    customer_col, month_col, mrr_col : str
        Column names of the ``mrr`` frame.

    Returns
    -------
    float or pandas.DataFrame
        Indexed by ``period`` (every period from first to last, zero-filled)
        and/or ``by``: ``tickets, excluded`` and, with ``mrr``,
        ``active_accounts, per_100_accounts``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-09-02", "2026-09-20", "2026-10-01",
    ...                                   "2026-10-03", "2026-10-09"]),
    ...     "category": ["bug", "spam", "how_to", "bug", "general"]})
    >>> paying = pd.Series([40.0, 50.0], index=pd.period_range("2026-09", periods=2, freq="M"))
    >>> tickets.cs.ticket_volume(mrr=paying)  # doctest: +NORMALIZE_WHITESPACE
             tickets  excluded  active_accounts  per_100_accounts
    period
    2026-09        1         1             40.0               2.5
    2026-10        2         1             50.0               4.0
    """
    check_frame(frame, TABLE)
    freq = check_period(period)
    date, category = created_col, category_col
    active, customer, month = mrr, customer_col, month_col
    require_columns(frame, {"created_col": date, "by": by}, TABLE)
    rows = _rows(frame)
    dates = as_datetime(rows, date, TABLE)
    out_mask = _excluded(rows, category, exclude, ("spam", "general"))
    flags = pd.DataFrame(
        {"tickets": (~out_mask).astype("int64"), "excluded": out_mask.astype("int64")},
        index=rows.index,
    )
    keys = _keys(rows, dates, freq, by)
    if not keys:
        return float(flags["tickets"].sum())
    table = flags.groupby(keys, sort=True, observed=True, dropna=False).sum()
    if freq is not None:  # months without tickets are zero, not missing
        periods = pd.period_range(table.index.get_level_values("period").min(),
                                  table.index.get_level_values("period").max(), freq=freq,
                                  name="period")
        if by is None:
            table = table.reindex(periods, fill_value=0)
        else:
            groups = table.index.get_level_values(by).unique()
            full = pd.MultiIndex.from_product([periods, groups], names=["period", by])
            table = table.reindex(full, fill_value=0).sort_index()
        table = flag_gaps(table, empty_months(dates.dt.to_period("M"), TABLE, date))
    if active is not None:
        if freq is None:
            raise InvalidParameterError(
                "per_100_accounts needs periods: pass period='M' (or 'Q', 'Y') with mrr=."
            )
        counts = _active_per_period(active, freq, customer, month, mrr_col)
        per = table.index.get_level_values("period")
        act = counts.reindex(per).to_numpy(dtype=float)
        table["active_accounts"] = act
        with np.errstate(invalid="ignore", divide="ignore"):
            table["per_100_accounts"] = np.where(
                act > 0, table["tickets"].to_numpy() / act * 100.0, np.nan
            )
    return table


def _duration_metric(
    frame: pd.DataFrame,
    *,
    what: str,
    end_col: str,
    end_name: str,
    missing_name: str,
    period: str | None,
    by: str | None,
    stat: str,
    business_hours: object,
    created: str,
    category: str,
    exclude: Sequence[str] | str | None,
    on_invalid: str,
    ticket: str,
) -> pd.DataFrame | float:
    check_frame(frame, TABLE)
    freq = check_period(period)
    check_choice("stat", stat, ("median", "mean"))
    check_choice("on_invalid", on_invalid, ("drop", "raise"))
    hours_spec = _business_hours(business_hours)
    require_columns(frame, {"created_col": created, f"{end_name}_col": end_col, "by": by}, TABLE)
    rows = _rows(frame)
    rows = rows[~_excluded(rows, category, exclude, ("spam",))]
    if rows.empty:
        raise EmptyFrameError(
            f"Every ticket of the {TABLE} frame is in an excluded category ({exclude!r}); "
            f"pass exclude=() to keep them."
        )
    # Durations between instants (a daylight-saving change, columns in other zones);
    # months and business hours on the wall clock of the ``created`` column's zone.
    (start_at, finish_at), (start, finish) = as_instants(
        rows, [created, end_col], TABLE, allow_missing=[False, True], local=True
    )
    missing = finish.isna().to_numpy()
    invalid = (~missing) & (finish_at < start_at).to_numpy()
    if invalid.any():
        ids = rows[ticket] if ticket in rows.columns else pd.Series(rows.index, index=rows.index)
        shown = format_values(ids[invalid].tolist(), int(invalid.sum()))
        message = (
            f"{int(invalid.sum())} ticket(s) of the {TABLE} frame have {end_col!r} before "
            f"{created!r}: {shown}. "
        )
        if on_invalid == "raise":
            raise InvalidValueError(message + "Fix the timestamps (time zones?) or pass "
                                    "on_invalid='drop' to leave them out.")
        warnings.warn(message + "They are left out of the times and counted in 'invalid'.",
                      CskitWarning, stacklevel=caller_stacklevel())
    if hours_spec is None:
        seconds = (finish_at - start_at).dt.total_seconds().to_numpy(dtype=float)
    else:
        seconds = hours_spec.elapsed(start, finish)
    hours = np.where(missing | invalid, np.nan, seconds / 3600.0)
    parts = pd.DataFrame(
        {
            "hours": hours,
            "missing": missing.astype("int64"),
            "invalid": invalid.astype("int64"),
        },
        index=rows.index,
    )
    keys = _keys(rows, start, freq, by)
    if keys:
        grouped = parts.groupby(keys, sort=True, observed=True, dropna=False)
        table = grouped.agg(
            tickets=("hours", "size"),
            measured=("hours", "count"),
            missing=("missing", "sum"),
            invalid=("invalid", "sum"),
            median=("hours", "median"),
            mean=("hours", "mean"),
            p90=("hours", lambda h: h.quantile(0.9)),
        )
    else:
        h = parts["hours"]
        table = pd.DataFrame(
            {
                "tickets": [len(parts)],
                "measured": [int(h.count())],
                "missing": [int(parts["missing"].sum())],
                "invalid": [int(parts["invalid"].sum())],
                "median": [h.median()],
                "mean": [h.mean()],
                "p90": [h.quantile(0.9)],
            }
        )
    table = table.rename(columns={"missing": missing_name})
    table[what] = table[stat]
    table.attrs = {"stat": stat, "unit": "hours",
                   "clock": "calendar" if hours_spec is None else "business hours"}
    if not keys:
        return float(table[what].iloc[0])
    return table


@cs_method(kpi="First response time", table=TABLE, requires=("created_at", "first_response_at"))
def response_time(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    stat: str = "median",
    business_hours: BusinessHours | Mapping[str, object] | bool | None = None,
    created_col: str = "created_at",
    responded_col: str = "first_response_at",
    category_col: str = "category",
    exclude: Sequence[str] | str | None = ("spam",),
    on_invalid: str = "drop",
    ticket_col: str = "ticket_id",
) -> pd.DataFrame | float:
    """Time to first response, in hours: median (default) or mean, calendar or business hours.

    Parameters
    ----------
    frame : pandas.DataFrame
        Tickets.
    period : {"M", "Q", "Y", None}, default "M"
        Tickets are placed in the period they were created in; ``None``
        returns one number (unless ``by`` is given).
    by : str, optional
        Segment column, e.g. ``"channel"``.
    stat : {"median", "mean"}, default "median"
        Which statistic is the ``response_time`` column (both are listed).
    business_hours : None, True, dict or BusinessHours, default None
        ``None``: calendar hours. Otherwise only open hours count (``True``
        = Monday–Friday 09:00–18:00; a dict with ``start``, ``end``,
        ``weekdays``, ``holidays``).
    created_col, responded_col, category_col, ticket_col : str
        Column names.
    exclude : sequence of str, default ("spam",)
        Categories (values of ``category_col``) left out.
    on_invalid : {"drop", "raise"}, default "drop"
        A response stamped before the ticket's creation: leave the ticket out
        of the times (warning, counted in ``invalid``) or raise.

    Returns
    -------
    float or pandas.DataFrame
        Hours when neither ``period`` nor ``by`` is given; otherwise
        ``tickets, measured, no_response, invalid, median, mean, p90,
        response_time`` per group.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-10-01 09:00"] * 4),
    ...     "first_response_at": pd.to_datetime(["2026-10-01 10:00", "2026-10-01 11:00",
    ...                                          "2026-10-03 09:00", None])})
    >>> tickets.cs.response_time(period=None)  # median of 1, 2 and 48 hours
    2.0
    >>> tickets.cs.response_time(period=None, stat="mean")  # (1 + 2 + 48) / 3
    17.0
    >>> tickets.cs.response_time()[["tickets", "measured", "no_response"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             tickets  measured  no_response
    period
    2026-10        4         3            1
    """
    return _duration_metric(
        frame, what="response_time", end_col=responded_col, end_name="responded",
        missing_name="no_response", period=period, by=by, stat=stat,
        business_hours=business_hours, created=created_col, category=category_col,
        exclude=exclude, on_invalid=on_invalid, ticket=ticket_col,
    )


@cs_method(kpi="Resolution time", table=TABLE, requires=("created_at", "resolved_at"))
def resolution_time(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    stat: str = "median",
    business_hours: BusinessHours | Mapping[str, object] | bool | None = None,
    created_col: str = "created_at",
    resolved_col: str = "resolved_at",
    category_col: str = "category",
    exclude: Sequence[str] | str | None = ("spam",),
    on_invalid: str = "drop",
    ticket_col: str = "ticket_id",
) -> pd.DataFrame | float:
    """Time from creation to resolution, in hours; unresolved tickets are counted, not timed.

    Same parameters as :func:`response_time` (``resolved_col`` names the
    resolution column; ``period="M"`` by default, ``None`` for one number). The result has ``unresolved`` where
    :func:`response_time` has ``no_response``, and ``resolution_time``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-10-01 09:00"] * 3),
    ...     "resolved_at": pd.to_datetime(["2026-10-01 13:00", "2026-10-02 09:00", None])})
    >>> tickets.cs.resolution_time()[["measured", "unresolved", "median"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             measured  unresolved  median
    period
    2026-10         2           1    14.0
    """
    return _duration_metric(
        frame, what="resolution_time", end_col=resolved_col, end_name="resolved",
        missing_name="unresolved", period=period, by=by, stat=stat,
        business_hours=business_hours, created=created_col, category=category_col,
        exclude=exclude, on_invalid=on_invalid, ticket=ticket_col,
    )
