"""The HTML report in a real browser: headless Chromium renders it with no console error,
a screenshot is taken, the scorecard is on the page and a customer's ``<script>`` is text.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
file descriptors 3 and 4, NUL-separated JSON), so no browser-driver package is needed.
The browser tests skip, saying why, only when no Chromium is installed (Debian:
``apt-get install -y chromium``); the checks on the HTML text always run.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest

import cskit
from cskit import cli

HOSTILE = '<script>document.title="pwned";window.cskitPwned=1</script><b>bold?</b>'
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe",
]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return os.environ.get("CSKIT_CHROMIUM") or None


needs_chromium = pytest.mark.skipif(
    _chromium() is None,
    reason="headless Chromium is not installed (Debian: apt-get install -y chromium)",
)


class Browser:
    """Just enough of the Chrome DevTools protocol: open a page, read console errors,
    evaluate JavaScript, take a screenshot."""

    def __init__(self, executable: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="cskit-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def plumbing() -> None:  # in the child: the protocol pipes as fds 3 and 4
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=plumbing, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    def _read(self, wanted) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "method" in message:
                    self.events.append(message)
                if wanted(message):
                    return message
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe (did it start?)")
                self._buffer += chunk

    def call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        number = self._id
        answer = self._read(lambda m: m.get("id") == number)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def open(self, url: str, width: int = 1100, height: int = 900) -> None:
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=True)
        self.call("Page.navigate", {"url": url}, session=True)
        self._read(lambda m: m.get("method") == "Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True}, session=True)
        return result["result"].get("value")

    def screenshot(self, path: Path) -> bytes:
        shot = self.call("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": True}, session=True)
        data = base64.b64decode(shot["data"])
        path.write_bytes(data)
        return data

    def console_errors(self) -> list[str]:
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params.get("exceptionDetails", {}))[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error",
                                                                                "assert"):
                found.append(json.dumps(params.get("args", []))[:300])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"{params['entry'].get('source')}: {params['entry'].get('text')} "
                             f"{params['entry'].get('url', '')}")
        return found

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    """The sample company, with October's harshest NPS comment replaced by markup."""
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(cskit.datasets.sample_dir(), data, dirs_exist_ok=True)
    path = data / "surveys.csv"
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    october = raw["submitted_at"].str.startswith("2026-10") & (raw["survey"] == "nps") \
        & (raw["comment"] != "")
    lowest = raw.loc[october, "score"].astype(int).idxmin()
    raw.loc[lowest, "comment"] = HOSTILE
    raw.to_csv(path, index=False, lineterminator="\n")
    return data


@pytest.fixture(scope="module")
def reports(hostile_data, tmp_path_factory) -> dict[str, Path]:
    """Two real runs: English and Japanese, October 2026, on the hostile data."""
    out = tmp_path_factory.mktemp("reports")
    paths = {}
    for lang in ("en", "ja"):
        status, stdout, stderr = _run(["report", "--month", "2026-10", "--data",
                                       str(hostile_data), "--out", str(out), "--lang", lang,
                                       "-q"])
        assert status == 0, stderr
        paths[lang] = Path(stdout.splitlines()[1])
    return paths


def test_comment_markup_is_escaped_in_the_html(reports):
    text = reports["en"].read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=" in text  # quotes may stay: they are text here
    assert "&lt;b&gt;bold?&lt;/b&gt;" in text
    assert "<script" not in text
    assert "<b>bold?" not in text


def test_japanese_report_text(reports):
    text = reports["ja"].read_text(encoding="utf-8")
    assert '<html lang="ja">' in text
    assert "今月のサマリー" in text and "最も大きく動いた指標" in text
    assert "顧客解約率" in text and "目標" in text and "達成" in text
    assert ">売上<" in text and ">顧客の声（VoC）<" in text
    assert "This month at a glance" not in text


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_report_renders_in_headless_chromium(reports, lang, tmp_path):
    browser = Browser(_chromium())
    try:
        browser.open(reports[lang].as_uri())
        png = browser.screenshot(tmp_path / f"report-{lang}.png")
        title = browser.evaluate("document.title")
        rows = browser.evaluate(
            "[...document.querySelectorAll('table.cskit-scorecard tbody tr')]"
            ".map(r => r.dataset.kpi)")
        body = browser.evaluate("document.body.innerText")
        pwned = browser.evaluate("window.cskitPwned === undefined ? 0 : 1")
        images = browser.evaluate(
            "[...document.images].filter(i => i.complete && i.naturalWidth > 0).length")
        errors = browser.console_errors()
    finally:
        browser.close()
    assert errors == []
    width, height = _png_size(png)
    assert width >= 1000 and height > 3000  # the whole page, not just the first screen
    assert title == cskit.t("report.title", lang, month="2026-10")
    assert rows[:4] == ["mrr", "net_new_mrr", "customers", "churn"]
    assert {"nps", "first_login_rate", "stickiness"} <= set(rows)
    assert cskit.t("report.scorecard", lang) in body
    # One figure per report area that has KPIs, plus the waterfall, churn and NPS charts.
    assert images == 3 + len({kpi.area for kpi in cskit.report.KPIS})
    # The customer's markup is on the page as text and did not run.
    assert HOSTILE in body
    assert pwned == 0
