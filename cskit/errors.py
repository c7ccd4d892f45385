"""Exceptions and warnings raised by cskit.

Every problem with the caller's data is reported with a :class:`CskitError`
subclass whose message names the column, shows up to five offending values and
says how to fix it. Catch :class:`CskitError` to handle all of them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

__all__ = [
    "CskitError",
    "CskitWarning",
    "ColumnTypeError",
    "DuplicateRowsError",
    "EmptyFrameError",
    "InvalidParameterError",
    "InvalidValueError",
    "MissingColumnError",
    "TimezoneError",
    "caller_stacklevel",
    "format_values",
]

MAX_SHOWN = 5


class CskitError(ValueError):
    """Base class of every error cskit raises about its input."""


class MissingColumnError(CskitError, KeyError):
    """A column the metric needs is not in the frame."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ColumnTypeError(CskitError, TypeError):
    """A column exists but its values cannot be used as the metric needs."""


class InvalidValueError(CskitError):
    """Values are of the right type but outside what the metric accepts."""


class EmptyFrameError(CskitError):
    """The frame (or what is left after filtering) has no rows."""


class DuplicateRowsError(CskitError):
    """Several rows share a key that must be unique."""


class TimezoneError(CskitError):
    """A datetime column mixes time zones, or aware and naive values."""


class InvalidParameterError(CskitError):
    """A keyword argument has a value the function does not accept."""


class CskitWarning(UserWarning):
    """Something was dropped or assumed; the message says what and how many."""


def format_values(values: Iterable[Any], total: int | None = None) -> str:
    """Show up to five values, and how many more there are.

    Examples
    --------
    >>> format_values([11, -1, 3.5])
    '11, -1, 3.5'
    >>> format_values(range(8))
    '0, 1, 2, 3, 4 (and 3 more)'
    """
    values = list(values)
    count = len(values) if total is None else total
    shown = ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values[:MAX_SHOWN])
    if count > MAX_SHOWN:
        shown += f" (and {count - MAX_SHOWN} more)"
    return shown


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def caller_stacklevel() -> int:
    """The ``stacklevel`` that makes a warning point at the first line outside cskit.

    Call it as ``warnings.warn(..., stacklevel=caller_stacklevel())`` from the
    function that warns: the warning then names the user's own line (a notebook
    cell, a script), however many cskit frames (accessor, wrappers, helpers) lie
    between.

    Examples
    --------
    >>> import warnings
    >>> def inner():
    ...     warnings.warn("x", CskitWarning, stacklevel=caller_stacklevel())
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     inner()
    >>> caught[0].filename.startswith(_PACKAGE)
    False
    """
    frame = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame = frame.f_back
        level += 1
    return level
