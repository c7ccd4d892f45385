"""User-facing text, one module per topic.

Each module defines ``TEXTS = {"en": {...}, "ko": {...}, "ja": {...},
"zh-Hant": {...}}`` with the same keys in every language; :mod:`cskit.i18n`
merges all modules of this package. Keys are ``"<area>.<name>"``.
"""
