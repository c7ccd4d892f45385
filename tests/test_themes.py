"""Comment themes and the text helpers: four languages, awkward comments, HTML escaping."""

from __future__ import annotations

import pandas as pd
import pytest

import cskit
from cskit.errors import EmptyFrameError, InvalidParameterError, MissingColumnError
from cskit.metrics.themes import themes_html
from cskit.text import CS_THEMES, escape_html, language_of, tokenize


def test_english_words_stopwords_and_plurals():
    assert tokenize("The dashboards and reports save us hours!") == ["dashboard", "report",
                                                                      "save", "hour"]
    # "ss", "us", "is" endings are not plurals.
    assert tokenize("Access status analysis") == ["access", "status", "analysis"]


def test_korean_particles_stripped_and_predicates_in_dictionary_form():
    # 온보딩이 -> 온보딩 (subject particle 이), 리포트를 -> 리포트 (object particle 를),
    # 고객지원은 -> 고객지원; 느려요 (느리다 + 어요, 리+어 merged into 려) -> 느리다;
    # 너무 (adverb) is dropped; 추가 keeps its 가 (one syllable would be left).
    assert tokenize("온보딩이 너무 느려요. 리포트를 추가 고객지원은") == [
        "온보딩", "느리다", "리포트", "추가", "고객지원"]


def test_japanese_uses_janome_nouns_and_adjectives():
    terms = tokenize("小さなチームには料金が高すぎます。今回の値上げは納得できません。")
    # Nouns (チーム, 料金, 値上げ, 納得) and the adjective 高い in dictionary form;
    # particles, auxiliaries and the stop noun 今回 are gone.
    assert terms == ["チーム", "料金", "高い", "値上げ", "納得"]


def test_traditional_chinese_segmented_and_ngram_alternative():
    assert tokenize("報表很難自訂，匯出到 Excel 格式會跑掉。")[:4] == ["excel", "報表", "自訂", "匯出"]
    grams = tokenize("報表匯出", cjk="ngram")
    assert grams == ["報表", "表匯", "匯出"]  # every 2-character window of the Han run
    assert tokenize("サポートの返信", cjk="ngram") == ["サポート", "返信"]  # katakana kept whole


@pytest.mark.parametrize(
    ("text", "language"),
    [("리포트가 좋아요", "ko"), ("レポート", "ja"), ("報表", "zh"), ("Reports", "latin"),
     ("🔥🔥🔥", "none"), ("   ", "none"), (None, "none"), ("123 !!", "none")],
)
def test_language_of(text, language):
    assert language_of(text) == language


def test_awkward_comments_are_handled_and_reported():
    long = "Support is slow. " * 2000  # 34,000 characters
    frame = pd.DataFrame({"comment": ["support <script>alert(1)</script>", "👍", "", "   \n\t",
                                      None, long, "Support slow"]})
    out = frame.cs.themes(survey_col=None, max_chars=1000)
    assert out.attrs["blank"] == 3  # empty, whitespace-only, missing
    assert out.attrs["comments"] == 4  # the emoji, the long one and two others
    assert out.attrs["without_terms"] == 1  # the emoji
    assert out.attrs["truncated"] == 1
    top = out.loc[1]
    assert top["term"] == "support" and top["count"] == 3
    assert top["share"] == pytest.approx(3 / 4)  # the emoji-only comment is in the denominator
    assert len(top["example_2"]) <= 160 and top["example_2"].endswith("…")  # the long one, cut
    html = themes_html(out)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_escape_html():
    assert escape_html('<img src=x onerror="a()">') == "&lt;img src=x onerror=&quot;a()&quot;&gt;"
    assert escape_html(None) == "" and escape_html(float("nan")) == ""


def test_nps_groups_counts_and_examples():
    frame = pd.DataFrame(
        {
            "survey": ["nps"] * 6 + ["csat"],
            "score": [1, 5, 6, 9, 10, 8, 1],
            "comment": ["Too expensive", "Price is too expensive", "Slow support",
                        "Great reports", "Reports are great", "ok", "Expensive"],
        }
    )
    out = frame.cs.themes(by="nps_group", top=3)
    # Detractors (1, 5, 6): "expensive" in 2 of 3 comments; the CSAT answer is not NPS.
    det = out.loc["detractor"]
    assert det.loc[1, "term"] == "expensive" and det.loc[1, "count"] == 2
    assert det.loc[1, "share"] == pytest.approx(2 / 3)
    assert (det.loc[1, "example_1"], det.loc[1, "example_2"]) == ("Too expensive",
                                                                  "Price is too expensive")
    pro = out.loc["promoter"]
    assert pro["term"].tolist() == ["great", "report"] and pro["comments"].tolist() == [2, 2]
    assert "passive" not in out.index.get_level_values("nps_group")  # "ok" is a stop word


def test_lexicon_themes_in_four_languages():
    frame = pd.DataFrame({"comment": ["The price went up", "가격이 너무 비싸요", "料金が高い",
                                      "價格太貴", "rapid setup", "API is great"]})
    out = frame.cs.themes(survey_col=None, lexicon=CS_THEMES, min_count=1)
    counts = dict(zip(out["term"], out["count"], strict=True))
    assert counts["pricing"] == 4  # English, Korean, Japanese and Chinese
    assert counts["integrations"] == 1  # "API", not the "api" inside "rapid"
    assert counts["onboarding"] == 1


def test_sample_company_against_plain_pandas(company, unchanged):
    surveys = company.surveys.merge(company.accounts[["account_id", "segment"]], on="account_id")
    out = unchanged(cskit.metrics.themes, surveys, by="segment", top=5)
    comments = surveys["comment"].fillna("").str.strip()
    has = comments != ""
    for segment in ("SMB", "Enterprise"):
        rows = out.loc[segment]
        total = int((has & (surveys["segment"] == segment)).sum())
        assert (rows["comments"] == total).all()
        # "support" as a word (support / supports) in this segment's comments, by plain pandas.
        mask = has & (surveys["segment"] == segment)
        plain = comments[mask].str.lower().str.contains(r"\bsupports?\b", regex=True).sum()
        got = rows.loc[rows["term"] == "support", "count"]
        assert got.tolist() == [plain]
    assert out.attrs["without_terms"] >= 5  # the sample's emoji-only comments


def test_bad_input():
    with pytest.raises(MissingColumnError, match="'comment'"):
        pd.DataFrame({"text": ["a"]}).cs.themes()
    with pytest.raises(EmptyFrameError, match="no comments"):
        pd.DataFrame({"comment": ["", None]}).cs.themes(survey_col=None)
    with pytest.raises(InvalidParameterError, match="top=0"):
        pd.DataFrame({"comment": ["a b"]}).cs.themes(top=0)
    with pytest.raises(InvalidParameterError, match="cjk='words'"):
        pd.DataFrame({"comment": ["a b"]}).cs.themes(cjk="words")


def test_missing_group_value_is_its_own_group_with_examples():
    frame = pd.DataFrame({"comment": ["slow support", "support slow", "great", "great app"],
                          "segment": ["a", None, None, "a"]})
    out = frame.cs.themes(by="segment", survey_col=None, min_count=1)
    missing = out[out.index.get_level_values("segment").isna()]
    # The two comments without a segment: "support slow" and "great".
    assert sorted(missing["term"]) == ["great", "slow", "support"]
    assert (missing["comments"] == 2).all()
    assert missing.loc[missing["term"] == "support", "example_1"].tolist() == ["support slow"]


def test_segment_from_the_accounts_table(company):
    direct = company.surveys.cs.themes(by="segment", top=3, accounts=company.accounts)
    merged = company.surveys.merge(company.accounts[["account_id", "segment"]], on="account_id")
    pd.testing.assert_frame_equal(direct, merged.cs.themes(by="segment", top=3))
    with pytest.raises(MissingColumnError, match="'segment'"):
        company.surveys.cs.themes(by="segment")
