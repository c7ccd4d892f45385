"""Shared fixtures: the sample company, small hand-made frames, and a check
that a metric leaves the caller's frame exactly as it was."""

from __future__ import annotations

import copy
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
