"""Shared fixtures: the sample company, small hand-made frames, and a check
that a metric leaves the caller's frame exactly as it was.

Also: a notebook kernel that dies before answering its first message is started again
(twice at most). Under ``pytest -n`` several kernels start at once, each on ports picked
at random, and a kernel occasionally loses a port to another process and exits at once
(an upstream race: jupyter_client picks the ports, then the kernel binds them); nbval
then reports every cell of that notebook as an error although nothing in it ran. The
patch is process-wide, and ``make test`` collects ``tests/`` with the notebooks, so it
covers them; a kernel that cannot start three times still fails the run.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

import cskit

# Property tests: no per-example deadline (the machine is shared and slow at
# times), a modest number of examples so the suite stays fast; CI may raise it.
settings.register_profile(
    "cskit",
    deadline=None,
    max_examples=int(os.environ.get("CSKIT_HYPOTHESIS_EXAMPLES", "60")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("cskit")

_KERNEL_ATTEMPTS = 3


def _retry_kernel_start() -> None:
    """Wrap ``nbval.kernel.start_new_kernel`` so a kernel that died at start is replaced."""
    try:
        from nbval import kernel
    except ImportError:  # nbval not installed: no notebooks to run
        return
    if getattr(kernel.start_new_kernel, "_cskit_retry", False):
        return
    start = kernel.start_new_kernel
    log = logging.getLogger(__name__)

    def start_with_retry(*args, **kwargs):
        for attempt in range(1, _KERNEL_ATTEMPTS + 1):
            try:
                return start(*args, **kwargs)
            except RuntimeError as exc:  # "Kernel died before replying to kernel_info"
                if attempt == _KERNEL_ATTEMPTS:
                    raise
                log.warning("notebook kernel did not start (%s); new kernel, attempt %d of %d",
                            exc, attempt + 1, _KERNEL_ATTEMPTS)
        raise AssertionError("unreachable")

    start_with_retry._cskit_retry = True
    kernel.start_new_kernel = start_with_retry


_retry_kernel_start()


@pytest.fixture(scope="session")
def company() -> cskit.datasets.SampleCompany:
    """The bundled sample company (loaded once per test session; do not modify it)."""
    return cskit.datasets.load_sample()


def mrr_frame(spec: Mapping[str, Mapping[str, float]], **extra: Mapping[str, Any]) -> pd.DataFrame:
    """An ``mrr`` frame from ``{customer: {month: mrr}}``.

    ``extra`` adds columns given as ``{customer: value}`` (e.g. a segment).
    """
    rows = [
        {"customer_id": c, "month": m, "mrr": float(v)}
        for c, months in spec.items()
        for m, v in months.items()
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    frame["month"] = pd.PeriodIndex(frame["month"], freq="M")
    for name, values in extra.items():
        frame[name] = frame["customer_id"].map(values)
    return frame


@pytest.fixture
def make_mrr() -> Callable[..., pd.DataFrame]:
    """Factory: ``make_mrr({"a": {"2026-01": 10}}, segment={"a": "SMB"})``."""
    return mrr_frame


@pytest.fixture
def unchanged() -> Callable[..., Any]:
    """Call ``func(frame, ...)`` and assert that ``frame`` was not modified.

    Compares values, dtypes, index, column order and the frame's ``attrs``
    against a deep copy taken before the call; returns the call's result.
    """

    def check(func: Callable[..., Any], frame: pd.DataFrame, *args: Any, **kwargs: Any) -> Any:
        before = frame.copy(deep=True)
        attrs = copy.deepcopy(frame.attrs)
        result = func(frame, *args, **kwargs)
        pd.testing.assert_frame_equal(frame, before, check_exact=True)
        assert frame.attrs == attrs
        return result

    return check


@pytest.fixture
def english():
    """Messages in English for the test, whatever language the test before it left set.

    Use it module-wide with ``pytestmark = pytest.mark.usefixtures("english")``.
    """
    cskit.set_language("en")
    yield
    cskit.set_language("en")


@pytest.fixture(scope="session")
def second_company(tmp_path_factory):
    """``cskit.datasets.make_company()`` written to a folder and read back the way the
    notebooks read a company (``open_company``): the other company the tests run on."""
    from cskit._notebook import open_company

    folder = tmp_path_factory.mktemp("second-company")
    cskit.datasets.make_company(out=folder)
    return open_company(folder)
