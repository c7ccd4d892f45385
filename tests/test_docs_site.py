"""The documentation site in a real browser: headless Chromium opens the built site (served
over HTTP on 127.0.0.1, as a reader's browser would get it) and checks that the index, a KPI
page and an API page render with no console error, and that the search box finds a KPI.

``make test`` builds the site first (``make docs``: warnings are errors); run alone, this
test uses ``docs/_build/html`` when it is there and builds the site into a temporary folder
otherwise. Chromium is driven through the DevTools protocol as in ``test_report_html.py``.

The site's only resource from outside is MathJax, from its CDN. The browser here is offline,
so every request that leaves 127.0.0.1 is intercepted: MathJax's script is answered with an
empty script (the formulas stay as TeX text), and anything else fails the test — a page that
quietly needs the network would be broken for an offline reader.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_report_html import Browser, _chromium, needs_chromium

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "docs" / "_build" / "html"
#: External URLs the site may ask for (answered with an empty script here).
ALLOWED_EXTERNAL = ("https://cdn.jsdelivr.net/npm/mathjax@",)


def _build(out: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
         str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if (BUILT / "index.html").is_file() and (BUILT / "searchindex.js").is_file():
        return BUILT
    pytest.importorskip("sphinx", reason="the docs extra is not installed: pip install .[docs]")
    return _build(tmp_path_factory.mktemp("docs") / "html")


@pytest.fixture(scope="module")
def server(site):
    """The site over HTTP on a free local port (a thread; stopped after the module)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


class OfflineBrowser(Browser):
    """A :class:`Browser` whose requests to anywhere but the local server are intercepted."""

    def __init__(self, executable: str, local: str) -> None:
        self.local = local
        self.external: list[str] = []
        super().__init__(executable)
        self.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}, session=True)

    def _send(self, method: str, params: dict) -> None:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params,
                   "sessionId": self.session}
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")

    def _read(self, wanted) -> dict:
        def answer_requests(message: dict) -> bool:
            if message.get("method") != "Fetch.requestPaused":
                return wanted(message)
            request = message["params"]
            url, rid = request["request"]["url"], request["requestId"]
            if url.startswith(self.local):
                self._send("Fetch.continueRequest", {"requestId": rid})
            elif url.startswith(ALLOWED_EXTERNAL):
                self._send("Fetch.fulfillRequest", {
                    "requestId": rid, "responseCode": 200,
                    "responseHeaders": [{"name": "Content-Type",
                                         "value": "application/javascript"}],
                    "body": base64.b64encode(b"/* offline test */").decode()})
            else:
                self.external.append(url)
                self._send("Fetch.failRequest", {"requestId": rid,
                                                 "errorReason": "BlockedByClient"})
            return False

        return super()._read(answer_requests)

    def wait_for(self, expression: str, timeout: float = 30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        return self.evaluate(expression)


@pytest.fixture(scope="module")
def browser(server):
    found = _chromium()
    if found is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install -y chromium)")
    b = OfflineBrowser(found, server)
    yield b
    b.close()


def _visit(browser: OfflineBrowser, url: str) -> dict:
    browser.events.clear()
    browser.open(url)
    time.sleep(0.5)  # let deferred scripts run and report errors
    return {
        "title": browser.evaluate("document.title"),
        "h1": browser.evaluate("(document.querySelector('main h1') || {}).textContent || ''"),
        "errors": browser.console_errors(),
    }


@needs_chromium
def test_index_renders_without_console_errors(browser, server):
    page = _visit(browser, f"{server}/index.html")
    assert page["errors"] == []
    assert page["title"].startswith("cskit")
    links = browser.evaluate(
        "[...document.querySelectorAll('a.reference.internal')].map(a => a.getAttribute('href'))")
    for target in ("getting-started.html", "loading-data.html", "kpis.html", "api.html",
                   "kpi-catalogue.html"):
        assert target in links
    assert browser.external == []


@needs_chromium
def test_a_kpi_page_shows_the_notebook_with_its_stored_outputs(browser, server):
    page = _visit(browser, f"{server}/kpis/02_churn_rate.html")
    assert page["errors"] == []
    assert "churn" in page["h1"].lower()
    # Stored outputs: the notebook's figures (loaded, not broken) and its pandas tables.
    images = browser.evaluate(
        "[...document.querySelectorAll('main img')].map(i => [i.complete, i.naturalWidth])")
    assert images and all(done and width > 100 for done, width in images)
    assert browser.evaluate("document.querySelectorAll('main table.dataframe').length") > 0
    # Code cells are shown, not executed: their source is on the page.
    assert "import cskit" in browser.evaluate("document.querySelector('main').innerText")
    assert browser.external == []


@needs_chromium
def test_an_api_page_documents_functions_from_their_docstrings(browser, server):
    page = _visit(browser, f"{server}/api/metrics.html")
    assert page["errors"] == []
    text = browser.evaluate(
        "(document.getElementById('cskit.metrics.churn') || {}).textContent || ''")
    assert "churn" in text and "denominator" in text  # the signature
    # numpydoc turned the docstring's sections into a field list and rubrics.
    fields = browser.evaluate(
        "[...document.querySelectorAll('dl.field-list > dt')].map(d => d.textContent)")
    rubrics = browser.evaluate(
        "[...document.querySelectorAll('dd p.rubric')].map(p => p.textContent)")
    assert "Parameters:" in fields and "Returns:" in fields and "Examples" in rubrics
    assert browser.external == []


@needs_chromium
def test_search_finds_a_kpi_by_name(browser, server):
    _visit(browser, f"{server}/search.html?q=churn")
    hits = browser.wait_for(
        "[...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))"
        ".filter(h => h).length > 3 && "
        "[...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'))")
    assert hits, "the search page listed no result for 'churn'"
    assert any("02_churn_rate" in h for h in hits)
    assert any("cskit.metrics.churn" in h for h in hits)  # the API entry too
    time.sleep(1.0)  # the search page goes on fetching the pages' summaries
    assert browser.console_errors() == []
    assert browser.external == []
