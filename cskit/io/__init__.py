"""Load your own data: exports and files (or DataFrames) into data-contract frames.

:func:`read_table` reads one file — CSV, Parquet, Excel or JSON lines — or
takes a DataFrame you already have, renames its columns with a mapping
``{your column: contract column}``, checks that the table's required columns
are there and gives every known column its type. The result works with every
``df.cs`` method. ``read_subscriptions``, ``read_mrr``, ``read_events``,
``read_surveys``, ``read_tickets``, ``read_costs`` and ``read_accounts`` are
the same for one table each, and take ``source=`` to read a known export as it
comes (one module per tool):

========================  =====================  ==========================================
loader                    ``source=``            export
========================  =====================  ==========================================
``read_subscriptions``    ``"stripe"``           Stripe subscriptions (a snapshot)
``read_subscriptions``    ``"stripe_invoices"``  Stripe invoice line items (history)
``read_tickets``          ``"zendesk"``          Zendesk Support tickets
``read_surveys``          ``"typeform"``         Typeform NPS responses
``read_events``           ``"mixpanel"``         Mixpanel raw events (JSON lines or CSV)
``read_accounts``         ``"hubspot"``          HubSpot companies
``read_costs``            ``"finance"``          a finance sheet (long or one column per month)
========================  =====================  ==========================================

What every loader does with real exports:

* fully blank rows (and rows of empty delimiters, ``,,,,``) are skipped with a
  warning giving their count;
* dates with a UTC offset (which may change with daylight saving) and epoch
  seconds or milliseconds are instants: they become UTC, or wall-clock time in
  ``tz="America/Los_Angeles"`` (any IANA zone), and months are assigned in that
  zone. Dates are returned naive (the zone is dropped after converting);
* an Excel date cell stored as a number is read as an Excel serial day; in a
  text file a bare number among dates is refused, naming the column and values;
* numbers may have thousands separators (``"14,500.00"``); ids stay text
  (``"00042"``);
* a CSV that is not UTF-8 is read as Windows-1252 / Latin-1 with a warning;
* a missing column lists the columns present and suggests the nearest name;
* money tables keep one currency (``fx=``/``currency=``, ``amount_unit=``),
  recorded in a ``currency`` column and in ``frame.attrs["currency"]``.

Other keywords go to pandas (``sep=";"``, ``na_values=[...]``, ``dtype={...}``,
``encoding=...``). ``docs/loading-data.md`` walks through each export.
Parquet needs ``pyarrow`` and Excel ``openpyxl``: ``pip install 'cskit[io]'``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from cskit.errors import EmptyFrameError, InvalidParameterError
from cskit.io import finance, hubspot, mixpanel, stripe, stripe_invoices, typeform, zendesk
from cskit.io._common import CONTRACT, drop_blank_rows, load, rename, typed
from cskit.io._context import Context
from cskit.io._dates import check_tz
from cskit.io._money import MONEY_KEYWORDS, apply_money

__all__ = [
    "CONTRACT",
    "SOURCES",
    "read_accounts",
    "read_costs",
    "read_events",
    "read_mrr",
    "read_subscriptions",
    "read_surveys",
    "read_table",
    "read_tickets",
]

#: Known exports: (table, source) → function turning the raw file into the table.
SOURCES: dict[tuple[str, str], Callable[..., pd.DataFrame]] = {
    ("subscriptions", "stripe"): stripe.read,
    ("subscriptions", "stripe_invoices"): stripe_invoices.read,
    ("tickets", "zendesk"): zendesk.read,
    ("surveys", "typeform"): typeform.read,
    ("events", "mixpanel"): mixpanel.read,
    ("accounts", "hubspot"): hubspot.read,
    ("costs", "finance"): finance.read,
}

#: Money columns of each table that keeps a currency.
_MONEY = {"subscriptions": ("amount", "discount"), "mrr": ("mrr",)}


def _read(table: str, data, source, columns, format, sheet, tz, options) -> pd.DataFrame:
    if table not in CONTRACT:
        raise InvalidParameterError(
            f"table={table!r} is not a table of the data contract; use one of "
            f"{', '.join(CONTRACT)}."
        )
    tz = check_tz(tz)
    options = dict(options)
    money = {k: options.pop(k) for k in MONEY_KEYWORDS if k in options}
    dayfirst = options.pop("dayfirst", None)
    if money and table not in _MONEY:
        raise InvalidParameterError(
            f"{', '.join(money)}: only the subscriptions and mrr tables carry money with a "
            f"currency.")
    convert = None
    recipe: dict[str, object] = {}
    if source is not None:
        convert = SOURCES.get((table, str(source).lower()))
        if convert is None:
            known = [s for t, s in SOURCES if t == table]
            raise InvalidParameterError(
                f"source={source!r} is not a known export of {table}; known: "
                f"{', '.join(known) if known else 'none'} (or read any file with columns={{...}})."
            )
        accepted = list(inspect.signature(convert).parameters)[2:]
        recipe = {k: options.pop(k) for k in list(options) if k in accepted}
    raw, name, fmt = load(data, format, sheet, options)
    if fmt == "frame":
        where = f"{table} frame" if source is None else f"{source} {table} frame"
    else:
        where = f"{table} file {name}" if source is None else f"{source} {table} export {name}"
    raw = drop_blank_rows(raw, where)
    raw = rename(raw, columns, where)
    if raw.empty:
        raise EmptyFrameError(f"The {where} has no rows.")
    if convert is None:
        frame = typed(raw, table, where, tz=tz, excel=fmt == "excel", dayfirst=dayfirst)
    else:
        ctx = Context(where=where, tz=tz, excel=fmt == "excel", dayfirst=dayfirst)
        frame = typed(convert(raw, ctx, **recipe), table, where, tz=tz)
    if table in _MONEY:
        frame = apply_money(frame, _MONEY[table], where, check_units=table == "subscriptions",
                            **money)
    return frame


def read_table(
    data: str | Path | pd.DataFrame,
    table: str,
    *,
    columns: Mapping[str, str | None] | None = None,
    format: str | None = None,
    sheet: str | int | None = None,
    tz: str | None = None,
    **options: object,
) -> pd.DataFrame:
    """Read a file (or take a DataFrame) as one table of the data contract.

    Parameters
    ----------
    data : str, Path or pandas.DataFrame
        ``.csv`` (also ``.csv.gz``), ``.tsv``, ``.parquet`` / ``.pq``, ``.xlsx`` /
        ``.xls``, ``.json`` / ``.jsonl``; or any name with ``format=``. A folder
        is read as one Parquet dataset. A DataFrame is used as it is (never
        modified) and gives the same result as the same data in a file.
    table : {"subscriptions", "mrr", "events", "surveys", "tickets", "costs", "accounts"}
        Which table the file holds (see :data:`CONTRACT` for its columns).
    columns : mapping, optional
        ``{file column: contract column}``; ``None`` as a value drops a column.
        Columns not in the mapping keep their names.
    format : {"csv", "tsv", "parquet", "excel", "json"}, optional
        Default: from the file's ending.
    sheet : str or int, optional
        Excel sheet (default: the first).
    tz : str, optional
        IANA zone for wall-clock times (``"America/Los_Angeles"``). Dates with a
        UTC offset and epoch numbers are converted to it (default: UTC); months
        are the months in it. Dates written without an offset are kept as written.
    **options
        ``dayfirst=True``/``False`` for dates such as ``01/02/2026`` (one reading for
        the whole column; refused when both fit and this is not given); ``fx=``,
        ``currency=``, ``amount_unit=`` for subscriptions and mrr (see
        ``docs/loading-data.md``); the rest go to ``pandas.read_csv`` /
        ``read_parquet`` / ``read_excel`` (``sep=";"``, ``na_values=[...]``,
        ``dtype={...}``, ``encoding="cp1252"``…).

    Returns
    -------
    pandas.DataFrame
        A new frame with the contract's column names and types: dates as
        naive ``datetime64[us]``, months as ``Period[M]``, ids and names as text.

    Raises
    ------
    cskit.errors.CskitError
        A missing file or column, a value of the wrong type, … – the message
        names the file and column and shows up to five offending values.

    Examples
    --------
    >>> import tempfile, pathlib, cskit
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mrr.csv").write_text(
    ...     "Account,Month,MRR\\nA1,2026-09,\\"1,000\\"\\nA1,2026-10,\\"1,200\\"\\n")
    >>> mrr = read_table(folder / "mrr.csv", "mrr",
    ...                  columns={"Account": "customer_id", "Month": "month", "MRR": "mrr"})
    >>> mrr.dtypes.astype(str).tolist()
    ['str', 'period[M]', 'float64']
    >>> float(mrr.cs.mrr(period=None))
    1200.0
    """
    return _read(table, data, None, columns, format, sheet, tz, options)


def _reader(table: str, sources: str) -> Callable[..., pd.DataFrame]:
    def read(
        data: str | Path | pd.DataFrame,
        *,
        source: str | None = None,
        columns: Mapping[str, str | None] | None = None,
        format: str | None = None,
        sheet: str | int | None = None,
        tz: str | None = None,
        **options: object,
    ) -> pd.DataFrame:
        return _read(table, data, source, columns, format, sheet, tz, options)

    read.__name__ = read.__qualname__ = f"read_{table}"
    read.__doc__ = (
        f"Read a file or a DataFrame as the ``{table}`` table: :func:`read_table` with "
        f"``table={table!r}``.\n\n"
        f"``source=`` reads a known export as it comes ({sources}); ``columns=`` "
        f"maps your column names to the contract's (applied before the export's own layout, "
        f"so it can also fix a renamed export column); ``tz=`` gives wall-clock times in an "
        f"IANA zone (default UTC).\n"
    )
    return read


read_subscriptions = _reader(
    "subscriptions", "``'stripe'``, ``'stripe_invoices'``; ``fx=``, ``currency=``, "
                     "``amount_unit=``")
read_mrr = _reader("mrr", "none yet; ``fx=``, ``currency=``, ``amount_unit=``")
read_events = _reader("events", "``'mixpanel'`` with ``account=``")
read_surveys = _reader("surveys", "``'typeform'``")
read_tickets = _reader("tickets", "``'zendesk'``")
read_costs = _reader("costs", "``'finance'`` with ``categories=``, ``category=``")
read_accounts = _reader("accounts", "``'hubspot'`` with ``properties=``")
