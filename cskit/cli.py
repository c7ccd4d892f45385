"""The ``cskit`` command line: ``cskit report`` makes the monthly report.

``cskit --version`` prints the version; ``cskit`` (or ``python -m cskit``) alone prints a
short help pointing to the report, the documentation and the installed notebooks.

``cskit report [--month YYYY-MM] [--data DIR] [--out DIR] [--lang en|ko|ja|zh-Hant] [--force]
[--csv] [--xlsx]`` runs the report notebook (``notebooks/monthly_report.ipynb``,
shipped in the package) through papermill with those parameters, and writes the
executed notebook and a self-contained HTML page with the code hidden:
``<out>/cskit-report-YYYY-MM[-lang].ipynb`` and ``.html`` (plus the KPI table as
``.csv`` / ``.xlsx`` on request, every text cell that a spreadsheet would run as
a formula neutralised with a leading ``'``). The data folder holds any subset of
the seven tables (``subscriptions`` or ``mrr`` at least; see
:func:`cskit.datasets.load_company`); without ``--month`` the latest *complete*
month is reported (:mod:`cskit.report_scope` defines it from the data's as-of
date). A ``labels.toml`` names plans. A ``targets.toml`` in the data folder
(see :mod:`cskit.targets`) adds targets and the KPI tree; a bad one is refused
before anything runs, with its key and line.

Robustness rules it follows:

* a malformed month, a month outside the data, a missing data file or a
  failing notebook gives one line on stderr and a non-zero exit status, never a
  traceback (exit 2: bad arguments; 1: the data or the run failed; 130: interrupted);
* an earlier report is never overwritten silently: the next free name
  (``...-2.html``, ``...-3.html``) is used unless ``--force`` is given;
* files are written to a temporary file in the output folder and moved into
  place with one rename (or hard link), so a crash or Ctrl-C leaves no
  half-written report; temporary files are removed on every failure;
* the notebook runs in a kernel of the Python running this command (not
  whatever kernel called ``python3`` a Jupyter installation finds first), with
  a per-cell timeout, in the output folder as its working directory.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import logging
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from cskit.errors import CskitError
from cskit.i18n import LANGUAGES

NOTEBOOK = "monthly_report.ipynb"
_NEEDS = (
    "cskit report needs papermill, nbconvert and ipykernel: pip install 'cskit[notebooks]'."
)
DEFAULT_TIMEOUT = 600


class CommandError(Exception):
    """A problem to report in one line; ``status`` is the exit code."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


# ---------------------------------------------------------------- locating things


def report_notebook() -> Path:
    """Path of the report notebook: inside an installed wheel, or in the source tree.

    A wheel carries the ``notebooks`` folder as ``cskit/_notebooks``; a source
    checkout (also an editable install) has it next to the package. Neither
    depends on the current directory.
    """
    packaged = resources.files("cskit") / "_notebooks" / NOTEBOOK
    if packaged.is_file():
        return Path(str(packaged))
    source = Path(__file__).resolve().parent.parent / "notebooks" / NOTEBOOK
    if source.is_file():
        return source
    raise CommandError(
        f"the report notebook {NOTEBOOK} is not installed with cskit (looked in "
        f"{packaged} and {source}); reinstall cskit."
    )


def _data_dir(given: str | None) -> Path:
    """The data folder: any subset of the seven tables, but revenue (mrr or subscriptions)."""
    from cskit.datasets import sample_dir, table_file

    directory = (Path(given).expanduser() if given else sample_dir()).resolve()
    if not directory.is_dir():
        raise CommandError(f"--data {given or directory}: no such folder.")
    if table_file(directory, "mrr") is None and table_file(directory, "subscriptions") is None:
        raise CommandError(
            f"--data {directory}: no subscriptions.csv or mrr.csv (or .csv.gz / .parquet); "
            f"the report needs one of them, the other tables are optional "
            f"(`python -m cskit.datasets --out DIR` writes the sample)."
        )
    return directory


def _read_company(directory: Path):
    """The folder's tables, to choose and check the month before running the notebook."""
    from cskit.datasets import load_company

    try:
        return load_company(directory)
    except CskitError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parsing problem becomes one line
        raise CommandError(
            f"could not read {directory}: {type(exc).__name__}: {_first_line(exc)}"
        ) from exc


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# ---------------------------------------------------------------- running the notebook


def _kernel_manager_class():
    """A kernel manager that starts ipykernel with this very interpreter."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class CurrentPythonSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(
                # log_level: no start-up chatter from the kernel on the user's terminal.
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                      "--IPKernelApp.log_level=ERROR"],
                display_name="Python 3",
                language="python",
                resource_dir="",
            )

    class CurrentPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _current_python_specs(self) -> KernelSpecManager:
            return CurrentPythonSpecs()

        async def start_kernel(self, **kw):
            # The kernel's own log (start-up notices, tracebacks when Ctrl-C stops it
            # mid-message) is noise on the user's terminal; cell errors come back as
            # messages and are reported in one line.
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return CurrentPythonKernelManager


def run_notebook(
    notebook: Path,
    parameters: dict[str, object],
    *,
    cwd: Path,
    timeout: int = DEFAULT_TIMEOUT,
    progress_bar: bool | None = None,
):
    """Execute ``notebook`` with papermill and return the executed notebook (nothing written).

    Raises :class:`CommandError` with the notebook's own error message when a
    cell fails (e.g. the month check inside the notebook).
    """
    try:
        import papermill
        from papermill.exceptions import PapermillExecutionError
    except ImportError as exc:
        raise CommandError(_NEEDS) from exc
    if importlib.util.find_spec("ipykernel") is None:
        raise CommandError(_NEEDS)
    if progress_bar is None:
        progress_bar = sys.stderr.isatty()
    try:
        return papermill.execute_notebook(
            str(notebook),
            None,  # keep the result in memory; it is written atomically afterwards
            parameters=parameters,
            kernel_name="python3",
            kernel_manager_class=_kernel_manager_class(),
            progress_bar=progress_bar,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            cwd=str(cwd),
        )
    except PapermillExecutionError as exc:
        lines = str(exc.evalue).strip().splitlines()
        raise CommandError(
            f"the report notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{lines[0] if lines else ''}"
        ) from exc
    except (KeyboardInterrupt, CommandError):
        raise
    except Exception as exc:  # noqa: BLE001 - timeouts, a dead kernel: one line, no traceback
        raise CommandError(
            f"running the report notebook failed: {type(exc).__name__}: {_first_line(exc)}"
        ) from exc


def to_html(nb, title: str, lang: str = "en") -> str:
    """A self-contained HTML page of an executed notebook, code cells' inputs hidden.

    nbconvert's ``basic`` template gives the outputs alone (no script, no
    stylesheet or MathJax fetched from the web, so the page opens offline and a
    browser logs no error); :func:`cskit.report.page_html` wraps them in a page
    with the report's own styles.
    """
    from nbconvert import HTMLExporter

    from cskit.report import page_html

    exporter = HTMLExporter(template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return page_html(body, title=title, lang=lang)


def scorecard_records(nb) -> list[dict]:
    """The KPI table the report notebook stored with its scorecard (output metadata)."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            found = output.get("metadata", {}).get("cskit", {}).get("scorecard")
            if found is not None:
                return list(found)
    raise CommandError("the report notebook stored no scorecard; cannot export the KPI table.")


# ---------------------------------------------------------------- writing without overwriting


def _write_temp(directory: Path, text: str | bytes, suffix: str) -> Path:
    """Write ``text`` (or bytes) to a new hidden file in ``directory`` (permissions follow
    the umask)."""
    while True:
        name = directory / f".cskit-report-{secrets.token_hex(6)}{suffix}.tmp"
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        break
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _place(temp: Path, final: Path, force: bool) -> bool:
    """Move ``temp`` to ``final``; without ``force`` only if ``final`` does not exist.

    A hard link fails atomically when the target exists, so two runs at once
    cannot take the same name; file systems without hard links fall back to a
    check followed by a rename.
    """
    if force:
        os.replace(temp, final)
        return True
    try:
        os.link(temp, final)
    except FileExistsError:
        return False
    except OSError:
        if final.exists():
            return False
        os.replace(temp, final)
        return True
    os.unlink(temp)
    return True


def place_files(out: Path, stem: str, files: dict[str, Path], force: bool) -> list[Path]:
    """Give the temporary ``files`` (by suffix) their final names ``stem[-n]<suffix>``.

    All files of one report get the same number, the lowest free for all of them.
    """
    for n in range(1, 10_000):
        name = stem if n == 1 else f"{stem}-{n}"
        targets = {suffix: out / f"{name}{suffix}" for suffix in files}
        if not force and any(path.exists() for path in targets.values()):
            continue
        placed: list[str] = []
        for suffix, temp in files.items():
            if _place(temp, targets[suffix], force):
                placed.append(suffix)
                continue
            # Another run took this name meanwhile: move back what we placed, try the next.
            for done in placed:
                os.replace(targets[done], files[done])
            break
        else:
            return [targets[suffix] for suffix in placed]
    raise CommandError(f"{out} already holds 9,999 reports named {stem}; clean it up.")


# ---------------------------------------------------------------- the command


def report(args: argparse.Namespace) -> int:
    from cskit import report as content
    from cskit.i18n import t

    if args.timeout <= 0:
        raise CommandError(f"--timeout {args.timeout}: give a positive number of seconds.", 2)
    from cskit import report_scope

    data = _data_dir(args.data)
    company = _read_company(data)
    if args.month is None:  # the latest complete month (see cskit.report_scope)
        month = report_scope.default_month(company)
    else:
        try:
            month = content.check_month(company, args.month)
        except CskitError as exc:
            raise CommandError(f"--month {args.month}: {_first_line(exc)}", 2) from exc

    try:  # a bad targets.toml or labels.toml, several currencies: one line, before any work
        content.load_targets(data)
        report_scope.currency(company, report_scope.load_labels(data))
    except CskitError as exc:
        raise CommandError(_first_line(exc)) from exc
    if args.xlsx:
        try:
            import openpyxl  # noqa: F401
        except ImportError as exc:
            raise CommandError("--xlsx needs openpyxl: pip install 'cskit[io]' (or use --csv).",
                               2) from exc

    notebook = report_notebook()
    out = Path(args.out).expanduser().resolve()
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommandError(f"--out {args.out}: cannot create the folder ({exc.strerror}).") from exc
    if not os.access(out, os.W_OK):
        raise CommandError(f"--out {out}: the folder is not writable.")
    # papermill and nbclient log through the "papermill" logger; without a handler
    # Python prints its warnings bare on stderr. Errors are reported in one line below.
    logging.getLogger("papermill").addHandler(logging.NullHandler())
    stem = f"cskit-report-{month}" + ("" if args.lang == "en" else f"-{args.lang}")
    started = time.monotonic()
    temps: dict[str, Path] = {}
    try:
        nb = run_notebook(
            notebook,
            {"month": str(month), "data_dir": str(data), "lang": args.lang},
            cwd=out,
            timeout=args.timeout,
        )
        import nbformat  # installed with papermill, checked by run_notebook

        title = t("report.title", language=args.lang, month=str(month))
        temps[".ipynb"] = _write_temp(out, nbformat.writes(nb), ".ipynb")
        temps[".html"] = _write_temp(out, to_html(nb, title, args.lang), ".html")
        if args.csv or args.xlsx:
            records = scorecard_records(nb)
            if args.csv:  # with a BOM, so spreadsheets read Korean/Japanese/Chinese labels
                text = content.kpi_csv(records, language=args.lang)
                temps[".csv"] = _write_temp(out, "\ufeff" + text, ".csv")
            if args.xlsx:
                temps[".xlsx"] = _write_temp(out, content.kpi_xlsx(records, title=str(month),
                                                                  language=args.lang),
                                             ".xlsx")
        written = place_files(out, stem, temps, args.force)
    except BaseException:
        if created:  # leave no empty folder behind after a failed first report
            with contextlib.suppress(OSError):
                for temp in temps.values():
                    temp.unlink(missing_ok=True)
                out.rmdir()
        raise
    finally:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
    for path in written:
        print(path)
    if not args.quiet:
        print(f"cskit report {month} ({args.lang}) written in {time.monotonic() - started:.1f} s",
              file=sys.stderr)
    return 0


def _notebooks_folder() -> Path | None:
    """The folder of the KPI notebooks: installed with the wheel, or in the source tree."""
    with contextlib.suppress(CommandError):
        return report_notebook().parent
    return None


def _docs_location() -> str:
    """Where to read the documentation: the built site of a source checkout, or how to build it."""
    site = Path(__file__).resolve().parent.parent / "docs" / "_build" / "html" / "index.html"
    if site.is_file():
        return str(site)
    return "the docs/ folder of the source repository; `make docs` builds it as HTML"


def short_help() -> str:
    """What ``cskit`` / ``python -m cskit`` print without a command: where to go next."""
    from cskit import __version__

    notebooks = _notebooks_folder()
    lines = [
        f"cskit {__version__}: customer-success analytics for pandas.",
        "",
        "  In Python       import cskit; company = cskit.datasets.load_sample()",
        '                  company.mrr.cs.churn(period="Q")',
        "  Monthly report  cskit report [--data DIR] [--month YYYY-MM] [--lang en|ko|ja|zh-Hant]",
        "                  (cskit report --help lists every option)",
        f"  Documentation   {_docs_location()}",
    ]
    if notebooks is not None:
        lines.append(f"  KPI notebooks   {notebooks}")
    lines.append("  Version         cskit --version")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    from cskit import __version__

    parser = argparse.ArgumentParser(
        prog="cskit", description="Customer-success analytics for pandas."
    )
    parser.add_argument("--version", action="version", version=f"cskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    rep = sub.add_parser(
        "report",
        help="write the monthly report (executed notebook + HTML)",
        description="Run the monthly report notebook for one month and write the executed "
        "notebook and an HTML rendering (code hidden) to the output folder. An existing "
        "report is never overwritten unless --force is given.",
    )
    rep.add_argument("--month", default=None, metavar="YYYY-MM",
                     help="month to report (default: the latest complete month of the data)")
    rep.add_argument("--data", default=None, metavar="DIR",
                     help="folder with any of the seven tables as <table>.csv, .csv.gz or "
                     ".parquet; subscriptions or mrr at least (default: the bundled sample)")
    rep.add_argument("--out", default="reports", metavar="DIR",
                     help="output folder, created if needed (default: ./reports)")
    rep.add_argument("--lang", default="en", choices=LANGUAGES,
                     help="language of the report (default: en)")
    rep.add_argument("--force", action="store_true",
                     help="overwrite a report of the same month and language")
    rep.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"time limit per notebook cell (default: {DEFAULT_TIMEOUT})")
    rep.add_argument("--csv", action="store_true",
                     help="also write the KPI table as CSV (formula-like cells neutralised)")
    rep.add_argument("--xlsx", action="store_true",
                     help="also write the KPI table as an Excel workbook (needs openpyxl)")
    rep.add_argument("-q", "--quiet", action="store_true", help="print only the paths written")
    rep.set_defaults(func=report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cskit`` command (and ``python -m cskit``); returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        print(short_help())
        return 0
    try:
        return args.func(args)
    except CommandError as exc:
        print(f"cskit {args.command}: error: {exc}", file=sys.stderr)
        return exc.status
    except CskitError as exc:
        print(f"cskit {args.command}: error: {_first_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"cskit {args.command}: interrupted.", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a folder turned read-only: one line, no traceback
        print(f"cskit {args.command}: error: {_os_error(exc)}", file=sys.stderr)
        return 1


def _os_error(exc: OSError) -> str:
    """One line for an operating-system error: what failed, on which file, and what to do."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    where = f" ({exc.filename})" if exc.filename else ""
    return (f"{reason}{where}. Free disk space or check the folder's permissions, "
            f"then run the command again.")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
