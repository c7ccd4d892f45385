"""Product usage from event data: usage (frequency, breadth, depth), feature adoption, first login.

Activity is chosen with ``activity=`` as in :mod:`cskit.metrics.activity`.
"""


from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import (
    as_date_param,
    as_datetime,
    as_instants,
    check_choice,
    check_frame,
    check_period,
    offending,
    require_columns,
)
from cskit.errors import (
    InvalidParameterError,
    InvalidValueError,
)
from cskit.metrics import _usage_counts as _counts
from cskit.metrics._blocks import run_tasks
from cskit.metrics._events import (
    TABLE,
    ActiveFilter,
    _active_mask,
    _codes,
    _day_bounds,
    _is_bool,
    _period_labels,
    _seats,
    _unique_keys,
    days_to_periods,
)
from cskit.metrics._ids import dense_codes, sorted_text_codes
from cskit.registry import cs_method

_PARALLEL_ROWS = 2_000_000


@cs_method(kpi="Product usage rate", table="events",
           requires=("user_id", "account_id", "timestamp"))
def usage(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    per: str = "account",
    key_features: Sequence[str] | None = None,
    accounts: pd.DataFrame | None = None,
    activity: ActiveFilter = None,
    user_col: str = "user_id",
    account_col: str = "account_id",
    time_col: str = "timestamp",
    event_col: str = "event",
    seats_col: str = "seats",
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
    per : {"account", "user"}, default "account"
        Unit of the rows. Breadth exists only for accounts.
    key_features : list of str, optional
        Event names that mark the product's key features (depth). Any event of
        these names counts, whatever ``activity`` says.
    accounts : pandas.DataFrame, optional
        ``accounts`` frame with ``account_id, seats`` for breadth.
    activity : None, list of event names, boolean Series or callable
        What counts as activity (for frequency and active users).
    user_col, account_col, time_col, event_col, seats_col : str
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
    check_choice("per", per, ("account", "user"))
    check_frame(frame, TABLE)
    unit = account_col if per == "account" else user_col
    needs_event = key_features is not None or not (activity is None or callable(activity) or (
        isinstance(activity, (pd.Series, np.ndarray)) and _is_bool(activity)))
    require_columns(
        frame,
        {"user_col": user_col, "account_col": account_col if per == "account" else None,
         "time_col": time_col, "event_col": event_col if needs_event else None},
        TABLE,
    )
    mask = _active_mask(frame, activity, event_col)
    ts = as_datetime(frame, time_col, TABLE)
    if frame[unit].isna().any():
        _codes(frame[unit], unit)  # raises: names the missing ids
    # the rows' units, numbered in sorted order (the groups' order), and for accounts their
    # users: two numberings at once on the workers (each hash pass holds the GIL only in part)
    if per == "account":
        (unit_codes, units), (ucodes, users) = run_tasks(
            [lambda: _sorted_codes(frame[unit]), lambda: _codes(frame[user_col], user_col)])
        ucodes = _small(ucodes, len(users))
    else:
        unit_codes, units = _sorted_codes(frame[unit])
        ucodes, users = unit_codes, units
    feats = None
    if key_features is not None:
        feats = list(dict.fromkeys(key_features))
        if not feats:
            raise InvalidParameterError("key_features is empty; name the product's key events.")
    n_units = max(len(units), 1)
    unit_codes = _small(unit_codes, n_units)
    stamps = ts.to_numpy()
    del ts
    d0, last = _day_bounds(stamps) if len(stamps) else (0, 0)
    n_days = last - d0 + 1
    per_day, periods = days_to_periods(d0, n_days, freq if len(stamps) else None)
    n_groups = max(len(periods), 1) * n_units
    if per_day is not None:  # each row's day, period and (period, unit) group, on the workers
        codes = _counts.row_codes(stamps, d0, per_day, unit_codes, n_units, n_groups)
        day, pcode, group, day_period = codes.day, codes.pcode, codes.group, per_day
    else:  # a span of millennia: the rows' periods are labelled directly
        day = stamps.astype("datetime64[D]").view("int64") - d0
        day = _small(day, n_days)  # days from the first: 4 bytes a row
        pcode, periods = pd.factorize(pd.Series(stamps).dt.to_period(freq).array, sort=True)
        n_groups = max(len(periods), 1) * n_units
        pcode = _small(pcode, n_groups)
        group = pcode * pcode.dtype.type(n_units)  # < n_groups: no overflow in its dtype
        group += unit_codes
        day_period = pcode_of_days(pcode, day, n_days)
        codes = _counts.RowCodes(day=day, pcode=pcode, group=group)
    del stamps
    # one integer per (period, unit), ordered like the pair: the groups, sorted
    events = codes.events if codes.events is not None else np.bincount(group, minlength=n_groups)
    present = np.flatnonzero(events)
    act = slice(None) if mask is None else mask
    n_feats = len(feats) if feats is not None else 0
    counted = None
    if _counts.fits(len(day), n_units, n_days, n_groups, n_feats):
        counted = _counts.counts(
            codes, mask=mask, unit_codes=unit_codes, n_units=n_units, n_days=n_days,
            day_period=day_period, n_groups=n_groups,
            user_codes=ucodes if per == "account" else None, n_users=max(len(users), 1),
            features=_feature_lookup(frame[event_col], feats) if feats is not None else None,
            n_features=n_feats, monotone=per_day is not None,
        )

    def active_days() -> np.ndarray:
        # a day lies in one period: distinct (unit, day) pairs give each group's active days
        pairs = _unique_keys(_key(unit_codes[act], n_days, day[act]), n_units * n_days)
        pair_unit, pair_day = np.divmod(pairs.astype(np.int64, copy=False), n_days)
        return np.bincount(day_period[pair_day].astype(np.int64) * n_units + pair_unit,
                           minlength=n_groups)

    def active_users() -> np.ndarray:
        if counted is not None and counted["active_users"] is not None:
            return counted["active_users"]
        return _active_users(pcode[act], unit_codes[act], ucodes[act], n_units, n_groups,
                             max(len(users), 1))

    def features_used() -> np.ndarray:
        if counted is not None:
            return counted["features_used"]
        fcode = _feature_codes(frame[event_col], feats)
        is_key = fcode >= 0
        used = _unique_keys(group[is_key].astype(np.int64) * len(feats) + fcode[is_key],
                            n_groups * len(feats))
        return np.bincount(used // len(feats), minlength=n_groups)

    if counted is not None:
        counts = [counted["active_days"]]
        counts += [active_users()] if per == "account" else []
        counts += [features_used()] if feats is not None else []
    else:
        # three independent counts over the rows: one pool task each (NumPy releases the
        # GIL) on large frames; below ~2 M rows the hand-offs cost more than they save
        tasks = [active_days]
        tasks += [active_users] if per == "account" else []
        tasks += [features_used] if feats is not None else []
        counts = run_tasks(tasks) if len(day) >= _PARALLEL_ROWS else [task() for task in tasks]
    out = pd.DataFrame({"events": events[present].astype(np.int64)})
    out["active_days"] = counts.pop(0)[present].astype(np.int64)
    if per == "account":
        out["active_users"] = counts.pop(0)[present].astype(np.int64)
        if accounts is not None:
            s = _seats(accounts, account_col, seats_col)
            out["seats"] = s.reindex(pd.Index(units).take(present % n_units)).to_numpy()
            out["breadth"] = out["active_users"] / out["seats"]
    if feats is not None:
        out["key_features_used"] = counts.pop(0)[present].astype(np.int64)
        out["depth"] = out["key_features_used"] / len(feats)
    labels = pd.Index(units).take(present % n_units)
    if freq is None:
        out.index = labels.rename(unit)
        return out
    out.index = pd.MultiIndex.from_arrays(
        [pd.PeriodIndex(periods[present // n_units]), labels], names=["period", unit])
    return out


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes numbering ``values`` in sorted order, and the values as grouping labels them."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        raw = values.cat.codes.to_numpy()
        if len(raw) and raw.min() >= 0:  # what factorize(sort=True) gives, without hashing:
            # the categories present, in the categories' order, numbered 0, 1, …
            codes = raw.astype(np.int32)
            present = dense_codes(codes, len(values.cat.categories))
            return codes, pd.CategoricalIndex(pd.Categorical.from_codes(present,
                                                                         dtype=values.dtype))
    found = sorted_text_codes(values)
    if found is not None:  # short text ids numbered in sorted order, without hashing
        return found[0], pd.Index(values.array.take(found[1]))
    codes, uniques = pd.factorize(values, sort=True)
    codes = _small(codes, len(uniques))
    uniques = pd.Index(uniques)
    if values.dtype == object:  # labels typed as grouping infers them (text: str)
        uniques = pd.Index(uniques.tolist())
    elif uniques.dtype != values.dtype and not isinstance(values.dtype, pd.CategoricalDtype):
        uniques = uniques.astype(values.dtype)
    return codes, uniques


def pcode_of_days(pcode: np.ndarray, day: np.ndarray, n_days: int) -> np.ndarray:
    """The period code of every day of the span (days without a row: 0, never looked up)."""
    table = np.zeros(n_days, dtype=pcode.dtype)
    table[day] = pcode
    return table


def _feature_codes(events: pd.Series, feats: list[str]) -> np.ndarray:
    """Each row's position in ``feats`` (−1 for other events); a categorical column is
    looked up once per category (one byte a row when the categories are few)."""
    if isinstance(events.dtype, pd.CategoricalDtype):
        lookup = pd.Index(feats).get_indexer(events.cat.categories)
        small = np.int8 if len(feats) < 127 else np.int64
        lookup = np.append(lookup, -1).astype(small)  # code −1 (missing): the last entry
        return lookup[events.cat.codes.to_numpy()]
    return pd.Index(feats).get_indexer(events)


def _feature_lookup(events: pd.Series, feats: list[str]):
    """``(lo, hi) -> _feature_codes(events, feats)[lo:hi]``: a categorical column is looked
    up block by block (one small table), any other column once."""
    if isinstance(events.dtype, pd.CategoricalDtype):
        lookup = pd.Index(feats).get_indexer(events.cat.categories)
        small = np.int8 if len(feats) < 127 else np.int64
        lookup = np.append(lookup, -1).astype(small)  # code −1 (missing): the last entry
        raw = events.cat.codes.to_numpy()
        return lambda lo, hi: lookup[raw[lo:hi]]
    whole = pd.Index(feats).get_indexer(events)
    return lambda lo, hi: whole[lo:hi]


def _key(high: np.ndarray, base: int, low: np.ndarray) -> np.ndarray:
    """``high * base + low``, built in place (one full-length array, not three): int32
    when every key fits, else int64."""
    top = (int(high.max()) + 1) * base if len(high) else 0
    key = high.astype(np.int32 if top < 2**31 else np.int64)
    key *= base
    key += low
    return key


def _small(codes: np.ndarray, size: int) -> np.ndarray:
    """``codes`` (all in ``[0, size)``) as int32 when they fit: half the memory of int64."""
    return codes.astype(np.int32, copy=False) if size < 2**31 else codes.astype(np.int64)


def _distinct_per_group(group: np.ndarray, value: np.ndarray, n_groups: int,
                        n_values: int) -> np.ndarray:
    """How many distinct ``value`` each group holds: a bitmap of the pairs when it is at
    most a few bytes per row, else a sort of the pairs."""
    keys = _key(group, n_values, value)
    size = n_groups * n_values
    if size > max(16 * len(keys), 1 << 24):
        keys = np.sort(keys)
        keep = np.ones(len(keys), dtype=bool)
        np.not_equal(keys[1:], keys[:-1], out=keep[1:])
        pairs = keys[keep]
    else:
        pairs = _unique_keys(keys, size)
    return np.bincount(pairs // n_values, minlength=n_groups)


def _active_users(pcode: np.ndarray, unit: np.ndarray, user: np.ndarray, n_units: int,
                  n_groups: int, n_users: int) -> np.ndarray:
    """Distinct users of each (period, unit) group.

    When every user belongs to one unit (the usual events log: a user is in one account),
    a distinct (period, user) pair is a distinct (period, unit, user) triple, and the
    pairs fit a small bitmap; otherwise the triples are counted directly.
    """
    if len(user) == 0:
        return np.zeros(n_groups, dtype=np.int64)
    home = np.zeros(n_users, dtype=unit.dtype)
    home[user] = unit
    if bool((home[user] == unit).all()):
        n_periods = n_groups // n_units
        if n_periods * n_users <= max(16 * len(user), 1 << 24):
            pairs = _unique_keys(_key(pcode, n_users, user), n_periods * n_users)
            p, u = np.divmod(pairs.astype(np.int64, copy=False), n_users)
            return np.bincount(p * n_units + home[u], minlength=n_groups)
    return _distinct_per_group(_key(pcode, n_units, unit), user, n_groups, n_users)


@cs_method(kpi="Feature adoption", table="events", requires=("account_id", "timestamp", "event"))
def feature_adoption(
    frame: pd.DataFrame,
    *,
    features: Sequence[str],
    period: str | None = "M",
    per: str = "account",
    activity: ActiveFilter = None,
    user_col: str = "user_id",
    account_col: str = "account_id",
    time_col: str = "timestamp",
    event_col: str = "event",
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
    per : {"account", "user"}, default "account"
        Who adopts: an account (any of its users used the feature) or a user.
    activity : None, list of event names, boolean Series or callable
        Which units are *active* (the denominator): any event by default. A
        unit that used a feature but was not active in the period is not
        counted as an adopter either.
    user_col, account_col, time_col, event_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (unless None) and ``feature``: ``adopters,
        active, numerator, denominator, feature_adoption`` (``numerator`` =
        ``adopters``, ``denominator`` = ``active``).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"account_id": ["a", "a", "b", "c"],
    ...     "timestamp": pd.to_datetime(["2026-10-01"] * 4),
    ...     "event": ["login", "report", "login", "export"]})
    >>> fa = ev.cs.feature_adoption(features=["report", "export"], period=None)
    >>> fa[["adopters", "active", "feature_adoption"]]  # doctest: +NORMALIZE_WHITESPACE
             adopters  active  feature_adoption
    feature
    report          1       3          0.333333
    export          1       3          0.333333
    """
    freq = check_period(period)
    check_choice("per", per, ("account", "user"))
    if isinstance(features, str):
        features = [features]
    feats = list(dict.fromkeys(features))
    if not feats:
        raise InvalidParameterError("features is empty; name at least one event.")
    check_frame(frame, TABLE)
    unit = account_col if per == "account" else user_col
    require_columns(frame, {f"{per}_col": unit, "time_col": time_col, "event_col": event_col},
                    TABLE)
    _codes(frame[unit], unit)  # rejects missing ids
    ts = as_datetime(frame, time_col, TABLE)
    mask = _active_mask(frame, activity, event_col)
    base = pd.DataFrame({"p": _period_labels(ts, freq), "u": frame[unit].array,
                         "e": frame[event_col].array})
    act = (base if mask is None else base.loc[mask])[["p", "u"]].drop_duplicates()
    denom = act.groupby("p").size()
    used = base.loc[base["e"].isin(feats)].drop_duplicates(["p", "u", "e"])
    used = used.merge(act, on=["p", "u"])  # adopters are active units of the period
    num = used.groupby(["p", "e"]).size()
    full = pd.MultiIndex.from_product([denom.index, pd.Index(feats)], names=["period", "feature"])
    num.index = num.index.set_names(["period", "feature"])
    out = pd.DataFrame({"adopters": num.reindex(full, fill_value=0).astype(np.int64)})
    out["active"] = denom.reindex(full.get_level_values(0)).to_numpy().astype(np.int64)
    out["numerator"] = out["adopters"]
    out["denominator"] = out["active"]
    out["feature_adoption"] = out["adopters"] / out["active"]
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
    account_col: str = "account_id",
    signup_col: str = "signup_at",
    first_login_col: str = "first_login_at",
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
    account_col, signup_col, first_login_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``new_accounts, logged_in,
        too_recent, numerator, denominator, first_login_rate`` (``numerator`` =
        ``logged_in``, ``denominator`` = ``new_accounts``); a float when ``period=None`` and not grouped.

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
        {"account_col": account_col, "signup_col": signup_col,
         "first_login_col": first_login_col, "by": by},
        "accounts",
    )
    # both on the signup column's clock, so a login kept in another zone compares right
    _, (s, f) = as_instants(frame, [signup_col, first_login_col], "accounts",
                            allow_missing=[False, True], local=True)
    early = f.notna() & (f < s.dt.normalize())
    if early.any():
        raise InvalidValueError(
            f"Column {first_login_col!r} of the accounts frame is before {signup_col!r} for "
            f"{int(early.sum())} account(s), e.g. {offending(frame[account_col], early)}. "
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
    out["numerator"] = out["logged_in"]
    out["denominator"] = out["new_accounts"]
    out["first_login_rate"] = (out["logged_in"] / out["new_accounts"]).where(
        out["new_accounts"] > 0
    )
    if freq is None:
        if by is None:
            return float(out["first_login_rate"].iloc[0])
        return out.droplevel("period")
    return out
