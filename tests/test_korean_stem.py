"""Korean predicates become one term whatever their ending (issue 17 item 3).

Every expected form below was written by hand from Korean grammar (stem + 다), not
taken from the code's output.
"""

import pytest

from cskit._ko_stem import predicate_stem
from cskit.text import tokenize


@pytest.mark.parametrize(
    ("word", "dictionary_form"),
    [
        ("비싸요", "비싸다"),      # polite 해요체: 싸 + 아요 merged
        ("비싸다", "비싸다"),      # plain
        ("비쌉니다", "비싸다"),    # formal: ㅂ니다, the ㅂ inside 쌉
        ("비싸네요", "비싸다"),    # exclamative
        ("비쌌어요", "비싸다"),    # past: 쌌 = 싸 + ㅆ
        ("비싸서", "비싸다"),      # connective "because expensive"
        ("느려요", "느리다"),      # 리 + 어요 merged into 려
        ("느립니다", "느리다"),
        ("기다렸습니다", "기다리다"),  # past + 습니다
        ("복잡해요", "복잡하다"),  # 하 + 여요 merged into 해
        ("어렵습니다", "어렵다"),
        ("어려워요", "어렵다"),    # ㅂ class: 어렵 + 어요 -> 어려워요
        ("다운됩니다", "다운되다"),
        ("많아요", "많다"),
        ("기본적이에요", "기본적"),  # noun + copula: the noun
        ("문제예요", "문제"),
    ],
)
def test_predicate_forms_give_the_dictionary_form(word, dictionary_form):
    assert predicate_stem(word) == dictionary_form


@pytest.mark.parametrize(
    "word", ["가격", "가격이", "필요", "설정에서", "온보딩", "보고서", "순서", "문서", "데이터가"])
def test_nouns_are_not_predicates(word):
    assert predicate_stem(word) is None


def test_price_complaints_in_any_ending_share_one_term():
    forms = ["가격이 너무 비싸요", "가격이 비쌉니다", "가격이 비싸다", "가격이 비싸서 해지"]
    for comment in forms:
        terms = tokenize(comment)
        assert "가격" in terms and "비싸다" in terms, (comment, terms)


def test_whole_comment_by_hand():
    assert tokenize("작은 팀에게는 가격이 너무 비싸요. 이번 가격 인상은 납득하기 어렵습니다.") == [
        "작은", "팀에게", "가격", "비싸다", "인상", "납득하기", "어렵다"]
    # 있다 / 주다 are too common to be themes: dropped after stemming.
    assert tokenize("빨리 개선해 주세요. 문제가 있어요.") == ["빨리", "개선해", "문제"]
