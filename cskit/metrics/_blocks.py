"""Run array work over fixed blocks of rows, on every core, with the same result on any machine.

The heavy metrics reduce a long sorted array (a customer × month panel, user-days)
to a short one (a total per month). :func:`run_blocks` cuts the rows into blocks of
a *fixed* size, hands them to a small thread pool (NumPy releases the GIL in its
element-wise loops, sorts, gathers and reductions, so two blocks really run at once
on two cores) and returns the per-block results in block order. Because the block
boundaries depend only on the number of rows — never on the number of cores — the
partial results, and the way they are added up, are the same on one core and on
sixteen: a metric gives bit-for-bit the same numbers everywhere. Data that fits in
one block (any ordinary company's panel) runs inline, with no thread at all.

Working block by block also bounds the temporaries (masks, deltas, indices) to one
block each instead of one full-length array each.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

T = TypeVar("T")

#: Rows per block. Large enough that NumPy's per-call overhead is negligible, small
#: enough that a block's temporaries stay in the tens of MiB.
BLOCK = 1 << 20
#: Rows per step of the passes that read a column a little at a time: each step's
#: temporaries (a few hundred KiB) stay in the CPU cache and are reused from step to step.
STEP = 1 << 16

_POOL: ThreadPoolExecutor | None = None
_PREFIX = "cskit-worker"


def workers() -> int:
    """Threads to use: the CPUs this process may run on (``taskset`` / cgroup aware)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        n = os.cpu_count() or 1
    override = os.environ.get("CSKIT_THREADS")
    if override and override.isdigit() and int(override) > 0:
        n = int(override)
    return max(1, n)


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=workers(), thread_name_prefix=_PREFIX)
    return _POOL


def _forget_pool() -> None:
    """A forked child has none of its parent's threads: start a fresh pool there."""
    global _POOL
    _POOL = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def bounds(n: int, block: int | None = None) -> list[tuple[int, int]]:
    """``(start, stop)`` of each block of ``n`` rows (one empty block when ``n`` is 0)."""
    block = block or BLOCK
    if n <= block:
        return [(0, n)]
    return [(lo, min(lo + block, n)) for lo in range(0, n, block)]


def _inline() -> bool:
    """Whether to run here rather than on the pool: one core, or already on a worker (a
    worker waiting for work queued behind it on its own pool would wait for ever)."""
    return workers() == 1 or threading.current_thread().name.startswith(_PREFIX)


def run_blocks(fn: Callable[[int, int], T], n: int, block: int | None = None) -> list[T]:
    """``[fn(start, stop) for each block]``, computed in parallel, in block order."""
    parts = bounds(n, block)
    if len(parts) == 1 or _inline():
        return [fn(lo, hi) for lo, hi in parts]
    return list(_pool().map(lambda b: fn(*b), parts))


def run_tasks(fns: list[Callable[[], T]]) -> list[T]:
    """``[fn() for fn in fns]``, computed in parallel (independent columns of one result)."""
    if len(fns) < 2 or _inline():
        return [fn() for fn in fns]
    return list(_pool().map(lambda fn: fn(), fns))


def flags(keys: Callable[[int, int], np.ndarray], n: int, size: int,
          block: int | None = None) -> np.ndarray:
    """Which of the values ``0 … size−1`` the keys of ``n`` rows take: one flag per value.

    ``keys(start, stop)`` gives the keys of a block of rows; each block marks its own on
    a worker, as ``intp`` (a scatter with 4-byte indices holds the GIL). Two blocks
    that set one flag both set it to True.
    """
    seen = np.zeros(size, dtype=bool)

    def mark(lo: int, hi: int) -> None:
        seen[keys(lo, hi).astype(np.intp, copy=False)] = True

    run_blocks(mark, n, block)
    return seen


def sum_blocks(fn: Callable[[int, int], np.ndarray], n: int, block: int | None = None) -> np.ndarray:
    """Add up the arrays ``fn`` returns for each block, in block order."""
    parts = run_blocks(fn, n, block)
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def all_blocks(fn: Callable[[int, int], bool], n: int, block: int | None = None) -> bool:
    """True when ``fn`` is true for every block."""
    return all(run_blocks(fn, n, block))


def any_blocks(fn: Callable[[int, int], bool], n: int, block: int | None = None) -> bool:
    """True when ``fn`` is true for some block."""
    return any(run_blocks(fn, n, block))
