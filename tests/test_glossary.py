"""cskit.glossary(): every KPI with its formula, in the chosen language."""

from __future__ import annotations

import pytest

import cskit
from cskit.errors import InvalidParameterError
from cskit.glossary import TERMS

LANGS = ("en", "ko", "ja", "zh-Hant")


@pytest.fixture(autouse=True)
def english():
    cskit.set_language("en")
    yield
    cskit.set_language("en")


def test_one_row_per_kpi_with_a_formula():
    table = cskit.glossary()
    assert table.index.tolist() == list(TERMS)
    assert table.columns.tolist() == ["Term", "Definition", "Formula", "Table", "df.cs method",
                                      "Explainer"]
    assert table["Formula"].str.len().gt(3).all()
    assert table.loc["nrr", "Formula"] == "(start MRR + expansion − contraction − churn) ÷ start MRR"
    assert table.loc["nps", "Formula"].startswith("% promoters − % detractors")


def test_catalogue_traps_are_named():
    table = cskit.glossary()
    assert "translation error" in table.loc["ltv", "Definition"]  # "subtract the frequency"
    assert "0–10 (not 1–10)" in table.loc["nps", "Definition"]
    assert "CLV formula" in table.loc["crc", "Definition"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_follows_the_language(lang):
    cskit.set_language(lang)
    table = cskit.glossary()
    english = cskit.glossary("en")
    assert table.shape == english.shape
    if lang != "en":
        assert (table.iloc[:, 0] != english.iloc[:, 0]).sum() >= len(table) - 2
        assert table.columns[0] != english.columns[0]
    assert cskit.glossary(lang).equals(table)


def test_explainer_and_method_columns_point_at_real_things():
    table = cskit.glossary()
    explainers = set(table["Explainer"]) - {""}
    assert explainers <= set(cskit.explain.EXPLAINERS)
    methods = set(table["df.cs method"]) - {""}
    assert {"churn", "mrr_movements", "nps"} <= methods
    from cskit.registry import METHODS

    assert methods <= set(METHODS)


def test_unknown_language():
    with pytest.raises(InvalidParameterError, match="language"):
        cskit.glossary("fr")


def test_glossary_and_exercises_show_their_text_whole():
    # pandas cuts cells at 50 characters; the glossary's definitions are longer.
    table = cskit.glossary("en")
    longest = max(table.iloc[:, 1], key=len)
    assert len(longest) > 50
    assert longest in repr(table)
    assert longest in table._repr_html_()
    questions = cskit.training.exercises()
    longest = max(questions.iloc[:, 1], key=len)
    assert len(longest) > 50 and longest in repr(questions)
