"""Intervals and tests shared by the KPIs, from SciPy's distributions.

One module for the statistics every survey and rate KPI uses: normal and
Student-t quantiles, the two-sided t and z p-values, the Wilson interval of a
share and the t interval of a mean. Everything is vectorised over groups.
"""

from __future__ import annotations

import numpy as np

from cskit.errors import InvalidParameterError

__all__ = [
    "mean_interval",
    "normal_p_value",
    "t_pvalue",
    "t_quantile",
    "two_proportion_test",
    "wilson_interval",
    "z",
]


def _stats():  # scipy.stats is imported on first use: `import cskit` stays quick
    from scipy import stats

    return stats


def z(level: float) -> float:
    """The normal quantile of a two-sided interval at ``level``.

    Examples
    --------
    >>> round(z(0.95), 4)
    1.96
    """
    from scipy.special import ndtri  # what norm.ppf computes, without importing scipy.stats

    from cskit._validate import check_level

    return float(ndtri(0.5 + check_level(level) / 2.0))


def normal_p_value(statistic: np.ndarray | float) -> np.ndarray | float:
    """Two-sided p-value of a z statistic: P(|Z| ≥ |z|).

    Examples
    --------
    >>> round(float(normal_p_value(1.959964)), 4)
    0.05
    """
    return 2.0 * _stats().norm.sf(np.abs(statistic))


def two_proportion_test(
    k1: np.ndarray | float, n1: np.ndarray | float, k2: np.ndarray | float,
    n2: np.ndarray | float,
) -> tuple[np.ndarray | float, np.ndarray | float]:
    """z statistic and two-sided p-value of the change from ``k1 / n1`` to ``k2 / n2``.

    The pooled two-proportion z test: under "no change" both shares are
    ``p = (k1 + k2) / (n1 + n2)``, so ``se = √(p (1 − p) (1/n1 + 1/n2))`` and
    ``z = (k2/n2 − k1/n1) / se``. NaN where a count is missing or ``n`` is 0;
    where both shares are 0 or both 1 (``se = 0``) there is no change: z = 0, p = 1.

    Examples
    --------
    >>> zs, p = two_proportion_test(251, 494, 291, 519)  # 50.8 % -> 56.1 %
    >>> round(float(zs), 3), round(float(p), 3)
    (1.678, 0.093)
    """
    k1, n1, k2, n2 = (np.asarray(v, dtype=float) for v in (k1, n1, k2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled = (k1 + k2) / (n1 + n2)
        se = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
        diff = k2 / n2 - k1 / n1
        statistic = np.where(se > 0, diff / se, np.where(np.isfinite(diff), 0.0, np.nan))
    bad = (n1 <= 0) | (n2 <= 0) | ~np.isfinite(k1 + k2 + n1 + n2)
    statistic = np.where(bad, np.nan, statistic)
    p_value = np.where(np.isnan(statistic), np.nan, normal_p_value(statistic))
    if statistic.ndim == 0:
        return float(statistic), float(p_value)
    return statistic, p_value


def t_pvalue(t: np.ndarray | float, df: np.ndarray | float) -> np.ndarray:
    """Two-sided p-value of a t statistic: P(|T| ≥ |t|) with ``df`` degrees of freedom.

    NaN where ``t`` is not finite or ``df`` ≤ 0.

    Examples
    --------
    >>> round(float(t_pvalue(2.262157, 9)), 4)
    0.05
    """
    t, df = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (t, df)))
    with np.errstate(invalid="ignore"):
        p = 2.0 * _stats().t.sf(np.abs(t), np.where(df > 0, df, np.nan))
    return np.where(np.isfinite(t) & (df > 0), p, np.nan)


def t_quantile(prob: float, df: np.ndarray | float) -> np.ndarray:
    """Quantile of Student's t distribution (``prob`` in (0.5, 1)), element-wise in ``df``.

    ``df`` may be fractional (Welch–Satterthwaite); NaN where ``df`` ≤ 0.

    Examples
    --------
    >>> round(float(t_quantile(0.975, 9)), 4)
    2.2622
    >>> round(float(t_quantile(0.975, 1)), 3)
    12.706
    """
    if not 0.5 < prob < 1:
        raise InvalidParameterError(f"prob={prob!r} must be between 0.5 and 1.")
    df = np.asarray(df, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.asarray(_stats().t.ppf(prob, np.where(df > 0, df, np.nan)), dtype=float)


def wilson_interval(
    k: np.ndarray | float, n: np.ndarray | float, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a share ``k / n``.

    ``centre = (p + z²/2n) / (1 + z²/n)``,
    ``half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)``.

    Examples
    --------
    >>> low, high = wilson_interval(8, 10)
    >>> round(float(low), 3), round(float(high), 3)
    (0.49, 0.943)
    """
    q = z(level)
    k, n = (np.asarray(v, dtype=float) for v in (k, n))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1.0 + q**2 / n
        centre = (p + q**2 / (2 * n)) / denom
        half = q / denom * np.sqrt(p * (1 - p) / n + q**2 / (4 * n**2))
    low = np.clip(centre - half, 0.0, 1.0)
    high = np.clip(centre + half, 0.0, 1.0)
    # At k = 0 (or k = n) the bound is exactly 0 (or 1); rounding must not lift it above the share.
    return np.where((k <= 0) & (n > 0), 0.0, low), np.where((k >= n) & (n > 0), 1.0, high)


def mean_interval(
    mean: np.ndarray | float, sd: np.ndarray | float, n: np.ndarray | float, *, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standard error and t interval of a mean: ``mean ± t(n−1) · sd/√n``.

    Returns ``(se, low, high)``; NaN where n < 2 (no spread can be estimated).

    Examples
    --------
    >>> se, low, high = mean_interval(4.0, 1.0, 10)
    >>> round(float(se), 4), round(float(low), 3), round(float(high), 3)
    (0.3162, 3.285, 4.715)
    """
    z(level)
    mean, sd, n = (np.asarray(v, dtype=float) for v in (mean, sd, n))
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.where(n >= 2, sd / np.sqrt(n), np.nan)
    tq = t_quantile(0.5 + level / 2.0, np.where(n >= 2, n - 1.0, np.nan))
    return se, mean - tq * se, mean + tq * se
