"""Integer keys and codes for id columns, without hashing and without long temporaries.

Numbering millions of text ids ("U000123", "S0000001", short codes) with a hash
table is slow once the table outgrows the CPU cache. Ids of at most 8 bytes are
instead *packed*: read straight from the Arrow buffers of pandas' ``str`` column
into one 64-bit key each (:func:`packed_ids`), one-to-one, a step of rows at a
time (:func:`id_packer`). The keys are then numbered digit by digit
(:func:`radix_codes`): each 2-byte slice of the key takes few distinct values in
practice, so the values present in each slice are numbered through a
65,536-entry table and the slices combined as the digits of one number. Read
big-endian, the slices compare as the text does, so the codes sort as the ids
(:func:`sorted_text_codes`).

Work is done a :data:`~cskit.metrics._blocks.STEP` of rows at a time: each
step's temporaries stay in the CPU cache and are reused, so a log of a few
hundred thousand events is not slowed by fresh memory, and the steps run on
every core.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from cskit.metrics._blocks import STEP, flags, run_blocks

Rows = Callable[[int, int], np.ndarray]
_INT32_MAX = np.iinfo(np.int32).max


def packed_ids(values: pd.Series) -> np.ndarray | None:
    """Short Arrow-backed string ids packed into uint64 keys, exactly; None when not possible.

    Hashing tens of millions of strings against a table of hundreds of
    thousands of ids is slow (the table does not fit in the CPU cache). Ids of
    at most 8 bytes ("U000123", numeric strings, short codes) are instead read
    straight from the Arrow buffers and packed into one 64-bit integer each —
    a one-to-one map (variable lengths up to 7 bytes keep the length in the
    last byte) — and integers factorise several times faster than strings.
    The keys' bytes compare as the text does (UTF-8 byte order is code-point
    order; a shorter id sorts first), so read big-endian they sort as the ids.
    """
    pack = id_packer(values)
    return None if pack is None else pack(0, len(values))


def id_packer(values: pd.Series) -> Rows | None:
    """A function packing rows ``lo:hi`` of ``values`` as :func:`packed_ids` packs them
    all; None when the ids cannot be packed. Each Arrow chunk is read in place (no
    combined copy); ids of one width are read as overlapping 8-byte words."""
    to_arrow = getattr(values.array, "__arrow_array__", None)
    if to_arrow is None or len(values) == 0:
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pandas stores strings in Arrow only with pyarrow
        return None
    data = to_arrow()
    chunks = [c for c in (data.chunks if isinstance(data, pa.ChunkedArray) else [data]) if len(c)]
    large = pa.types.is_large_string(data.type)
    if not chunks or not (large or pa.types.is_string(data.type)):
        return None
    width = 8 if large else 4
    parts, longest, shortest = [], 0, 8
    for chunk in chunks:  # the chunks (a handful), not rows
        _, offsets_buf, data_buf = chunk.buffers()
        if chunk.null_count or data_buf is None:
            return None
        offsets = np.frombuffer(offsets_buf, dtype=np.int64 if large else np.int32,
                                count=len(chunk) + 1, offset=chunk.offset * width)
        for lo in range(0, len(chunk), STEP):  # the lengths a step at a time: no long temporary
            lengths = np.diff(offsets[lo:lo + STEP + 1])
            longest = max(longest, int(lengths.max()))
            shortest = min(shortest, int(lengths.min()))
        if longest > 8:
            return None
        parts.append((offsets, data_buf))
    if longest == 8 and shortest < 8:
        return None
    first_rows = np.cumsum([0] + [len(o) - 1 for o, _ in parts])

    def pack(lo: int, hi: int) -> np.ndarray:
        out = np.empty(hi - lo, dtype=np.uint64)
        c = int(np.searchsorted(first_rows, lo, side="right")) - 1
        while lo < hi:  # the chunks the rows span: one or two
            offsets, data_buf = parts[c]
            a, b = lo - int(first_rows[c]), min(hi, int(first_rows[c + 1])) - int(first_rows[c])
            begin = int(offsets[a])  # (the offsets are int32 or int64: Arrow's string or large_string)
            raw = np.frombuffer(data_buf, dtype=np.uint8, count=int(offsets[b]) - begin,
                                offset=begin)
            dest = out[lo - (hi - len(out)):][:b - a]
            if shortest == longest:
                _pack_fixed(raw, longest, dest)
            else:
                _pack_varying(raw, offsets[a:b + 1].astype(np.int64) - begin, dest)
            lo, c = lo + b - a, c + 1
        return out

    return pack


def _pack_fixed(raw: np.ndarray, width: int, out: np.ndarray) -> None:
    """Pack ids of ``width`` (0–8) bytes each, laid end to end in ``raw``, into ``out``.

    Row ``j``'s bytes start at ``j * width``: an 8-byte little-endian word read there
    holds them in its low bytes (and the next ids' bytes above, masked off). The
    last few rows, whose word would run past the buffer, are read from a padded copy.
    """
    m = len(out)
    if width == 0:
        out[:] = 0
        return
    fit = (len(raw) - 8) // width + 1 if len(raw) >= 8 else 0  # rows whose word is inside raw
    tail = np.zeros((m - fit) * width + 8, dtype=np.uint8)
    tail[:(m - fit) * width] = raw[fit * width:]
    for source, rows, dest in ((raw, fit, out[:fit]), (tail, m - fit, out[fit:])):
        if rows:
            dest[:] = np.ndarray((rows,), dtype="<u8", buffer=source, strides=(width,))
    if width < 8:
        out &= np.uint64((1 << (8 * width)) - 1)


#: For an id of k bytes (0–7), the mask keeping the low k bytes of its 8-byte word.
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(8)], dtype=np.uint64)


def _pack_varying(raw: np.ndarray, offsets: np.ndarray, out: np.ndarray) -> None:
    """Pack ids of 0–7 bytes (``offsets`` into ``raw``) into ``out``, the length in the top byte.

    The 8 bytes starting at each id are read at once — a view of the (padded) bytes
    with a stride of one byte, gathered at the ids' offsets — and the bytes past the
    id are masked off.
    """
    lengths = np.diff(offsets)
    padded = np.zeros(len(raw) + 8, dtype=np.uint8)
    padded[:len(raw)] = raw
    words = np.ndarray((len(raw) + 1,), dtype="<u8", buffer=padded, strides=(1,))
    out[:] = words[offsets[:-1]]
    out &= _LOW_BYTES[lengths]
    out |= lengths.astype(np.uint64) << np.uint64(56)


def radix_codes(keys: Rows | np.ndarray, n: int | None = None) -> tuple[np.ndarray, int] | None:
    """Codes (int32, in ``[0, size)``) of 8-byte keys, and ``size``, without hashing: a
    mixed-radix number per key from its :func:`_radix_digits`. The map is one-to-one and
    ``size`` (the product of the slices' counts) is at least the number of distinct
    keys; None when it would be more than about four per row (then hash instead).
    ``keys``: an array, or a function giving rows ``lo:hi`` of ``n``.
    """
    if isinstance(keys, np.ndarray):
        keys, n = (lambda lo, hi, k=keys: k[lo:hi]), len(keys)
    found = _radix_digits(keys, n)
    if found is None:
        return None
    digits, size = found
    codes = np.empty(n, dtype=np.int32)

    def fill(lo: int, hi: int) -> None:
        codes[lo:hi] = _apply_digits(keys(lo, hi), digits)

    run_blocks(fill, n, STEP)
    return codes, size


def sorted_text_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """``pd.factorize(values, sort=True)`` for packable text ids, without hashing: the codes
    (int32, 0 … k−1 in the ids' sorted order) and one row holding each id, in that order
    (take the labels there). None when the ids cannot be packed or numbered digit by digit."""
    pack = id_packer(values)
    found = None if pack is None else radix_codes(pack, len(values))
    if found is None:
        return None
    codes, size = found
    row = np.empty(len(dense_codes(codes, size)), dtype=np.intp)  # gaps closed first
    for lo in range(0, len(codes), STEP):  # a row of each id (any: one code is one id)
        here = codes[lo:lo + STEP].astype(np.intp)
        row[here] = np.arange(lo, lo + len(here))
    return codes, row


def dense_codes(codes: np.ndarray, size: int) -> np.ndarray:
    """Renumber ``codes`` (in ``[0, size)``) in place as 0 … k−1, keeping their order, and
    return the old code of each new one. Digit-by-digit codes leave gaps (combinations of
    digits no id has); without them a table per code is as long as the ids are many."""
    seen = flags(lambda lo, hi: codes[lo:hi], len(codes), size, STEP)
    present = np.flatnonzero(seen)
    if len(present) < size:
        rank = np.cumsum(seen, dtype=codes.dtype)
        rank -= 1

        def renumber(lo: int, hi: int) -> None:
            codes[lo:hi] = np.take(rank, codes[lo:hi])

        run_blocks(renumber, len(codes), STEP)
    return present


def _radix_digits(keys: Rows, n: int) -> tuple[list, int] | None:
    """The digits of :func:`radix_codes` — ``(slice, lookup table, count)`` of each 2-byte
    slice of the 8-byte keys that varies — and the size of the code space; None when
    it is too large. The slices are read big-endian, so the codes sort as the keys'
    bytes do (packed text: as the text). ``keys`` gives the keys of rows ``lo:hi`` of
    ``n``, read a step at a time."""
    present = np.zeros((4, 65536), dtype=bool)

    def mark(lo: int, hi: int) -> None:  # on the workers: an intp scatter is free of the GIL
        words = keys(lo, hi).view(">u2").reshape(-1, 4)
        for k in range(4):  # the four 2-byte slices of the key, not rows
            column = words[:, k]
            if (column == column[0]).all():  # the same in every row (a prefix, padding)
                present[k][column[0]] = True
            else:  # (blocks on two threads may both set an entry: both set it to True)
                present[k][column.astype(np.intp)] = True

    run_blocks(mark, n, STEP)
    limit = min(4 * n + 1024, _INT32_MAX)
    digits, size = [], 1
    for k in range(4):
        count = int(present[k].sum())
        if count == 1:
            continue
        size *= count
        if size > limit:
            return None
        lookup = np.cumsum(present[k], dtype=np.int32)
        lookup -= 1
        digits.append((k, lookup, count))
    return digits, size


def _apply_digits(keys: np.ndarray, digits: list) -> np.ndarray:
    """The codes (int32) of the 8-byte ``keys`` from their :func:`_radix_digits`."""
    words = keys.view(">u2").reshape(-1, 4)
    codes = np.zeros(len(keys), dtype=np.int32)
    for k, lookup, count in digits:  # at most four
        codes *= np.int32(count)
        codes += np.take(lookup, words[:, k])  # take: no bounds check on the 16-bit keys
    return codes


