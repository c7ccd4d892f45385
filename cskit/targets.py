"""KPI targets and the KPI tree, read from a ``targets.toml`` next to the data.

A CS team writes down, once, what each KPI should be and which way is good;
the monthly report then shows each KPI against its target. The file sits in
the data folder (``<data>/targets.toml``) and is optional: without it the
scorecard has no target column. Its shape::

    # One table per KPI, named by the KPI's id (see cskit.report.KPIS).
    [churn]
    target = "2.5%"          # rates: a fraction (0.025) or a percentage string
    direction = "lower"      # "higher" or "lower" is better

    # A table inside a KPI's table is a sub-KPI: a leading indicator of its
    # parent, shown under it in the scorecard (the KPI-setting article's
    # "KPI tree": first-login rate and usage under churn).
    [churn.first_login_rate]
    target = 0.80
    direction = "higher"

    [nps]
    target = 25

Rules, each checked with an error that names the key and its line:

* a KPI's table holds ``target`` (a number, or for rates a string such as
  ``"2.5%"``), ``direction`` (``"higher"`` or ``"lower"``, optional: the KPI's
  natural direction by default), an optional ``note``, and sub-tables for
  its sub-KPIs; nothing else;
* table names must be KPI ids the report knows, each at most once in the tree;
* a KPI may have sub-KPIs and no target (a node that only groups).

:func:`read_targets` reads a file, :func:`parse_targets` a string,
:func:`load_targets` the optional file of a data folder, and
:func:`tree_order` lays out the scorecard's rows (parents, then their
sub-KPIs, depth first).
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cskit.errors import InvalidParameterError

__all__ = [
    "FILE_NAME",
    "Target",
    "Targets",
    "TargetsError",
    "load_targets",
    "parse_targets",
    "read_targets",
    "tree_order",
]

#: Name of the targets file in a data folder.
FILE_NAME = "targets.toml"

DIRECTIONS = ("higher", "lower")
_FIELDS = ("target", "direction", "note")


class TargetsError(InvalidParameterError):
    """A targets file that cannot be used; the message names the file, line and key.

    Attributes
    ----------
    source : str
        The file (or ``"<string>"``).
    key : str or None
        The dotted key at fault, e.g. ``"churn.direction"``.
    line : int or None
        Its line in the file (1-based), when it can be found.
    """

    def __init__(self, message: str, *, source: str, key: str | None = None,
                 line: int | None = None) -> None:
        where = source if line is None else f"{source}, line {line}"
        super().__init__(f"{where}: {message}")
        self.source, self.key, self.line = source, key, line


@dataclass(frozen=True)
class Target:
    """One KPI's entry in the targets file.

    Attributes
    ----------
    kpi : str
        The KPI's id (``"churn"``).
    target : float or None
        The value aimed for, in the KPI's unit (rates as fractions).
    direction : {"higher", "lower"} or None
        Which way is better; ``None`` leaves the KPI's natural direction.
    parent : str or None
        The KPI this one is a sub-KPI of.
    note : str or None
        Free text (who owns it, why this number).
    line : int or None
        Line of the KPI's table in the file.
    """

    kpi: str
    target: float | None = None
    direction: str | None = None
    parent: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Targets(Mapping[str, Target]):
    """The targets of a file, by KPI id, in the file's order (a read-only mapping).

    Examples
    --------
    >>> targets = parse_targets('[churn]\\ntarget = "2%"\\n[churn.first_login_rate]\\n'
    ...                         'target = 0.8\\ndirection = "higher"\\n')
    >>> targets["churn"].target, targets["first_login_rate"].parent
    (0.02, 'churn')
    >>> targets.parents()
    {'first_login_rate': 'churn'}
    """

    entries: tuple[Target, ...] = ()
    source: str | None = None
    _by_id: dict[str, Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.kpi: entry for entry in self.entries})

    def __getitem__(self, kpi: str) -> Target:
        return self._by_id[kpi]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def parents(self) -> dict[str, str]:
        """``{sub-KPI: parent}`` for every sub-KPI in the file."""
        return {e.kpi: e.parent for e in self.entries if e.parent is not None}


# ---------------------------------------------------------------- finding lines


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_dotted(text: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _line_index(text: str) -> dict[tuple[str, ...], int]:
    """First line of each table header and key, by dotted path (a light scan, not a parser).

    Enough to point at the line of a value whose *meaning* is wrong; syntax
    errors carry their own line from :mod:`tomllib`.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header:
            table = _split_dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(raw)
        if key:
            path = table + _split_dotted(key.group(1))
            for depth in range(len(table) + 1, len(path) + 1):
                lines.setdefault(path[:depth], number)
    return lines


# ---------------------------------------------------------------- parsing


def _number(value: object, path: str, fail) -> float:
    if isinstance(value, bool):
        fail(f"{path} = {str(value).lower()} is not a number; write e.g. target = 0.8.", path)
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text.endswith("%"):
            fail(f"{path} = {value!r} is not a number; write a number (0.025) or a "
                 f"percentage string (\"2.5%\").", path)
        try:
            number = float(text[:-1].strip().replace(",", "")) / 100.0
        except ValueError:
            fail(f"{path} = {value!r} is not a percentage; write e.g. \"2.5%\".", path)
    else:
        fail(f"{path} must be a number, not a {type(value).__name__}; write e.g. target = 0.8.",
             path)
    if not math.isfinite(number):
        fail(f"{path} = {value!r} is not a finite number.", path)
    return number


def parse_targets(
    text: str,
    *,
    source: str = "<string>",
    known: Iterable[str] | None = None,
) -> Targets:
    """Targets from the text of a ``targets.toml``.

    Parameters
    ----------
    text : str
        The file's content.
    source : str, default "<string>"
        How to name the file in error messages.
    known : iterable of str, optional
        The KPI ids that may appear; ``None`` accepts any name. The report
        passes the ids of :data:`cskit.report.KPIS`.

    Returns
    -------
    Targets

    Raises
    ------
    TargetsError
        Invalid TOML, an unknown KPI or key, a target that is not a number, a
        direction other than ``higher``/``lower``, a KPI listed twice. The
        message names the key and its line.

    Examples
    --------
    >>> parse_targets("[churn]\\ndirection = 'down'\\n", source="targets.toml")
    Traceback (most recent call last):
    ...
    cskit.targets.TargetsError: targets.toml, line 2: churn.direction = 'down' is not a direction; use "higher" or "lower".
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise TargetsError(
            f"not valid TOML: {exc}. Each KPI is a table such as [churn] with lines like "
            f"target = 0.02 and direction = \"lower\".",
            source=source, line=int(found.group(1)) if found else None,
        ) from None
    lines = _line_index(text)
    known_ids = None if known is None else list(known)

    def fail(message: str, path: str) -> None:
        parts = tuple(path.split("."))
        line = lines.get(parts)
        while line is None and len(parts) > 1:
            parts = parts[:-1]
            line = lines.get(parts)
        raise TargetsError(message, source=source, key=path, line=line)

    entries: list[Target] = []
    seen: dict[str, str] = {}

    def walk(name: str, table: object, parent: str | None, path: str) -> None:
        if known_ids is not None and name not in known_ids:
            close = difflib.get_close_matches(name, known_ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            fail(f"[{path}]: {name!r} is not a KPI of the report{hint}; known KPIs: "
                 f"{', '.join(known_ids)}.", path)
        if not isinstance(table, dict):
            fail(f"{path} = {table!r}: a KPI must be a table, e.g. [{path}] followed by "
                 f"target = ... on the next line.", path)
        if name in seen:
            fail(f"[{path}]: the KPI {name!r} is already in the file as [{seen[name]}]; "
                 f"a KPI has one place in the tree.", path)
        seen[name] = path
        target = direction = note = None
        for key, value in table.items():
            if isinstance(value, dict):
                continue
            where = f"{path}.{key}"
            if key == "target":
                target = _number(value, where, fail)
            elif key == "direction":
                if value not in DIRECTIONS:
                    fail(f"{where} = {value!r} is not a direction; use \"higher\" or "
                         f"\"lower\".", where)
                direction = value
            elif key == "note":
                if not isinstance(value, str):
                    fail(f"{where} must be text, e.g. note = \"owner: CS ops\".", where)
                note = value
            else:
                fail(f"{where}: unknown key {key!r}; a KPI's table holds "
                     f"{', '.join(_FIELDS)} and sub-KPI tables such as [{path}.<kpi>].",
                     where)
        entries.append(Target(kpi=name, target=target, direction=direction, parent=parent,
                              note=note, line=lines.get(tuple(path.split(".")))))
        for key, value in table.items():
            if isinstance(value, dict):
                walk(key, value, name, f"{path}.{key}")

    for name, table in data.items():
        walk(name, table, None, name)
    return Targets(tuple(entries), source=source)


def read_targets(path: str | Path, *, known: Iterable[str] | None = None) -> Targets:
    """Read a targets file (see the module docstring for its shape).

    Parameters
    ----------
    path : str or Path
        A ``.toml`` file.
    known : iterable of str, optional
        KPI ids allowed in it (see :func:`parse_targets`).

    Returns
    -------
    Targets
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TargetsError("no such file; write one or leave the targets out.",
                           source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise TargetsError(f"not UTF-8 text ({exc.reason} at byte {exc.start}); save the "
                           f"file as UTF-8.", source=str(path)) from None
    return parse_targets(text, source=str(path), known=known)


def load_targets(data_dir: str | Path | None, *, known: Iterable[str] | None = None) -> Targets:
    """The targets of a data folder: ``<data_dir>/targets.toml``, or none if it has no such file.

    ``data_dir=None`` means the bundled sample company's folder, which ships
    an example file.

    Examples
    --------
    >>> targets = load_targets(None)
    >>> targets["churn"].direction
    'lower'
    """
    if data_dir is None:
        from cskit.datasets import sample_dir

        data_dir = sample_dir()
    path = Path(data_dir) / FILE_NAME
    if not path.is_file():
        return Targets((), source=None)
    return read_targets(path, known=known)


def tree_order(
    ids: Iterable[str], parents: Mapping[str, str | None]
) -> list[tuple[str, int, str | None]]:
    """Rows of a KPI tree: each KPI followed by its sub-KPIs (depth first).

    Parameters
    ----------
    ids : iterable of str
        The KPIs to show, in their display order.
    parents : mapping
        ``{kpi: parent}``. A parent that is not among ``ids`` leaves the KPI at
        the top level (its parent is not shown, e.g. for lack of data).

    Returns
    -------
    list of (kpi, depth, parent)
        ``depth`` 0 for top-level KPIs, 1 for their sub-KPIs, and so on.

    Examples
    --------
    >>> tree_order(["mrr", "churn", "nps", "first_login_rate"],
    ...            {"first_login_rate": "churn"})
    [('mrr', 0, None), ('churn', 0, None), ('first_login_rate', 1, 'churn'), ('nps', 0, None)]
    """
    ids = list(ids)
    shown = set(ids)
    parent_of = {k: p for k, p in parents.items() if p is not None and k in shown and p in shown}
    children: dict[str, list[str]] = {}
    for kpi in ids:
        if kpi in parent_of:
            children.setdefault(parent_of[kpi], []).append(kpi)
    rows: list[tuple[str, int, str | None]] = []
    placed: set[str] = set()

    def visit(kpi: str, depth: int) -> None:
        if kpi in placed:  # a cycle (a → b → a) cannot come from a file, but be safe
            return
        placed.add(kpi)
        rows.append((kpi, depth, parent_of.get(kpi) if depth else None))
        for child in children.get(kpi, []):
            visit(child, depth + 1)

    for kpi in ids:
        if kpi not in parent_of:
            visit(kpi, 0)
    for kpi in ids:  # only reachable through a cycle: show them at the top
        if kpi not in placed:
            visit(kpi, 0)
    return rows
