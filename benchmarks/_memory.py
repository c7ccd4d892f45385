"""Memory hygiene shared by the benchmark scripts, so each engine's peak is its own."""

from __future__ import annotations

import gc
import os


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


def status_kib(field: str) -> int:
    """A ``/proc/self/status`` field (``VmRSS``, ``VmHWM`` …) in KiB; 0 without /proc."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def reset_peak() -> int:
    """Return freed memory to the OS, reset the peak-RSS counter (``VmHWM``) to the
    current RSS, and return the current RSS in KiB."""
    release_memory()
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass
    return status_kib("VmRSS")


# ---------------------------------------------------------------- a hard memory limit


def _write(folder: str, name: str, value: int, *, required: bool = True) -> None:
    """Write one cgroup control file; a missing optional one is fine."""
    import os

    try:
        with open(os.path.join(folder, name), "w") as handle:
            handle.write(str(value))
    except OSError:
        if required:
            raise


class MemoryCap:
    """Run child processes under a hard memory limit, the way a container or a laptop would.

    On Linux with a writable cgroup memory controller (v2 ``memory.max`` or v1
    ``memory.limit_in_bytes``; root in a container usually has one), each child
    starts inside its own cgroup: resident memory beyond ``limit_mb`` is
    reclaimed from the page cache or, failing that, the kernel's OOM killer
    ends the child (exit status -9). Without a writable cgroup the limit cannot
    be enforced; :attr:`enforced` is False, children run uncapped and a run
    counts as over the limit when its peak resident memory exceeds it.
    """

    V2_ROOTS = ("/sys/fs/cgroup/unified", "/sys/fs/cgroup")
    V1_ROOT = "/sys/fs/cgroup/memory"

    def __init__(self, limit_mb: int) -> None:
        import os

        self.limit_mb = int(limit_mb)
        self.kind = None
        self.path = None
        name = f"cskit-bench-{os.getpid()}"
        for root in self.V2_ROOTS:
            if self._try_v2(os.path.join(root, name), root):
                return
        self._try_v1(os.path.join(self.V1_ROOT, name))

    @property
    def enforced(self) -> bool:
        return self.kind is not None

    def _try_v2(self, path: str, root: str) -> bool:
        import os

        controllers = os.path.join(root, "cgroup.controllers")
        try:
            with open(controllers) as handle:
                if "memory" not in handle.read().split():
                    return False
            os.makedirs(path, exist_ok=True)
            _write(path, "memory.max", self.limit_mb * 2**20)
            _write(path, "memory.swap.max", 0, required=False)
        except OSError:
            self._remove(path)
            return False
        self.kind, self.path = "cgroup v2", path
        return True

    def _try_v1(self, path: str) -> bool:
        import os

        try:
            os.makedirs(path, exist_ok=True)
            _write(path, "memory.limit_in_bytes", self.limit_mb * 2**20)
            # no swap either, where the kernel accounts it
            _write(path, "memory.memsw.limit_in_bytes", self.limit_mb * 2**20, required=False)
        except OSError:
            self._remove(path)
            return False
        self.kind, self.path = "cgroup v1", path
        return True

    @staticmethod
    def _remove(path: str | None) -> None:
        import os

        if path:
            try:
                os.rmdir(path)
            except OSError:
                pass

    def _join(self) -> None:
        """In the child, between fork and exec: move this process into the cgroup."""
        import os

        _write(self.path, "cgroup.procs", os.getpid())

    def run(self, argv: list[str], *, timeout: float | None = None, **kwargs):
        """``subprocess.run(argv)`` inside the cap; returns the CompletedProcess."""
        import subprocess

        preexec = self._join if self.enforced else None
        return subprocess.run(argv, preexec_fn=preexec, timeout=timeout, **kwargs)

    def reset_peak(self) -> None:
        """Start a new peak: the cgroup's high-water mark of charged memory (cgroup v1)."""
        if self.kind == "cgroup v1":
            _write(self.path, "memory.max_usage_in_bytes", 0)

    def peak_mb(self) -> float | None:
        """The most memory charged to the limit since :meth:`reset_peak` (process memory
        and the page cache of files it read), in MiB; None where the kernel cannot tell."""
        import os

        names = {"cgroup v1": "memory.max_usage_in_bytes", "cgroup v2": "memory.peak"}
        if self.kind not in names:
            return None
        try:
            with open(os.path.join(self.path, names[self.kind])) as handle:
                return int(handle.read().strip()) / 2**20
        except (OSError, ValueError):
            return None

    def oom_killed(self, returncode: int) -> bool:
        """Whether a child with this exit status was ended for exceeding the limit."""
        return self.enforced and returncode in (-9, 137)

    def close(self) -> None:
        self._remove(self.path)
        self.path, self.kind = None, None

    def __enter__(self) -> MemoryCap:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def describe(self) -> str:
        if self.enforced:
            return f"{self.limit_mb:,} MiB, enforced by a {self.kind} memory limit (no swap)"
        return (f"{self.limit_mb:,} MiB, NOT enforced (no writable cgroup): a run counts as "
                f"over the limit when its peak resident memory exceeds it")


def cpu_count() -> int:
    """CPUs this process may run on (``taskset`` aware)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
