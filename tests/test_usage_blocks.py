"""usage() counted block by block on the workers equals the whole-array counts.

The block path (``cskit.metrics._usage_counts``) marks pairs in shared bitmaps
from several threads; the reference here is usage's own whole-array path
(forced by declaring that the bitmaps do not fit) and, for the codes, pandas'
``factorize``. Results must be equal exactly, on frames built to hit the edges:
users in two accounts, an activity filter, unused categories, tiny blocks.
"""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from cskit.metrics import _blocks, _ids
from cskit.metrics import _usage_counts as counts

usage_module = importlib.import_module("cskit.metrics.usage")


def events(seed: int, shared_users: bool) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n, n_users, n_accounts = 3_000, 150, 12
    users = rng.integers(0, n_users, n)
    home = rng.integers(0, n_accounts, n_users)
    accounts = rng.integers(0, n_accounts, n) if shared_users else home[users]
    return pd.DataFrame({
        "user_id": users,
        "account_id": pd.Categorical(np.char.add("a", accounts.astype(str)),
                                     categories=[f"a{i}" for i in range(n_accounts + 3)][::-1]),
        "timestamp": pd.Timestamp("2026-01-30") + pd.to_timedelta(
            rng.integers(0, 86_400 * 100, n), unit="s"),
        "event": pd.Categorical(rng.choice(["login", "report", "export", "view"], n)),
    })


@pytest.mark.parametrize("shared_users", [False, True])
@pytest.mark.parametrize("period", ["M", "Q", None])
@pytest.mark.parametrize("block", [64, 1 << 20])
def test_blocks_equal_whole_arrays(monkeypatch, shared_users, period, block):
    ev = events(block + len(str(period)), shared_users)
    kw = {"period": period, "key_features": ["report", "export"], "activity": ["login", "report"]}
    monkeypatch.setattr(_blocks, "BLOCK", block)
    monkeypatch.setattr(counts, "STEP", block)
    monkeypatch.setattr(_ids, "STEP", block)
    by_blocks = usage_module.usage(ev, **kw)
    monkeypatch.setattr(counts, "fits", lambda *args: False)
    whole = usage_module.usage(ev, **kw)
    pd.testing.assert_frame_equal(by_blocks, whole, check_exact=True)
    # and the hand count of one group: distinct active days of the first account-period
    first = by_blocks.index[0]
    account = first[-1] if period else first
    rows = ev[(ev["account_id"] == account) & ev["event"].isin(["login", "report"])]
    if period:
        rows = rows[rows["timestamp"].dt.to_period(period) == first[0]]
    assert by_blocks.iloc[0]["active_days"] == rows["timestamp"].dt.normalize().nunique()


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(pd.Categorical(["b", "a", "c", "a"], categories=["c", "a", "b", "z"])),
        pd.Series(pd.Categorical(["b", "a", "b"], categories=["c", "a", "b"], ordered=True)),
        pd.Series(pd.Categorical([3, 1, 3, 7], categories=[7, 3, 1, 9])),
        pd.Series(pd.Categorical(["x", "y"], categories=["y", "x"])),
        pd.Series(["u10", "u2", "u10", "a", ""], dtype="str"),  # packed into integers
        pd.Series(["계정-10", "계정-2", "계정-10"], dtype="str"),  # over 8 bytes: hashed as text
    ],
)
def test_sorted_codes_are_factorizes(values):
    codes, uniques = usage_module._sorted_codes(values)
    expected_codes, expected = pd.factorize(values, sort=True)
    np.testing.assert_array_equal(codes, expected_codes)
    assert codes.dtype == np.int32
    if not isinstance(values.dtype, pd.CategoricalDtype):  # as usage labels its groups
        expected = pd.Index(expected, dtype=values.dtype)
    pd.testing.assert_index_equal(uniques, pd.Index(expected), exact=True)
