"""Fonts for Korean, Japanese and Traditional Chinese labels.

Matplotlib's default font (DejaVu Sans) has no Hangul, kana or Han glyphs, so
a Korean axis label would render as empty boxes with a "Glyph … missing from
font(s)" warning. cskit does not depend on fonts installed on the machine:
its ``cjk`` extra (``pip install "cskit[cjk]"``, also in ``cskit[i18n]``)
installs the PyPI package ``noto-cjk-sans-otc``, which ships Noto Sans CJK (SIL Open Font License) as one OpenType collection with
a face per region: ``Noto Sans CJK JP``, ``KR``, ``SC``, ``TC`` and ``HK``.
Every face covers all the scripts; they differ in the shape of some Han
characters, so each language gets its own face first.

:func:`register_cjk_fonts` adds the collection to matplotlib's font manager
(once per process). :func:`cskit.plotting._style.apply_style` then sets

* ``font.sans-serif`` to :func:`sans_serif`: DejaVu Sans first (Latin text
  looks as usual), then the face for the chosen language, then the others;
* ``font.family`` to :func:`family`: ``"sans-serif"`` followed by the CJK
  faces. Matplotlib (3.6 and later) falls back glyph by glyph along the
  *family* list (the sans-serif list only picks the one font that
  ``"sans-serif"`` stands for), so a Hangul syllable missing from DejaVu Sans
  is drawn with Noto Sans CJK KR instead of a box.

Without the extra, English plots are unchanged and silent; the first plot in
Korean, Japanese or Chinese warns once per process, naming the extra, and its
CJK characters render as boxes (matplotlib's own "Glyph … missing" warning,
one per character, is then silenced: the one warning has said why).

>>> from cskit import fonts
>>> "Noto Sans CJK KR" in fonts.register_cjk_fonts()
True
>>> fonts.sans_serif("ko")[:2]
['DejaVu Sans', 'Noto Sans CJK KR']
>>> fonts.family("zh-Hant")[:2]
['sans-serif', 'Noto Sans CJK TC']
>>> fonts.missing_glyphs("고객 이탈률 解約率 客戶流失率")
''
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

#: The Noto Sans CJK face to use first for each language (None: Latin only).
FACE_FOR_LANGUAGE: dict[str, str | None] = {
    "en": None,
    "ko": "Noto Sans CJK KR",
    "ja": "Noto Sans CJK JP",
    "zh-Hant": "Noto Sans CJK TC",
}
#: Fallback order of the proportional CJK faces after the language's own face.
CJK_FACES = ("Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC", "Noto Sans CJK SC")
#: The PyPI distribution (and import name) that ships the font file.
FONT_PACKAGE = "noto-cjk-sans-otc"
#: The cskit extra that installs :data:`FONT_PACKAGE`.
FONT_EXTRA = "cjk"
_FONT_MODULE = "noto_cjk_sans_otc"
_FONT_FILE = "NotoSansCJK-Regular.ttc"

_registered: dict[str, list[str]] = {}


def font_path() -> Path | None:
    """Path of the Noto Sans CJK collection shipped by ``noto-cjk-sans-otc``, or None."""
    try:
        from importlib.resources import files

        path = files(_FONT_MODULE).joinpath(_FONT_FILE)
    except (ImportError, ModuleNotFoundError):
        return None
    path = Path(str(path))
    return path if path.is_file() else None


def register_cjk_fonts() -> list[str]:
    """Add Noto Sans CJK to matplotlib's font manager; return the families now available.

    Safe to call often: the font file is added once per process. When the
    font package is missing an empty list is returned (plots still work, with
    boxes for CJK characters; :func:`sans_serif` and :func:`family` warn once
    when they are asked for a CJK language).
    """
    if "families" in _registered:
        return list(_registered["families"])
    from matplotlib import font_manager

    path = font_path()
    if path is None:
        _registered["families"] = []
        return []
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    if not set(CJK_FACES) & known:
        font_manager.fontManager.addfont(str(path))
        known = {entry.name for entry in font_manager.fontManager.ttflist}
    # Older matplotlib reads only the first face of a collection (JP); list what exists.
    families = [face for face in CJK_FACES if face in known]
    _registered["families"] = families
    return list(families)


def _cjk_order(language: str | None) -> list[str]:
    from cskit.i18n import get_language

    families = register_cjk_fonts()
    first = FACE_FOR_LANGUAGE.get(language or get_language())
    if first is not None and not families:
        _warn_no_font()
    return ([first] if first in families else []) + [f for f in families if f != first]


def _warn_no_font() -> None:
    if "warned" in _registered:
        return
    _registered["warned"] = []
    warnings.warn(
        f"Korean, Japanese and Chinese text in plots will show as boxes: the CJK font "
        f"({FONT_PACKAGE!r}) is not installed. Install it with: "
        f'pip install "cskit[{FONT_EXTRA}]" (or "cskit[i18n]" for the tokenizers too).',
        UserWarning,
        stacklevel=4,
    )
    # That one warning says why; matplotlib would add one more per missing character.
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font",
                            category=UserWarning)


def sans_serif(language: str | None = None) -> list[str]:
    """The ``font.sans-serif`` list for ``language`` (default: the current one).

    DejaVu Sans, then the language's Noto Sans CJK face, then the other CJK
    faces that are registered, then matplotlib's usual sans-serif fonts.
    """
    return ["DejaVu Sans", *_cjk_order(language), "Bitstream Vera Sans", "Arial", "Helvetica"]


def family(language: str | None = None) -> list[str]:
    """The ``font.family`` list: ``"sans-serif"``, then the CJK faces as glyph fallbacks."""
    return ["sans-serif", *_cjk_order(language)]


@lru_cache(maxsize=8)
def _charmaps(families: tuple[str, ...]) -> tuple[frozenset[int], ...]:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    maps = []
    for family in families:
        entry = next((e for e in font_manager.fontManager.ttflist if e.name == family), None)
        if entry is None:
            continue
        index = int(getattr(entry, "index", 0) or 0)
        try:
            font = FT2Font(str(entry.fname), face_index=index) if index else FT2Font(entry.fname)
        except TypeError:  # matplotlib without face_index
            font = FT2Font(str(entry.fname))
        maps.append(frozenset(font.get_charmap()))
    return tuple(maps)


def missing_glyphs(text: str, language: str | None = None) -> str:
    """The characters of ``text`` that no font of the fallback list can draw.

    Whitespace and control characters are ignored. An empty string means the
    text renders without boxes.
    """
    families = tuple(f for f in sans_serif(language) if f.startswith(("DejaVu", "Noto")))
    maps = _charmaps(families)
    seen = dict.fromkeys(ch for ch in text if ch.isprintable() and not ch.isspace())
    return "".join(ch for ch in seen if not any(ord(ch) in m for m in maps))
