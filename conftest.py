"""Test-session set-up shared by ``tests/`` and the notebooks that nbval runs.

A notebook kernel that dies before answering its first message is retried (twice at
most) with a fresh kernel. Under ``pytest -n`` several kernels start at once, each on
ports picked at random, and a kernel occasionally loses a port to another process
and exits at once (an upstream race: jupyter_client picks the ports, then the kernel
binds them). nbval then reports every cell of that notebook as an error although
nothing in the notebook ran. A notebook that really breaks its kernel fails its cells
the same way; a kernel that cannot start three times still fails the run.
"""

from __future__ import annotations

import logging

_ATTEMPTS = 3


def _retry_kernel_start() -> None:
    try:
        from nbval import kernel
    except ImportError:  # nbval not installed: no notebooks to run
        return
    if getattr(kernel.start_new_kernel, "_cskit_retry", False):
        return
    start = kernel.start_new_kernel
    log = logging.getLogger(__name__)

    def start_with_retry(*args, **kwargs):
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return start(*args, **kwargs)
            except RuntimeError as exc:  # "Kernel died before replying to kernel_info"
                if attempt == _ATTEMPTS:
                    raise
                log.warning("notebook kernel did not start (%s); new kernel, attempt %d of %d",
                            exc, attempt + 1, _ATTEMPTS)
        raise AssertionError("unreachable")

    start_with_retry._cskit_retry = True
    kernel.start_new_kernel = start_with_retry


_retry_kernel_start()
