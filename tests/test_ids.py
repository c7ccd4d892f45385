"""Id columns packed into integers and numbered without hashing (cskit.metrics._ids).

The references are independent: the packed key of an id is rebuilt from its UTF-8
bytes with ``int.from_bytes``, and the numberings are compared with
``pd.factorize``. Steps are shrunk to a few rows so that every step edge, and
every edge between Arrow chunks, is crossed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from cskit.metrics import _ids


def key_of(text: str, fixed: bool) -> int:
    """The packed key of one id, from its bytes: little-endian, the length in the top byte
    when the ids do not all have the same length."""
    raw = text.encode()
    if fixed:
        return int.from_bytes(raw.ljust(8, b"\0"), "little")
    return int.from_bytes(raw.ljust(7, b"\0") + bytes([len(raw)]), "little")


def chunked(values: list[str], cuts: list[int], large: bool, offset: int) -> pd.Series:
    """``values`` as an Arrow-backed column split into chunks at ``cuts``, each chunk a
    slice (non-zero offset) of a longer array."""
    kind = pa.large_string() if large else pa.string()
    pieces, lo = [], 0
    for hi in [*cuts, len(values)]:
        padded = pa.array(["pad"] * offset + values[lo:hi] + ["tail"], type=kind)
        pieces.append(padded.slice(offset, hi - lo))
        lo = hi
    return pd.Series(pd.arrays.ArrowExtensionArray(pa.chunked_array(pieces, type=kind)))


def random_ids(rng: np.random.Generator, n: int, kind: int) -> list[str]:
    if kind == 0:  # one width, as exports number their ids
        return [f"U{v:06d}" for v in rng.integers(0, 5000, n)]
    if kind == 1:  # lengths 0–7, non-ASCII, a NUL inside
        alphabet = list("ab0é한\0")
        return ["".join(rng.choice(alphabet, int(rng.integers(0, 3)))) for _ in range(n)]
    if kind == 2:
        return [f"S{v:07d}" for v in rng.integers(0, 3000, n)]  # eight bytes
    return [f"u{v}" for v in rng.integers(0, 1000, n)]  # lengths 2–4


@pytest.mark.parametrize("kind", [0, 1, 2, 3])
@pytest.mark.parametrize("large", [False, True])
def test_packed_keys_are_the_ids_bytes(kind, large):
    rng = np.random.default_rng(kind * 2 + large)
    values = random_ids(rng, 200, kind)
    series = chunked(values, sorted(set(rng.integers(1, 200, 4).tolist())), large, offset=3)
    fixed = len({len(v.encode()) for v in values}) == 1
    want = np.array([key_of(v, fixed) for v in values], dtype=np.uint64)
    np.testing.assert_array_equal(_ids.packed_ids(series), want)
    pack = _ids.id_packer(series)
    for lo, hi in [(0, 0), (0, 1), (5, 77), (120, 200), (199, 200), (0, 200)]:
        np.testing.assert_array_equal(pack(lo, hi), want[lo:hi])


@pytest.mark.parametrize(
    "values",
    [
        ["a-much-longer-identifier", "b"],  # over 8 bytes
        ["abcdefgh", "abc"],  # 8 bytes beside shorter ones: no room for the length
        ["a", None],  # missing
    ],
)
def test_ids_that_cannot_be_packed(values):
    assert _ids.id_packer(pd.Series(values, dtype="str")) is None
    assert _ids.id_packer(pd.Series([1, 2])) is None  # not text


@pytest.mark.parametrize("kind", [0, 2, 3])
def test_radix_codes_are_one_to_one_and_sort_as_the_bytes(monkeypatch, kind):
    monkeypatch.setattr(_ids, "STEP", 16)
    rng = np.random.default_rng(10 + kind)
    values = random_ids(rng, 1500, kind)
    keys = _ids.packed_ids(pd.Series(values, dtype="str"))
    codes, size = _ids.radix_codes(keys)
    assert codes.dtype == np.int32 and 0 <= codes.min() and codes.max() < size
    _, first = np.unique(keys, return_index=True)
    assert len(np.unique(codes)) == len(first)  # one code per id and one id per code
    by_bytes = sorted(first, key=lambda i: keys[i].byteswap())  # big-endian: the bytes' order
    assert (np.diff(codes[by_bytes]) > 0).all()


def test_radix_codes_refuse_spread_out_keys():
    # 1,500 ids "U000000"–"U004999" need 5,000 codes: within four a row, so accepted above
    keys = np.random.default_rng(0).integers(0, 2**63, 100).astype(np.uint64)
    assert _ids.radix_codes(keys) is None  # every slice varies: far more codes than rows


@pytest.mark.parametrize("kind", [0, 2, 3])
@pytest.mark.parametrize("step", [7, 1 << 16])
def test_sorted_text_codes_are_factorize_sort(monkeypatch, kind, step):
    monkeypatch.setattr(_ids, "STEP", step)
    rng = np.random.default_rng(20 + kind)
    values = random_ids(rng, 1500, kind)
    series = chunked(values, [50, 51, 180, 1100], large=True, offset=1)
    codes, rows = _ids.sorted_text_codes(series)
    want_codes, want_uniques = pd.factorize(pd.Series(values, dtype=object), sort=True)
    np.testing.assert_array_equal(codes, want_codes)
    assert series.iloc[rows].tolist() == list(want_uniques)


def test_text_too_varied_for_digits_is_left_to_hashing():
    rng = np.random.default_rng(5)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    series = pd.Series(["".join(rng.choice(letters, 7)) for _ in range(50)], dtype="str")
    # every 2-byte slice takes ~50 values: ~50**4 codes for 50 rows
    assert _ids.sorted_text_codes(series) is None


def test_sorted_text_codes_by_hand():
    codes, rows = _ids.sorted_text_codes(pd.Series(["u10", "u2", "", "u10", "a"], dtype="str"))
    assert codes.tolist() == [2, 3, 0, 2, 1]  # "" < "a" < "u10" < "u2", as Python sorts text
    assert rows[0] == 2 and rows[1] == 4 and rows[3] == 1 and rows[2] in (0, 3)


@pytest.mark.parametrize("step", [3, 1 << 16])
def test_dense_codes_close_the_gaps_in_order(monkeypatch, step):
    monkeypatch.setattr(_ids, "STEP", step)
    codes = np.array([7, 2, 7, 9, 2, 4], dtype=np.int32)
    present = _ids.dense_codes(codes, 12)
    assert present.tolist() == [2, 4, 7, 9]  # the old code of each new one
    assert codes.tolist() == [2, 0, 2, 3, 0, 1]  # renumbered in place, order kept
