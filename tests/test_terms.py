"""One term per concept in each language (cskit.locales.terms), and no template artefacts."""

from __future__ import annotations

import re

import pytest

from cskit import i18n
from cskit._korean import resolve_particles
from cskit.locales.terms import TAIWAN_FORMS, TERMS, VARIANTS

TABLES = i18n._TABLES
CJK = "[\u3040-\u30ff\u3400-\u9fff]"


def test_every_concept_has_a_term_in_every_language():
    for concept, terms in TERMS.items():
        assert set(terms) == set(i18n.LANGUAGES), concept
        assert all(terms.values()), concept


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_text_uses_a_variant_of_a_term(lang):
    drift = []
    for key, text in TABLES[lang].items():
        for variant, concept in VARIANTS.get(lang, {}).items():
            if variant in text:
                fix = TAIWAN_FORMS.get(variant, TERMS[concept][lang])
                drift.append(f"{key}: {variant!r} (write {fix!r})")
    assert not drift, "\n".join(drift)


# The KPI names shown in tables, glossary and plots must use the concept's term.
NAMES = {
    "fcr": ["kpi.fcr", "glossary.fcr.name", "explain.fcr.title", "title.fcr_trend"],
    "ces": ["kpi.ces", "glossary.ces.name"],
    "csat": ["kpi.csat", "glossary.csat.name"],
    "churn_rate": ["kpi.churn", "glossary.churn.name"],
    "nps": ["kpi.nps", "glossary.nps.name"],
    "repeat_rate": ["glossary.repeat_rate.name", "ltv.kpi.repeat_rate"],
    "stickiness": ["glossary.stickiness.name"],
    "nrr": ["glossary.nrr.name", "explain.retention.num.nrr"],
    "cohort": ["glossary.cohort_retention.name", "retention.kpi.cohort_retention"],
}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("concept", sorted(NAMES))
def test_kpi_names_use_their_term(concept, lang):
    term = TERMS[concept][lang].lower()
    for key in NAMES[concept]:
        assert term in TABLES[lang][key].lower(), (key, TABLES[lang][key], term)


def test_the_term_table_is_reachable_as_texts():
    assert i18n.t("term.fcr", "ko") == "1차 해결률"
    assert i18n.t("term.detractor", "zh-Hant") == "貶損者"


def _english_words(text: str) -> list[str]:
    """Lower-case English words outside placeholders, code and formulas."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`|\w+\([^)]*\)|\w+\.\w[\w.]*|'[^']*'", " ", text)
    return [w for w in re.findall(r"\b[a-z]{3,}\b", text) if w not in {"cskit", "pandas"}]


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != "en"])
def test_no_untranslated_text(lang):
    untranslated = [
        key for key, text in TABLES[lang].items()
        if text == i18n.EN.get(key) and _english_words(text)
    ]
    assert not untranslated, untranslated


@pytest.mark.parametrize("lang", ["ja", "zh-Hant"])
def test_no_ascii_punctuation_inside_cjk_sentences(lang):
    pattern = re.compile(CJK + r"[,.;:!?](?=\s|$|" + CJK + ")")
    bad = [key for key, text in TABLES[lang].items() if pattern.search(text)]
    assert not bad, bad


def test_korean_particles_are_resolved_after_formatting():
    # 이탈률 ends in ㄹ: 이 / 로; NPS (에스) has no final consonant: 가 / 로; 10 (십): 으로.
    assert resolve_particles("고객 이탈률이(가) 3%에서 2%(으)로") == "고객 이탈률이 3%에서 2%로"
    assert resolve_particles("NPS이(가) 9에서 10(으)로") == "NPS가 9에서 10으로"
    assert resolve_particles("월(으)로 매출을(를) 봅니다") == "월로 매출을 봅니다"
    assert resolve_particles("고객 수은(는) 3(으)로") == "고객 수는 3으로"


def test_no_korean_template_artefact_reaches_the_reader():
    artefact = re.compile(r"이\(가\)|\(으\)로|은\(는\)|을\(를\)|과\(와\)")
    values = {"label": "고객 이탈률", "previous": "3.1%", "value": "2.0%", "change": "-1.1pp",
              "verdict": "유의함", "month": "2026-10", "start": "1.2M", "end": "1.3M",
              "net_new": "+0.1M", "control": "x", "old": "1", "new": "2", "metric": "NPS",
              "after": "10", "before": "9", "double": "20"}
    for key, text in TABLES["ko"].items():
        if not artefact.search(text):
            continue
        names = set(re.findall(r"\{(\w+)", text))
        shown = i18n.t(key, "ko", **{n: values.get(n, "값") for n in names})
        assert not artefact.search(shown), (key, shown)


@pytest.mark.parametrize(("lang", "unit"), [("ko", "월"), ("ja", "月"), ("zh-Hant", "月")])
def test_month_ticks_and_plan_legend_are_translated(lang, unit):
    import matplotlib.pyplot as plt
    import pandas as pd

    from cskit.plotting import mrr_trend

    months = pd.period_range("2026-01", "2026-09", freq="M")
    index = pd.MultiIndex.from_product([months, ["Basic", "Pro"]], names=["period", "plan"])
    result = pd.Series(range(len(index)), index=index, dtype=float, name="mrr")
    i18n.set_language(lang)
    try:
        ax = mrr_trend(result)
        ax.figure.canvas.draw()
        ticks = [label.get_text() for label in ax.get_xticklabels() if label.get_text()]
        assert ticks and all(unit in tick for tick in ticks), ticks
        assert not any(re.search("[A-Z][a-z]{2}", tick) for tick in ticks), ticks
        assert ax.get_legend().get_title().get_text() == i18n.t("legend.plan", lang)
    finally:
        i18n.set_language("en")
        plt.close("all")


@pytest.mark.parametrize("lang", ["ko", "ja", "zh-Hant"])
def test_the_csv_export_header_is_translated(lang):
    from cskit.report import kpi_csv

    header = kpi_csv([{"kpi": "churn", "value": 0.02}], language=lang).splitlines()[0]
    assert not _english_words(header.replace("KPI", "")), header
    assert header.split(",")[1] == i18n.t("report.export.label", lang)
