"""Every piece of text cskit shows to a person goes through :func:`t`.

Labels live in :mod:`cskit.locales`, one module per topic with a table per
language; a key missing in the chosen language falls back to
English, and a key missing everywhere raises ``KeyError`` so tests catch it.
"""

from __future__ import annotations

from cskit._korean import resolve_particles
from cskit.errors import InvalidParameterError

LANGUAGES = ("en", "ko", "ja", "zh-Hant")

def _load() -> dict[str, dict[str, str]]:
    """Merge ``TEXTS`` of every module in :mod:`cskit.locales`."""
    import importlib
    import pkgutil

    from cskit import locales

    tables: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for info in sorted(pkgutil.iter_modules(locales.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{locales.__name__}.{info.name}")
        for lang, texts in module.TEXTS.items():
            tables.setdefault(lang, {}).update(texts)
    return tables


_TABLES = _load()
EN = _TABLES["en"]
_state = {"language": "en"}


def set_language(language: str) -> None:
    """Choose the language of labels, captions and the glossary.

    Parameters
    ----------
    language : {"en", "ko", "ja", "zh-Hant"}

    Examples
    --------
    >>> import cskit
    >>> cskit.set_language("en")
    >>> cskit.t("move.new")
    'New'
    """
    if language not in LANGUAGES:
        raise InvalidParameterError(
            f"language={language!r} is not available; use one of {', '.join(LANGUAGES)}."
        )
    _state["language"] = language


def get_language() -> str:
    """The language chosen with :func:`set_language` (``"en"`` by default)."""
    return _state["language"]


def t(key: str, language: str | None = None, **values: object) -> str:
    """The text for ``key`` in the current (or given) language, formatted with ``values``."""
    lang = language or _state["language"]
    table = _TABLES.get(lang, {})
    text = table.get(key, EN.get(key))
    if text is None:
        raise KeyError(f"No text for {key!r}; add it to cskit.i18n.EN")
    text = text.format(**values) if values else text
    if lang == "ko":
        text = resolve_particles(text)
    return text
