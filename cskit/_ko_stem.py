"""Korean predicates to their dictionary form, without a dictionary (used by :mod:`cskit.text`).

A comment says 비싸요, 비싸다, 비쌉니다 or 비쌌어요 — one adjective, "expensive", in four
endings. :func:`predicate_stem` strips the common sentence-final endings and gives the
dictionary form (stem + 다), so all four count as the term ``비싸다``:

* polite and plain endings: ``…요``, ``…어요/아요/여요``, ``…네요``, ``…지요/죠``, ``…세요``,
  ``…습니다``, ``…ㅂ니다`` (the ㅂ sits in the last syllable: 쌉 = 싸 + ㅂ), ``…다``,
  and the connective ``…어서/아서`` ("because …", frequent in comments);
* the past tense (``…었/았/였``, or a ㅆ inside a contracted syllable: 쌌 = 싸 + ㅆ);
* the vowel contractions of the 어-form: 려 → 리 (느려요 → 느리다), 해 → 하
  (복잡해요 → 복잡하다), 와 → 오, 워 → 우, and 워 after a stem of the ㅂ class
  (어려워요 → 어렵다);
* a noun with the copula (문제예요, 기본적이에요, 문제입니다) gives the noun.

It is a heuristic, tested on hand-checked forms: irregular stems such as 빠르다 → 빨라요
are not recovered (the word is kept as written), and a noun that happens to end in 요 or
다 (필요, 바다) is listed in :data:`NOT_ENDINGS`.
"""

from __future__ import annotations

_BASE = 0xAC00
_JONG_B, _JONG_SS = 17, 20  # final consonants ㅂ and ㅆ
_V_A, _V_AE, _V_EO, _V_YEO, _V_WA, _V_WO, _V_WAE, _V_O, _V_U, _V_I = 0, 1, 4, 6, 9, 14, 10, 8, 13, 20

#: Nouns that end like a predicate ending: kept as they are.
NOT_ENDINGS = frozenset("필요 중요 수요 주요 개요 바다 보다 모두 하나 가다".split())
#: Copula endings after a noun (the term is the noun).
_COPULA = ("이었습니다", "였습니다", "이에요", "예요", "입니다", "이었어요", "였어요")
#: Endings after the stem as it is.
_STEM_ENDINGS = ("습니다", "네요", "지요", "세요", "는다", "죠", "다", "네")
#: Endings of the 어-form (after a contraction of the stem's last vowel with 어/아).
_EO_ENDINGS = ("어서", "아서", "여서", "어요", "아요", "여요", "요")
#: Vowels a stem's last syllable ends in after merging with 어/아 (before a bare 서).
_EO_VOWELS = (_V_A, _V_AE, _V_EO, _V_YEO, _V_WA, _V_WO, _V_WAE)


def _parts(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - _BASE
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _join(lead: int, vowel: int, tail: int) -> str:
    return chr(_BASE + lead * 588 + vowel * 28 + tail)


def _drop_past(stem: str) -> str:
    """Remove the past tense: a last syllable 었/았/였, or a ㅆ in a contracted syllable."""
    if len(stem) >= 2 and stem[-1] in "었았였":
        return stem[:-1]
    parts = _parts(stem[-1]) if stem else None
    if parts and parts[2] == _JONG_SS and parts[1] in (_V_A, _V_AE, _V_EO, _V_YEO, _V_WA, _V_WO):
        return stem[:-1] + _join(parts[0], parts[1], 0)
    return stem


def _undo_contraction(stem: str) -> str:
    """The stem before its last vowel merged with 어/아: 려 → 리, 해 → 하, 와 → 오, 워 → 우."""
    parts = _parts(stem[-1]) if stem else None
    if parts is None or parts[2] != 0:
        return stem
    lead, vowel, _ = parts
    if stem[-1] == "워" and len(stem) >= 2:  # ㅂ class: 어려워 → 어렵, 고마워 → 고맙
        before = _parts(stem[-2])
        if before and before[2] == 0:
            return stem[:-2] + _join(before[0], before[1], _JONG_B)
    if stem[-1] == "해":
        return stem[:-1] + "하"
    swap = {_V_YEO: _V_I, _V_WA: _V_O, _V_WO: _V_U}
    if vowel in swap:
        return stem[:-1] + _join(lead, swap[vowel], 0)
    return stem


def predicate_stem(word: str) -> str | None:
    """The dictionary form of a Korean predicate, the noun of a copula, or None.

    None when ``word`` does not end in one of the endings above (it is not a predicate).

    >>> [predicate_stem(w) for w in ["비싸요", "비싸다", "비쌉니다", "비쌌어요", "비싸서"]]
    ['비싸다', '비싸다', '비싸다', '비싸다', '비싸다']
    >>> [predicate_stem(w) for w in ["느려요", "느립니다", "복잡해요", "어려워요", "문제예요"]]
    ['느리다', '느리다', '복잡하다', '어렵다', '문제']
    >>> predicate_stem("가격") is None, predicate_stem("필요") is None
    (True, True)
    """
    if word in NOT_ENDINGS or len(word) < 2:
        return None
    for ending in _COPULA:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    if word.endswith("니다") and not word.endswith("습니다") and len(word) >= 3:
        parts = _parts(word[-3])
        if parts and parts[2] == _JONG_B:  # 쌉니다, 립니다, 됩니다
            stem = word[:-3] + _join(parts[0], parts[1], 0)
            return _undo_contraction(_drop_past(stem)) + "다"
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            stem = word[: -len(ending)]
            past = _drop_past(stem)
            return (past if past == stem else _undo_contraction(past)) + "다"
    for ending in _EO_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            stem = _drop_past(word[: -len(ending)])
            return _undo_contraction(stem) + "다"
    if word.endswith("서") and len(word) >= 2:  # 비싸서, 느려서, 복잡해서; not 설정에서
        parts = _parts(word[-2])
        if parts and (parts[1] in _EO_VOWELS and parts[2] == 0 or parts[2] == _JONG_SS):
            return _undo_contraction(_drop_past(word[:-1])) + "다"
    return None
