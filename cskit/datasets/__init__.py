"""The sample company, and synthetic data at benchmark scale.

cskit ships a seeded simulation of a B2B subscription business, *the sample
company*: about 3,000 accounts that sign up, trial, convert, pay monthly,
quarterly or annually, change plans, buy an add-on, open support tickets,
answer surveys, use the product and churn, from November 2023 to October 2026.
All seven tables of the data contract come from one simulation, so they agree
with each other:

* events, tickets and NPS answers only happen while an account is active;
* tickets roughly double in the three months before an account churns, and
  NPS scores fall, so detractors churn more often than promoters;
* prices rise about 10 % for lines starting on or after 2025-07-01;
* the ``insights`` add-on launches in March 2025 (cross-sell, new events);
* support was slow in the first half of 2025 (watch CSAT and response times);
* survey comments are in English, Korean, Japanese or Traditional Chinese,
  with awkward cases mixed in (emoji only, one very long text, an HTML tag).

>>> import cskit
>>> company = cskit.datasets.load_sample()
>>> sorted(company.tables())
['accounts', 'costs', 'events', 'mrr', 'subscriptions', 'surveys', 'tickets']
>>> str(company.latest_month)
'2026-10'

The files in ``data/sample/`` are the output of ``generate_sample(seed=2026)``;
``python -m cskit.datasets --out data/sample`` (or ``make sample``) rewrites
them byte for byte.

Your own company's folder may hold any subset of the seven tables, as
``<table>.csv``, ``.csv.gz`` or ``.parquet``: :func:`load_company` reads it
(deriving ``mrr`` from ``subscriptions`` when absent) and tells the latest
complete month. :func:`make_company` simulates a *second* company unlike the
sample (young, in euros, price ids as plans, only some tables) to try that on:
``python -m cskit.datasets --second --out DIR``.

:func:`write_exports` writes a company's tables as the raw
exports of Stripe, Zendesk, Typeform, Mixpanel, HubSpot and a finance sheet, mess
included, for the loaders of :mod:`cskit.io`.

:func:`generate_mrr_panel`, :func:`generate_subscriptions`
and :func:`generate_events` make large, simpler data (a million customers,
fifty million events) for the benchmarks.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from cskit.datasets._company import make_company, write_company
from cskit.datasets._exports import RawExports, write_exports
from cskit.datasets._folder import Company, load_company, read_table_file, table_file
from cskit.datasets._large import generate_events, generate_mrr_panel, generate_subscriptions
from cskit.errors import ColumnTypeError, CskitError, MissingColumnError, format_values

__all__ = [
    "RawExports",
    "Company",
    "SampleCompany",
    "generate_events",
    "generate_mrr_panel",
    "generate_sample",
    "generate_subscriptions",
    "load_cdnow",
    "load_company",
    "load_sample",
    "make_company",
    "read_table_file",
    "sample_dir",
    "write_exports",
    "table_file",
    "write_company",
    "write_sample",
]

#: Seed of the bundled sample company.
SAMPLE_SEED = 2026

#: File name and column types of each table, in the order they are written.
SCHEMA: dict[str, dict[str, object]] = {
    "accounts": {
        "file": "accounts.csv",
        "dates": ["signup_at", "trial_start", "converted_at", "first_login_at"],
        "ints": ["seats"],
    },
    "subscriptions": {"file": "subscriptions.csv", "dates": ["start", "end"],
                      "floats": ["amount", "discount"]},
    "mrr": {"file": "mrr.csv", "periods": ["month"], "floats": ["mrr"]},
    "events": {"file": "events.csv.gz", "dates": ["timestamp"], "ints": ["duration_s"]},
    "surveys": {"file": "surveys.csv", "dates": ["submitted_at"], "ints": ["score"]},
    "tickets": {
        "file": "tickets.csv",
        "dates": ["created_at", "first_response_at", "resolved_at"],
        "ints": ["agent_replies"],
        "bools": ["reopened"],
    },
    "costs": {"file": "costs.csv", "periods": ["month"], "floats": ["amount"]},
}

#: Whole-number columns that may be empty (unknown), as the data contract allows.
_MAY_BE_EMPTY = {"duration_s"}

#: Columns of every table that hold ids or categories: read as text, as written.
_TEXT = {"customer_id", "account_id", "user_id", "respondent_id", "ticket_id", "session_id",
         "interval", "plan", "product", "event", "survey", "comment", "channel", "category",
         "segment", "currency", "subscription_id"}


@dataclass(frozen=True)
class SampleCompany:
    """The seven tables of the sample company (see :mod:`cskit.datasets`).

    Attributes
    ----------
    subscriptions, mrr, events, surveys, tickets, costs, accounts : pandas.DataFrame
        One frame per table of the data contract, with its default column names.
    """

    subscriptions: pd.DataFrame
    mrr: pd.DataFrame
    events: pd.DataFrame
    surveys: pd.DataFrame
    tickets: pd.DataFrame
    costs: pd.DataFrame
    accounts: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def latest_month(self) -> pd.Period:
        """The last complete month of the data (``2026-10`` for the bundled sample)."""
        return self.mrr["month"].max()

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame):,}" for name, frame in self.tables().items())
        return f"SampleCompany({sizes})"


def generate_sample(seed: int = SAMPLE_SEED, n_accounts: int = 3000) -> SampleCompany:
    """Simulate the sample company.

    Parameters
    ----------
    seed : int, default 2026
        Seed of the random generator; the same seed gives the same tables.
    n_accounts : int, default 3000
        Expected number of sign-ups over the 36 months (the actual number is
        drawn around it). Everything else scales with it.

    Returns
    -------
    SampleCompany

    Examples
    --------
    >>> from cskit.datasets import generate_sample
    >>> small = generate_sample(seed=1, n_accounts=200)
    >>> small.accounts["signup_at"].min() >= pd.Timestamp("2023-11-01")
    True
    >>> bool(small.events["account_id"].isin(small.accounts["account_id"]).all())
    True
    """
    from cskit.datasets._accounts import make_accounts
    from cskit.datasets._activity import active_pieces
    from cskit.datasets._costs import make_costs
    from cskit.datasets._events import make_events
    from cskit.datasets._subscriptions import simulate_billing
    from cskit.datasets._surveys import make_surveys
    from cskit.datasets._tickets import make_tickets
    from cskit.metrics.mrr import to_mrr

    rng = np.random.default_rng(seed)
    accounts = make_accounts(rng, n_accounts)
    billing = simulate_billing(rng, accounts)
    pieces = active_pieces(accounts, billing)
    subscriptions = billing.frame(accounts)
    events = make_events(rng, accounts, billing, pieces)
    tickets = make_tickets(rng, accounts, pieces)
    surveys = make_surveys(rng, accounts, pieces, billing.first_paid_month, tickets)
    created = tickets["created_at"].to_numpy().astype("datetime64[s]").astype(np.int64)
    costs = make_costs(rng, billing, accounts.signup, created)
    mrr = to_mrr(subscriptions, until="2026-10")
    return SampleCompany(
        subscriptions=subscriptions,
        mrr=mrr,
        events=events,
        surveys=surveys,
        tickets=tickets,
        costs=costs,
        accounts=accounts.frame(),
    )


def write_sample(company: SampleCompany, out: str | Path) -> list[Path]:
    """Write the tables as CSV (events gzip-compressed), byte-identically for equal tables.

    Parameters
    ----------
    company : SampleCompany
    out : str or Path
        Directory to write to (created if missing).

    Returns
    -------
    list of Path
        The files written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in company.tables().items():
        path = out / SCHEMA[name]["file"]
        # Months are written as "2026-10": with date_format alone pandas would write a
        # Period column as the timestamp of its last day ("2026-10-31 00:00:00").
        months = {c: frame[c].astype("str") for c in SCHEMA[name].get("periods", [])}
        text = frame.assign(**months).to_csv(
            index=False, date_format="%Y-%m-%d %H:%M:%S", lineterminator="\n"
        )
        data = text.encode("utf-8")
        if path.suffix == ".gz":
            buffer = io.BytesIO()
            # mtime=0 and no file name in the header: the same data give the same bytes.
            with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
                gz.write(data)
            data = buffer.getvalue()
        path.write_bytes(data)
        written.append(path)
    return written


def sample_dir() -> Path:
    """Directory that holds the bundled sample files.

    Installed from a wheel, the files live inside the package
    (``cskit/datasets/_sample``); in a source checkout they are ``data/sample``
    at the top of the repository. Neither depends on the current directory.
    """
    packaged = resources.files("cskit.datasets") / "_sample"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data" / "sample"


def _read_table(directory: Path, name: str) -> pd.DataFrame:
    spec = SCHEMA[name]
    path = directory / spec["file"]
    if not path.exists():
        raise CskitError(
            f"{path} is missing: a data directory needs the file {spec['file']!r} for the "
            f"{name!r} table. Regenerate the sample with `python -m cskit.datasets --out "
            f"{directory}` or point data_dir at a folder with all seven tables."
        )
    # Every cell as text first: ids such as "00001" and categories such as "NA" stay as
    # written (only an empty cell is missing); typed columns are converted below.
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except UnicodeDecodeError as exc:
        raise CskitError(
            f"{path}: not UTF-8 text (byte {exc.object[exc.start:exc.start + 1]!r} cannot be "
            f"decoded). Save it as UTF-8 "
            f"(write_sample does), or read it with cskit.read_table(..., encoding='cp1252') "
            f"and write it again with cskit.datasets.write_sample."
        ) from None
    except (ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CskitError(f"{path}: cannot be read as CSV: {first}") from None
    typed_columns = {c for kind in ("dates", "periods", "ints", "bools", "floats")
                     for c in spec.get(kind, [])}
    for column in frame.columns:  # extra columns: numbers when all are, ids stay text
        if column in typed_columns or column in _TEXT:
            continue
        values = frame[column]
        numbers = pd.to_numeric(values, errors="coerce")
        padded = values.str.fullmatch(r"[+-]?0\d+").fillna(False).astype(bool)
        if values.notna().any() and not (numbers.isna() & values.notna()).any() \
                and not padded.any():
            frame[column] = numbers
    # Each typed column: (how to read it, a check giving the rows that cannot be read).
    typed = {
        "dates": lambda s: pd.to_datetime(s, format="%Y-%m-%d %H:%M:%S", errors="coerce"),
        # "2026-10" as written by write_sample; any date inside the month is accepted too.
        "periods": lambda s: pd.to_datetime(s.astype("str").where(s.notna()), format="mixed",
                                            errors="coerce"),
        "ints": lambda s: pd.to_numeric(s, errors="coerce"),
        "floats": lambda s: pd.to_numeric(s, errors="coerce"),
        "bools": lambda s: s.where(s.isin([True, False, "True", "False"])),
    }
    expected = {"dates": "'%Y-%m-%d %H:%M:%S' dates", "periods": "months such as '2026-10'",
                "ints": "whole numbers", "bools": "True / False", "floats": "numbers"}
    for kind, parse in typed.items():
        for column in spec.get(kind, []):
            if column not in frame.columns:
                present = format_values(list(map(str, frame.columns)))
                raise MissingColumnError(
                    f"Column {column!r} is missing from {path} (columns present: "
                    f"{present}). The {name!r} table needs it; "
                    f"write the files with cskit.datasets.write_sample or add the column."
                )
            raw = frame[column]
            parsed = parse(raw)
            bad = parsed.isna() & raw.notna()
            if kind == "bools" or (kind == "ints" and column not in _MAY_BE_EMPTY):
                bad |= raw.isna()
            if kind == "ints":
                bad |= parsed.notna() & (parsed != parsed.round())
            if bad.any():
                shown = pd.unique(raw[bad].astype("str").to_numpy()).tolist()
                raise ColumnTypeError(
                    f"Column {column!r} of {path} should hold {expected[kind]}; found "
                    f"{format_values(shown)}. Fix those values or rewrite the file with "
                    f"cskit.datasets.write_sample."
                )
            if kind == "dates":
                frame[column] = parsed.astype("datetime64[us]")
            elif kind == "periods":
                frame[column] = parsed.dt.to_period("M")
            elif kind == "ints":  # whole numbers; float with NaN where unknown is allowed
                frame[column] = parsed.astype(np.int64 if parsed.notna().all() else "float64")
            elif kind == "floats":
                frame[column] = parsed.astype("float64")
            else:
                frame[column] = raw.isin([True, "True"])
    return frame


def load_sample(data_dir: str | Path | None = None) -> SampleCompany:
    """Load the bundled sample company (or the same seven files from ``data_dir``).

    Parameters
    ----------
    data_dir : str or Path, optional
        A directory with ``accounts.csv``, ``subscriptions.csv``, ``mrr.csv``,
        ``events.csv.gz``, ``surveys.csv``, ``tickets.csv`` and ``costs.csv``
        in the layout :func:`write_sample` produces. Default: the bundled sample.

    Returns
    -------
    SampleCompany

    Examples
    --------
    >>> company = load_sample()
    >>> company.mrr.columns.tolist()
    ['customer_id', 'month', 'mrr', 'plan', 'product']
    >>> company.surveys["survey"].value_counts().index.tolist()
    ['nps', 'csat', 'ces']
    """
    directory = sample_dir() if data_dir is None else Path(data_dir)
    return SampleCompany(**{name: _read_table(directory, name) for name in SCHEMA})


def load_cdnow() -> pd.DataFrame | None:
    """The CDNOW purchase log (23,570 customers' CD purchases, 1997 to June 1998), or None.

    The log ships with the ``lifetimes`` package (installed by cskit's ``test`` extra; it is
    no longer maintained, so cskit does not require it): None when it is not installed.
    Columns: ``customer_id`` (text), ``date`` (datetime), ``number_of_cds`` and ``amount``
    (the log's ``dollar_value``) — the transactions table of the repeat and LTV KPIs.

    >>> import cskit
    >>> cdnow = cskit.datasets.load_cdnow()
    >>> cdnow is None or list(cdnow.columns) == ["customer_id", "date", "number_of_cds", "amount"]
    True
    """
    import importlib.util

    spec = importlib.util.find_spec("lifetimes")
    if spec is None:
        return None
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "CDNOW_master.txt"
    log = pd.read_csv(path, sep=r"\s+", dtype={"customer_id": str, "date": str})
    log["date"] = pd.to_datetime(log["date"], format="%Y%m%d")
    return log.rename(columns={"dollar_value": "amount"})
