"""The light core: language packages are extras, and cskit works (and says so once) without them.

The optional packages are made unavailable by putting ``None`` in ``sys.modules`` (the way
Python marks a module that cannot be imported), so these tests run in the full development
install too.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pandas as pd
import pytest

import cskit
from cskit import fonts, text
from cskit.plotting._style import apply_style

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_PACKAGES = {"ja": "janome", "zh": "rjieba", "cjk": "noto-cjk-sans-otc"}


@pytest.fixture
def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _name(requirement: str) -> str:
    for sep in "<>=[; ":
        requirement = requirement.split(sep)[0]
    return requirement.lower()


def test_the_core_has_nothing_language_specific(project):
    core = {_name(r) for r in project["dependencies"]}
    # scipy: intervals and tests; jinja2: the report's HTML templates
    assert core == {"pandas", "numpy", "matplotlib", "ipywidgets", "scipy", "jinja2"}
    extras = project["optional-dependencies"]
    for extra, package in LANGUAGE_PACKAGES.items():
        assert [_name(r) for r in extras[extra]] == [package]
    assert extras["i18n"] == ["cskit[ja,zh,cjk]"]
    pins = {line.split("==")[0].lower() for line in
            (ROOT / "constraints.txt").read_text().splitlines() if "==" in line}
    docs = {_name(r) for r in extras["docs"]}
    assert set(LANGUAGE_PACKAGES.values()) | docs <= pins


def test_make_installs_every_extra():
    makefile = (ROOT / "Makefile").read_text()
    install = next(line for line in makefile.splitlines() if "pip install" in line)
    for extra in ("i18n", "docs", "notebooks", "test"):
        assert extra in install


@pytest.fixture
def without(monkeypatch):
    """Make optional modules unimportable and forget earlier one-time warnings."""
    monkeypatch.setattr(text, "_warned", set())

    def hide(*modules: str) -> None:
        for module in modules:
            monkeypatch.setitem(sys.modules, module, None)

    return hide


def _ours(caught, needle: str) -> list[str]:
    return [str(w.message) for w in caught if needle in str(w.message)]


def test_japanese_falls_back_to_bigrams_and_warns_once(without):
    without("janome")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # サポート: a katakana run kept whole; 返信: the one Han bigram; 遅 alone has none.
        first = text.tokenize("サポートの返信が遅いです。")
        # Han runs 料金 / 高 / 値上 (げ is kana): bigrams 料金 and 値上; 高 alone has none.
        second = text.tokenize("料金が高すぎます。値上げ")
    assert first == ["サポート", "返信"]
    assert second == ["料金", "値上"]
    messages = _ours(caught, "tokenizer")
    assert len(messages) == 1
    assert "'janome' is not installed" in messages[0] and 'pip install "cskit[ja]"' in messages[0]


def test_chinese_falls_back_to_bigrams_and_warns_once(without):
    without("rjieba")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Windows 客服 服回 回覆 覆太 太慢 慢了: the last three hold 太 or 了 (function characters).
        terms = [text.tokenize("客服回覆太慢了") for _ in range(3)]
    assert terms == [["客服", "服回", "回覆"]] * 3
    messages = _ours(caught, "tokenizer")
    assert len(messages) == 1 and 'pip install "cskit[zh]"' in messages[0]


def test_korean_and_english_need_no_extra(without):
    without("janome", "rjieba")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert text.tokenize("리포트를 Reports") == ["report", "리포트"]
    assert _ours(caught, "tokenizer") == []


def test_themes_without_tokenizers_counts_bigrams_with_one_warning_per_language(without):
    without("janome", "rjieba")
    frame = pd.DataFrame({"comment": ["返信が遅い", "返信が欲しい", "サポートの返信",
                                      "報表匯出", "匯出失敗", "Great support"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = frame.cs.themes(survey_col=None, min_count=2)
    counts = dict(zip(out["term"], out["count"], strict=True))
    # 返信 is in three comments, 匯出 in two (報表匯出 -> 報表 表匯 匯出; 匯出失敗 -> 匯出 出失 失敗).
    assert counts == {"返信": 3, "匯出": 2}
    messages = _ours(caught, "tokenizer")
    assert len(messages) == 2
    assert any("cskit[ja]" in m for m in messages) and any("cskit[zh]" in m for m in messages)


@pytest.fixture
def no_font(monkeypatch):
    monkeypatch.setattr(fonts, "font_path", lambda: None)
    monkeypatch.setattr(fonts, "_registered", {})
    yield
    cskit.set_language("en")


def test_a_cjk_plot_without_the_font_warns_once_naming_the_extra(no_font):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        apply_style("en")  # English: nothing to warn about
        assert _ours(caught, "cskit[cjk]") == []
        assert fonts.family("en") == ["sans-serif"]
        cskit.set_language("ja")
        from cskit.explain._figures import png

        png(cskit.explain.nps(mode="static").view)
        png(cskit.explain.churn(mode="static").view)
        apply_style("ko")
    messages = _ours(caught, "cskit[cjk]")
    assert len(messages) == 1
    assert "noto-cjk-sans-otc" in messages[0] and "boxes" in messages[0]


def test_import_themes_and_plots_in_a_process_without_any_language_package():
    script = """
import sys, warnings
for name in ("janome", "rjieba", "noto_cjk_sans_otc"):
    sys.modules[name] = None
warnings.simplefilter("always")
import pandas as pd, cskit
from cskit.explain._figures import png
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    out = pd.DataFrame({"comment": ["返信が遅い"] * 3 + ["客服很慢"] * 2}).cs.themes(survey_col=None)
    cskit.set_language("zh-Hant")
    png(cskit.explain.nps(mode="static").view)
    png(cskit.explain.nps(mode="static").view)
ours = [str(w.message) for w in caught if "cskit[" in str(w.message)]
glyphs = [w for w in caught if "missing from font" in str(w.message)]
print(sorted(out["term"]), len(ours), sum("cskit[cjk]" in m for m in ours), len(glyphs))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, env={"MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT),
                                            "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    # 返信 (one Han bigram of 返信が遅い); 客服 (客服很慢: 服很, 很慢 hold 很); 3 warnings: ja, zh,
    # font; and not one of matplotlib's per-character "Glyph … missing" warnings after it.
    assert done.stdout.strip() == "['客服', '返信'] 3 1 0"


def test_a_fallback_result_is_not_served_once_the_tokenizer_is_there(monkeypatch):
    # tokenize() remembers each comment's terms; which tokenizers are installed is part of
    # the key, so bigrams computed without Janome are not returned once Janome is back.
    pytest.importorskip("janome")
    comment = "返信がとても遅いです。"
    with monkeypatch.context() as hidden:
        hidden.setattr(text, "_warned", {"janome"})
        hidden.setitem(sys.modules, "janome", None)
        assert "遅い" not in text.tokenize(comment)  # bigrams of the Han runs only
    assert "遅い" in text.tokenize(comment)  # Janome's adjective
