"""Given sessions in a log in time order: each session's first and last event, without a sort.

An export from a product-analytics tool is nearly always in time order, and a
session id belongs to one user. Then a session's first event is the first row
that carries its id and its last event the last such row: a minimum and a
maximum of row positions per id. :func:`log_sessions` finds them in passes over
steps of rows — the ids numbered digit by digit; the first and last row and a
user of each id; the sessions in order of their first row, checking that every
row of an id has that user — with no sort of the events and no temporary longer
than a step, so a small log is not slowed by fresh memory.

The result is the one of sorting the events by (user, session, time) and
cutting where the session changes, which :mod:`cskit.metrics.sessions` does for
any other log: sessions ordered by user (in the order ``pd.factorize(sort=True)``
gives) and then by their first row, which in a log in time order is their start
(ties: the session whose id appears first comes first).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit.metrics._blocks import STEP, run_blocks
from cskit.metrics._events import _codes
from cskit.metrics._ids import Rows, dense_codes, id_packer, radix_codes
from cskit.metrics._take import stable_order


@dataclass
class LogSessions:
    """One entry per session, in order of the session's first row (before ``by_user``)."""

    first: np.ndarray  # row of the session's first event (intp, ascending)
    last: np.ndarray  # row of its last event
    events: np.ndarray | None  # its number of events (int64), when asked for
    by_user: np.ndarray | None  # the order by user, then first row; None when already so


def first_seen_codes(values: pd.Series) -> np.ndarray:
    """``pd.factorize(values)[0]``: ids numbered in order of first appearance. Short text ids
    are packed one-to-one into integers (:func:`cskit.metrics._ids.id_packer`) and
    numbered by Arrow's dictionary encoding, which also numbers in order of first
    appearance and hashes integers about twice as fast as pandas hashes the text."""
    pack = id_packer(values)
    if pack is None:
        return pd.factorize(values)[0]
    import pyarrow as pa  # present: the ids were packed from Arrow buffers
    import pyarrow.compute as pc

    packed = pack(0, len(values))
    return pc.dictionary_encode(pa.array(packed)).indices.to_numpy(zero_copy_only=False)


def _keys(values: pd.Series) -> tuple[Rows, bool] | None:
    """Integer keys of rows ``lo:hi``, one per id: short text packed (True: its bytes sort
    as the text), NumPy integers as they are (False); None for other ids."""
    pack = id_packer(values)
    if pack is not None:
        return pack, True
    if isinstance(values.dtype, np.dtype) and values.dtype.kind in "iu":
        raw = values.to_numpy()
        return (lambda lo, hi: raw[lo:hi].astype(np.int64)), False
    return None


def _session_codes(values: pd.Series, n: int) -> tuple[np.ndarray, int]:
    """Codes (``[0, size)``, one per id) of the session ids, and ``size``: integer keys
    numbered digit by digit (:func:`cskit.metrics._ids.radix_codes`), a step at a time;
    other ids, or keys too spread out for that, numbered by hashing."""
    keys = _keys(values)
    found = None if keys is None else radix_codes(keys[0], n)
    if found is not None:
        codes, size = found
        if size > n // 4:  # tables per code of more than a quarter of the rows: close the gaps
            size = len(dense_codes(codes, size))
        return codes, size
    codes = pd.factorize(keys[0](0, n))[0] if keys is not None else first_seen_codes(values)
    return codes, int(codes.max()) + 1


def _user_keys(values: pd.Series, column: str) -> tuple[Rows, str]:
    """Keys of rows ``lo:hi`` that sort as ``pd.factorize(sort=True)`` numbers the users, and
    how: "bytes" (packed text, compared byte by byte) or "number". Missing ids raise."""
    keys = _keys(values)
    if keys is not None and not isinstance(values.dtype, pd.CategoricalDtype):
        return keys[0], "bytes" if keys[1] else "number"
    codes = _codes(values, column, sort=True)[0]  # categories in their order; others sorted
    return (lambda lo, hi: codes[lo:hi]), "number"


def log_sessions(users: pd.Series, sessions: pd.Series, user_col: str, *,
                 events: bool) -> LogSessions | None:
    """Sessions of a log in time order from its given session ids; None when an id is
    used by more than one user (then the caller sorts by user and session).

    ``events=True`` also counts each session's events. Missing user ids raise
    (:func:`cskit.metrics._events._codes`); the caller has checked the session ids.
    """
    n = len(users)
    user_of, kind = _user_keys(users, user_col)
    codes, size = _session_codes(sessions, n)
    first = np.full(size, n, dtype=np.intp)
    last = np.full(size, -1, dtype=np.intp)
    dtype = user_of(0, 1).dtype
    user = np.full(size, np.iinfo(dtype).max, dtype=dtype)
    count = np.zeros(size, dtype=np.int64) if events else None
    for lo in range(0, n, STEP):  # per session id: its first and last row, and a user
        hi = min(lo + STEP, n)
        here, rows = codes[lo:hi], np.arange(lo, hi)
        np.minimum.at(first, here, rows)
        np.maximum.at(last, here, rows)
        np.minimum.at(user, here, user_of(lo, hi))
        if count is not None:
            np.add.at(count, here, 1)

    def opening(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, bool]:
        here = codes[lo:hi]  # the rows that open a session, and whether all users agree
        opens = np.flatnonzero(first[here] == np.arange(lo, hi))
        return opens + lo, here[opens], bool((user[here] != user_of(lo, hi)).any())

    parts = run_blocks(opening, n, STEP)
    if any(shared for _, _, shared in parts):
        return None  # a session id used by two users
    start = np.concatenate([p[0] for p in parts])
    sid = np.concatenate([p[1] for p in parts])
    keys = user[sid]
    by_user = None
    if len(keys) > 1 and _unsorted(keys, kind):
        ranks = keys if kind == "number" else _byte_ranks(keys)
        by_user = stable_order(ranks)
    return LogSessions(first=start, last=last[sid], events=None if count is None else count[sid],
                       by_user=by_user)


def _unsorted(keys: np.ndarray, kind: str) -> bool:
    """Whether the sessions' users are not in order already."""
    if kind == "bytes":
        keys = keys.byteswap()  # big-endian: the packed bytes compare as the text
    return bool((keys[1:] < keys[:-1]).any())


def _byte_ranks(keys: np.ndarray) -> np.ndarray:
    """Codes of packed text keys that sort as the text (digit by digit, else by hashing)."""
    found = radix_codes(keys)
    if found is not None:
        return found[0]
    be = keys.byteswap()
    return pd.factorize(be, sort=True)[0]
