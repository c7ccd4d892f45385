"""Generator of notebooks/13_customer_effort_score.ipynb: CES, its two forms and inverted scales."""

from _nb import code, md, parameters, setup

NAME = "13_customer_effort_score"

CELLS = [
    md(
        """
        # Customer effort score (CES)

        **CES** asks how easy something was — *"The company made it easy to handle my
        issue"*, from 1 (strongly disagree) to 7 (strongly agree) — after onboarding, a support
        ticket or a self-service task (고객 노력 점수 in Korean, 顧客努力指標 in Japanese,
        顧客費力度 in Chinese). Effort predicts loyalty well: customers who had to fight to get
        something done leave, even when they ended up "satisfied".

        The source article's form: **CES = positive answers ÷ all answers**, positive meaning
        5, 6 or 7 on the 7-point agreement scale. Many tools report the **mean score** instead.
        Both are offered, labelled, and never mixed.
        """
    ),
    parameters(),
    code(setup('surveys', survey='ces')),
    md(
        """
        ## The formula and the switches

        $$\\text{CES}_{\\text{agree share}} = \\frac{\\#\\{\\text{answers } 5\\text{–}7\\}}{n}
        \\qquad \\text{CES}_{\\text{mean}} = \\frac{\\sum \\text{answers}}{n}$$

        | option | default | meaning |
        |---|---|---|
        | `stat=` | `"agree_share"` | or `"mean"` — not comparable with each other |
        | `scale=` / `agree=` | `(1, 7)` / `(5, 7)` | the scale and the "easy" band |
        | `inverted=` | `False` | `True` when **1 = very easy** (some tools ask "how much effort did it take?") |

        With `inverted=True` each answer *x* becomes 1 + 7 − *x* first, so that in every
        result higher means easier and the band 5–7 still means easy. Reading an inverted
        survey without the switch turns your best month into your worst:
        """
    ),
    code(
        """
        effort = pd.DataFrame({"score": [1, 1, 2, 2, 3, 6, 7]})  # a "1 = very easy" survey
        pd.Series({
            "read as agreement (wrong)": effort.cs.ces(small_n=0, period=None),
            "inverted=True (right)": effort.cs.ces(inverted=True, small_n=0, period=None),
        }).round(3)
        """
    ),
    md(
        """
        ## CES of this data

        CES is often asked after onboarding and after some tickets, so months have few
        answers. Quarterly:
        """
    ),
    code(
        """
        surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
        quarterly = surveys.cs.ces(period="Q")
        quarterly.tail(6).round(3)
        """
    ),
    md("## The same number by hand"),
    code(
        """
        ces_rows = surveys[surveys["survey"] == "ces"]
        quarter = ces_rows["submitted_at"].dt.to_period("Q")
        easy_share = ces_rows["score"].between(5, 7).groupby(quarter).mean()
        mean_score = ces_rows["score"].groupby(quarter).mean()
        assert np.allclose(quarterly["ces"], easy_share)
        assert np.allclose(surveys.cs.ces(period="Q", stat="mean")["ces"], mean_score)
        last = quarterly.index[-1]
        print(f"{last}: {easy_share[last]:.1%} found it easy (5-7); mean score {mean_score[last]:.2f}")
        """
    ),
    md("## The trend, with its interval"),
    code(
        """
        from cskit.plotting import survey_trend

        ax = survey_trend(quarterly)
        plt.show()
        """
    ),
    md(
        """
        ## Change from the previous quarter
        """
    ),
    code(
        """
        change = surveys.cs.compare(quarterly.index[-2], quarterly.index[-1], kpi="ces", period="Q")
        change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
                "p_value", "significant", "small_sample"]].round(3)
        """
    ),
    md(
        """
        ## Common mistakes

        * **An inverted scale read as agreement** (1 = very easy): use `inverted=True`.
        * **Comparing the agree share with a mean**, or with another tool's 1–5 CES.
        * **Pooling onboarding and support CES** when they answer different questions: keep
          them apart with `by=` on a column that says which touchpoint asked.
        * **Small samples**: CES is asked less often than CSAT; look at `small_sample` and the
          interval before acting on a move.

        ## Exercises
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {1: 3 / 6, 2: 5.0, 3: float(surveys.cs.ces(period="Y").iloc[-1]["ces"])}

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
        1. Answers 7, 5, 5, 4, 2, 1 on the usual 1–7 agreement scale: the agree share?
        2. On a "1 = very easy" survey someone answers 3. What is it after `inverted=True`?
        3. The agree share of the latest year in this data?

        <details><summary>Hints</summary>

        1. Count 5–7. 2. 1 + 7 − 3. 3. `surveys.cs.ces(period="Y")`.
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

CELLS = _before_exercises(CELLS, _read_it('ces'))
