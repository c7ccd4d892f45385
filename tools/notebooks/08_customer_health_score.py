"""Generator of notebooks/08_customer_health_score.ipynb: customer health score, backtested.

What a health score is, the weighted formula with bands and grades (the
catalogue's 76 by hand), the six signals on the data, the default
score, the backtest against later churn (checked by hand in plain pandas),
which components predict churn and which do not (and why breadth points the
wrong way), a revised score validated on later months, the accounts that
moved to red, the source articles' gaps, common mistakes and exercises.
"""

from _nb import code, md, parameters, setup

NAME = "08_customer_health_score"

CELLS = [
    md(
        """
        # Customer health score — and whether it predicts churn

        A **customer health score** (고객 건강 점수 / 헬스 스코어, ヘルススコア, 客戶健康分數)
        scores each account by how likely it is to grow, renew or churn, so a CS team knows
        where to spend its time before it is too late. The 16-KPI article names the usual
        inputs — **frequency** (how often the product is used), **breadth** (how many of the
        account's people use it), **depth** (how many key features are used) — plus
        **growth**; CS platforms add NPS answers, support load and more, combine them as a
        weighted average on 0–100 and colour the result red, yellow or green.

        Anyone can build such a score; the hard part is knowing whether it works. The
        KPI-setting article insists that a KPI be **checked regularly against what actually
        happened** and replaced when it does not reflect reality. This notebook builds the
        score and then does exactly that: it checks the score of each month against the
        churn of the months *after* it.
        """
    ),
    parameters(),
    code(setup('mrr', 'accounts', 'events', 'surveys', 'tickets')),
    md(
        """
        ## The formula

        Each signal *i* of an account is first turned into a **component score** xᵢ on 0–100
        (`cskit.health.Component`):

        * `method="linear"`: a value `low` scores 0, `high` scores 100, straight line between
          (reversed when fewer is better, e.g. tickets);
        * `method="percentile"`: the account's rank among the accounts of the same month
          (and segment, with `by=`), 0 = lowest, 100 = highest;
        * `method="grade"`: **good / average / poor** by two thresholds, scored 100 / 60 / 0 by
          default (the `grades=` points are a parameter).

        Then

        $$\\text{score} = \\frac{\\sum_i w_i x_i}{\\sum_i w_i}$$

        over the components the account has (a missing NPS answer is left out, not counted as
        0, unless `missing=0`), and the **bands**: 0–50 red, 51–75 yellow, 76–100 green by
        default (`band_edges=`; `GRADE_BANDS` labels them poor / average / good).

        ## A small example by hand

        The catalogue's worked example grades ten metrics: five good (100), three average (60)
        and two poor — scored **40** in that example (the grading convention of CS platforms
        gives poor 0; the points are a choice, so cskit makes them a parameter):

        (5 × 100 + 3 × 60 + 2 × 40) ÷ 10 = 760 ÷ 10 = **76** → green (76–100).

        With poor = 0 the same grades give 680 ÷ 10 = **68** → yellow. Same account, another
        colour: write the points down with the score.
        """
    ),
    code(
        """
        from cskit.health import (GRADE_BANDS, Component, backtest, band_changes, bands,
                                  health_inputs, health_score, weighted_score)

        grades = pd.DataFrame([[100.0] * 5 + [60.0] * 3 + [40.0] * 2])
        assert weighted_score(grades).iloc[0] == 76.0
        poor_zero = grades.replace(40.0, 0.0)
        assert weighted_score(poor_zero).iloc[0] == 68.0
        scores = pd.Series([76.0, 68.0], index=["poor = 40", "poor = 0"])
        pd.DataFrame({"score": scores, "band": bands(scores), "grade": bands(scores, GRADE_BANDS)})
        """
    ),
    md(
        """
        ## The signals on this data

        `health_inputs` builds one row per **paying** account and month with six raw signals,
        each from data up to the end of that month only:

        | signal | what | component (default) |
        |---|---|---|
        | `frequency` | active days in the month | linear 0 → 20 days, weight 2 |
        | `breadth` | active users ÷ seats | linear 0 → 80 %, weight 2 |
        | `depth` | share of the key features used | linear 0 → 100 %, weight 1 |
        | `mrr_growth` | MRR vs three months earlier | linear −30 % → +30 %, weight 1 |
        | `nps` | mean NPS answer of the last six months | grade: ≥ 9 good, ≥ 7 average |
        | `tickets` | tickets opened in the last three months | linear 0 → 6, fewer is better |

        These defaults are the kind of score a team writes down on day one: usage counts
        double, the rest once. The **key features** are event names; below, every event of
        this data except the two most frequent ones (the entry events everyone fires, such as
        a login) — replace `KEY` with the features that matter in your product.
        """
    ),
    code(
        """
        KEY = company.events["event"].value_counts().index[2:].tolist()
        print("key features:", KEY)
        inputs = health_inputs(company.events, company.accounts, company.mrr,
                               surveys=company.surveys, tickets=company.tickets,
                               key_features=KEY, end=month)
        segment = company.accounts.set_index("account_id")["segment"]
        inputs["segment"] = inputs["account_id"].map(segment)
        numeric = ["mrr", "mrr_growth", "frequency", "breadth", "depth", "nps", "tickets"]
        inputs[inputs["month"] == month].head().round(dict.fromkeys(numeric, 3))
        """
    ),
    code(
        """
        from cskit.plotting import band_mix, churn_by_band, component_auc, lift_chart

        scored = health_score(inputs)
        this_month = scored[scored["month"] == month]
        print(this_month["band"].value_counts().sort_index().to_string())
        fig, ax = plt.subplots(figsize=(8, 3.5))
        _ = band_mix(scored, ax=ax)
        share = scored["band"].value_counts(normalize=True)
        print("Share of account-months by band in this data: "
              + ", ".join(f"{b} {share.get(b, 0):.0%}" for b in ("red", "yellow", "green")))
        """
    ),
    md(
        """
        If most accounts sit in one band month after month, the thresholds do not fit the
        base — but the real question is whether red accounts churn more.

        ## The check: does the score predict churn?

        `backtest(scores, mrr, horizon=3)` labels every scored account-month *m* with whether
        the account churned (its first month without MRR) in **m+1 … m+3**. The score uses
        nothing after *m* and the label nothing before *m+1*, so no outcome leaks into the
        score. Months whose three-month outcome is not known yet (the last three) are left out.

        It reports the **AUC** — the chance that a randomly chosen churner scored *lower* than
        a randomly chosen account that stayed: 0.5 is a coin toss, 1.0 a perfect ranking —
        the churn rate **by band**, and a **lift table** by score decile.
        """
    ),
    code(
        """
        bt = backtest(scored, company.mrr, horizon=3)
        print(bt, f"– {bt.n:,} account-months, {bt.churned:,} churned within 3 months "
              f"({bt.churn_rate:.1%})")
        bt.by_band.round(3)
        """
    ),
    md(
        """
        The same by hand, in plain pandas: the label from the MRR table (churned ⇔ one of the
        next three months has no MRR) and the AUC by counting pairs.
        """
    ),
    code(
        """
        paying = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
        paying = set(paying[paying > 0].index)
        last = company.mrr["month"].max()
        rows = scored[scored["month"] <= last - 3].copy()
        rows["churned"] = [any((a, m + k) not in paying for k in (1, 2, 3))
                           for a, m in zip(rows["account_id"], rows["month"])]
        assert rows["churned"].sum() == bt.churned and len(rows) == bt.n
        churners = rows.loc[rows["churned"], "score"].to_numpy()[:, None]
        stayers = rows.loc[~rows["churned"], "score"].to_numpy()[None, :]
        pairs = (churners < stayers).sum() + 0.5 * (churners == stayers).sum()
        auc_by_hand = pairs / (churners.size * stayers.size)
        assert abs(auc_by_hand - bt.auc) < 1e-12
        by_band = rows.groupby("band", observed=True)["churned"].mean()
        assert np.allclose(by_band.to_numpy(), bt.by_band["churn_rate"].to_numpy())
        print(f"AUC by counting {churners.size:,} × {stayers.size:,} pairs: {auc_by_hand:.3f}")
        """
    ),
    code(
        """
        fig, axes = plt.subplots(1, 2, figsize=(11, 4))
        churn_by_band(bt, ax=axes[0])
        lift_chart(bt, ax=axes[1])
        fig.tight_layout()
        rate = bt.by_band["churn_rate"]
        print("Churn within 3 months by band: "
              + ", ".join(f"{b} {r:.1%}" for b, r in rate.items())
              + f"; AUC {bt.auc:.2f} (0.5 = no better than chance, 0.7+ = useful).")
        """
    ),
    md(
        """
        A score works when red churns clearly more than yellow, and yellow more than green,
        with an AUC well above 0.5. Before changing thresholds, look at the parts.

        ## Which components predict churn, and which do not

        The same check for each component on its own:
        """
    ),
    code(
        """
        fig, ax = plt.subplots(figsize=(8, 4))
        component_auc(bt, ax=ax)
        verdict = pd.cut(bt.components["auc"], [0, 0.45, 0.55, 1],
                         labels=["points the wrong way", "no signal", "predicts churn"])
        for name, v in verdict.items():
            print(f"{name}: AUC {bt.components.loc[name, 'auc']:.2f} — {v}")
        bt.components.round(3)
        """
    ),
    md(
        """
        How to read it: a component with an AUC near 0.5 only adds noise to the score (e.g.
        MRR growth, when accounts leave at full price instead of shrinking first); one below
        0.5 points the wrong way. Both are often the **segment mix**: small accounts churn
        most; with one to three seats their breadth is high as soon as anyone logs in, and
        they open few tickets because they have few people. Within each segment the picture
        can change:
        """
    ),
    code(
        """
        from cskit.health import churn_labels, auc

        labels = churn_labels(company.mrr, horizon=3)
        raw = inputs.merge(labels, on=["account_id", "month"])
        signals = {"frequency": 1, "breadth": 1, "depth": 1, "mrr_growth": 1, "nps": 1,
                   "tickets": -1}  # -1: fewer is healthier
        within = pd.DataFrame({
            seg: {name: auc(sign * part[name], part["churned"]) for name, sign in signals.items()}
            for seg, part in raw.groupby("segment")
        })
        within["all accounts"] = [auc(sign * raw[name], raw["churned"])
                                  for name, sign in signals.items()]
        gain = within.drop(columns="all accounts").mean(axis=1) - within["all accounts"]
        print("AUC within segments (mean) minus company-wide: "
              + ", ".join(f"{k} {v:+.2f}" for k, v in gain.items()))
        within.round(3)
        """
    ),
    md(
        """
        A signal that is stronger within segments than company-wide was hidden by the mix —
        e.g. tickets, when large accounts open more tickets *and* churn less. A raw ticket
        count compares a 400-seat account with a one-seat one; ranking accounts **within
        their segment** compares like with like.

        ## A better score, checked on months it was not built on

        Changes of the kind such checks motivate: rank frequency, depth and tickets within
        month and segment (`method="percentile"`, `by="segment"`), give tickets more weight,
        keep NPS graded, and set breadth and MRR growth to weight 0 (kept in the table, not
        in the score). Adapt them to what the checks above show on your data. To avoid
        fooling ourselves, the changes are judged on the later half of the backtested months
        separately from the earlier half (where we looked).
        """
    ),
    code(
        """
        revised_parts = [
            Component("frequency", weight=2, method="percentile"),
            Component("breadth", weight=0, method="percentile"),
            Component("depth", weight=1, method="percentile"),
            Component("mrr_growth", weight=0, method="percentile"),
            Component("nps", weight=1, method="grade", good=9, average=7),
            Component("tickets", weight=2, method="percentile", higher_is_better=False),
        ]
        revised = health_score(inputs, components=revised_parts, by="segment")
        bt2 = backtest(revised, company.mrr, horizon=3, by="segment")
        tested = np.sort(bt.rows["month"].unique())
        split = tested[(len(tested) - 1) // 2]  # last month of the earlier half

        def auc_of(result, later: bool) -> float:
            r = result.rows[(result.rows["month"] > split) == later]
            return auc(r["score"], r["churned"])

        pd.DataFrame({
            f"AUC, months up to {split}": [auc_of(bt, False), auc_of(bt2, False)],
            "AUC, later months": [auc_of(bt, True), auc_of(bt2, True)],
            "green share": [(scored["band"] == "green").mean(), (revised["band"] == "green").mean()],
        }, index=["default score", "revised score"]).round(3)
        """
    ),
    code(
        """
        default_by_segment = backtest(scored.assign(segment=scored["account_id"].map(segment)),
                                      company.mrr, horizon=3, by="segment").by_group["auc"]
        print(pd.DataFrame({"default AUC": default_by_segment, "revised AUC": bt2.by_group["auc"],
                            "churn rate": bt2.by_group["churn_rate"]}).round(3).to_string())
        print()
        print(bt2.by_band.round(3).to_string())
        fig, axes = plt.subplots(1, 2, figsize=(11, 4))
        churn_by_band(bt2, ax=axes[0])
        lift_chart(bt2, ax=axes[1])
        fig.tight_layout()
        better = auc_of(bt2, True) > auc_of(bt, True)
        rates = bt2.by_band["churn_rate"]
        print(f"On the later months the revised score is {'better' if better else 'not better'} "
              f"(AUC {auc_of(bt2, True):.2f} against {auc_of(bt, True):.2f}); red accounts "
              f"churn {rates.get('red', np.nan) / rates.get('green', np.nan):.1f}× as often "
              "as green ones.")
        """
    ),
    md(
        """
        Judge the revision on the later months only: if it is not better there, it fitted
        noise. Even a good score is far from perfect — usage and NPS do not see every reason
        to leave — and it must be re-checked as the product and the customers change: that is
        the loop the KPI-setting article asks for.

        ## This month: accounts that moved to red

        What a CSM acts on: accounts whose band fell to red this month. Percentile components
        move when *other* accounts move, so each month many accounts cross the 50-point line
        by a few points; the ones that fell far (10 points or more) are the calls to make
        first, the largest accounts first.
        """
    ),
    code(
        """
        moved = band_changes(revised, month, to="red")
        mrr_now = inputs.loc[inputs["month"] == month].set_index("account_id")["mrr"]
        moved["mrr"] = moved["account_id"].map(mrr_now)
        moved["segment"] = moved["account_id"].map(segment)
        fell_far = moved[moved["change"] <= -10]
        print(f"{len(moved)} accounts moved to red in {month} ({moved['mrr'].sum():,.0f} of MRR); "
              f"{len(fell_far)} of them fell by 10 points or more")
        fell_far.sort_values("mrr", ascending=False).head(10).round(1).reset_index(drop=True)
        """
    ),
    md(
        """
        ## Where the source articles fall short

        * **Inputs without a method.** The 16-KPI article lists frequency, breadth, depth and
          growth and stops: no scale, no weights, no bands, no way to tell whether the result
          means anything. cskit's answer: explicit components, weights and bands, and a
          backtest.
        * **"Frequency" described as time spent.** The article's frequency ("how much time
          users spend in the product") is a duration; frequency is how *often* (active days).
          They are different signals (notebooks 14 and 15).
        * **Growth as an input, untested.** MRR growth can carry no signal at all (check its
          AUC above); the article's list is a starting point to check, not a recipe.
        * **The translation.** The Korean version calls the score *고객 상태 점수* ("customer
          status score"); practitioners say 고객 건강 점수 or 헬스 스코어.
        * **The catalogue's worked example uses poor = 40**, while the usual platform grading
          gives poor 0: both are conventions; the score is only comparable with the points
          stated.

        ## Common mistakes

        1. **Never checking the score.** A score that nobody backtests is an opinion with a
           colour. Run `backtest` when you build it and every quarter after.
        2. **Leakage.** Scoring a month with data from after it (a ticket opened during the
           cancellation, an NPS answer given on the way out), or counting churn in the
           scored month itself, makes any score look prophetic. Score with data up to the end
           of *m*; label with churn from *m+1*.
        3. **Comparing raw counts across account sizes.** Tickets and breadth mean different
           things for a one-seat and a 400-seat account; rank within segments.
        4. **Tuning and judging on the same months.** Choose weights on one stretch of time
           and check them on a later one.
        5. **Missing = 0.** An account that never answered NPS is not a detractor; leave the
           component out (the default) unless you decide otherwise.
        6. **Bands that do not separate.** If almost nobody is green, or red churns like
           yellow, the thresholds are wrong even when the ranking is fine.

        ## Exercises

        Run the checker cell first.
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {
            1: (3 * 100 + 1 * 60 + 2 * 0) / 6,
            2: float(bt.components.loc["depth", "auc"]),
            3: float(bt2.by_band.loc["red", "churn_rate"]),
            4: float(backtest(revised, company.mrr, horizon=1).auc),
        }

        def check(number: int, answer) -> None:
            expected = _ANSWERS[number]
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - expected) < 5e-4
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}.")
        """
    ),
    md(
        """
        **1.** Six metrics: three good, one average, two poor, with the default points
        (100 / 60 / 0). What is the score?
        """
    ),
    code(
        """
        answer_1 = None
        check(1, answer_1)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        (3 × 100 + 60 + 2 × 0) ÷ 6 = **60** — yellow.

        </details>
        """
    ),
    md("**2.** The AUC of the depth component in the default score's backtest."),
    code(
        """
        answer_2 = None
        check(2, answer_2)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `bt.components.loc["depth", "auc"]`.

        </details>
        """
    ),
    md("**3.** The churn rate (within 3 months) of red account-months under the revised score."),
    code(
        """
        answer_3 = None
        check(3, answer_3)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `bt2.by_band.loc["red", "churn_rate"]`.

        </details>
        """
    ),
    md(
        """
        **4.** Backtest the revised score with a one-month horizon. Is its AUC higher or
        lower than with three months, and why? Give the AUC.
        """
    ),
    code(
        """
        answer_4 = None
        check(4, answer_4)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `backtest(revised, company.mrr, horizon=1).auc` — higher: usage fades in the months
        just before a churn, so the score sees next month's churners better than those
        three months away.

        </details>
        """
    ),
]
