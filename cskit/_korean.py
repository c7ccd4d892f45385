"""Korean particles that depend on the word before them.

A Korean template cannot know whether ``{label}`` ends in a consonant, so it is
written with both forms of the particle — ``{label}이(가)``, ``{value}(으)로`` —
and :func:`resolve_particles` picks the right one once the values are in.
Without it a reader sees the template's ``이(가)`` literally.

The rule: a syllable with a final consonant (받침) takes 이 / 은 / 을 / 과 / 으로;
one without takes 가 / 는 / 를 / 와 / 로. ``(으)로`` also takes 로 after ㄹ.
Digits, Latin letters and symbols are read aloud as Korean speakers read them
(``3`` 삼, ``%`` 퍼센트, ``MRR`` 알).
"""

from __future__ import annotations

import re

# For each trailing non-Hangul character: does its spoken form end in a consonant, and is
# that consonant ㄹ? Digits: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGITS = {
    "0": (True, False), "1": (True, True), "2": (False, False), "3": (True, False),
    "4": (False, False), "5": (False, False), "6": (True, False), "7": (True, True),
    "8": (True, True), "9": (False, False),
}
# Latin letters as spelled out (엘, 엠, 엔, 알 end in a consonant; 엘 and 알 in ㄹ).
_LETTERS = {ch: (False, False) for ch in "abcdefghijklmnopqrstuvwxyz"}
_LETTERS.update({"l": (True, True), "m": (True, False), "n": (True, False), "r": (True, True)})
_SYMBOLS = {"%": (False, False), "p": (False, False)}  # 퍼센트; "pp" is read 포인트
_PAIRS = {
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "을(를)": ("을", "를"),
    "과(와)": ("과", "와"),
    "(으)로": ("으로", "로"),
    "(이)라는": ("이라는", "라는"),
}
_PATTERN = re.compile("|".join(re.escape(k) for k in _PAIRS))
_CLOSERS = ")]}'\"’”」』）"


def _final(text: str) -> tuple[bool, bool]:
    """(ends in a consonant, that consonant is ㄹ) for the last spoken character of ``text``."""
    stripped = text.rstrip(" " + _CLOSERS)
    if not stripped:
        return False, False
    ch = stripped[-1]
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        jong = code % 28
        return jong != 0, jong == 8
    low = ch.lower()
    if low in _DIGITS:
        return _DIGITS[low]
    if low in _LETTERS:
        return _LETTERS[low]
    return _SYMBOLS.get(low, (False, False))


def resolve_particles(text: str) -> str:
    """Replace every ``이(가)``-style particle by the form the preceding word takes.

    Examples
    --------
    >>> resolve_particles("고객 이탈률이(가) 3.1%에서 2.0%(으)로 내려갔습니다")
    '고객 이탈률이 3.1%에서 2.0%로 내려갔습니다'
    >>> resolve_particles("NPS이(가) 12에서 10(으)로")
    'NPS가 12에서 10으로'
    >>> resolve_particles("MRR은(는) 1,200원(으)로")
    'MRR은 1,200원으로'
    """
    if "(" not in text:
        return text
    out: list[str] = []
    last = 0
    for match in _PATTERN.finditer(text):
        before = text[last : match.start()]
        out.append(before)
        consonant, rieul = _final("".join(out))
        with_c, without_c = _PAIRS[match.group()]
        if match.group() == "(으)로":
            out.append("로" if (not consonant or rieul) else "으로")
        else:
            out.append(with_c if consonant else without_c)
        last = match.end()
    out.append(text[last:])
    return "".join(out)
