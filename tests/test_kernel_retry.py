"""The notebook-kernel retry in conftest: a kernel that dies at start is replaced, twice at most."""

from __future__ import annotations

import pytest
from conftest import _retry_kernel_start

kernel = pytest.importorskip("nbval.kernel")


def starter(failures: int, calls: list):
    def start(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) <= failures:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return "manager", "client"

    return start


def test_a_kernel_that_died_at_start_is_replaced(monkeypatch):
    calls: list = []
    monkeypatch.setattr(kernel, "start_new_kernel", starter(2, calls))
    _retry_kernel_start()
    assert kernel.start_new_kernel(kernel_name="python") == ("manager", "client")
    assert calls == [{"kernel_name": "python"}] * 3


def test_a_kernel_that_never_starts_still_fails(monkeypatch):
    calls: list = []
    monkeypatch.setattr(kernel, "start_new_kernel", starter(5, calls))
    _retry_kernel_start()
    with pytest.raises(RuntimeError, match="Kernel died"):
        kernel.start_new_kernel()
    assert len(calls) == 3
