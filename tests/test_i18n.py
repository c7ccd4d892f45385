"""Languages: every user-facing key in all four languages; switching the language switches texts."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import cskit
from cskit import i18n, locales
from cskit.errors import InvalidParameterError

LANGS = ("en", "ko", "ja", "zh-Hant")
MODULES = sorted(m.name for m in pkgutil.iter_modules(locales.__path__))
#: Modules this issue wrote (their texts are also checked for being translated).
OWN = ("explain", "glossary")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@pytest.fixture(autouse=True)
def english():
    cskit.set_language("en")
    yield
    cskit.set_language("en")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", MODULES)
def test_every_key_exists_in_all_four_languages(name):
    texts = importlib.import_module(f"cskit.locales.{name}").TEXTS
    assert set(texts) == set(LANGS), f"cskit/locales/{name}.py must have exactly {LANGS}"
    english = set(texts["en"])
    for lang in LANGS:
        keys = set(texts[lang])
        assert not english - keys, f"{name}: missing in {lang}: {sorted(english - keys)[:10]}"
        assert not keys - english, f"{name}: only in {lang}: {sorted(keys - english)[:10]}"
        empty = [k for k, v in texts[lang].items() if not isinstance(v, str) or not v.strip()]
        assert not empty, f"{name}: empty texts in {lang}: {empty[:10]}"


@pytest.mark.parametrize("name", MODULES)
def test_placeholders_agree_across_languages(name):
    texts = importlib.import_module(f"cskit.locales.{name}").TEXTS
    for key, text in texts["en"].items():
        for lang in LANGS[1:]:
            assert _fields(texts[lang][key]) == _fields(text), f"{name}: {lang} {key}"


@pytest.mark.parametrize("name", OWN)
@pytest.mark.parametrize("lang", LANGS[1:])
def test_own_texts_are_translated(name, lang):
    texts = importlib.import_module(f"cskit.locales.{name}").TEXTS
    # A text left in English would be a sentence of Latin words; abbreviations (NPS, AUC),
    # formulas and symbols may stay.
    untranslated = [
        k for k, v in texts[lang].items()
        if not CJK.search(v) and re.search(r"[a-z]{4,} [a-z]{3,}", v.replace("cskit", ""))
    ]
    assert not untranslated, untranslated[:10]


def test_no_key_is_defined_twice_with_different_meanings():
    seen: dict[str, str] = {}
    for name in MODULES:
        for key in importlib.import_module(f"cskit.locales.{name}").TEXTS["en"]:
            assert key not in seen or seen[key] == name, f"{key} in {seen.get(key)} and {name}"
            seen[key] = name


@pytest.mark.parametrize(
    ("lang", "churn", "promoter", "detractor", "fcr"),
    [
        ("en", "Customer churn rate", "Promoters", "Detractors", "First contact resolution (FCR)"),
        ("ko", "고객 이탈률", "추천 고객", "비추천 고객", "1차 해결률(FCR)"),
        ("ja", "顧客解約率", "推奨者", "批判者", "一次解決率（FCR）"),
        ("zh-Hant", "客戶流失率", "推薦者", "貶損者", "首次聯絡解決率（FCR）"),
    ],
)
def test_practitioner_terms(lang, churn, promoter, detractor, fcr):
    cskit.set_language(lang)
    assert cskit.t("kpi.churn") == churn
    assert cskit.glossary().loc["churn"].iloc[0] == churn
    assert cskit.t("explain.nps.num.promoters") == promoter
    assert cskit.t("explain.nps.num.detractors") == detractor
    assert cskit.t("explain.fcr.title") == fcr


def test_set_language_switches_explainers_axes_and_glossary():
    seen = {}
    for lang in LANGS:
        cskit.set_language(lang)
        ex = cskit.explain.churn(mode="static")
        seen[lang] = (ex.view.title, ex.view.caption, ex.view.figure["denominators"][0],
                      cskit.glossary().columns[0], cskit.t("axis.churn_rate"))
        assert ex.view.title == cskit.t("kpi.churn")
    for part in range(5):
        assert len({seen[lang][part] for lang in LANGS}) == 4, part
    assert seen["ko"][0] == "고객 이탈률"


def test_unknown_language_is_refused():
    with pytest.raises(InvalidParameterError, match="zh-Hant"):
        cskit.set_language("zh")


def test_missing_key_raises_and_missing_translation_falls_back():
    with pytest.raises(KeyError):
        cskit.t("explain.no_such_key")
    assert i18n.t("explain.nps.num.nps", "ko") == "NPS"
