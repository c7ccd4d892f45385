"""`cskit report`: runs the report notebook, writes notebook + HTML, never overwrites silently.

The slow tests execute the real notebook (a few seconds each); the others replace
the notebook run with a stored executed notebook to test the file handling.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

import cskit
from cskit import cli


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return status, out.getvalue(), err.getvalue()


def _mrr_total(month: str) -> float:
    mrr = cskit.datasets.load_sample().mrr
    return float(mrr.loc[mrr["month"] == pd.Period(month, freq="M"), "mrr"].sum())


def _injected(nb) -> str:
    cells = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    return cells[0].source


@pytest.fixture(scope="module")
def september(tmp_path_factory):
    """One real run: cskit report --month 2026-09 --out <tmp>."""
    out = tmp_path_factory.mktemp("reports")
    status, stdout, stderr = _run(["report", "--month", "2026-09", "--out", str(out)])
    assert status == 0, stderr
    return out, stdout, stderr


@pytest.fixture
def fake_run(monkeypatch):
    """Replace the notebook run by the committed executed notebook; record the parameters."""
    calls = []

    def run(notebook, parameters, **kwargs):
        calls.append({"notebook": notebook, "parameters": parameters, **kwargs})
        return nbformat.read(cli.report_notebook(), as_version=4)

    monkeypatch.setattr(cli, "run_notebook", run)
    return calls


# ---------------------------------------------------------------- a real run


def test_report_writes_notebook_and_html(september):
    out, stdout, _ = september
    ipynb, html = out / "cskit-report-2026-09.ipynb", out / "cskit-report-2026-09.html"
    assert stdout.splitlines() == [str(ipynb), str(html)]
    assert sorted(p.name for p in out.iterdir()) == [html.name, ipynb.name]  # no temp files


def test_html_has_the_month_and_the_scorecard_without_code(september):
    out, _, _ = september
    text = (out / "cskit-report-2026-09.html").read_text(encoding="utf-8")
    assert "<title>Customer-success report, 2026-09</title>" in text
    assert "Scorecard" in text
    # The scorecard's MRR for September and August, computed here from the raw table.
    assert f"{_mrr_total('2026-09'):,.0f}" in text
    assert f"{_mrr_total('2026-08'):,.0f}" in text
    assert "Paying customers" in text
    # Five static figures (waterfall, MRR trend, churn, NPS, usage KPIs), no code, no widgets,
    # nothing fetched from the web (the page must open offline, in an e-mail attachment).
    # One figure per report area that has KPIs, plus the waterfall, churn and NPS charts.
    n_images = 3 + len({kpi.area for kpi in cskit.report.KPIS})
    assert text.count("<img ") == n_images
    assert text.count("src=\"data:image/png;base64") == n_images
    assert "check_month" not in text and "import cskit" not in text
    assert "application/vnd.jupyter.widget-view+json" not in text
    assert "<script" not in text and "https://" not in text and "http://" not in text
    # The one-page summary comes before the first section.
    assert text.index("This month at a glance") < text.index('class="cskit-scorecard"') \
        < text.index(">Revenue<") < text.index(">Retention and churn<") \
        < text.index(">Voice of the customer<") < text.index(">Product usage<")


def test_executed_notebook_has_the_injected_month(september):
    out, _, _ = september
    nb = nbformat.read(out / "cskit-report-2026-09.ipynb", as_version=4)
    assert 'month = "2026-09"' in _injected(nb)
    assert nb.metadata["papermill"]["parameters"]["month"] == "2026-09"
    assert nb.metadata["papermill"]["parameters"]["lang"] == "en"
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream"]
    assert streams == []  # no warnings or prints in the report


def test_second_run_does_not_overwrite(september):
    out, _, _ = september
    first = {p.name: p.read_bytes() for p in out.glob("cskit-report-2026-09.*")}
    status, stdout, _ = _run(["report", "--month", "2026-09", "--out", str(out)])
    assert status == 0
    assert stdout.splitlines() == [str(out / "cskit-report-2026-09-2.ipynb"),
                                   str(out / "cskit-report-2026-09-2.html")]
    for name, data in first.items():
        assert (out / name).read_bytes() == data
    assert (out / "cskit-report-2026-09-2.html").stat().st_size > 0


# ---------------------------------------------------------------- refusing bad input


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "is not a month: use YYYY-MM"),
        ("2026-9", "is not a month: use YYYY-MM"),
        ("Sept", "is not a month: use YYYY-MM"),
        ("2026-11", "outside the data: reports can be made for 2024-01 to 2026-10"),
        ("2023-11", "outside the data: reports can be made for 2024-01 to 2026-10"),
    ],
)
def test_bad_month_fails_with_one_line(tmp_path, fake_run, month, message):
    out = tmp_path / "out"
    status, stdout, stderr = _run(["report", "--month", month, "--out", str(out)])
    assert status == 2
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert stderr.startswith(f"cskit report: error: --month {month}: ")
    assert message in stderr
    assert "Traceback" not in stderr
    assert fake_run == []  # refused before running anything
    assert not out.exists()


def test_missing_data_files_fail_with_one_line(tmp_path, fake_run):
    data = tmp_path / "data"
    data.mkdir()
    # Any subset of the tables will do, but not one without revenue (mrr or subscriptions).
    (data / "surveys.csv").write_text("submitted_at,score\n2026-10-01 10:00:00,9\n")
    status, _, stderr = _run(["report", "--data", str(data), "--out", str(tmp_path / "o")])
    assert status == 1
    assert len(stderr.strip().splitlines()) == 1
    assert "no subscriptions.csv or mrr.csv" in stderr
    (data / "mrr.csv").write_text("customer_id,month,mrr\n")  # a header, no rows
    status, _, stderr = _run(["report", "--data", str(data), "--out", str(tmp_path / "o")])
    assert status == 1
    assert len(stderr.strip().splitlines()) == 1 and "no rows" in stderr
    status, _, stderr = _run(["report", "--data", str(tmp_path / "nowhere")])
    assert status == 1 and "no such folder" in stderr
    assert fake_run == []


def test_unreadable_table_is_refused_before_running(tmp_path, fake_run):
    data = tmp_path / "data"
    shutil.copytree(cskit.datasets.sample_dir(), data)
    (data / "surveys.csv").write_text("x,y\n1,2\n")
    status, stdout, stderr = _run(["report", "--data", str(data), "--out", str(tmp_path / "o")])
    assert status == 1 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert "'submitted_at', 'score' missing from" in stderr and "'x', 'y'" in stderr
    assert fake_run == [] and not (tmp_path / "o").exists()


def test_several_currencies_are_refused_before_running(tmp_path, fake_run):
    data = tmp_path / "data"
    data.mkdir()
    (data / "subscriptions.csv").write_text(
        "customer_id,start,end,amount,interval,currency\n"
        "a,2026-01-01 00:00:00,,10,month,eur\nb,2026-01-01 00:00:00,,10,month,usd\n"
        "c,2026-04-02 00:00:00,,10,month,eur\n")
    status, stdout, stderr = _run(["report", "--data", str(data), "--out", str(tmp_path / "o")])
    assert status == 1 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert "several currencies ('EUR', 'USD')" in stderr
    assert fake_run == []


def test_failing_notebook_reports_its_error_and_leaves_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(cskit.datasets.sample_dir(), data)
    # Readable, so the command's own checks pass; no answers, so the NPS cell fails.
    (data / "surveys.csv").write_text("submitted_at,score\n")
    out = tmp_path / "out"
    status, stdout, stderr = _run(["report", "--data", str(data), "--out", str(out)])
    assert status == 1
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert stderr.startswith("cskit report: error: the report notebook failed in cell")
    assert not out.exists()


# ---------------------------------------------------------------- file handling (fake run)


def test_default_month_is_the_latest_and_parameters_are_passed(tmp_path, fake_run):
    status, stdout, _ = _run(["report", "--out", str(tmp_path), "--lang", "ko", "-q"])
    assert status == 0
    assert len(fake_run) == 1
    call = fake_run[0]
    latest = str(cskit.datasets.load_sample().mrr["month"].max())
    assert call["parameters"] == {
        "month": latest,
        "data_dir": str(cskit.datasets.sample_dir().resolve()),
        "lang": "ko",
    }
    assert call["cwd"] == tmp_path
    assert call["timeout"] == cli.DEFAULT_TIMEOUT
    assert stdout.splitlines() == [str(tmp_path / f"cskit-report-{latest}-ko.ipynb"),
                                   str(tmp_path / f"cskit-report-{latest}-ko.html")]
    html = (tmp_path / f"cskit-report-{latest}-ko.html").read_text(encoding="utf-8")
    assert f"<title>고객 성공 월간 보고서, {latest}</title>" in html


def test_force_overwrites_and_numbers_pair_up(tmp_path, fake_run):
    stem = tmp_path / "cskit-report-2026-10"
    # Only the HTML of the first name exists: both files move on to -2 together.
    Path(f"{stem}.html").write_text("old")
    status, stdout, _ = _run(["report", "--out", str(tmp_path), "--month", "2026-10"])
    assert status == 0
    assert stdout.splitlines() == [f"{stem}-2.ipynb", f"{stem}-2.html"]
    assert Path(f"{stem}.html").read_text() == "old"
    assert not Path(f"{stem}.ipynb").exists()
    status, stdout, _ = _run(["report", "--out", str(tmp_path), "--month", "2026-10", "--force"])
    assert status == 0
    assert stdout.splitlines() == [f"{stem}.ipynb", f"{stem}.html"]
    assert Path(f"{stem}.html").read_text() != "old"
    assert not Path(f"{stem}-3.html").exists()


def test_interrupt_cleans_up_temporary_files(tmp_path, fake_run, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "to_html", interrupted)
    (tmp_path / "keep.txt").write_text("x")
    status, stdout, stderr = _run(["report", "--out", str(tmp_path)])
    assert status == 130
    assert stdout == ""
    assert stderr.strip() == "cskit report: interrupted."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]  # the .ipynb temp is gone


def test_written_files_follow_the_umask(tmp_path, fake_run):
    old = os.umask(0o022)
    try:
        _run(["report", "--out", str(tmp_path)])
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
    assert set(modes.values()) == {0o644}


def test_run_notebook_options(monkeypatch, tmp_path):
    seen = {}

    def execute(input_path, output_path, **kwargs):
        seen.update(input_path=input_path, output_path=output_path, **kwargs)
        return "nb"

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    result = cli.run_notebook(Path("x.ipynb"), {"month": "2026-09"}, cwd=tmp_path, timeout=42)
    assert result == "nb"
    assert seen["output_path"] is None
    assert seen["parameters"] == {"month": "2026-09"}
    assert seen["execution_timeout"] == 42
    assert seen["cwd"] == str(tmp_path)
    assert seen["progress_bar"] is False  # pytest's stderr is not a terminal
    assert seen["kernel_manager_class"]().kernel_spec.argv[0] == sys.executable


def test_kernel_trouble_is_one_line(monkeypatch, tmp_path):
    from nbclient.exceptions import CellTimeoutError

    def execute(*args, **kwargs):
        raise CellTimeoutError("A cell timed out while it was being executed, after 1 seconds.\n"
                               "Here is a preview of the cell contents: ...")

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    status, _, stderr = _run(["report", "--out", str(tmp_path / "o"), "--timeout", "1"])
    assert status == 1
    assert stderr == ("cskit report: error: running the report notebook failed: CellTimeoutError: "
                      "A cell timed out while it was being executed, after 1 seconds.\n")
    assert not (tmp_path / "o").exists()
    status, _, stderr = _run(["report", "--timeout", "0"])
    assert status == 2 and "positive number of seconds" in stderr


def test_report_notebook_does_not_depend_on_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = cli.report_notebook()
    assert path.is_absolute() and path.name == "monthly_report.ipynb" and path.is_file()


def test_python_dash_m_cskit(tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [sys.executable, "-m", "cskit", "report", "--month", "2026-00", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "cskit report: error: --month 2026-00: month='2026-00' is not a month: use YYYY-MM "
        "with a month 01-12, e.g. '2026-10'."
    ]
    assert cli.main.__module__ == "cskit.cli"


def test_no_command_prints_a_short_help_pointing_to_the_report_and_the_docs():
    status, stdout, stderr = _run([])
    assert status == 0 and stderr == ""
    assert stdout.startswith(f"cskit {cskit.__version__}: ")
    assert "cskit report" in stdout and "Documentation" in stdout
    assert str(cli.report_notebook().parent) in stdout  # the notebooks that are installed


def test_python_dash_m_cskit_alone_prints_the_short_help():
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-m", "cskit"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == cli.short_help() + "\n"


def test_version():
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                            .read_text())["project"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert out.getvalue().strip() == f"cskit {project['version']}"
    assert cskit.__version__ == project["version"]


# ---------------------------------------------------------------- the notebook through papermill


def test_report_notebook_through_papermill_in_korean(tmp_path):
    # A month that is neither the default nor the CLI test's month, in Korean.
    nb = papermill.execute_notebook(
        str(cli.report_notebook()),
        str(tmp_path / "out.ipynb"),
        parameters={"month": "2025-06", "lang": "ko", "data_dir": None},
        kernel_name="python3",
        progress_bar=False,
        execution_timeout=120,
        cwd=str(tmp_path),
    )
    assert 'month = "2025-06"' in _injected(nb)
    markdown = [o["data"]["text/markdown"] for c in nb.cells for o in c.get("outputs", [])
                if "text/markdown" in o.get("data", {})]
    assert markdown[0].startswith("# 고객 성공 월간 보고서, 2025-06")
    assert markdown[1].startswith("## 이번 달 한눈에 보기")
    assert "### KPI 현황표" in markdown
    tables = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
              if 'class="cskit-scorecard"' in o.get("data", {}).get("text/html", "")]
    assert len(tables) == 1
    assert f"{_mrr_total('2025-06'):,.0f}" in tables[0]
    assert f"{_mrr_total('2025-05'):,.0f}" in tables[0]
    assert "이번 달" in tables[0] and "목표" in tables[0]


def test_report_notebook_validates_its_month(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        papermill.execute_notebook(
            str(cli.report_notebook()),
            None,
            parameters={"month": "2031-01"},
            kernel_name="python3",
            progress_bar=False,
            execution_timeout=120,
            cwd=str(tmp_path),
        )
    assert caught.value.ename == "InvalidParameterError"
    assert "outside the data" in caught.value.evalue


def test_csv_and_xlsx_export(tmp_path, fake_run):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the 'io' extra")
    status, stdout, _ = _run(["report", "--out", str(tmp_path), "--month", "2026-10",
                              "--csv", "--xlsx", "-q"])
    assert status == 0
    stem = tmp_path / "cskit-report-2026-10"
    assert stdout.splitlines() == [f"{stem}.ipynb", f"{stem}.html", f"{stem}.csv",
                                   f"{stem}.xlsx"]
    raw = Path(f"{stem}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8 labels right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["kpi"] for r in rows][:4] == ["mrr", "net_new_mrr", "customers", "churn"]
    mrr = rows[0]
    assert float(mrr["value"]) == pytest.approx(_mrr_total("2026-10"))
    assert float(mrr["previous"]) == pytest.approx(_mrr_total("2026-09"))
    assert mrr["target"] == "1200000.0" and mrr["status"] == "off_track"
    sheet = openpyxl.load_workbook(f"{stem}.xlsx").active
    assert [c.value for c in sheet["A"]][1:4] == ["mrr", "net_new_mrr", "customers"]
    assert sheet["E2"].value == pytest.approx(_mrr_total("2026-10"))
    # A second run numbers all four files together.
    _run(["report", "--out", str(tmp_path), "--month", "2026-10", "--csv", "--xlsx", "-q"])
    assert Path(f"{stem}-2.csv").exists() and Path(f"{stem}-2.xlsx").exists()


def test_bad_targets_file_fails_with_key_and_line(tmp_path, fake_run):
    data = tmp_path / "data"
    shutil.copytree(cskit.datasets.sample_dir(), data)
    (data / "targets.toml").write_text('[churn]\ntarget = 0.02\ndirection = "down"\n',
                                       encoding="utf-8")
    status, stdout, stderr = _run(["report", "--data", str(data), "--out", str(tmp_path / "o")])
    assert status == 1
    assert stdout == ""
    assert stderr == (f"cskit report: error: {data / 'targets.toml'}, line 3: churn.direction = "
                      "'down' is not a direction; use \"higher\" or \"lower\".\n")
    assert fake_run == [] and not (tmp_path / "o").exists()


def test_full_disk_is_one_line_and_leaves_nothing(tmp_path, fake_run, monkeypatch):
    import errno

    def full(directory, text, suffix):
        raise OSError(errno.ENOSPC, "No space left on device", str(directory / f"x{suffix}"))

    monkeypatch.setattr(cli, "_write_temp", full)
    (tmp_path / "keep.txt").write_text("x")
    status, stdout, stderr = _run(["report", "--out", str(tmp_path)])
    assert status == 1
    assert stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("cskit report: error: No space left on device (")
    assert "Free disk space or check the folder's permissions" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
