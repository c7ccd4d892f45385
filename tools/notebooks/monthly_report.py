"""Generator of notebooks/monthly_report.ipynb, the notebook `cskit report` runs.

Every heading and sentence a reader sees comes from ``cskit.t`` (shown with
IPython's ``Markdown``), so ``lang="ko"`` gives a Korean report: the notebook
therefore has no Markdown cells (those cannot be translated, and the HTML
export hides code but keeps Markdown). Outputs are static: tables, sentences
and inline matplotlib figures.
"""

from _nb import SETUP, code, parameters

NAME = "monthly_report"

_SETUP = SETUP.replace(
    'month = pd.Period(month, freq="M")',
    "month = report.check_month(company, month)  # a clear error for a bad or missing month",
)
assert _SETUP != SETUP, "SETUP changed: update the monthly report's setup cell"

CELLS = [
    parameters(),
    code(
        "# The monthly customer-success report. `cskit report` runs this notebook with\n"
        "# papermill and exports it to HTML with the code hidden.\n"
        "from IPython.display import Markdown, display\n\n"
        "from cskit import report\n"
        "from cskit.plotting import churn_by_denominator, mrr_trend, mrr_waterfall, nps_trend\n"
        + _SETUP
        + "\n\nt = cskit.t\n"
        "TREND_MONTHS = 24  # how far back the trend charts go"
    ),
    code(
        """
        months = company.mrr["month"]
        display(Markdown(
            f"# {t('report.title', month=month)}\\n\\n"
            + t("report.subtitle", months=months.nunique(), first=months.min(),
                last=months.max(), previous=month - 1)
        ))
        """
    ),
    code(
        """
        card = report.scorecard(company, month)
        display(Markdown(f"## {t('report.scorecard')}"))
        display(report.format_scorecard(card))
        display(Markdown(t("report.footnote", level=0.95, previous=month - 1)))
        """
    ),
    code(
        """
        moves = company.mrr.cs.mrr_movements()
        display(Markdown(f"## {t('report.section.movements')}\\n\\n"
                         + report.summary_movements(moves, month)))
        mrr_waterfall(moves, month=month)
        plt.show()
        """
    ),
    code(
        """
        segment = "plan" if "plan" in company.mrr.columns else None
        totals = company.mrr.cs.mrr(period="M", by=segment)
        display(Markdown(f"## {t('report.section.mrr_trend')}"))
        mrr_trend(report.last_months(totals, month, TREND_MONTHS))
        plt.show()
        """
    ),
    code(
        """
        churn = {d: company.mrr.cs.churn(period="M", denominator=d)
                 for d in ("start", "average", "start_plus_new")}
        display(Markdown(f"## {t('report.section.churn_trend')}\\n\\n"
                         + report.summary_churn(churn["start"], month)))
        churn_by_denominator({d: report.last_months(r, month, TREND_MONTHS)
                              for d, r in churn.items()})
        plt.show()
        """
    ),
    code(
        """
        nps = company.surveys.cs.nps(period="M", level=0.95)
        display(Markdown(f"## {t('report.section.nps_trend')}\\n\\n"
                         + report.summary_nps(nps, month, level=0.95)))
        nps_trend(report.last_months(nps, month, TREND_MONTHS))
        plt.show()
        """
    ),
]
