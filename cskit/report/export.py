"""The KPI table as CSV or Excel, every text cell safe from formula injection."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.report.text import is_missing

# ---------------------------------------------------------------- the KPI table export

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_EXPORT_COLUMNS = ("kpi", "label", "parent", "unit", "value", "previous", "change", "target",
                   "better", "status", "verdict", "p_value")


def safe_cell(value: object) -> object:
    """A value safe to put in a spreadsheet cell: text that a spreadsheet would run as a
    formula (starting with ``= + - @``, a tab or a carriage return) gets a leading ``'``.

    Numbers are left as numbers (a negative number is not text, and stays one).

    Examples
    --------
    >>> [safe_cell(v) for v in ["=HYPERLINK(\\"x\\")", "@SUM(A1)", "-2+3", "MRR", -2.5]]
    ['\\'=HYPERLINK("x")', "'@SUM(A1)", "'-2+3", 'MRR', -2.5]
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def kpi_table(records: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """The scorecard records as the export table, with every text cell made safe.

    Columns: ``kpi, label, parent, unit, value, previous, change, target,
    better, status, verdict, p_value`` (rates as fractions, as in the scorecard).
    """
    rows = [{c: safe_cell(r.get(c)) for c in _EXPORT_COLUMNS} for r in records]
    return pd.DataFrame(rows, columns=list(_EXPORT_COLUMNS))


def export_header(language: str | None = None) -> list[str]:
    """The export's column names in ``language`` (English: the machine names).

    >>> export_header("en")[:3], export_header("ko")[:3]
    (['kpi', 'label', 'parent'], ['KPI ID', '지표', '상위 지표'])
    """
    return [t(f"report.export.{c}", language) for c in _EXPORT_COLUMNS]


def kpi_csv(records: Sequence[Mapping[str, object]], *, language: str | None = None) -> str:
    """The KPI table as CSV text (write it with a UTF-8 BOM for spreadsheets).

    The header is in ``language`` (default: the current one; see :func:`export_header`).

    A line break inside a cell (CR, LF or both) becomes one space, so no cell can
    start a new row, and each line is one row of the table.

    Examples
    --------
    >>> print(kpi_csv([{"kpi": "x", "label": "=1+1", "value": -3.0}], language="en"), end="")
    kpi,label,parent,unit,value,previous,change,target,better,status,verdict,p_value
    x,'=1+1,,,-3.0,,,,,,,
    >>> print(kpi_csv([{"kpi": "y", "label": "a\\r=2+3"}], language="en").splitlines()[1])
    y,a =2+3,,,,,,,,,,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export_header(language))
    for row in kpi_table(records).itertuples(index=False):
        writer.writerow([
            "" if is_missing(v) else re.sub(r"\r\n|[\r\n]", " ", v) if isinstance(v, str) else v
            for v in row
        ])
    return buffer.getvalue()


def kpi_xlsx(
    records: Sequence[Mapping[str, object]], *, title: str = "KPIs", language: str | None = None
) -> bytes:
    """The KPI table as an Excel workbook (needs ``openpyxl``: ``pip install 'cskit[io]'``).

    Text cells are written as text (never as formulas) and made safe with
    :func:`safe_cell` too, so the sheet stays safe if saved as CSV again.
    """
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise InvalidParameterError(
            "Writing .xlsx needs openpyxl: pip install 'cskit[io]' (or export CSV instead)."
        ) from exc
    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "KPIs"
    sheet.append(export_header(language))
    for row in kpi_table(records).itertuples(index=False):
        sheet.append([None if is_missing(v) else v for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, whatever it starts with
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
