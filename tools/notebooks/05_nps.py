"""Generator of notebooks/05_nps.ipynb: Net Promoter Score with honest uncertainty.

What NPS is, why a 0 and a 6 count the same, the catalogue's figures (60 % / 8 % -> 52;
SE about 4.1 points at 1/2, 1/3, 1/6 and n = 324), NPS per month with its interval,
Wald against adjusted Wald, the same numbers by hand with an ``assert``, the trend plot,
compare() of the last two months, common mistakes and exercises with a checker.
"""

from _nb import code, md, parameters, setup

NAME = "05_nps"

CELLS = [
    md(
        """
        # Net Promoter Score (NPS)

        **NPS** asks one question — *"How likely are you to recommend us to a friend or
        colleague?"* — on a scale from **0 to 10** (순추천지수 in Korean, ネット・プロモーター・スコア
        in Japanese, 淨推薦值 in Chinese). Answers fall in three groups:

        | answer | group |
        |---|---|
        | 9–10 | promoters |
        | 7–8 | passives |
        | 0–6 | detractors |

        and **NPS = % promoters − % detractors**, a number from −100 to +100.

        Why CS teams use it: it is cheap to ask, easy to trend, and in many companies
        detractors churn more often than promoters, so a falling NPS is an early
        warning. Why it needs care: NPS rests on a *sample* of customers, often a small one, so
        every NPS in cskit comes with a **confidence interval**, and a change from one month to
        the next is reported together with whether it is bigger than the noise.
        """
    ),
    parameters(),
    code(setup('surveys')),
    md(
        """
        ## The formula, and why a 0 and a 6 count the same

        NPS throws away the exact score inside each group: a 0 and a 6 are both one detractor,
        a 9 and a 10 both one promoter, and passives count only in the denominator. The
        question is designed as "would you actively recommend us, or actively warn people?";
        a 6 is not "almost satisfied", it is someone who would not recommend you. Two teams with
        very different average scores can therefore have the same NPS:
        """
    ),
    code(
        """
        team_a = pd.DataFrame({"score": [0, 0, 9, 9, 7]})   # two angry customers
        team_b = pd.DataFrame({"score": [6, 6, 10, 10, 8]})  # two lukewarm ones
        pd.DataFrame({
            "mean score": [team_a["score"].mean(), team_b["score"].mean()],
            "NPS": [team_a.cs.nps(period=None), team_b.cs.nps(period=None)],
        }, index=["team A", "team B"])
        """
    ),
    md(
        """
        Both have 2 promoters and 2 detractors out of 5: NPS = 40 % − 40 % = 0, while their mean
        scores are 5.0 and 8.0. If you need the nuance, look at the score distribution next to
        NPS — do not edit the bands.

        The **scale is 0–10**. The 16-KPI article says "1 to 10" and then groups 0–6 as
        detractors; that is a slip: with 1–10 the detractor band would start at 1, and
        answers of 0 would be impossible. cskit rejects scores outside 0–10 and scores that are
        not whole numbers (an *average* of scores cannot be put in a group).

        **Catalogue check (6-metrics article):** 60 % promoters and 8 % detractors give 52.
        """
    ),
    code(
        """
        # 50 answers: 30 promoters (60 %), 16 passives, 4 detractors (8 %)
        example = pd.DataFrame({"score": [10] * 20 + [9] * 10 + [8] * 16 + [3, 5, 6, 0]})
        example.cs.nps(period=None)
        """
    ),
    md(
        """
        ## How sure are we? The standard error of NPS

        Think of each answer as a draw of +1 (promoter), 0 (passive) or −1 (detractor). NPS is the
        mean of those draws (× 100). With shares *p* of promoters and *d* of detractors, the
        variance of one draw is

        $$\\operatorname{var} = p + d - (p - d)^2, \\qquad SE = \\sqrt{\\operatorname{var}/n}$$

        and a 95 % interval is NPS ± 1.96 × SE (the **Wald** interval). The catalogue's figure:
        ½ promoters, ⅓ passives, ⅙ detractors and n = 324 give NPS 33.3 with SE ≈ 4.1 points.
        """
    ),
    code(
        """
        p, d, n = 1 / 2, 1 / 6, 324
        se_by_hand = 100 * np.sqrt((p + d - (p - d) ** 2) / n)
        se, low, high = cskit.metrics.nps_interval(162, 54, 324)
        assert abs(float(se) - se_by_hand) < 1e-9
        print(f"NPS {100 * (p - d):.1f}, SE {se_by_hand:.2f} points, "
              f"95 % interval {float(low):.1f} to {float(high):.1f}")
        """
    ),
    md(
        """
        An interval of ±8 points from **324** answers: a month-to-month move of 5 points is well
        inside the noise. With 30 answers the interval is about three times wider.

        ## NPS of this data, month by month

        `surveys.cs.nps(period="M")` gives each month's counts, NPS, standard error and interval.
        """
    ),
    code(
        """
        surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
        monthly = surveys.cs.nps(period="M")
        monthly.tail(6).round(1)
        """
    ),
    md(
        """
        ## The same numbers by hand

        Plain pandas, no cskit: keep the NPS answers, put each score in its group, count per
        month, and apply the formula.
        """
    ),
    code(
        """
        answers = surveys[surveys["survey"] == "nps"]
        by_month = answers.groupby(answers["submitted_at"].dt.to_period("M"))["score"]
        share_p = by_month.apply(lambda s: (s >= 9).mean())
        share_d = by_month.apply(lambda s: (s <= 6).mean())
        n_month = by_month.size()
        nps_by_hand = 100 * (share_p - share_d)
        se_month = 100 * np.sqrt((share_p + share_d - (share_p - share_d) ** 2) / n_month)

        assert np.allclose(monthly["nps"].to_numpy(), nps_by_hand.to_numpy())
        assert np.allclose(monthly["se"].to_numpy(), se_month.to_numpy())
        from statistics import NormalDist

        z = NormalDist().inv_cdf(0.975)  # 1.96: a 95 % interval
        assert np.allclose(monthly["ci_low"], (nps_by_hand - z * se_month).clip(-100))
        print(f"{month}: NPS {nps_by_hand[month]:.1f} ± {z * se_month[month]:.1f} "
              f"from {n_month[month]} answers — cskit and plain pandas agree.")
        """
    ),
    md(
        """
        ## Wald against adjusted Wald

        The Wald interval misbehaves when *n* is small or when almost everyone is in one
        group: at 10 of 10 promoters its width is zero, as if we were certain. The **adjusted
        Wald** interval adds 3 answers — ¾ of a promoter, ¾ of a detractor and 1½ passives —
        before computing the interval; the NPS reported is still the raw score.
        """
    ),
    code(
        """
        for method in ("wald", "adjusted_wald"):
            se, low, high = cskit.metrics.nps_interval(10, 0, 10, interval=method)
            print(f"10 promoters of 10, {method:>13}: {float(low):6.1f} to {float(high):6.1f}")
        """
    ),
    md(
        """
        The two agree closely once a month has more than about 100 answers. On small
        months they differ: the adjusted interval is pulled
        towards 0 and is not always wider — what it improves is how often it contains the true
        NPS (its *coverage*) for small samples and lopsided months.
        """
    ),
    code(
        """
        adjusted = surveys.cs.nps(period="M", interval="adjusted_wald")
        side_by_side = pd.DataFrame({
            "n": monthly["n"],
            "NPS": monthly["nps"],
            "Wald width": monthly["ci_high"] - monthly["ci_low"],
            "adjusted Wald width": adjusted["ci_high"] - adjusted["ci_low"],
        })
        pd.concat([side_by_side.head(3), side_by_side.tail(3)]).round(1)
        """
    ),
    md(
        """
        In a notebook cell you would write `surveys.cs.nps(period="M", interval="adjusted_wald")`;
        below about 30 answers prefer it. (`tests/test_interval_coverage.py` checks by
        simulation that both cover the true NPS in 93–97 % of 2,000 samples where they should.)

        ## The trend, with its interval
        """
    ),
    code(
        """
        from cskit.plotting import nps_trend

        ax = nps_trend(monthly)
        plt.show()
        low = monthly["nps"].idxmin()
        print(f"In this data: {monthly['n'].iloc[0]:,} answers in {monthly.index[0]}, "
              f"{monthly['n'].iloc[-1]:,} in {monthly.index[-1]}; lowest NPS "
              f"{monthly.loc[low, 'nps']:.1f} in {low}.")
        """
    ),
    md(
        """
        Two things to look for: the band narrows when a month has more answers (a growing
        company), and a dip that stays outside the band of the months around it is worth
        a cause — support delays, an outage, a price change.

        ## Is this month's change real? `compare()`

        The standard error of a *difference* between two independent months is
        √(SE₁² + SE₂²). `surveys.cs.compare(a, b)` returns the change, its interval and a
        p-value, and flags months with fewer than 30 answers.
        """
    ),
    code(
        """
        change = surveys.cs.compare(month - 1, month, kpi="nps")
        change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
                "p_value", "significant", "small_sample"]].round(3)
        """
    ),
    code(
        """
        row = change.loc["nps"]
        verdict = "a real change" if row["significant"] else "within the noise"
        print(f"NPS went from {row['value_a']:.1f} to {row['value_b']:.1f} "
              f"({row['change']:+.1f} points, 95 % interval {row['change_low']:+.1f} to "
              f"{row['change_high']:+.1f}, p = {row['p_value']:.2f}): {verdict}.")
        """
    ),
    md(
        """
        ## Common mistakes

        * **Reading a one-month move as news.** Check the interval of the change (or its
          p-value) first; report only significant changes as changes.
        * **Using a 1–10 scale** (the 16-KPI article's slip) or averaging scores before grouping.
        * **Averaging monthly NPS values** to get a quarter: months with few answers then weigh
          as much as busy ones. Compute NPS on the quarter's answers (`period="Q"`).
        * **Reporting NPS without n.** "NPS 50" from 8 answers and from 800 answers are
          different statements.
        * **Comparing segments of very different sizes** without their intervals
          (`surveys.cs.nps(by="segment", period=None)` after merging `accounts`).

        ## Exercises

        Write your answer in place of `None` and run the cell. Run the checker cell first.
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {
            1: 100 * (45 - 15) / 100,
            2: 100 * np.sqrt((0.45 + 0.15 - 0.30 ** 2) / 100),
            3: float(surveys.cs.nps(period="Q").iloc[-1]["nps"]),
        }

        def check(number, answer):
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - _ANSWERS[number]) <= 0.05
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}.")
        """
    ),
    md(
        """
        1. 100 answers: 45 promoters, 40 passives, 15 detractors. What is the NPS?
        2. And its standard error in points? (Use the variance formula above.)
        3. What is the NPS of the latest quarter of this data (answers of the whole
           quarter, not an average of months)?

        <details><summary>Hints</summary>

        1. % promoters − % detractors. 2. var = p + d − (p − d)²; SE = √(var / n) × 100.
        3. `surveys.cs.nps(period="Q")`.
        </details>
        """
    ),
    code(
        """
        answer_1 = None
        answer_2 = None
        answer_3 = None
        for number, answer in enumerate([answer_1, answer_2, answer_3], start=1):
            check(number, answer)
        """
    ),
]

from _nb import before_exercises as _before_exercises  # noqa: E402
from _nb import read_it as _read_it  # noqa: E402

CELLS = _before_exercises(CELLS, _read_it('nps'))
