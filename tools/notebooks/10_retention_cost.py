"""Generator of notebooks/10_retention_cost.ipynb: customer retention cost (CRC) vs CAC and LTV.

What CRC is and why, its two denominators (16-KPI vs 6-metrics article), cost categories,
CAC, the data's numbers by ``df.cs`` and by plain pandas with ``assert``, the
comparison table that flags retention spend above CAC or LTV (with the allocation and
horizon switches), the 16-KPI article's misprinted formula, a plot and exercises.
"""

from _nb import code, md, parameters, setup

NAME = "10_retention_cost"

CELLS = [
    md(
        """
        # Customer retention cost (CRC), CAC and LTV

        **Customer retention cost** is what it costs to keep the customers you have: the
        salaries of the customer-success and support teams, engagement and adoption
        programmes, professional services and training, customer marketing — divided by the
        number of customers. Korean 고객 유지 비용, Japanese 顧客維持コスト, Chinese 客戶保留成本.

        Why it matters:

        * a company that lives on new sales alone is exposed when a campaign fails; the
          16-KPI article calls a loyal base the cornerstone of financial stability, and CRC
          says what that base costs;
        * the 6-metrics article adds the test that makes the number useful: **if retention
          spend exceeds the cost of acquiring a customer (CAC), or worse, the customer's
          lifetime value (LTV), keeping that customer is a bad business decision.**

        So this notebook computes three numbers — CRC, CAC, LTV — and the table that puts
        them side by side.
        """
    ),
    parameters(),
    code(setup('mrr', 'costs', 'accounts')),
    md(
        """
        ## The formulas

        $$\\text{CRC} = \\frac{\\text{retention spend in the period}}{\\text{customers}}
        \\qquad
        \\text{CAC} = \\frac{\\text{acquisition spend in the period}}{\\text{new customers in the period}}$$

        The articles disagree on the denominator of CRC, so cskit offers both:

        | `denominator=` | divides by | source |
        |---|---|---|
        | `"customers"` (default) | every customer with MRR in the period | 16-KPI article: "the total number of customers" |
        | `"retained"` | customers active just before the period and still active at its end | 6-metrics article: "customers retained in the current year" |

        The other switches and their defaults:

        | switch | default | what it does |
        |---|---|---|
        | `categories` | `cs_salaries, support, programs, training, customer_marketing` | cost lines that are retention spend (CAC: `acquisition`) |
        | `period` | `"Y"` | whole years (or `"M"`, `"Q"`, `None` for the common span) inside both frames |
        | `by` | `None` | a segment column of the `mrr` frame (and of `costs`, if it has one) |
        | `allocate` | `"customers"` | spend with no segment is shared by customers, or by `"mrr"` |
        | `horizon` | `"lifetime"` | `unit_economics`: compare LTV with retention spend over a customer's lifetime, or per `"period"` |

        New customers in CAC are **first-time** payers: a customer who comes back after
        churning is a reactivation, not an acquisition. The first month of the `mrr` frame is
        never in a period: nobody can tell new customers from old ones in it.

        ## A small example by hand

        Customers a, b, c, d pay in January; a, b, c and a new customer e in February.
        February's costs: CS salaries 300, support 100, acquisition 500.

        * CRC ÷ customers: (300 + 100) ÷ 4 (a, b, c, e) = **100**
        * CRC ÷ retained: 400 ÷ 3 (a, b, c were there in January and still are) = **133.33**
        * CAC: 500 ÷ 1 (e) = **500**
        """
    ),
    code(
        """
        toy_mrr = pd.DataFrame({"customer_id": list("abcdabce"),
                                "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
        toy_costs = pd.DataFrame({"month": ["2026-02"] * 3,
                                  "category": ["cs_salaries", "support", "acquisition"],
                                  "amount": [300.0, 100.0, 500.0]})
        cs_costs = ["cs_salaries", "support"]
        crc_all = toy_costs.cs.retention_cost(mrr=toy_mrr, period=None, categories=cs_costs)
        crc_kept = toy_costs.cs.retention_cost(mrr=toy_mrr, period=None, categories=cs_costs,
                                               denominator="retained")
        cac_toy = toy_costs.cs.cac(mrr=toy_mrr, period=None)
        assert (crc_all, round(crc_kept, 2), cac_toy) == (100.0, 133.33, 500.0)
        print(f"CRC {crc_all:.2f} (÷ customers), {crc_kept:.2f} (÷ retained); CAC {cac_toy:.2f}")
        """
    ),
    md(
        """
        ## This data's costs

        The `costs` table has one line per month and category:
        """
    ),
    code(
        """
        by_year = company.costs.assign(year=company.costs["month"].dt.year).pivot_table(
            index="category", columns="year", values="amount", aggfunc="sum")
        by_year.round(0)
        """
    ),
    md(
        """
        Only whole periods count: a year needs its twelve months of costs *and* the month
        before it in `mrr` (for the customers at its start). When the data holds no whole
        calendar year, this notebook uses quarters instead (`freq` below) and says so.
        """
    ),
    code(
        """
        first, last = company.costs["month"].min(), company.costs["month"].max()
        try:
            company.costs.cs.retention_cost(mrr=company.mrr, period="Y")
            freq = "Y"
        except cskit.errors.CskitError:  # no whole year in this data
            freq = "Q"
        print(f"Costs from {first} to {last}: "
              + ("whole years exist, periods are years." if freq == "Y"
                 else "no whole calendar year, periods are quarters."))
        crc = company.costs.cs.retention_cost(mrr=company.mrr, period=freq)
        crc_retained = company.costs.cs.retention_cost(mrr=company.mrr, period=freq,
                                                       denominator="retained")
        crc["crc ÷ retained"] = crc_retained["retention_cost"]
        ratio = crc["crc ÷ retained"] / crc["retention_cost"]
        print(f"÷ retained is {ratio.min():.1f}× to {ratio.max():.1f}× the ÷ customers figure.")
        crc.round(2)
        """
    ),
    md(
        """
        The two denominators can disagree wildly, most of all early on: when a company is
        young, few customers were there at the start of a period *and* are still there at
        its end, and a whole period of spend is divided by that handful. The 6-metrics
        article's denominator suits a mature base; in a growing company it mostly measures
        growth. Quarter by quarter the two come closer:
        """
    ),
    code(
        """
        quarters = company.costs.cs.retention_cost(mrr=company.mrr, period="Q")
        quarters_kept = company.costs.cs.retention_cost(mrr=company.mrr, period="Q",
                                                        denominator="retained")
        quarters["crc ÷ retained"] = quarters_kept["retention_cost"]
        quarters.tail(4).round(2)
        """
    ),
    md(
        """
        ### The same numbers by hand, in plain pandas

        The last whole period (`last_period`): retention spend of the five categories in it,
        the customers paying in some month of it, the customers paying both in the month
        before it and in its last month, and for CAC the customers whose *first* paying month
        is in it.
        """
    ),
    code(
        """
        retention = ["cs_salaries", "support", "programs", "training", "customer_marketing"]
        last_period = crc.index[crc.index.asfreq("M", how="end") <= month][-1]
        months = pd.period_range(last_period.start_time, last_period.end_time, freq="M")
        in_p = company.costs["month"].isin(months)
        spend = company.costs.loc[in_p & company.costs["category"].isin(retention), "amount"].sum()
        acquisition = company.costs.loc[in_p & (company.costs["category"] == "acquisition"),
                                        "amount"].sum()

        per_account = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
        paying = per_account[per_account > 0].reset_index()
        served = paying.loc[paying["month"].isin(months), "customer_id"].nunique()
        ends = {m: set(paying.loc[paying["month"] == m, "customer_id"])
                for m in (months[0] - 1, months[-1])}
        retained = len(ends[months[0] - 1] & ends[months[-1]])
        first_paid = paying.groupby("customer_id")["month"].min()
        new = int(first_paid.isin(months).sum())

        cac = company.costs.cs.cac(mrr=company.mrr, period=freq)
        assert abs(spend / served - crc.loc[last_period, "retention_cost"]) < 1e-9
        assert abs(spend / retained - crc.loc[last_period, "crc ÷ retained"]) < 1e-9
        assert abs(acquisition / new - cac.loc[last_period, "cac"]) < 1e-9
        print(f"{last_period}: CRC {spend:,.0f} ÷ {served} = {spend / served:,.2f}; "
              f"÷ {retained} retained = {spend / retained:,.2f}; "
              f"CAC {acquisition:,.0f} ÷ {new} = {acquisition / new:,.2f}")
        """
    ),
    md(
        """
        ## CRC vs CAC vs LTV

        `costs.cs.unit_economics(mrr=..., period="Y")` puts the three numbers side by side, with LTV as
        in notebook 09 (ARPA × margin ÷ trailing churn) at the last month of each period,
        and three flags:

        * `crc_above_cac`: the period's CRC is above CAC — a year of keeping a customer costs
          more than winning a new one;
        * `crc_above_ltv`: retention spend is above LTV. CRC is *per period* and LTV covers a
          *lifetime*, so by default cskit compares LTV with the **lifetime retention cost**:
          spend per customer-month × expected lifetime in months (1 ÷ churn). As LTV is
          ARPA × margin ÷ churn too, this flags exactly the segments where a month of
          retention spend per customer exceeds a month of gross profit from it;
        * `flag`: either.

        Costs usually carry no segment, so they must be shared out. With
        `allocate="customers"` every account costs the same to serve:
        """
    ),
    code(
        """
        mrr_seg = company.mrr.merge(company.accounts[["account_id", "segment"]],
                                    left_on="customer_id", right_on="account_id")
        columns = ["retention_cost", "cac", "ltv", "ltv_cac", "retention_cost_per_month",
                   "lifetime_retention_cost", "crc_above_cac", "crc_above_ltv", "flag"]
        equal = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                                period=freq)
        now_equal = equal.xs(last_period, level="period")
        print(f"{last_period}: segments failing the CAC test: "
              f"{list(now_equal.index[now_equal['crc_above_cac']]) or 'none'}; "
              f"failing the LTV test: {list(now_equal.index[now_equal['crc_above_ltv']]) or 'none'}.")
        now_equal[columns].round(2)
        """
    ),
    md(
        """
        A segment fails the CAC test when the company spends more per customer and period on
        keeping its customers than on winning one. The LTV test separates the segments: at
        the same cost per account, a small account can cost more to look after over its
        lifetime than the gross profit it brings.

        But CS teams do not spend the same time on every account. Sharing the spend in
        proportion to revenue instead:
        """
    ),
    code(
        """
        by_revenue = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                                     allocate="mrr", period=freq)
        now_rev = by_revenue.xs(last_period, level="period")
        print(f"Shared by revenue, failing the LTV test: "
              f"{list(now_rev.index[now_rev['crc_above_ltv']]) or 'none'}; the largest share of "
              f"spend goes to {now_rev['retention_spend'].idxmax()!r}.")
        now_rev[columns].round(2)
        """
    ),
    md(
        """
        Sharing by revenue moves the spend towards the segments that pay most, and the flags
        move with it. **Which allocation is right is a fact about your CS team**, not a modelling
        choice: record the team's time by segment (a `segment` column in `costs`: cskit then
        charges each line to its segment and shares only the rest).

        The comparison also depends on the period: CRC per quarter is a quarter of CRC per
        year, CAC is not. Per quarter:
        """
    ),
    code(
        """
        quarterly = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", period="Q",
                                                    gross_margin=0.8)
        last_q = quarterly.index.get_level_values("period").max()
        quarterly.xs(last_q, level="period")[["retention_cost", "cac", "crc_above_cac", "crc_above_ltv"]].round(2)
        """
    ),
    md(
        """
        The 6-metrics article's own denominator is "customers retained this **year**", so the
        yearly comparison (cskit's default) is the article's test; say which one you report.
        And `horizon="period"` compares the period's CRC with LTV directly — a test almost
        nothing fails, since LTV covers years:
        """
    ),
    code(
        """
        per_period = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                                     horizon="period", period=freq)
        per_period.xs(last_period, level="period")[["retention_cost", "ltv", "crc_above_ltv"]].round(2)
        """
    ),
    md("## The plot"),
    code(
        """
        from cskit.plotting import ltv_cac_bars

        ax = ltv_cac_bars(equal.xs(last_period, level="period"));
        """
    ),
    md(
        """
        Bars on a log scale (segments' LTVs can differ a hundredfold); LTV:CAC above each
        group; segments with a flag in red.

        ## Common mistakes, including the source articles'

        1. **The CLV formula under the CRC heading.** The 16-KPI article (Korean, Japanese
           and Chinese versions alike) ends its *retention cost* section with "customer
           lifetime value = customer value × average customer lifespan". That formula is
           LTV's (notebook 09); CRC is spend ÷ customers and involves no lifespan. Do not
           multiply CRC by lifespan unless you mean the lifetime retention cost, and then
           say so.
        2. **Two denominators, one name.** ÷ all customers (16-KPI) and ÷ customers retained
           this year (6-metrics) can differ manyfold (see the ratio printed above).
        3. **Acquisition costs in retention spend** (or the reverse). Marketing to prospects
           is CAC; marketing to customers (customer marketing) is CRC. Keep the categories
           apart, as the `costs` table does.
        4. **Comparing a yearly CRC with a lifetime LTV**: compare like with like (`horizon`).
        5. **Reactivations counted as new customers** make CAC look cheaper than it is.
        6. **Equal cost per account by default.** Shared costs spread per customer make
           small accounts look unprofitable; spread per MRR make them look cheap. Measure.
        7. **Ignoring the period's start.** The first month of data, or a half year, is not
           a whole period: cskit reports whole periods only.

        ## Exercises

        Write your answer in place of `None` and run the cell. Run the checker cell first.
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {
            1: 12_000 / 40,
            2: float(crc_retained.loc[last_period, "retention_cost"]),
            3: float(quarters.loc[quarters.index.asfreq("M", how="end") <= month, "retention_cost"].iloc[-1]),
            4: 0,
        }

        def check(number: int, answer) -> None:
            expected = _ANSWERS[number]
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - expected) <= 1e-6 * max(1.0, abs(expected))
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}.")
        """
    ),
    md(
        """
        **1.** A CS team costs 12,000 a month and looks after 40 customers, all of whom stay.
        What is the monthly CRC?
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

        12,000 ÷ 40 = **300** a customer a month (either denominator: everyone is retained).

        </details>
        """
    ),
    md("**2.** This data's CRC for `last_period` with the 6-metrics article's denominator."),
    code(
        """
        answer_2 = None
        check(2, answer_2)
        """
    ),
    md(
        """
        <details><summary>Answer</summary>

        `company.costs.cs.retention_cost(mrr=company.mrr, period=freq, denominator="retained")`,
        row `last_period`.

        </details>
        """
    ),
    md(
        """
        **3.** The CRC of the last whole quarter ending on or before `month`, ÷ all
        customers.
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

        `company.costs.cs.retention_cost(mrr=company.mrr, period="Q")`, the last row whose
        quarter ends by `month` (e.g. 2026Q3 for 2026-10).

        </details>
        """
    ),
    md(
        """
        **4.** A segment's accounts pay 90 a month at an 80 % margin; serving one costs 40 a
        month. Is retention spend above LTV for that segment? Answer 1 for yes, 0 for no.
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

        **0**: lifetime cost 40 ÷ churn and LTV 90 × 0.8 ÷ churn share the churn, so compare
        40 with 72 a month. Whatever the churn, LTV is higher.

        </details>
        """
    ),
]

from _nb import before_exercises as _before_exercises  # noqa: E402
from _nb import read_it as _read_it  # noqa: E402

CELLS = _before_exercises(CELLS, _read_it('crc'))
