"""cskit: customer-success analytics for pandas.

``import cskit`` registers the ``DataFrame.cs`` accessor::

    import cskit
    company = cskit.datasets.load_sample()
    company.mrr.cs.mrr_movements()
    company.surveys.cs.nps(period="M")
"""

# Every module that registers a KPI is imported before the accessor is registered:
# metrics (discovered) and health. The registry knows the functions; the accessor reads it.
from cskit import accessor as _accessor
from cskit import datasets, errors, health, metrics
from cskit.i18n import get_language, set_language, t

_accessor.register()

__version__ = "0.2.0"
__all__ = ["datasets", "errors", "get_language", "health", "metrics", "set_language", "t", "__version__"]

# Explainers, exercises and the glossary (issue 6); they build on the metrics registered above.
from cskit import explain, training  # noqa: E402
from cskit.glossary import glossary  # noqa: E402

__all__ += ["explain", "glossary", "training"]

# "Read it, act on it": benchmarks, levers and first actions per KPI (issue 17).
from cskit import guide  # noqa: E402

__all__ += ["guide"]

# Loaders for the user's own exports (CSV, Parquet, Excel) with a column mapping.
from cskit.io import (  # noqa: E402
    read_accounts,
    read_costs,
    read_events,
    read_mrr,
    read_subscriptions,
    read_surveys,
    read_table,
    read_tickets,
)

__all__ += [
    "read_accounts",
    "read_costs",
    "read_events",
    "read_mrr",
    "read_subscriptions",
    "read_surveys",
    "read_table",
    "read_tickets",
]
