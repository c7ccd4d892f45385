"""The look shared by every cskit plot (fonts, colours, number formats).

Plots call :func:`apply_style` before drawing. Fonts that carry Korean,
Japanese and Chinese glyphs come from :mod:`cskit.fonts` and are put in the
``font.sans-serif`` fallback list here.
"""

from __future__ import annotations

import matplotlib as mpl

#: Colours of MRR movements and of good / bad changes.
COLORS = {
    "start": "#6c757d",
    "end": "#343a40",
    "new": "#2a9d8f",
    "expansion": "#52b788",
    "reactivation": "#8ecae6",
    "contraction": "#f4a261",
    "churn": "#e76f51",
    "line": "#1d3557",
    "band": "#a8dadc",
}


def apply_style(language: str | None = None) -> None:
    """Set cskit's matplotlib defaults (idempotent, cheap).

    Also registers Noto Sans CJK (shipped by the ``noto-cjk-sans-otc``
    dependency) and puts it in the ``font.sans-serif`` list and, as glyph
    fallbacks, in ``font.family`` (see :mod:`cskit.fonts`), with the face for
    ``language`` (default: :func:`cskit.get_language`) first among the CJK
    faces, so Korean, Japanese and Chinese labels render with real glyphs.
    Call it before drawing: the language may have changed since the last plot.

    >>> import matplotlib as mpl
    >>> apply_style("ja")
    >>> mpl.rcParams["font.sans-serif"][:2]
    ['DejaVu Sans', 'Noto Sans CJK JP']
    """
    from cskit.fonts import family, sans_serif

    mpl.rcParams["axes.spines.top"] = False
    mpl.rcParams["axes.spines.right"] = False
    mpl.rcParams["axes.grid"] = True
    mpl.rcParams["grid.alpha"] = 0.3
    mpl.rcParams["font.sans-serif"] = sans_serif(language)
    mpl.rcParams["font.family"] = family(language)
