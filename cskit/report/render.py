"""HTML of the report: the scorecard table and the page around the report's body."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pandas as pd
from jinja2 import Environment, FunctionLoader, select_autoescape
from markupsafe import Markup

from cskit.i18n import t
from cskit.report.scoring import load_targets, scorecard  # noqa: F401
from cskit.report.text import format_scorecard

_TEMPLATES = "templates"


def _read(name: str) -> str:
    """A file of ``cskit/report/templates`` (installed with the package)."""
    return files("cskit.report").joinpath(_TEMPLATES, name).read_text(encoding="utf-8")


@cache
def _environment() -> Environment:
    # Autoescape everything: every value put in a template is escaped unless it is
    # Markup (the page body, already HTML); the templates are ours, never the user's.
    return Environment(
        loader=FunctionLoader(_read),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, **context: object) -> str:
    """The report template ``name`` (a ``.html.j2`` of ``cskit/report/templates``), rendered.

    Examples
    --------
    >>> render_template("page.html.j2", body="", title="<Q3>", lang="en").count("&lt;Q3&gt;")
    1
    """
    return _environment().get_template(name).render(**context)

#: Style of the scorecard and comments tables (a ``<style>`` element).
SCORECARD_CSS = _read("scorecard_style.html").strip()


def scorecard_html(table: pd.DataFrame) -> str:
    """The scorecard as an HTML table (every text escaped), coloured by verdict and status.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10", targets=load_targets())
    >>> page = scorecard_html(card)
    >>> page.count("<tr class="), 'class="on_track"' in page
    (15, True)
    """
    shown = format_scorecard(table)
    rows = []
    for (kpi, row), (label, cells) in zip(table.iterrows(), shown.iterrows(), strict=True):
        depth = int(row["depth"]) if "depth" in row.index else 0
        classes = {t("report.trend"): row["verdict"], t("report.status"): row.get("status")}
        classes = {k: v if isinstance(v, str) else "" for k, v in classes.items()}
        rows.append({
            "kpi": str(kpi), "depth": depth, "label": str(label).lstrip(chr(0x2003)),
            "cells": [{"css": classes.get(column, ""), "text": str(cell)}
                      for column, cell in cells.items()],
        })
    return render_template("scorecard.html.j2", index_name=str(shown.index.name),
                           columns=[str(c) for c in shown.columns], rows=rows)


#: Style of the whole page (:func:`page_html`).
PAGE_CSS = _read("page.css").strip()


def page_html(body: str, *, title: str, lang: str = "en") -> str:
    """A self-contained HTML page around the report's body (no script, nothing fetched).

    Examples
    --------
    >>> page = page_html("<p>Hi</p>", title="A <report>", lang="ja")
    >>> page.startswith('<!DOCTYPE html>\\n<html lang="ja">'), "<title>A &lt;report&gt;</title>" in page
    (True, True)
    """
    return render_template("page.html.j2", body=Markup(body), title=title, lang=lang) + "\n"
