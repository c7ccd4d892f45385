"""CJK text renders with real glyphs from the font the project declares (extra ``cjk``)."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import tomllib
import warnings
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

import cskit  # noqa: E402
from cskit import fonts, locales  # noqa: E402
from cskit.explain._figures import render  # noqa: E402
from cskit.plotting._style import apply_style  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "ko", "ja", "zh-Hant")


@pytest.fixture(autouse=True)
def english():
    cskit.set_language("en")
    yield
    cskit.set_language("en")
    apply_style("en")


def _render_and_collect(draw, caplog):
    """Draw to PNG and return every warning and matplotlib log line about fonts or glyphs."""
    caplog.clear()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.DEBUG, "matplotlib"):
        warnings.simplefilter("always")
        fig = draw()
        fig.savefig(Path("/dev/null") if Path("/dev/null").exists() else "out.png", format="png")
    messages = [str(w.message) for w in caught]
    messages += [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return [m for m in messages if "glyph" in m.lower() or "font" in m.lower()]


def test_the_font_comes_from_a_declared_dependency():
    path = fonts.font_path()
    assert path is not None and path.is_file()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # Declared in the extra the warning names (cskit[cjk]), not in the core.
    extra = project["optional-dependencies"][fonts.FONT_EXTRA]
    assert any(dep.startswith(fonts.FONT_PACKAGE) for dep in extra)
    pins = (ROOT / "constraints.txt").read_text().splitlines()
    assert any(line.startswith(f"{fonts.FONT_PACKAGE}==") for line in pins)
    assert {"Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC"} <= set(
        fonts.register_cjk_fonts()
    )


@pytest.mark.parametrize("lang", LANGS)
def test_one_plot_per_language_renders_without_missing_glyphs(lang, caplog):
    cskit.set_language(lang)
    view = cskit.explain.mrr_movements(mode="static").view  # title, axis and tick labels
    problems = _render_and_collect(lambda: render(view), caplog)
    assert problems == []
    import matplotlib as mpl

    first_cjk = fonts.FACE_FOR_LANGUAGE[lang]
    if first_cjk:
        assert mpl.rcParams["font.family"][1] == first_cjk
        assert first_cjk in mpl.rcParams["font.sans-serif"]


def test_the_check_catches_missing_glyphs(caplog):
    # Without the CJK fallback the same Korean title does warn: the test above can fail.
    def draw():
        apply_style("ko")
        matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
        fig = Figure()
        fig.subplots().set_title(cskit.t("kpi.churn", "ko"))
        return fig

    problems = _render_and_collect(draw, caplog)
    assert any("missing from font" in m for m in problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_locale_text_is_covered_by_the_fonts(lang):
    text = ""
    for info in pkgutil.iter_modules(locales.__path__):
        module = importlib.import_module(f"cskit.locales.{info.name}")
        text += "".join(module.TEXTS.get(lang, {}).values())
    assert fonts.missing_glyphs(text, lang) == ""


def test_missing_glyphs_reports_what_no_font_has():
    assert fonts.missing_glyphs("abc 고객 \U0001f9e9", "ko") == "\U0001f9e9"
