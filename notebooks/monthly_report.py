# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# Parameters (papermill can override them): a folder with your own seven tables,
# the month to look at, and the language of labels ("en", "ko", "ja", "zh-Hant").
data_dir = None
month = None  # "YYYY-MM"; None: the latest complete month of the data
lang = "en"

# %%
# The monthly customer-success report. `cskit report` runs this notebook with
# papermill and exports it to HTML with the code hidden.
# %matplotlib inline
import cskit
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cskit import report
from cskit import report_scope as scope
from cskit.plotting import churn_by_denominator, kpi_trend, mrr_trend, mrr_waterfall, nps_trend
from IPython.display import HTML, Markdown, display

cskit.set_language(lang)
# Whatever tables the folder holds (mrr derived from subscriptions when absent).
company = cskit.datasets.load_company(data_dir)
# No month given: the latest complete month (see cskit.report_scope); a month asked
# for is checked (a clear error for a bad one) and marked below when it is partial.
month = (scope.default_month(company) if month is None
         else report.check_month(company, month))

t = cskit.t
LEVEL = 0.95  # confidence level of intervals and significance tests
TREND_MONTHS = 24  # how far back the trend charts go
# targets.toml next to the data (optional): targets, directions, the KPI tree.
targets = report.load_targets(data_dir)
# labels.toml next to the data (optional): plan names for ids, the currency.
labels = scope.load_labels(data_dir)
currency = scope.currency(company, labels)
absent = scope.absent_lines(company)  # sections whose tables are missing
card = report.scorecard(company, month, level=LEVEL, targets=targets)
# KPIs drawn by a dedicated chart below; the others get a trend line per area.
DRAWN = {"mrr", "net_new_mrr", "customers", "churn", "revenue_churn",
         "net_revenue_churn", "nps"}


def area_heading(area, text=''):
    text = '\n\n'.join(x for x in (text, absent.get(area, '')) if x)
    display(Markdown(f"## {t('report.area.' + area)}" + (f'\n\n{text}' if text else '')))


def area_trends(area):
    """One small trend chart (with its target) per KPI of the area not drawn otherwise."""
    kpis = [k for k in card.index if card.loc[k, 'area'] == area and k not in DRAWN]
    if not kpis:
        return
    history = report.kpi_history(company, month, kpis, months=TREND_MONTHS, level=LEVEL)
    columns = min(3, len(kpis))
    rows = -(-len(kpis) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.4 * columns, 3.3 * rows),
                             squeeze=False)
    for ax, kpi in zip(axes.flat, kpis, strict=False):
        kpi_trend(history[kpi], unit=card.loc[kpi, 'unit'], target=card.loc[kpi, 'target'],
                  title=card.loc[kpi, 'label'], ax=ax)
    for ax in list(axes.flat)[len(kpis):]:
        ax.set_visible(False)
    fig.tight_layout()
    display(Markdown(t('report.area.kpis', months=TREND_MONTHS)))
    plt.show()


# %%
months = company.mrr["month"]
display(Markdown(
    f"# {t('report.title', month=month)}\n\n"
    + t("report.subtitle", months=months.nunique(), first=months.min(),
        last=months.max(), previous=month - 1)
    + "".join(f" {x}" for x in (
        t("report.scope.as_of", as_of=f"{scope.company_as_of(company):%Y-%m-%d}",
          complete=scope.default_month(company))
        if scope.company_as_of(company) is not None else "",
        t("report.scope.currency", currency=currency) if currency else "") if x)
))
if scope.partial_note(company, month):
    display(Markdown(scope.partial_note(company, month)))

# %%
# The one-page summary: what moved most, targets, the scorecard.
moves = report.summary_top_moves(card, n=3)
display(Markdown(
    f"## {t('report.summary')}\n\n"
    + (t("report.summary.moves") + "\n\n" + "\n".join(f"1. {s}" for s in moves)
       if moves else t("report.no_moves"))
    + "\n\n" + report.summary_targets(card)
))
display(Markdown(f"### {t('report.scorecard')}"))
display(HTML(report.scorecard_html(card)),
        metadata={"cskit": {"scorecard": report.scorecard_records(card)}})
footnote = t("report.footnote", level=LEVEL, previous=month - 1)
if len(targets):
    footnote += " " + t("report.footnote.targets", file="targets.toml")
# KPIs left out for a missing column: one note each, never the whole report.
notes = scope.column_notes(company, report.KPIS)
# Figures of the month that may still change (tickets still open, a partial month).
notes += report.incomplete_notes(company, month)
display(Markdown("\n\n".join([footnote, *notes])))

# %%
display(HTML('<div class="cskit-page-break"></div>'))
movements = company.mrr.cs.mrr_movements()
area_heading("revenue", report.summary_movements(movements, month))
mrr_waterfall(movements, month=month)
plt.show()
segment = "plan" if "plan" in company.mrr.columns else None
plans = scope.apply_labels(company.mrr, labels)  # plan names, not price ids
mrr_trend(report.last_months(plans.cs.mrr(period="M", by=segment), month,
                             TREND_MONTHS))
plt.show()
area_trends("revenue")

# %%
churn = {d: company.mrr.cs.churn(period="M", denominator=d)
         for d in ("start", "average", "start_plus_new")}
area_heading("retention", report.summary_churn(churn["start"], month))
churn_by_denominator({d: report.last_months(r, month, TREND_MONTHS)
                      for d, r in churn.items()})
plt.show()
area_trends("retention")

# %%
surveys = getattr(company, "surveys", None)
if surveys is not None and "survey" in surveys.columns and not (
        surveys["survey"] == "nps").any():
    area_heading("voice")  # CSAT / CES answers only: their trends, no NPS chart
    area_trends("voice")
elif surveys is not None:
    nps = company.surveys.cs.nps(period="M", confidence=LEVEL)
    area_heading("voice", report.summary_nps(nps, month, level=LEVEL))
    nps_trend(report.last_months(nps, month, TREND_MONTHS))
    plt.show()
    area_trends("voice")
    if "comment" in company.surveys.columns:
        # Customer-written text: escaped by comments_html (a <script> shows as text).
        display(Markdown(f"### {t('report.comments', month=month)}"))
        comments = report.customer_comments(company.surveys, month)
        display(HTML(report.comments_html(comments)))
else:
    area_heading("voice")  # says which table would add this section

# %%
# Every other area with KPIs in the scorecard (usage, support, health, ...), or the
# line saying which table would add it.
for area in report.AREAS:
    if area not in ("revenue", "retention", "voice") and (card["area"] == area).any():
        area_heading(area)
        area_trends(area)
    elif area in absent and area != "voice":
        area_heading(area)

# %%
# Customer health: how the score was checked, each band's share, and the paying
# accounts whose band fell to red this month (most MRR at risk first, with reasons).
# A health.json next to the data (cskit.health.calibrate(...).save) fixes the score.
if all(hasattr(company, name) for name in ("events", "accounts", "tickets", "surveys")):
    area_heading("health")
    health_fit = report.load_health(data_dir)
    check = report.health_check(company, month, health_fit)
    display(Markdown("\n\n".join(report.health_check_text(check, month))))
    red = report.moved_to_red(company, month, health_fit)
    if len(red):
        display(Markdown(t("report.health.moved", n=len(red), month=month)))
        columns = [c for c in ("account_id", "name", "segment", "mrr", "previous_score",
                               "score", "change", "reasons") if c in red.columns]
        shown = red.head(10)[columns].round({"mrr": 0, "previous_score": 1, "score": 1,
                                             "change": 1})
        names = {c: t("report.health." + ("account" if c == "account_id" else c))
                 for c in columns}
        display(shown.rename(columns=names).set_index(names["account_id"]))
    else:
        display(Markdown(t("report.health.none", month=month)))
