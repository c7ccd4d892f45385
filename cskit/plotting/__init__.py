"""Plots of metric results (matplotlib only).

A plot takes what a metric returned (never raw data) and an optional ``ax``,
draws on it and returns the Axes. Every label comes from :func:`cskit.t`, so
plots follow :func:`cskit.set_language`. Modules in this package are
discovered; each lists its plots in ``__all__``.
"""

import importlib
import pkgutil

__all__: list[str] = []
for _module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _module.name.startswith("_"):
        _mod = importlib.import_module(f"{__name__}.{_module.name}")
        for _name in getattr(_mod, "__all__", []):
            globals()[_name] = getattr(_mod, _name)
            __all__.append(_name)
