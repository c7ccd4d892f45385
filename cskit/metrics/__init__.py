"""Pure KPI functions: frames in, pandas objects (or a float) out.

Every public function registered with :func:`cskit.registry.cs_method` in a
module of this package is importable from here (``cskit.metrics.nps``) and is a
method of the ``DataFrame.cs`` accessor with the same name, keywords and
docstring. Modules are discovered, so adding a KPI means adding one module.
"""

import importlib
import pkgutil

from cskit.registry import METHODS

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

globals().update(METHODS)
from cskit.metrics.nps import nps_interval  # noqa: E402

__all__ = sorted(METHODS) + ["nps_interval"]


def __getattr__(name: str):
    """Metrics registered outside this package (e.g. :mod:`cskit.health`) by name."""
    if name in METHODS:
        return METHODS[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
