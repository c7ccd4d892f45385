"""The block-parallel kernels give the same numbers whatever the blocks and threads.

Blocks are shrunk to a few rows so that every block edge (a customer's months split
between two blocks, a window reaching into the next block) is crossed many times,
and the results are checked against the plain-Python models of test_properties.
"""

from __future__ import annotations

import contextlib
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from test_properties import FLOWS, model_active, model_monthly_churn, model_movements, panels

from cskit.metrics import _blocks, _kernels, _take
from cskit.metrics._panel import _factorize, customer_months
from cskit.metrics._take import (
    _parallel_order,
    stable_order,
    take_values,
    time_then_group_order,
)


@contextlib.contextmanager
def tiny_blocks(rows: int = 3):
    saved = _blocks.BLOCK, _kernels.BLOCK
    _blocks.BLOCK, _kernels.BLOCK = 2, rows
    try:
        yield
    finally:
        _blocks.BLOCK, _kernels.BLOCK = saved


def shuffled(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def model_monthly_nrr(frame: pd.DataFrame) -> pd.DataFrame:
    """Window of one month: the start customers' MRR then and one month later."""
    months, paying = model_active(frame)
    rows = []
    for prev, cur in itertools.pairwise(months):
        a, b = paying[prev], paying[cur]
        kept = set(a) & set(b)
        rows.append({"start_customers": len(a), "retained_customers": len(kept),
                     "start": sum(a.values()), "end": sum(b[c] for c in kept)})
    return pd.DataFrame(rows, index=pd.PeriodIndex(months[1:], name="period", freq="M"))


@given(panels(), st.integers(1, 5), st.integers(0, 3))
def test_movements_across_blocks_match_the_model(frame, rows, seed):
    expected = model_movements(frame)
    with tiny_blocks(rows):
        for data in (frame, shuffled(frame, seed)):
            table = data.cs.mrr_movements()
            pd.testing.assert_frame_equal(table[["start", *FLOWS, "end"]], expected)


@given(panels(products=False), st.integers(1, 5), st.integers(0, 3))
def test_churn_across_blocks_matches_the_model(frame, rows, seed):
    expected = model_monthly_churn(frame)
    with tiny_blocks(rows):
        for data in (frame, shuffled(frame, seed)):
            got = data.cs.churn()
            pd.testing.assert_frame_equal(got[expected.columns.tolist()], expected)


@given(panels(), st.integers(1, 5))
def test_nrr_across_blocks_matches_the_model(frame, rows):
    assume(frame["month"].max() > frame["month"].min())  # a one-month window needs two
    expected = model_monthly_nrr(frame)
    with tiny_blocks(rows):
        got = frame.cs.nrr(window=1)
    for col in ("start_customers", "retained_customers"):
        np.testing.assert_array_equal(got[col].to_numpy(), expected[col].to_numpy())
    for col in ("start", "end"):
        np.testing.assert_allclose(got[col].to_numpy(), expected[col].to_numpy(dtype=float))


@given(panels(), st.integers(1, 4))
def test_segments_across_blocks_equal_one_block(frame, rows):
    assume(frame["month"].max() > frame["month"].min())
    one = frame.cs.mrr_movements(by="segment"), frame.cs.churn(by="segment"), \
        frame.cs.nrr(window=1, by="segment")
    with tiny_blocks(rows):
        many = frame.cs.mrr_movements(by="segment"), frame.cs.churn(by="segment"), \
            frame.cs.nrr(window=1, by="segment")
    for a, b in zip(one, many, strict=True):  # integer amounts: float sums are exact
        pd.testing.assert_frame_equal(a, b)


def test_threads_do_not_change_a_single_bit(monkeypatch):
    rng = np.random.default_rng(3)
    n_customers, n_months = 400, 24
    frame = pd.DataFrame({
        "customer_id": np.repeat([f"c{i:04d}" for i in range(n_customers)], n_months),
        "month": np.tile(pd.period_range("2024-01", periods=n_months, freq="M"), n_customers),
        "mrr": rng.random(n_customers * n_months) * 100 * (rng.random(n_customers * n_months) > 0.2),
    })
    results = []
    for threads in ("1", "2", "3"):
        monkeypatch.setenv("CSKIT_THREADS", threads)
        monkeypatch.setattr(_blocks, "_POOL", None)
        with tiny_blocks(97):
            results.append((frame.cs.mrr_movements(), frame.cs.nrr(window=3)))
    for other in results[1:]:
        for a, b in zip(results[0], other, strict=True):
            pd.testing.assert_frame_equal(a, b, check_exact=True)


@pytest.mark.parametrize(
    "ids",
    [
        ["b", "a", "b", "c"],             # interleaved: hashed
        ["b", "b", "a", "c", "c", "c"],   # grouped but not sorted
        ["a", "a", "b", "b", "a"],        # one id in two runs
        ["x"],
        [f"id{i // 3:03d}" for i in range(60)],  # grouped and sorted
    ],
)
def test_codes_are_pandas_factorize(ids):
    with tiny_blocks():
        for series in (pd.Series(ids), pd.Series(ids, dtype=object), pd.Series(ids).astype("category")):
            codes, uniques = _factorize(series)
            want_codes, want_uniques = pd.factorize(series, sort=False)
            np.testing.assert_array_equal(codes, want_codes)
            pd.testing.assert_index_equal(uniques, pd.Index(want_uniques))


def test_sorted_frame_is_read_in_place_and_never_written():
    frame = pd.DataFrame({
        "customer_id": ["a", "a", "b", "c", "c"],
        "month": pd.PeriodIndex(["2026-01", "2026-02", "2026-01", "2026-02", "2026-03"], freq="M"),
        "mrr": [10.0, 0.0, 5.0, 7.0, 8.0],
    })
    before = frame.copy()
    p = customer_months(frame)
    q = customer_months(shuffled(frame, 1))
    def rows(panel):
        return sorted(zip(panel.customers[panel.customer], panel.month, panel.mrr, strict=True))

    assert rows(p) == rows(q)  # the sorted frame read in place == the shuffled one sorted
    np.testing.assert_array_equal(p.mrr, [10.0, 5.0, 7.0, 8.0])  # the zero month is not paying
    paying = frame[frame["mrr"] > 0].reset_index(drop=True)
    r = customer_months(paying)
    for values in (r.month, r.mrr):
        with pytest.raises(ValueError):
            values[0] = 0  # a view of the caller's data is read-only
    pd.testing.assert_frame_equal(frame, before)


@pytest.mark.parametrize("top", [1, 300, 2**16 - 1, 2**16 + 5, 3 * 2**20])
def test_stable_order_is_a_stable_argsort(top):
    rng = np.random.default_rng(top)
    codes = rng.integers(0, top + 1, 5_000)
    np.testing.assert_array_equal(stable_order(codes), np.argsort(codes, kind="mergesort"))


@pytest.mark.parametrize("parts", [2, 3, 16])
@pytest.mark.parametrize("top", [0, 7, 2**16 + 5])
def test_order_sorted_in_slices_is_the_one_stable_order(parts, top):
    # slices sorted apart and merged by counting give np.argsort's stable order,
    # whatever the number of slices (a code may be absent from a slice)
    rng = np.random.default_rng(parts * 1000 + top)
    codes = rng.integers(0, top + 1, 3_001)
    codes[:500] = top  # one slice holding only the largest code
    order, counts = _parallel_order(codes, top, parts)
    np.testing.assert_array_equal(order, np.argsort(codes, kind="mergesort"))
    np.testing.assert_array_equal(counts, np.bincount(codes, minlength=top + 1))


@pytest.mark.parametrize("sorter", ["missing", "changed"])
@pytest.mark.parametrize("top", [9, 2**16 + 5])
def test_stable_order_without_pandas_counting_sort(monkeypatch, sorter, top):
    # the radix passes give the same order when pandas' internal is absent or changed
    def changed(*args):
        raise TypeError("groupsort_indexer() takes other arguments")

    monkeypatch.setattr(_take, "_counting_sort", None if sorter == "missing" else changed)
    codes = np.random.default_rng(top).integers(0, top + 1, 4_000)
    order, counts = stable_order(codes, counts=True)
    np.testing.assert_array_equal(order, np.argsort(codes, kind="mergesort"))
    np.testing.assert_array_equal(counts, np.bincount(codes))


def test_stable_order_of_sparse_codes_builds_no_table_of_counts():
    # a (user, session) pair code can reach billions: sorting 4 of them must not allocate
    # a count per possible code (a regression: 11 GB for the sample's session pairs)
    import tracemalloc

    codes = np.array([3_000_000_000, 0, 5, 2**31, 5])
    tracemalloc.start()
    try:
        order = stable_order(codes)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert order.tolist() == [1, 2, 4, 3, 0]
    assert peak < 1 << 20


def test_stable_order_uses_the_slices_on_many_rows(monkeypatch):
    rng = np.random.default_rng(3)
    codes = rng.integers(0, 1_000, 20_000)
    monkeypatch.setattr(_take, "_PARALLEL_ROWS", 1_000)
    monkeypatch.setattr(_take, "workers", lambda: 4)
    calls = []
    real = _take._parallel_order
    monkeypatch.setattr(_take, "_parallel_order",
                        lambda *a: calls.append(a[2]) or real(*a))
    np.testing.assert_array_equal(stable_order(codes), np.argsort(codes, kind="mergesort"))
    assert calls == [4]


@pytest.mark.parametrize("in_time_order", [True, False])
def test_group_then_time_order_is_lexsort(in_time_order):
    rng = np.random.default_rng(7)
    times = rng.integers(0, 50, 2_000)  # many ties
    times = np.sort(times) if in_time_order else times
    groups = rng.integers(0, 70_000, 2_000)
    np.testing.assert_array_equal(time_then_group_order(groups, times),
                                  np.lexsort((times, groups)))


@pytest.mark.parametrize(
    "series",
    [
        pd.Series(["u2", "u1", "u3", "u1"]),
        pd.Series(["u2", "u1", "u3", "u1"]).astype("category"),
        pd.Series(["u2", "u1", "u3", "u1"], dtype=object),
        pd.Series([5, 3, 5, 9]),
        pd.Series(pd.Categorical([1, 2, 1, 2])),
    ],
)
def test_taken_ids_are_stored_like_the_object_detour(series):
    rows = np.array([3, 0, 0, 2])
    fast = pd.DataFrame({"id": take_values(series, rows)})
    slow = pd.DataFrame({"id": series.to_numpy()[rows]})
    pd.testing.assert_frame_equal(fast, slow)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")
def test_a_forked_child_gets_its_own_pool(monkeypatch):
    import multiprocessing

    monkeypatch.setenv("CSKIT_THREADS", "2")
    monkeypatch.setattr(_blocks, "_POOL", None)
    with tiny_blocks():
        parent = _blocks.sum_blocks(lambda lo, hi: np.array([hi - lo]), 20)  # pool started
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(1) as pool:  # would hang on the parent's (absent) threads
            child = pool.apply_async(_count_rows_in_blocks).get(timeout=60)
    assert parent.tolist() == child == [20]


def _count_rows_in_blocks() -> list[int]:
    with tiny_blocks():
        return _blocks.sum_blocks(lambda lo, hi: np.array([hi - lo]), 20).tolist()


def test_blocks_inside_a_task_run_on_the_worker(monkeypatch):
    """Blocks split inside a task already on the pool (numbering two id columns at once,
    each a step at a time) run on that worker: queued behind it, they would wait for ever."""
    import threading

    monkeypatch.setenv("CSKIT_THREADS", "2")
    monkeypatch.setattr(_blocks, "_POOL", None)

    def task(k: int) -> int:
        return int(_blocks.sum_blocks(lambda lo, hi: np.array([(hi - lo) * k]), 50, 7)[0])

    got = []
    runner = threading.Thread(  # a hang fails the test instead of freezing it
        target=lambda: got.append(_blocks.run_tasks([lambda k=k: task(k) for k in (1, 2, 3)])),
        daemon=True)
    runner.start()
    runner.join(timeout=60)
    assert got == [[50, 100, 150]]
