"""cskit.guide: "Read it, act on it" for every KPI notebook (issue 17, item 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cskit import guide
from cskit.errors import CskitError

ROOT = Path(__file__).resolve().parents[1]
NOT_KPI_NOTEBOOKS = {"00_start_here", "monthly_report"}


def kpi_notebooks() -> list[str]:
    return sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb")
                  if p.stem not in NOT_KPI_NOTEBOOKS)


def test_every_kpi_notebook_has_an_entry():
    notebooks = kpi_notebooks()
    assert len(notebooks) == 22
    assert sorted(guide.NOTEBOOKS) == notebooks
    assert set(guide.NOTEBOOKS.values()) == set(guide.kpis())


@pytest.mark.parametrize("kpi", guide.kpis())
def test_entry_has_all_three_parts(kpi):
    entry = guide.read_it(kpi)
    assert entry.kpi == kpi and entry.title
    assert entry.benchmarks, "a benchmark with its source"
    assert len(entry.levers) >= 3, "what moves the number"
    assert len(entry.actions) == 3, "the first three things a CSM does"
    assert all(len(text) > 20 for text in (*entry.levers, *entry.actions))


@pytest.mark.parametrize("kpi", guide.kpis())
def test_every_benchmark_has_a_source_a_year_and_caveats(kpi):
    entry = guide.read_it(kpi)
    for b in entry.benchmarks:
        assert b.publisher.strip() and b.report.strip() and b.figure.strip()
        assert isinstance(b.year, int) and 1990 <= b.year <= 2026
        assert b.kind in guide.KINDS
        assert len(b.caveats) > 40, f"{kpi}: caveats say segment, sample, definition"
        for address in (b.url, b.via):
            assert address is None or re.match(r"https?://[^\s/]+\.[^\s/]+/", address)
        if b.url is None and b.kind != "rule of thumb":
            # a figure we could not read at its publisher says where we read it
            assert b.via, f"{kpi}: {b.publisher} needs url or via"
        if b.kind == "rule of thumb":
            assert b.via or b.url, f"{kpi}: say where the rule is attributed"
    assert entry.as_of == max(b.year for b in entry.benchmarks)


def test_the_requested_rules_of_thumb_are_present():
    ltv = guide.read_it("ltv")
    assert any("3 × CAC" in b.figure and "12 months" in b.figure for b in ltv.benchmarks)
    assert any("payback" in b.figure for b in ltv.benchmarks)
    assert guide.read_it("ces").benchmarks[0].year == 2010
    assert "Mixpanel" in guide.read_it("stickiness").benchmarks[0].publisher


def test_aliases_and_case():
    assert guide.read_it("GRR") is guide.read_it("nrr")
    assert guide.read_it(" arpu ").kpi == "arpa"
    assert guide.read_it("mrr_movements").kpi == "mrr"
    assert guide.read_it("dau_mau").kpi == "stickiness"
    # no alias shadows a key, and no alias is used twice
    aliases = [a for k in guide.kpis() for a in guide.read_it(k).aliases]
    assert len(aliases) == len(set(aliases)) and not set(aliases) & set(guide.kpis())


def test_unknown_key_is_a_cskit_error_listing_known_keys():
    with pytest.raises(CskitError) as info:
        guide.read_it("netflix_score")
    message = str(info.value)
    assert "netflix_score" in message
    for key in guide.kpis():
        assert key in message
    with pytest.raises(CskitError, match="Did you mean 'churn'"):
        guide.read_it("chrun")
    with pytest.raises(CskitError, match="string"):
        guide.read_it(3)


def test_markdown_rendering():
    entry = guide.read_it("fcr")
    md = entry._repr_markdown_()
    assert md.startswith("### Read it, act on it: First contact resolution")
    assert "**What moves it:**" in md and "**When it moves, first:**" in md
    assert re.search(r"^1\. .+\n2\. .+\n3\. .+$", md, flags=re.M)
    for b in entry.benchmarks:
        assert b.figure in md and str(b.year) in md and b.publisher in md
    assert "SQM Group" in md and "70–79 %" in md


def test_text_rendering():
    text = str(guide.read_it("churn"))
    assert text.startswith("Read it, act on it: Customer (logo) churn rate")
    assert "Recurly Research" in text and "(2019)" in text
    assert "  3. " in text and "#" not in text.splitlines()[0]


def test_docs_page_is_generated_from_the_data():
    committed = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert committed == guide.markdown_table(), (
        "docs/benchmarks.md is stale; regenerate it with cskit.guide.markdown_table()"
    )


def test_docs_table_has_one_row_per_benchmark():
    page = guide.markdown_table()
    rows = [line for line in page.splitlines() if line.startswith("| ") and "`" in line]
    expected = sum(len(guide.read_it(k).benchmarks) for k in guide.kpis())
    assert len(rows) == expected
    assert all(re.search(r"\| (19|20)\d\d \|", row) for row in rows)


def test_repr_is_the_text_not_the_dataclass_fields():
    entry = guide.read_it("nps")
    assert repr(entry) == str(entry)
    assert not repr(entry).startswith("GuideEntry(")


def test_dollar_signs_are_escaped_so_jupyter_does_not_render_maths():
    md = guide.read_it("crc").to_markdown()
    assert "\\$1.13" in md and "\\$0.13" in md
    for text in [md, guide.markdown_table()]:
        assert not re.search(r"(?<!\\)\$", text)
    assert "$1.13" in str(guide.read_it("crc")) and "\\$" not in str(guide.read_it("crc"))
