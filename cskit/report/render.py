"""HTML of the report: the scorecard table and the page around the report's body."""

from __future__ import annotations

import html

import pandas as pd

from cskit.i18n import t
from cskit.report.scoring import load_targets, scorecard  # noqa: F401
from cskit.report.text import format_scorecard

SCORECARD_CSS = """
<style>
table.cskit-scorecard { border-collapse: collapse; font-size: 14px; margin: 0.5em 0 1em; }
table.cskit-scorecard th, table.cskit-scorecard td {
  padding: 4px 10px; border-bottom: 1px solid #dee2e6; text-align: right; white-space: nowrap; }
table.cskit-scorecard th { background: #f1f3f5; font-weight: 600; }
table.cskit-scorecard td.kpi, table.cskit-scorecard th.kpi { text-align: left; }
table.cskit-scorecard tr.depth-1 td.kpi { padding-left: 28px; color: #495057; }
table.cskit-scorecard tr.depth-2 td.kpi { padding-left: 46px; color: #495057; }
table.cskit-scorecard .better { color: #2b8a3e; }
table.cskit-scorecard .worse { color: #c92a2a; }
table.cskit-scorecard .not_significant, table.cskit-scorecard .unchanged { color: #868e96; }
table.cskit-scorecard .on_track { background: #d3f9d8; color: #2b8a3e; font-weight: 600; }
table.cskit-scorecard .off_track { background: #ffe3e3; color: #c92a2a; font-weight: 600; }
table.cskit-comments { border-collapse: collapse; font-size: 13px; margin: 0.5em 0 1em; }
table.cskit-comments td, table.cskit-comments th {
  padding: 4px 10px; border-bottom: 1px solid #dee2e6; text-align: left; vertical-align: top; }
table.cskit-comments td.comment { white-space: pre-wrap; max-width: 60em; }
</style>
""".strip()


def scorecard_html(table: pd.DataFrame) -> str:
    """The scorecard as an HTML table (every text escaped), coloured by verdict and status.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10", targets=load_targets())
    >>> page = scorecard_html(card)
    >>> page.count("<tr class="), 'class="on_track"' in page
    (17, True)
    """
    shown = format_scorecard(table)
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in shown.columns)
    lines = [SCORECARD_CSS, '<table class="cskit-scorecard">',
             f'<thead><tr><th class="kpi">{esc(str(shown.index.name))}</th>{head}</tr></thead>',
             "<tbody>"]
    for (kpi, row), (label, cells) in zip(table.iterrows(), shown.iterrows(), strict=True):
        depth = int(row["depth"]) if "depth" in row.index else 0
        classes = {t("report.trend"): row["verdict"], t("report.status"): row.get("status")}
        classes = {k: v if isinstance(v, str) else "" for k, v in classes.items()}
        tds = "".join(
            f'<td class="{esc(classes.get(column, ""))}">{esc(str(cell))}</td>'
            for column, cell in cells.items()
        )
        lines.append(f'<tr class="depth-{depth}" data-kpi="{esc(str(kpi))}">'
                     f'<td class="kpi">{esc(str(label).lstrip(chr(0x2003)))}</td>{tds}</tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


PAGE_CSS = """
body { font-family: "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC",
  -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #212529; margin: 0;
  background: #f8f9fa; line-height: 1.5; }
main.cskit-report { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px;
  background: #ffffff; }
main.cskit-report h1 { font-size: 26px; margin: 8px 0 4px; }
main.cskit-report h2 { font-size: 20px; margin: 28px 0 6px; padding-top: 12px;
  border-top: 2px solid #e9ecef; }
main.cskit-report h3 { font-size: 16px; margin: 18px 0 4px; }
main.cskit-report img { max-width: 100%; height: auto; }
main.cskit-report ul { padding-left: 1.4em; }
main.cskit-report .jp-OutputPrompt, main.cskit-report .jp-InputPrompt { display: none; }
main.cskit-report a.anchor-link { display: none; }
.cskit-page-break { height: 0; }
@media print {
  body { background: #ffffff; }
  main.cskit-report { padding: 0; max-width: none; }
  .cskit-page-break { page-break-before: always; break-before: page; }
}
""".strip()


def page_html(body: str, *, title: str, lang: str = "en") -> str:
    """A self-contained HTML page around the report's body (no script, nothing fetched).

    Examples
    --------
    >>> page = page_html("<p>Hi</p>", title="A <report>", lang="ja")
    >>> page.startswith('<!DOCTYPE html>\\n<html lang="ja">'), "<title>A &lt;report&gt;</title>" in page
    (True, True)
    """
    esc = html.escape
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{PAGE_CSS}\n</style>\n</head>\n<body>\n"
        f'<main class="cskit-report">\n{body}\n</main>\n</body>\n</html>\n'
    )
