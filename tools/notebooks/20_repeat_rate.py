"""Generator of notebooks/20_repeat_rate.ipynb: repeat (continuation) rate and returning customers.

What the repeat rate is (KPI-setting article), why it needs a window, its conventions
(window, unit, same-day lines, incomplete windows), a small example by hand, the data's
company (paying months and product use) by ``df.cs`` and by plain pandas with an
``assert``, the real CDNOW purchase log, the returning-customer form, where the source
article's "opposite of the cancellation rate" misleads, a plot and exercises.
"""

from _nb import code, md, parameters, setup

NAME = "20_repeat_rate"

CELLS = [
    md(
        """
        # Repeat (continuation) rate

        The KPI-setting article defines the **repeat rate** — 계속률(리피트율) in Korean,
        継続率（リピート率） in Japanese, 回購率 in Chinese — as *the share of new customers who
        use or buy the product again at least once*. Continuity supports revenue in any
        business model, and many customers who come back are evidence that the product
        delivers what they hoped: a CS KPI.

        cskit computes it from any log of purchases or uses (one row per customer and date):
        an order log, product events, or the `mrr` frame, where a "purchase" is a paying
        month. A second form, the **returning-customer rate**, answers a different question:
        of the customers who bought in a month, how many are not first-timers?
        """
    ),
    parameters(),
    code(setup('mrr', 'events') + "\nimport importlib.util\nfrom pathlib import Path"),
    md(
        """
        ## The formulas

        $$\\text{repeat rate} = \\frac{\\text{new customers who bought again within } W
        \\text{ of their first purchase}}{\\text{new customers whose window } W \\text{ is over}}$$

        $$\\text{returning-customer rate} = \\frac{\\text{customers who ordered in the period
        and have more than one order}}{\\text{customers who ordered in the period}}$$

        "Again" needs a time limit: without one, old cohorts have had years to come back and
        new ones days, and the KPI falls every time customers are signed. So the repeat rate
        has a **window** *W* after the first purchase, and a customer whose window is not
        over yet is not judged.

        | switch | default | what it does |
        |---|---|---|
        | `window` | 90 days (3 months) | how soon the second purchase must follow the first (inclusive) |
        | `unit` | `"M"` for a monthly `Period` column, else `"D"` | days or months |
        | `period` | `None` | cohorts by the period of the first purchase |
        | `by` | `None` | segment of the first purchase |
        | `same_day` | `"merge"` | several rows on one day (month) are one occasion; `"count"` counts each |
        | `incomplete` | `"exclude"` | leave out customers whose window is not over; `"include"` counts them as non-repeaters |
        | `as_of` | latest date | end of the data; later purchases are ignored |
        | `amount` | `None` | rows with amount 0 are not purchases (`amount="mrr"` on an `mrr` frame) |
        | `history` | `"to_date"` | returning rate: orders up to the period's end, or `"in_period"`, or `"ever"` |

        ## A small example by hand

        | customer | purchases | within 30 days? |
        |---|---|---|
        | a | 1 Jan, 31 Jan | yes: 30 days (inclusive) |
        | b | 5 Jan, 5 Feb | no: 31 days |
        | c | 9 Jan | no |
        | d | 20 Mar | not observable: the data ends on 20 Mar |
        | e | 1 Feb 09:00, 1 Feb 17:30 | no: one visit (same day) |
        | f | 10 Feb, 1 Mar | yes: 19 days |

        Repeat rate (30 days) = {a, f} ÷ {a, b, c, e, f} = 2 ÷ 5 = **40 %**. Counting d as a
        non-repeater gives 2 ÷ 6; counting e's second line as a visit gives 3 ÷ 5.
        """
    ),
    code(
        """
        toy = pd.DataFrame({
            "customer_id": ["a", "a", "b", "b", "c", "d", "e", "e", "f", "f"],
            "date": pd.to_datetime(["2026-01-01", "2026-01-31", "2026-01-05", "2026-02-05",
                                    "2026-01-09", "2026-03-20", "2026-02-01 09:00",
                                    "2026-02-01 17:30", "2026-02-10", "2026-03-01"],
                                   format="ISO8601"),
        })
        forms = {
            "default": toy.cs.repeat_rate(window=30),
            'incomplete="include"': toy.cs.repeat_rate(window=30, incomplete="include"),
            'same_day="count"': toy.cs.repeat_rate(window=30, same_day="count"),
        }
        assert np.allclose(list(forms.values()), [2 / 5, 2 / 6, 3 / 5])
        pd.Series(forms, name="repeat rate").round(4)
        """
    ),
    md(
        """
        ## This data: do new subscribers pay a second month?

        On the `mrr` frame a purchase is a month with MRR (`amount="mrr"` skips months with
        none), and the window counts months. The share of new customers who pay again within
        three months of their first paying month, by quarter of signup:
        """
    ),
    code(
        """
        paid_again = company.mrr.cs.repeat_rate(date="month", amount="mrr", window=3, period="Q")
        paid_overall = company.mrr.cs.repeat_rate(date="month", amount="mrr", window=3)
        print(f"In this data {paid_overall:.1%} of the observable new customers pay again "
              "within 3 months.")
        paid_again.round(4)
        """
    ),
    md(
        """
        For subscriptions the rate is usually close to 100 %: billing continues until the
        customer cancels. The last quarter's customers have no rate yet (their three months are not over) and
        the one before is only partly observable.

        ### The same number by hand, in plain pandas

        Paying months per customer, each customer's first one, any other paying month in
        the three months after it, and only customers whose three months end by the last
        month of the data:
        """
    ),
    code(
        """
        per_account = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
        paying = per_account[per_account > 0].reset_index()
        paying["first"] = paying.groupby("customer_id")["month"].transform("min")
        months_after = (paying["month"].dt.year - paying["first"].dt.year) * 12 + (
            paying["month"].dt.month - paying["first"].dt.month)
        back = paying.loc[(months_after >= 1) & (months_after <= 3), "customer_id"].unique()

        customers = paying.drop_duplicates("customer_id").set_index("customer_id")[["first"]]
        last = company.mrr["month"].max()
        seen = customers[customers["first"] + 3 <= last]
        by_hand = seen.index.isin(back).mean()
        overall = company.mrr.cs.repeat_rate(date="month", amount="mrr", window=3)
        assert abs(by_hand - overall) < 1e-12
        print(f"{seen.index.isin(back).sum()} of {len(seen)} observable new customers paid "
              f"again within 3 months: {by_hand:.2%}")
        """
    ),
    md(
        """
        ### Product use: do new users come back within a week?

        The same KPI on the `events` table, per user: a new user is one whose first event is
        in the data; coming back means another active day within seven days.
        """
    ),
    code(
        """
        use_again = company.events.cs.repeat_rate(customer="user_id", date="timestamp", window=7,
                                                  period="Q")
        use_overall = company.events.cs.repeat_rate(customer="user_id", date="timestamp",
                                                    window=7)
        print(f"In this data {use_overall:.1%} of new users come back within a week, against "
              f"{paid_overall:.1%} of new customers who pay again.")
        use_again.round(4)
        """
    ),
    md(
        """
        Coming back to *use* the product is a far more informative number for onboarding
        than paying again, because paying is automatic and using is not.

        ## Why the window and the "incomplete" rule matter

        Count customers whose window is not over as non-repeaters and the newest cohort
        always looks like a disaster:
        """
    ),
    code(
        """
        naive = company.mrr.cs.repeat_rate(date="month", amount="mrr", window=3, period="Q",
                                           incomplete="include")
        pd.DataFrame({"excluded (default)": paid_again["repeat_rate"],
                      "counted as non-repeaters": naive["repeat_rate"]}).tail(4).round(4)
        """
    ),
    md(
        """
        ## Real data: the CDNOW purchase log

        An online music retailer's customers who first bought in the first quarter of 1997,
        followed until June 1998 (23,570 customers, 69,659 order lines). The log ships with
        the `lifetimes` package (installed with cskit's test extra):
        """
    ),
    code(
        """
        spec = importlib.util.find_spec("lifetimes")
        if spec is None:
            raise SystemExit("pip install lifetimes  (cskit's test extra) to run this section")
        path = Path(spec.submodule_search_locations[0]) / "datasets" / "CDNOW_master.txt"
        cdnow = pd.read_csv(path, sep=r"\\s+", dtype={"customer_id": str, "date": str})
        cdnow["date"] = pd.to_datetime(cdnow["date"], format="%Y%m%d")
        windows = pd.DataFrame({
            w: {"one visit per day (merge)": cdnow.cs.repeat_rate(window=w),
                "every line (count)": cdnow.cs.repeat_rate(window=w, same_day="count")}
            for w in (30, 90, 365)
        })
        windows.columns = [f"{w} days" for w in windows.columns]
        windows.round(4)
        """
    ),
    md(
        """
        Three customers in ten came back within 90 days, fewer than one in two within a
        year. The log has several lines for some visits; counting them as returns adds about
        one point. By cohort month, in plain pandas as a check:
        """
    ),
    code(
        """
        cohorts = cdnow.cs.repeat_rate(window=90, period="M")
        days = cdnow[["customer_id", "date"]].drop_duplicates().sort_values(["customer_id", "date"])
        first = days.groupby("customer_id")["date"].transform("min")
        again = days[(days["date"] > first) & (days["date"] <= first + pd.Timedelta(days=90))]
        firsts = days.groupby("customer_id")["date"].min()
        came_back = firsts.index.isin(again["customer_id"])
        manual = pd.Series(came_back, index=firsts.index).groupby(firsts.dt.to_period("M")).mean()
        assert np.allclose(manual.to_numpy(), cohorts["repeat_rate"].to_numpy())
        cohorts.round(4)
        """
    ),
    md(
        """
        ## The returning-customer rate

        Of the customers who ordered in a quarter, how many had ordered more than once?
        `history` says which orders count: up to the end of the quarter (`"to_date"`,
        default), only inside it (`"in_period"`), or in the whole log (`"ever"`).
        """
    ),
    code(
        """
        returning = cdnow.cs.returning_customer_rate(period="Q")
        for history in ("in_period", "ever"):
            returning[history] = cdnow.cs.returning_customer_rate(period="Q",
                                                                  history=history)["returning_rate"]
        returning.round(4)
        """
    ),
    md(
        """
        From the second quarter on, *every* CDNOW buyer is a returning customer — not
        because loyalty is perfect, but because the log only follows customers acquired in
        the first quarter. The returning-customer rate mixes loyalty with how many new
        customers you sign; the repeat rate, a cohort measure, does not.

        ## The plot
        """
    ),
    code(
        """
        from cskit.plotting import repeat_rate_trend

        ax = repeat_rate_trend(use_again);
        """
    ),
    md(
        """
        ## Common mistakes, including the source article's

        1. **No window.** "Bought again at least once" with no time limit rewards old
           cohorts; always state the window.
        2. **Judging customers too early.** A customer whose window is still open is not a
           non-repeater (see the table above).
        3. **Counting lines as visits.** Several lines of one order or one day are one
           occasion (`same_day="merge"`).
        4. **Calling the returning-customer rate a repeat rate.** It depends on how many new
           customers bought in the period (CDNOW: 100 % returning, 29 % repeating within 90
           days).
        5. **"The opposite of the cancellation rate."** The KPI-setting article introduces
           the cancellation rate (해약률) as the opposite concept of the repeat rate. They are
           not complements: the repeat rate is about *new* customers and a window after their
           first purchase; churn is about *all* customers at the start of a period. In this
           data:
        """
    ),
    code(
        """
        quarterly_churn = company.mrr.cs.churn(period="Q")
        q = quarterly_churn.index[quarterly_churn.index.asfreq("M", how="end") <= month][-1]
        print(f"{q}: 1 − repeat rate (3 months) = {1 - paid_again.loc[q, 'repeat_rate']:.1%}, "
              f"churn rate = {quarterly_churn.loc[q, 'churn']:.1%}")
        """
    ),
    md(
        """
        ## Exercises

        Write your answer in place of `None` and run the cell. Run the checker cell first.
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {
            1: toy.cs.repeat_rate(window=20),
            2: cdnow.cs.repeat_rate(window=180),
            3: company.events.cs.repeat_rate(customer="account_id", date="timestamp", window=7),
        }

        def check(number: int, answer) -> None:
            expected = _ANSWERS[number]
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - expected) < 5e-4
            hint = "" if ok or abs(float(answer)) <= 1 else " (rates are fractions: 5 % = 0.05)"
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}{hint}.")
        """
    ),
    md(
        """
        **1.** In the small example, what is the repeat rate with a 20-day window? (Which
        customers are observable when the data ends on 20 March?)
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

        Observable (first purchase + 20 days on or before 20 March): a, b, c, e, f — not d.
        Within 20 days only f came back (19 days; a took 30): 1 ÷ 5 = **0.2**.
        `toy.cs.repeat_rate(window=20)`

        </details>
        """
    ),
    md("**2.** CDNOW: the share of customers who came back within 180 days."),
    code(
        """
        answer_2 = None
        check(2, answer_2)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `cdnow.cs.repeat_rate(window=180)`: every customer's 180 days are over by June 1998.

        </details>
        """
    ),
    md(
        """
        **3.** This data's events, per **account** instead of per user: the share of
        new accounts with another active day within 7 days of the first.
        """
    ),
    code(
        """
        answer_3 = None
        check(3, answer_3)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `company.events.cs.repeat_rate(customer="account_id", date="timestamp", window=7)`.
        An account comes back when *any* of its users does, so the rate is higher than per
        user.

        </details>
        """
    ),
]

from _nb import before_exercises as _before_exercises  # noqa: E402
from _nb import read_it as _read_it  # noqa: E402

CELLS = _before_exercises(CELLS, _read_it('repeat_rate'))
