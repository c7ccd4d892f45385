"""Customer-written text: cleaning, language detection, tokenising, HTML escaping.

Survey comments arrive in English, Korean, Japanese and Traditional Chinese,
often mixed (``"Salesforce 整合常常斷線"``), and with awkward cases: missing,
empty or whitespace-only answers, emoji only, very long texts, HTML tags.
How each language is split into terms (:func:`tokenize`):

* **Latin script** (English, and product names inside CJK text such as
  ``API``, ``Slack``): lower-cased words of two or more characters, English
  stop words removed, a light plural rule (``reports`` → ``report``; words
  ending in ``ss``, ``us``, ``is`` are left alone).
* **Korean**: words are separated by spaces, but particles are glued to the
  noun (``온보딩이`` = onboarding + subject particle). Each Hangul word loses
  its longest trailing particle from :data:`KO_PARTICLES` when at least two
  syllables remain (so ``추가`` "addition" keeps its ``가``); words ending in a
  sentence-final ending (``…다``, ``…요``, ``…습니다``…) are predicates: they
  become their dictionary form (``비싸요``, ``비쌉니다`` → ``비싸다``; ``느려요`` →
  ``느리다``; see :mod:`cskit._ko_stem`), and a noun with the copula
  (``문제예요``) becomes the noun; :data:`KO_STOPWORDS` are dropped. No dictionary is needed — it is a
  heuristic, and one-syllable nouns with a particle (``팀이``) stay unstripped.
* **Japanese** (text with hiragana or katakana): the morphological analyser
  *Janome* (pure Python, ships its IPADIC dictionary; the ``cskit[ja]`` extra).
  Nouns (not numbers, pronouns, suffixes or dependent nouns) and adjectives
  are kept, in their dictionary form (``遅く`` → ``遅い``).
* **Chinese** (Han characters, no kana): *rjieba* (the jieba segmenter in
  Rust, dictionary built in; the ``cskit[zh]`` extra). Its dictionary is mostly Simplified, so a few
  Traditional words come out split; words of two or more characters are kept,
  :data:`ZH_STOPWORDS` dropped.

``cjk="ngram"`` replaces both tokenizers with **character bigrams**: every
run of Han characters gives its overlapping two-character windows
(``報表匯出`` → ``報表, 表匯, 匯出``), minus bigrams containing a function
character (:data:`CJK_FUNCTION_CHARS`, e.g. 的, 了); a run of katakana (a
loanword such as ``サポート``) is kept whole; hiragana, mostly grammar, is
skipped. It needs no dictionary and works for any CJK text, at the price of
some meaningless bigrams that straddle two words; words that recur still rise
to the top.

The two tokenizers are optional (``pip install "cskit[ja]"``, ``"cskit[zh]"``,
or ``"cskit[i18n]"`` for both and the CJK font). When the one a comment needs
is not installed, ``cjk="tokenizer"`` uses the character bigrams for that
comment instead and warns once per process, naming the extra to install.

Every term is counted once per comment. :func:`escape_html` must wrap every
comment that is written into HTML.
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import re
import sys
import unicodedata
import warnings
from functools import lru_cache

import pandas as pd

from cskit._ko_stem import predicate_stem

__all__ = [
    "CS_THEMES",
    "clean",
    "escape_html",
    "language_of",
    "shorten",
    "tokenize",
]

_LATIN_WORD = re.compile(r"[a-z][a-z0-9'’+\-]*[a-z0-9+]|[a-z]")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LETTER = re.compile(r"[^\W\d_]")  # any letter of any script (emoji and digits are not)
_SPACE = re.compile(r"\s+")
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")

#: English words too common to be a theme.
EN_STOPWORDS = frozenset(
    """
    a about above after again against all also always am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't did
    didn't do does doesn't doing don't down during each even ever every few for from further
    get gets getting got had hadn't has hasn't have haven't having he her here hers herself him
    himself his how i i'm i've if in into is isn't it it's its itself just let's lot lots me
    more most much must mustn't my myself no nor not now of off often on once one only or other
    our ours ourselves out over own quite really same she should shouldn't so some still such
    than that that's the their theirs them themselves then there there's these they they're
    this those through to too under until up upon us very via was wasn't we we'd we're we've
    were weren't what when where which while who whom why will with won't would wouldn't you
    your yours yourself yourselves us yet ok okay please thanks thank many every lately far
    """.split()
)

#: Korean particles stripped from the end of a word (longest match first).
KO_PARTICLES = tuple(
    sorted(
        """
        에서는 으로는 에게서 까지는 부터는 이라도 이라고 에서도 으로도 에게는 한테서
        에서 에게 한테 으로 까지 부터 처럼 보다 하고 이랑 이나 라도 마다 조차 만큼 이며 이고
        과 와 은 는 이 가 을 를 에 의 도 로 만 랑 께 나
        """.split(),
        key=len,
        reverse=True,
    )
)
#: Korean sentence-final endings: a word ending so is a predicate, not a theme.
KO_PREDICATE_ENDINGS = ("다", "요", "죠", "네", "까")
#: Korean adverbs and other words too common to be a theme.
KO_STOPWORDS = frozenset(
    """
    너무 정말 아주 매우 좀 더 잘 또 다시 항상 계속 자주 요즘 최근 이번 지금 그냥 많이 조금 가장
    우리 우리가 저희 저희가 제가 그리고 하지만 그래서 그런데 그러나 같은 하는 있는 없는 되는 위해
    덕분에 때문에 이후 이전 정도 거의 바로 모두 전체 여러 다른 어떤 것 수 등 및 만에 하나
    있다 없다 하다 되다 않다 주다 같다 싶다 보다 이다 아니다 좋겠다
    """.split()
)
#: Japanese nouns too common to be a theme (after Janome's part-of-speech filter).
JA_STOPWORDS = frozenset(
    "こと もの よう ため ところ とき 感じ 方 今回 最近 以前 前回 すべて 全員 皆さん 自分 私 私たち".split()
)
#: Chinese words too common to be a theme.
ZH_STOPWORDS = frozenset(
    """
    我們 你們 他們 一個 這個 那個 這次 這些 那些 非常 常常 之前 目前 已經 因為 所以 可以 沒有 真的
    還是 就是 但是 覺得 而且 如果 時候 現在 一直 一些 不少 很多 幾個 什麼 怎麼 還有 一下 之後 以來
    """.split()
)
#: Characters that mark a bigram as straddling grammar, not a word (``cjk="ngram"``).
CJK_FUNCTION_CHARS = frozenset(
    "のがはをにでともへやかよねなだすますした"  # Japanese particles and endings
    "っいうえおくけこさしせそたちつてと"  # kana that mostly end verbs and adjectives
    "的了是很在我你他們也都就和與及到會要把被這那有不太"  # Chinese function words
)

#: Common customer-success themes and words that signal them, in the four
#: languages cskit speaks. Pass it (or your own mapping) as ``lexicon=`` to
#: :func:`cskit.metrics.themes`. A comment belongs to a theme when it contains
#: one of the theme's words (case-insensitive substring match after NFKC
#: normalisation, so it needs no tokenizer).
CS_THEMES: dict[str, tuple[str, ...]] = {
    "onboarding": (
        "onboarding", "setup", "set up", "getting started", "welcome call", "guided tour",
        "온보딩", "설정", "가이드", "オンボーディング", "導入", "初期設定", "導入流程", "設定", "上手",
    ),
    "pricing": (
        "price", "pricing", "expensive", "cheap", "cost", "value for", "good value", "plan",
        "가격", "요금", "비용", "가성비", "비싸", "料金", "価格", "値上げ", "コスト", "高すぎ",
        "價格", "漲價", "計費", "划算", "方案", "太貴",
    ),
    "support": (
        "support", "response time", "reply", "answer", "ticket", "waited",
        "고객지원", "지원팀", "응답", "답변", "문의", "티켓", "サポート", "返信", "問い合わせ",
        "回答", "チケット", "客服", "回覆", "回應", "工單", "詢問",
    ),
    "reporting": (
        "report", "dashboard", "export", "chart", "insight",
        "리포트", "보고서", "대시보드", "내보내기", "차트", "인사이트", "レポート", "ダッシュボード",
        "グラフ", "インサイト", "報表", "儀表板", "匯出", "圖表", "洞察",
    ),
    "performance": (
        "slow", "fast", "bug", "crash", "time out", "loading", "performance", "stable",
        "reliable", "속도", "버그", "느리", "로딩", "성능", "안정", "멈춥", "バグ", "重く", "遅",
        "読み込み", "パフォーマンス", "安定", "速度", "載入", "效能", "穩定", "當掉", "逾時",
    ),
    "integrations": (
        "integration", "api", "crm", "slack", "salesforce", "sync", "연동", "동기화", "連携",
        "同期", "整合", "同步",
    ),
}


def clean(text: object) -> str:
    """Unicode-normalised (NFKC) text with runs of whitespace made one space; ``""`` for missing.

    Examples
    --------
    >>> clean("  Ｆａｓｔ\\n\\n support ")
    'Fast support'
    >>> clean(None), clean(float("nan"))
    ('', '')
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", str(text))).strip()


def language_of(text: object) -> str:
    """The script family of a comment: ``"ko"``, ``"ja"``, ``"zh"``, ``"latin"`` or ``"none"``.

    Hangul → Korean; kana → Japanese; Han characters without kana → Chinese;
    other letters → ``"latin"``; no letter at all (emoji only, digits,
    punctuation) → ``"none"``.

    Examples
    --------
    >>> [language_of(s) for s in ["지원이 빨라요", "サポート", "客服很快", "Fast", "🙏🙏", ""]]
    ['ko', 'ja', 'zh', 'latin', 'none', 'none']
    """
    text = clean(text)
    if _HANGUL_WORD.search(text):
        return "ko"
    if _KANA.search(text):
        return "ja"
    if _HAN.search(text):
        return "zh"
    if _LETTER.search(text):
        return "latin"
    return "none"


def escape_html(text: object) -> str:
    """Text made safe to put inside HTML (``& < > " '`` escaped); ``""`` for missing.

    Examples
    --------
    >>> escape_html('<script>alert("x")</script> & more')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return html.escape(str(text), quote=True)


def shorten(text: object, width: int = 160) -> str:
    """Cleaned text cut to ``width`` characters with an ellipsis when longer.

    >>> shorten("The onboarding checklist and the welcome call made setup easy.", 30)
    'The onboarding checklist and…'
    """
    text = clean(text)
    if len(text) <= width:
        return text
    return text[: max(width - 1, 1)].rstrip() + "…"


def _latin_terms(text: str) -> list[str]:
    words = _LATIN_WORD.findall(text.lower())
    out = []
    for word in words:
        word = word.replace("’", "'")
        if word in EN_STOPWORDS or len(word) < 2:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
            word = word[:-1]
        out.append(word)
    return out


def _korean_terms(text: str) -> list[str]:
    out = []
    for word in _HANGUL_WORD.findall(text):
        stem = predicate_stem(word)
        if stem is not None:
            if len(stem) >= 2 and stem not in KO_STOPWORDS:
                out.append(stem)
            continue
        if word.endswith(KO_PREDICATE_ENDINGS):
            continue
        for particle in KO_PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                word = word[: -len(particle)]
                break
        if len(word) >= 2 and word not in KO_STOPWORDS:
            out.append(word)
    return out


#: The optional tokenizers: import name -> (language, the cskit extra that installs it).
OPTIONAL_TOKENIZERS: dict[str, tuple[str, str]] = {
    "janome": ("Japanese", "ja"),
    "rjieba": ("Chinese", "zh"),
}
_warned: set[str] = set()


def _optional(module: str):  # noqa: ANN202 - an optional package's module
    """The module ``module`` (``"janome"`` or ``"rjieba"``), or None with a one-time warning."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if module not in _warned:
            _warned.add(module)
            language, extra = OPTIONAL_TOKENIZERS[module]
            warnings.warn(
                f"{language} comments are split into character bigrams because the "
                f"{language} tokenizer {module!r} is not installed. For word-level themes: "
                f'pip install "cskit[{extra}]" (or "cskit[i18n]" for every language).',
                UserWarning,
                stacklevel=4,
            )
        return None


@lru_cache(maxsize=1)
def _janome():  # noqa: ANN202 - the tokenizer type lives in an optional package
    from janome.tokenizer import Tokenizer

    return Tokenizer()


_JA_KEEP = ("名詞,一般", "名詞,固有名詞", "名詞,サ変接続", "名詞,形容動詞語幹", "形容詞,自立")


def _japanese_terms(text: str) -> list[str]:
    if _optional("janome") is None:
        return _bigrams(text)
    out = []
    for token in _janome().tokenize(text):
        pos = token.part_of_speech
        if not pos.startswith(_JA_KEEP):
            continue
        base = token.base_form if token.base_form != "*" else token.surface
        if len(base) < 2 or not _CJK_RUN.fullmatch(base) or base in JA_STOPWORDS:
            continue
        out.append(base)
    return out


def _chinese_terms(text: str) -> list[str]:
    rjieba = _optional("rjieba")
    if rjieba is None:
        return _bigrams(text)
    out = []
    for run in _HAN_RUN.findall(text):
        for word in rjieba.cut(run):
            if len(word) >= 2 and word not in ZH_STOPWORDS:
                out.append(word)
    return out


def _bigrams(text: str) -> list[str]:
    out = []
    for run in _KATAKANA_RUN.findall(text):  # loanwords: サポート, ダッシュボード
        if len(run) >= 2:
            out.append(run)
    for run in _HAN_RUN.findall(text):
        for i in range(len(run) - 1):
            gram = run[i : i + 2]
            if not (set(gram) & CJK_FUNCTION_CHARS):
                out.append(gram)
    return out


def tokenize(text: object, *, cjk: str = "tokenizer", max_chars: int = 5000) -> list[str]:
    """The distinct terms of one comment, in order of first appearance.

    Parameters
    ----------
    text : str
        A comment (missing, empty and emoji-only comments give ``[]``).
    cjk : {"tokenizer", "ngram"}, default "tokenizer"
        Japanese and Chinese: Janome / rjieba words, or character bigrams
        (see the module docstring). Without the tokenizer's extra installed,
        ``"tokenizer"`` falls back to the bigrams and warns once.
    max_chars : int, default 5000
        Longer comments are cut to this many characters first, so one pasted
        essay cannot stall a run.

    Examples
    --------
    >>> tokenize("Support is slow: we waited two days for a reply.")
    ['support', 'slow', 'waited', 'two', 'day', 'reply']
    >>> tokenize("온보딩이 매끄러워서 하루 만에 팀 전체가 사용하기 시작했어요.")
    ['온보딩', '매끄럽다', '하루', '사용하기', '시작하다']
    >>> tokenize("가격이 너무 비싸요. 가격 인상은 납득하기 어렵습니다.")
    ['가격', '비싸다', '인상', '납득하기', '어렵다']
    >>> tokenize("サポートの返信が遅いです。")
    ['サポート', '返信', '遅い']
    >>> tokenize("客服回覆太慢了")
    ['客服', '回覆', '太慢']
    >>> tokenize("客服回覆太慢了", cjk="ngram")  # 覆太, 太慢, 慢了 hold function characters
    ['客服', '服回', '回覆']
    >>> tokenize("🙏🙏"), tokenize("   ")
    ([], [])
    """
    if cjk not in ("tokenizer", "ngram"):
        from cskit.errors import InvalidParameterError

        raise InvalidParameterError(f"cjk={cjk!r} is not one of 'tokenizer', 'ngram'.")
    text = clean(text)[:max_chars]
    if not text:
        return []
    return list(_terms(text, cjk, _installed("janome"), _installed("rjieba")))


def _installed(module: str) -> bool:
    """Whether an optional tokenizer can be imported now (part of the cache key of
    :func:`_terms`, so a result computed without it is never served once it is there)."""
    if module in sys.modules:
        return sys.modules[module] is not None
    return importlib.util.find_spec(module) is not None


@lru_cache(maxsize=65_536)
def _terms(text: str, cjk: str, janome: bool, rjieba: bool) -> tuple[str, ...]:
    """The terms of one cleaned comment, remembered: a notebook asks for the same comments'
    themes again and again (another period, another segment), and a dictionary tokenizer
    costs about a millisecond a comment. A pure function of its arguments — the text, the
    CJK mode and which optional tokenizers are installed — so the cache cannot change a
    result; it holds at most 65,536 comments."""
    terms = _latin_terms(text)
    if _HANGUL_WORD.search(text):
        terms += _korean_terms(text)
    if _CJK_RUN.search(text):
        if cjk == "ngram":
            terms += _bigrams(text)
        elif _KANA.search(text):
            terms += _japanese_terms(text)
        else:
            terms += _chinese_terms(text)
    return tuple(dict.fromkeys(terms))
