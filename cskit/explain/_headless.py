"""Widget or static picture? How an explainer decides where it runs.

An explainer is a live widget only when a person can move its sliders. When
a notebook is executed by a machine (papermill, nbconvert, nbclient, nbval,
the ``cskit report`` command, CI) a widget would store a model id that
changes on every run and a ``text/plain`` repr that breaks nbval, and an
offline HTML export would show nothing where the widget was. There the
explainer shows a static figure and the text of its default state instead;
those outputs are the same on every run.

The decision, in this order (the first rule that applies wins):

1. ``cskit.explain.set_mode("widget" | "static")`` in the session.
2. The environment variable ``CSKIT_EXPLAIN=widget`` or ``static``.
3. ``CI`` set to a true value (``1``, ``true``, ``yes``) → static.
4. Not inside a Jupyter kernel (plain Python, pytest, a script) → static.
5. The kernel was started by a headless executor → static: its parent (or
   the parent's parent, up to three levels, as pytest-xdist adds a worker in
   between) is papermill, nbconvert / ``jupyter execute``, pytest (nbval),
   the ``cskit`` command line or the notebook build scripts (checked from the
   process table: ``/proc`` on Linux, or :mod:`psutil` when installed).
6. A widget front end is known → widget: the front end has opened the
   ipywidgets control channel, or the kernel was started by a Jupyter
   server for a notebook session (``JPY_SESSION_NAME``, set for JupyterLab,
   Notebook 7 and editors connected to a Jupyter server), VS Code
   (``__vsc_ipynb_file__`` or ``VSCODE_PID``) or Google Colab.
7. Otherwise → static (a kernel driven by a client we do not know, such as
   ``jupyter console``, cannot show widgets).

Rule 5 comes before rule 6 so that a headless run started from a terminal
that carries a front end's variables (a VS Code terminal, ``!papermill`` in
a notebook) still stores static outputs. When the guess is wrong, rules 1
and 2 settle it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cskit.errors import InvalidParameterError

MODES = ("auto", "widget", "static")
_state = {"mode": "auto"}
_TRUE = {"1", "true", "yes", "on"}
#: Programs whose kernels have no widget front end (matched on argv words).
HEADLESS_PROGRAMS = ("papermill", "nbconvert", "jupyter-nbconvert", "jupyter-execute", "nbclient",
                     "pytest", "py.test", "nbval", "cskit", "execute_notebooks.py", "build.py")


def set_mode(mode: str = "auto") -> None:
    """Force explainers to be widgets (``"widget"``), pictures (``"static"``), or guess (``"auto"``).

    >>> import cskit
    >>> cskit.explain.set_mode("static"); cskit.explain.mode()
    'static'
    >>> cskit.explain.set_mode("auto")
    """
    if mode not in MODES:
        raise InvalidParameterError(f"mode={mode!r} is not known; use one of {', '.join(MODES)}.")
    _state["mode"] = mode


def mode() -> str:
    """``"widget"`` or ``"static"``: what an explainer built now would be (see the module doc)."""
    return "static" if is_headless() else "widget"


def is_headless() -> bool:
    """True when explainers should show a static figure and text instead of a widget."""
    return _decide()[0]


def reason() -> str:
    """Which rule of the module doc decided (for the curious and for bug reports)."""
    return _decide()[1]


def _decide() -> tuple[bool, str]:
    """(headless, the rule that decided), following the order in the module doc."""
    if _state["mode"] != "auto":
        return _state["mode"] == "static", f"set_mode({_state['mode']!r})"
    forced = os.environ.get("CSKIT_EXPLAIN", "").strip().lower()
    if forced in ("widget", "static"):
        return forced == "static", f"CSKIT_EXPLAIN={forced}"
    if os.environ.get("CI", "").strip().lower() in _TRUE:
        return True, "CI"
    shell = _kernel_shell()
    if shell is None:
        return True, "no Jupyter kernel"
    if any(_headless_parent(argv) for argv in _ancestor_commands()):
        return True, "headless executor"
    if _widget_front_end(shell):
        return False, "widget front end"
    return True, "no known widget front end"


def _kernel_shell() -> object | None:
    """The IPython shell when running inside a Jupyter kernel, else None."""
    if "IPython" not in sys.modules:
        return None
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython half-imported
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    return shell


def _command(pid: int) -> list[str]:
    """The command line of process ``pid`` (empty when unknown)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return [part.decode(errors="replace") for part in raw.split(b"\0") if part]
    except OSError:
        pass
    try:
        import psutil

        return list(psutil.Process(pid).cmdline())
    except Exception:  # noqa: BLE001 - psutil missing or the process gone: unknown
        return []


def _parent_of(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("PPid:"):
                return int(line.split()[1]) or None
    except (OSError, ValueError):
        pass
    try:
        import psutil

        return psutil.Process(pid).ppid() or None
    except Exception:  # noqa: BLE001
        return None


def _ancestor_commands(levels: int = 3) -> list[list[str]]:
    """Command lines of the parent, grandparent, … (a pytest-xdist worker sits between)."""
    out, pid = [], os.getppid()
    for _ in range(levels):
        if not pid or pid == 1:
            break
        out.append(_command(pid))
        pid = _parent_of(pid)
    return out


def _headless_parent(argv: list[str]) -> bool:
    """True when the parent's command line names a headless notebook executor."""
    words = {Path(part).name for part in argv[:4]}
    words |= {part for part in argv[:4] if not part.startswith("-")}
    modules = {argv[i + 1] for i, part in enumerate(argv[:-1]) if part == "-m"}
    names = words | modules
    return any(name in names for name in HEADLESS_PROGRAMS)


def _widget_front_end(shell: object) -> bool:
    """True when a front end that renders ipywidgets is attached (rule 6)."""
    try:
        from ipywidgets import Widget

        if getattr(Widget, "_control_comm", None) is not None:
            return True
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return False
    if os.environ.get("JPY_SESSION_NAME"):
        return True
    user_ns = getattr(shell, "user_ns", {}) or {}
    if "__vsc_ipynb_file__" in user_ns or os.environ.get("VSCODE_PID"):
        return True
    return "google.colab" in sys.modules
