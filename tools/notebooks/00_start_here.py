"""Generator of notebooks/00_start_here.ipynb: the start page and the training path.

Part 1 (issue 2) says what cskit is, loads the sample company, shows its
seven tables, ``df.cs.kpis()`` and a 30-second tour, and lists the other
notebooks. Part 2 (issue 6) walks a new CS hire through the explainers, each
followed by an exercise checked with ``cskit.training.check``.

Executed headless, every explainer shows a static figure and text of its
default state (see ``cskit/explain/_headless.py``), so the stored outputs are
the same on every run. The list of notebooks is taken from this folder when
the notebook is built.
"""

from pathlib import Path

from _nb import code, md, parameters, setup

NAME = "00_start_here"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def _notebook_list() -> str:
    names = {p.stem for p in HERE.glob("[0-9a-z]*.py") if p.stem not in {"build", NAME}}
    names |= {p.stem for p in (ROOT / "notebooks").glob("*.ipynb") if p.stem != NAME}
    numbered = sorted(n for n in names if n[:2].isdigit())
    others = sorted(n for n in names if not n[:2].isdigit())
    lines = [f"- [`{n}`]({n}.ipynb)" for n in numbered + others]
    return "\n".join(lines) if lines else "- (the KPI notebooks are being written)"


def _exercise(exercise_id: str, hint: str) -> list:
    return [
        code(
            f"""
            print(cskit.training.question("{exercise_id}"))
            answer = None  # ← your answer here, then run the cell
            cskit.training.check("{exercise_id}", answer)
            """
        ),
        md(f"<details><summary>Hint</summary>\n\n{hint}\n\n</details>"),
    ]


CELLS = [
    md(
        """
        # Start here

        **cskit** is a customer-success analytics toolkit for pandas. `import cskit` adds a
        `cs` accessor to every DataFrame: `mrr.cs.churn()`, `surveys.cs.nps()`,
        `mrr.cs.mrr_movements()` … compute the KPIs a CS team reports, each with the
        conventions the sources disagree on as explicit, documented parameters. Around the
        metrics: plots (`cskit.plotting`), explainers you can play with (`cskit.explain`),
        a glossary in four languages (`cskit.glossary()`) and one notebook per KPI.

        This notebook has two parts:

        1. **A start page**: the data (the sample company by default), its tables, which KPIs each table
           gives, and a 30-second tour.
        2. **A training path for a new CS hire**: the KPIs one by one through their
           explainers, each followed by an exercise that `cskit.training.check` marks.

        The first code cell holds the parameters (`lang` = `"en"`, `"ko"`, `"ja"` or
        `"zh-Hant"` switches every label, caption and the glossary).
        """
    ),
    parameters(),
    code(setup("mrr", "surveys", "tickets", "events") + "\nfrom IPython.display import display"),
    md(
        """
        ## The data

        By default, the **sample company**: a seeded simulation of a B2B subscription
        business with all seven tables of the data contract consistent with each other
        (events only while an account is active, tickets rising before churn, detractors
        churning more often, a price change, an add-on launch). Point `data_dir` at a folder
        with your own tables (`<table>.csv`, as `cskit.datasets.write_sample` writes them) to
        run this notebook on your own data; a table the notebook needs and the folder lacks
        is named in the first output.
        """
    ),
    code(
        """
        tables = {name: frame for name, frame in company.tables().items() if frame is not None}
        first, last = company.mrr["month"].min(), company.mrr["month"].max()
        print(f"{company.mrr['customer_id'].nunique():,} paying customers from {first} to {last}; "
              f"tables: {', '.join(tables)}.")
        overview = pd.DataFrame(
            {
                "rows": [len(frame) for frame in tables.values()],
                "columns": [", ".join(map(str, frame.columns)) for frame in tables.values()],
            },
            index=pd.Index(list(tables), name="table"),
        )
        overview
        """
    ),
    md(
        """
        ## Which KPIs does each table give?

        `df.cs.kpis()` lists the KPIs a frame's columns support (`df.cs.kpis(all=True)` also
        lists the others, with the columns they miss).
        """
    ),
    code(
        """
        pd.concat(
            {name: frame.cs.kpis()[["kpi", "method"]] for name, frame in tables.items()},
            names=["table", None],
        ).droplevel(1)
        """
    ),
    md(
        """
        ## A 30-second tour

        **MRR movements**: what changed recurring revenue each month. The reconciliation
        start + new + expansion − contraction − churn + reactivation = end holds exactly.
        """
    ),
    code(
        """
        moves = company.mrr.cs.mrr_movements()
        moves.tail(3).round(0)
        """
    ),
    code(
        """
        from cskit.plotting import mrr_waterfall

        ax = mrr_waterfall(moves, month=month)
        display(ax.figure)
        plt.close(ax.figure)
        """
    ),
    md(
        """
        **Churn**: customers lost each month, divided by the customers at the start of the
        month (the default denominator; the churn explainer below shows the other two).
        """
    ),
    code(
        """
        company.mrr.cs.churn(period="M").tail(3)[["start_customers", "churned", "churn"]]
        """
    ),
    md(
        """
        **NPS** per month, with its 95 % interval: with a hundred or so answers a month the
        interval is more than ±10 points wide, so most month-to-month moves are noise.
        """
    ),
    code(
        """
        recent = company.surveys.cs.nps(period="M").tail(6)
        half_width = (recent["ci_high"] - recent["ci_low"]).median() / 2
        print(f"In this data: a median of {recent['n'].median():.0f} answers a month, "
              f"interval about ±{half_width:.0f} points.")
        recent[["n", "nps", "ci_low", "ci_high"]].round(1)
        """
    ),
    md(
        f"""
        ## Where to go next

        One notebook per KPI (definition, formula, common mistakes — including the errors in
        the source articles —, the number on the data, the same number by hand in plain
        pandas, a plot and exercises), and the monthly report that `cskit report` runs:

        {_notebook_list()}

        The KPI catalogue is in the project's documentation; `cskit.glossary()` (at the end of
        this notebook) has every KPI's definition and formula.
        """
    ),
    md(
        """
        # Training path for a new CS hire

        Each KPI below comes with an **explainer**: the quantities behind the KPI as sliders,
        a figure, the formula with today's numbers in it, and one sentence on what moved.
        Opened in JupyterLab, the explainers are live widgets: move a slider and watch.
        Executed by a machine (papermill, nbconvert, CI) they show a static picture of their
        default state instead — as in the stored copy of this notebook.
        `cskit.explain.set_mode("widget")` forces the live version.

        After each explainer comes an exercise: replace `None` by your answer and run the cell.
        `cskit.training.check` says whether you are right, with a hint if not.
        Each explainer takes your own data too: `cskit.explain.churn(my_mrr_frame)`.
        """
    ),
    md(
        """
        ## 1. NPS — Net Promoter Score

        "How likely are you to recommend us?" on **0–10**. 9–10 are promoters, 7–8 passives,
        0–6 detractors; NPS = % promoters − % detractors, from −100 to 100.
        *Try*: set "Every detractor answers" to 0, then to 6 — the mean score jumps, NPS does
        not move. Halve the number of answers and watch the interval widen.
        """
    ),
    code("cskit.explain.nps(company.surveys, month=month)"),
    md("The same explainer with every detractor answering 6 (NPS is unchanged, the mean is not):"),
    code('cskit.explain.nps(company.surveys, month=month, detractor_answer=6)'),
    *_exercise("nps-1", "% promoters − % detractors: passives only dilute."),
    *_exercise("nps-2", "Which group does each answer belong to?"),
    md(
        """
        ## 2. Customer churn rate

        The same customers under three denominators: customers at the start (the default),
        the average of start and end, start + new. Two more conventions: do customers who
        join and churn in the same period count, and is a churn followed by a return before
        the period ends still a churn? A month can hold neither case, a quarter can.
        """
    ),
    code("cskit.explain.churn(company.mrr)"),
    *_exercise("churn-1", "This exercise is on the sample company whatever `data_dir` is: "
               "`cskit.datasets.load_sample().mrr.cs.churn(period=\"M\")`, row 2026-10."),
    *_exercise("churn-2", "Which base is the largest?"),
    md(
        """
        ## 3. MRR movements

        Build a month from its movements; the waterfall follows. A churned customer who comes
        back is **reactivation**, not new business.
        """
    ),
    code("cskit.explain.mrr_movements(company.mrr, month=month)"),
    *_exercise("mrr-1", "start + new + expansion − contraction − churn + reactivation."),
    md(
        """
        ## 4. NDR vs GRR

        Of the customers paying twelve months ago, what do they pay now? Expansion lifts net
        dollar retention (NDR, also NRR) but never gross revenue retention (GRR, at most
        100 %); new customers are in neither.
        """
    ),
    code("cskit.explain.retention(company.mrr, month=month)"),
    *_exercise("retention-1", "GRR leaves expansion out."),
    md(
        """
        ## 5. Customer lifetime value (LTV)

        LTV = ARPA × gross margin ÷ churn rate, all monthly. 1 ÷ churn is the expected
        lifetime, so LTV **explodes** as churn goes to 0 — and is undefined at 0.
        """
    ),
    code("cskit.explain.ltv(company.mrr, month=month)"),
    md("The same ARPA and margin with churn at 0.5 % a month:"),
    code("cskit.explain.ltv(company.mrr, month=month, churn=0.005)"),
    *_exercise("ltv-1", "ARPA ÷ monthly churn."),
    *_exercise("ltv-2", "LTV is proportional to 1 ÷ churn."),
    md(
        """
        ## 6. CSAT and CES: top-box share vs mean

        CSAT (1–5) usually reports the share answering 4–5; CES (1–7) the share answering
        5–7; either can report a mean. Moving middle answers to both ends keeps the mean and
        moves the share: the two summaries are not comparable.
        """
    ),
    code("cskit.explain.csat(company.surveys, month=month)"),
    code(
        """
        if (company.surveys["survey"] == "ces").any():
            display(cskit.explain.ces(company.surveys, month=month, polarise=5))
        else:
            print("No CES answers in this data: the CES explainer needs rows with survey='ces'.")
        """
    ),
    *_exercise("csat-1", "Count the 4s and 5s."),
    md(
        """
        ## 7. First contact resolution (FCR)

        The article asks what counts as a first contact, whether transfers count and whether
        dropped calls count. Each answer moves the rate: how many agent replies, reopened
        tickets, spam, and the denominator.
        """
    ),
    code("cskit.explain.fcr(company.tickets, month=month)"),
    *_exercise("fcr-1", "Take the reopened tickets out of the one-reply tickets."),
    md(
        """
        ## 8. DAU/MAU (stickiness)

        Define "active" first, then the window of MAU. A 7-day window makes the same use look
        twice as sticky as a 28-day one.
        """
    ),
    code("cskit.explain.stickiness(company.events, month=month)"),
    *_exercise("stickiness-1", "Mean DAU = 16 ÷ 7."),
    md(
        """
        ## 9. Health-score weights

        A health score is a weighted mean of component scores (0–100). The sliders start
        from a plausible day-one score that ranks churners worse than its best single
        component. Change the weights: the accounts most at risk change, and the backtest (AUC
        against churn in the following three months) shows whether the new weights separate
        churners better; the last line shows weights fitted on past months and judged on
        later ones.
        """
    ),
    code("cskit.explain.health(company, month=month)"),
    *_exercise("health-1", "Σ weight × score ÷ Σ weights."),
    md(
        """
        ## Glossary

        Every KPI with its definition and formula, in the language chosen with
        `cskit.set_language` (the `lang` parameter above).
        """
    ),
    code("cskit.glossary().iloc[:, :3]"),
    md("All the exercises of this path:"),
    code("cskit.training.exercises()"),
]
