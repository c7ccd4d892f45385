"""Calendar, time and id helpers shared by the sample-data generators.

Inside the generators every instant is an ``int64`` number of seconds since
1970-01-01 (naive, i.e. in the company's own time zone). That keeps the
arithmetic vectorised and exact; frames get real ``datetime64`` columns only
at the end (:func:`to_datetime`). A missing instant is :data:`NAT`, the
``int64`` value NumPy reads as ``NaT``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DAY = 86_400
NAT = np.iinfo(np.int64).min

#: First month of the sample company and number of months it covers.
FIRST_MONTH = pd.Period("2023-11", freq="M")
N_MONTHS = 36
#: Month ordinals 2023-11 … 2026-11 (the extra one closes the last month).
MONTHS = pd.period_range(FIRST_MONTH, periods=N_MONTHS + 1, freq="M")
#: Seconds at the first instant of each month in :data:`MONTHS`.
MONTH_START = (MONTHS.to_timestamp().to_numpy().astype("datetime64[s]").astype(np.int64))
START = int(MONTH_START[0])
END = int(MONTH_START[-1])  # 2026-11-01 00:00: the data stop just before it
#: Calendar month (1-12) of each simulated month.
CALENDAR = MONTHS.month.to_numpy()[:N_MONTHS]
#: Number of days in each simulated month.
MONTH_DAYS = ((MONTH_START[1:] - MONTH_START[:-1]) // DAY).astype(np.int64)

TRIAL_DAYS = 14
PRICE_CHANGE = int(np.datetime64("2025-07-01", "s").astype(np.int64))
INSIGHTS_LAUNCH = int(np.datetime64("2025-03-01", "s").astype(np.int64))

SEGMENTS = np.array(["SMB", "Mid-Market", "Enterprise"])
PLANS = np.array(["starter", "growth", "scale"])
LANGUAGES = np.array(["en", "ko", "ja", "zh-Hant"])


def month_of(seconds: np.ndarray) -> np.ndarray:
    """Index (0 … 35) of the simulated month holding each instant."""
    return np.searchsorted(MONTH_START, seconds, side="right") - 1


def to_datetime(seconds: np.ndarray) -> np.ndarray:
    """Seconds (with :data:`NAT` for missing) to ``datetime64[us]`` values."""
    return np.asarray(seconds, dtype=np.int64).view("datetime64[s]").astype("datetime64[us]")


def make_ids(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    """Zero-padded string ids, e.g. ``make_ids("A", [1, 2], 5)`` -> ``A00001, A00002``."""
    digits = np.char.zfill(np.asarray(numbers, dtype=np.int64).astype(str), width)
    return np.char.add(prefix, digits).astype(object)


def pick(rng: np.random.Generator, table: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One category per draw; draw *i* uses the probabilities in ``table[rows[i]]``.

    ``table`` is a 2-D array of (unnormalised) probabilities, one row per kind
    of draw (e.g. per segment); the result holds column indices.
    """
    table = np.asarray(table, dtype=float)
    cum = np.cumsum(table / table.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(rows))
    return np.minimum((u[:, None] >= cum[rows]).sum(axis=1), table.shape[1] - 1)


def time_of_day(rng: np.random.Generator, n: int) -> np.ndarray:
    """Seconds after midnight, clustered in office hours (late morning, mid-afternoon)."""
    hours = np.where(rng.random(n) < 0.5, rng.normal(10.5, 1.8, n), rng.normal(15.0, 2.2, n))
    return np.clip(hours * 3600, 0, DAY - 1).astype(np.int64)


def draw_times(
    rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray, weekend_keep: float = 0.35
) -> tuple[np.ndarray, np.ndarray]:
    """Instants inside ``[lo, hi)`` in office hours, weekends thinned.

    Returns the instants and a mask of the ones kept (inside the interval and
    surviving the weekend thinning); callers drop the others.
    """
    n = len(lo)
    span = np.maximum(hi - lo, 1)
    day = (lo + (rng.random(n) * span).astype(np.int64)) // DAY
    t = day * DAY + time_of_day(rng, n)
    weekday = (day + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    keep = (t >= lo) & (t < hi) & ((weekday < 5) | (rng.random(n) < weekend_keep))
    return t, keep


def expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ``counts = [2, 0, 3]``: owners ``[0, 0, 2, 2, 2]`` and ranks ``[0, 1, 0, 1, 2]``."""
    counts = np.asarray(counts, dtype=np.int64)
    owner = np.repeat(np.arange(len(counts)), counts)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, rank


def str_column(values: np.ndarray) -> pd.Series:
    """A pandas ``str`` column (missing values stay NaN)."""
    return pd.Series(values, dtype="str")
