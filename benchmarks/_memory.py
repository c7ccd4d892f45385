"""Memory hygiene shared by the benchmark scripts, so each engine's peak is its own."""

from __future__ import annotations

import gc


def fix_mmap_threshold() -> None:
    """Serve every allocation above 128 KiB with its own mmap, returned to the OS when freed.

    glibc raises its mmap threshold after large frees, and later arrays then
    reuse freed heap memory that RSS still counts: an engine run after the data
    generator would look as if it needed almost no memory. A fixed threshold
    keeps the per-engine peak honest.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):
        pass


def release_memory() -> None:
    """Give freed memory back to the OS before a measurement (glibc heap, Arrow pool)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
