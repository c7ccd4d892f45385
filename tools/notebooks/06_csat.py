"""Generator of notebooks/06_csat.ipynb: customer satisfaction (CSAT) with intervals."""

from _nb import code, md, parameters, setup

NAME = "06_csat"

CELLS = [
    md(
        """
        # Customer satisfaction (CSAT)

        **CSAT** asks right after an interaction — a resolved ticket, an onboarding call —
        *"How satisfied were you?"*, usually on a 1–5 scale from *very dissatisfied* to *very
        satisfied* (고객 만족도 in Korean, 顧客満足度 in Japanese, 顧客滿意度 in Chinese).
        Where NPS measures the relationship, CSAT measures a **moment**: it reacts within days
        to a slow support queue or a broken release, which makes it a good short-term KPI.

        The source articles define it as **satisfied answers (4 or 5) ÷ all answers × 100** —
        the *top-2-box* share. cskit returns it as a fraction (0.80 = 80 %) with a confidence
        interval, offers the mean score as an alternative, and lets you set the scale and the
        satisfied band for 1–7 or 1–10 surveys.
        """
    ),
    parameters(),
    code(setup('surveys')),
    md(
        """
        ## The formula

        $$\\text{CSAT} = \\frac{\\text{answers in the satisfied band (default 4–5)}}
        {\\text{all answers}}$$

        | option | default | meaning |
        |---|---|---|
        | `scale=` | `(1, 5)` | lowest and highest possible answer; anything outside is bad input |
        | `satisfied=` | `(4, 5)` | the band counted as satisfied (e.g. `(6, 7)` on a 1–7 scale) |
        | `stat=` | `"top_box"` | or `"mean"`: the mean score — a different number, not comparable |

        **Interval.** A share from *n* answers gets a **Wilson score interval**: unlike the
        textbook p ± 1.96·√(p(1−p)/n) it never leaves 0–100 % and keeps its 95 % promise for
        small *n* and for shares near 100 %. The mean gets a *t* interval,
        mean ± t(n−1)·s/√n. Months with fewer than 30 answers are flagged `small_sample`.

        A small example: 10 answers 5, 5, 5, 4, 4, 4, 4, 4, 3, 1 → 8 satisfied → CSAT 0.80,
        95 % Wilson interval 0.49 to 0.94. Ten answers say little.
        """
    ),
    code(
        """
        ten = pd.DataFrame({"score": [5, 5, 5, 4, 4, 4, 4, 4, 3, 1]})
        ten.cs.csat(by=None, small_n=0, period=None), ten.assign(all="all").cs.csat(by="all", period=None).round(3)
        """
    ),
    md(
        """
        ## CSAT of this data

        Monthly CSAT with its interval:
        """
    ),
    code(
        """
        surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
        monthly = surveys.cs.csat(period="M")
        n_csat = (surveys["survey"] == "csat").sum()
        if company.tickets is not None:
            resolved = company.tickets["resolved_at"].notna().sum()
            print(f"In this data: {n_csat:,} CSAT answers for {resolved:,} resolved tickets "
                  f"({n_csat / max(resolved, 1):.0%}).")
        monthly.tail(6).round(3)
        """
    ),
    md(
        """
        ## The same number by hand

        Plain pandas: keep the CSAT answers, flag 4 and 5, take the mean of the flag per month;
        the Wilson interval from its formula.
        """
    ),
    code(
        """
        csat_rows = surveys[surveys["survey"] == "csat"]
        flag = (csat_rows["score"] >= 4).groupby(csat_rows["submitted_at"].dt.to_period("M"))
        k, n = flag.sum(), flag.size()
        share = k / n
        z = 1.959963984540054  # the 97.5 % point of the normal distribution
        centre = (share + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * np.sqrt(share * (1 - share) / n + z**2 / (4 * n**2))

        assert np.allclose(monthly["csat"], share)
        assert np.allclose(monthly["ci_low"], centre - half)
        assert np.allclose(monthly["ci_high"], centre + half)
        print(f"{month}: CSAT {share[month]:.1%} ({k[month]} of {n[month]}), "
              f"95 % interval {centre[month] - half[month]:.1%} to {centre[month] + half[month]:.1%}")
        """
    ),
    md("## The trend"),
    code(
        """
        from cskit.plotting import survey_trend

        ax = survey_trend(monthly)
        plt.show()
        low = monthly["csat"].idxmin()
        print(f"Lowest month in this data: {low} ({monthly.loc[low, 'csat']:.1%}, "
              f"{int(monthly.loc[low, 'n'])} answers); months under 30 answers: "
              f"{int(monthly['small_sample'].sum())}.")
        """
    ),
    md(
        """
        When CSAT sinks for several months, look for a cause — slower first responses (see
        the response-time notebook), a release, a staffing gap: that is what CSAT is meant to
        reveal. Hollow dots are small samples.

        ## Top box or mean?

        The mean uses every step of the scale (a move from 1 to 3 shows), the top-box share
        only the line between 3 and 4. Report one, say which, and never compare one with the
        other. Both for the last months:
        """
    ),
    code(
        """
        means = surveys.cs.csat(period="M", stat="mean")
        pd.DataFrame({"top-2-box": monthly["csat"], "mean score (1-5)": means["csat"],
                      "mean: 95 % low": means["ci_low"], "mean: 95 % high": means["ci_high"]}
                     ).tail(4).round(3)
        """
    ),
    md(
        """
        ## Was last month's change real?
        """
    ),
    code(
        """
        change = surveys.cs.compare(month - 1, month, kpi="csat")
        change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
                "p_value", "significant"]].round(3)
        """
    ),
    md(
        """
        The interval of a difference of two shares is Newcombe's, built from the two Wilson
        intervals; the p-value comes from the two-proportion z test. A monthly report should mark
        the change only when `significant` is True.

        ## Common mistakes

        * **Mixing scales**: a 1–7 survey read with the 1–5 band counts 4 and 5 as satisfied and
          6, 7 as outside the scale. cskit rejects answers outside `scale` instead of guessing.
        * **Comparing top-box with mean**, or one team's top-2-box with another's top-1-box.
        * **Averaging monthly CSAT** for a quarter instead of pooling the quarter's answers.
        * **Surveying only happy paths**: CSAT after resolved tickets says nothing about the
          tickets still open; read it next to response times and FCR.
        * **Ignoring n**: a team with 6 answers at 100 % is not better than one with 300 at 85 %.

        ## Exercises
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {1: 7 / 10, 2: 0.0, 3: float(surveys.cs.csat(period="Q").iloc[-1]["csat"])}

        def check(number, answer):
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - _ANSWERS[number]) <= 5e-4
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}.")
        """
    ),
    md(
        """
        1. A 1–7 survey with answers 7, 7, 6, 6, 6, 6, 6, 5, 3, 1 and the band 6–7. CSAT?
        2. What is the lower end of the Wilson interval when 0 of 5 answers are satisfied?
        3. The latest quarter's CSAT of this data (pooled answers)?

        <details><summary>Hints</summary>

        1. `csat(scale=(1, 7), satisfied=(6, 7), period=None)`. 2. Wilson never goes below 0.
        3. `surveys.cs.csat(period="Q")`.
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

CELLS = _before_exercises(CELLS, _read_it('csat'))
