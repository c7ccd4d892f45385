"""Generator of notebooks/21_ticket_volume.ipynb: monthly ticket volume and its rate.

Why it matters (tickets before churn, checked on the data), the formula, a small example by
hand, where the source articles go wrong, volume and rate per 100 paying accounts by cskit
and by hand, count against rate (the verdict printed), by channel and category, common
mistakes, interpretation exercises checked by ``cskit.training``.
"""

from _exercises import exercise_cells
from _nb import code, md, parameters, setup

NAME = "21_ticket_volume"

CELLS = [
    md(
        """
        # Monthly ticket volume

        **Ticket volume** is the number of support requests customers submit per month
        (월별 문의 건수 / 月間問い合わせ件数 / 每月工單量).

        The source article adds two instructions: **set apart general inquiries and spam**
        before counting, and look at volume **relative to the customer base** — a spike may only
        mean there are more customers. So cskit reports the count, what was excluded, and
        **tickets per 100 paying accounts** (MRR above zero in the month).
        """
    ),
    parameters(),
    code(setup('tickets', 'mrr')),
    md(
        """
        ## Why it matters

        Ticket volume is the support team's workload: the support lead plans staffing from
        it, and a rise is the first sign of a bad release or a confusing onboarding step. For
        a CSM it is an account signal: an account that suddenly files many tickets may be
        struggling. Whether accounts file more tickets before they churn differs between
        companies — so it is checked here: tickets per account-month in each churned
        account's last three paying months, against every other paying account-month.
        """
    ),
    code(
        """
        paying = company.mrr.loc[company.mrr["mrr"] > 0, ["customer_id", "month"]].drop_duplicates()
        month_no = paying["month"].dt.year * 12 + paying["month"].dt.month
        last_no = month_no.groupby(paying["customer_id"]).transform("max")
        churned = last_no < month_no.max()  # stopped paying before the data's last month
        before_churn = churned & (last_no - month_no < 3)
        per_month = (company.tickets.assign(month=company.tickets["created_at"].dt.to_period("M"))
                     .groupby(["account_id", "month"]).size().rename("filed").reset_index()
                     .rename(columns={"account_id": "customer_id"}))
        filed = paying.merge(per_month, on=["customer_id", "month"], how="left")["filed"]
        filed = filed.fillna(0).set_axis(paying.index)
        period_kind = before_churn.map({True: "last 3 months before churn",
                                        False: "other paying months"}).rename("account-months")
        rates = filed.groupby(period_kind).agg(["mean", "size"]).set_axis(
            ["tickets per account-month", "account-months"], axis=1)
        if len(rates) == 2:
            per = rates["tickets per account-month"]
            ratio = per["last 3 months before churn"] / per["other paying months"]
            print(f"In this data accounts filed {ratio:.2f} times as many tickets per month in "
                  f"their last three paying months as in other paying months ("
                  f"{'more' if ratio > 1 else 'not more'} before churn).")
        else:
            print("No account stopped paying in this data: the link cannot be checked here.")
        rates.round(3)
        """
    ),
    md(
        """
        ## The formula

        $$\\text{volume} = \\#\\{\\text{tickets created in the month, not spam or general}\\}
        \\qquad \\text{rate} = \\frac{\\text{volume}}{\\text{paying accounts}} \\times 100$$

        `ticket_volume(period="M", exclude=("spam", "general"), mrr=mrr)`: `active` is the
        `mrr` frame (an account counts in a month when its MRR is above zero — a paying
        account; for a quarter, the mean of its months) or a Series of counts. Months without
        tickets show 0.

        ## A small example by hand

        Six tickets in October: one spam, one general inquiry, four support requests; 80
        paying accounts. Volume 4; rate 4 ÷ 80 × 100 = 5 tickets per 100 paying accounts;
        November has no ticket and shows 0, not a gap.
        """
    ),
    code(
        """
        six = pd.DataFrame({
            "created_at": pd.to_datetime(["2026-10-02", "2026-10-05", "2026-10-09",
                                          "2026-10-14", "2026-10-20", "2026-10-28"], utc=True),
            "category": ["spam", "general", "bug", "how_to", "billing", "bug"],
        })
        paying_accounts = pd.Series([80, 82], index=pd.period_range("2026-10", periods=2, freq="M"))
        small = six.cs.ticket_volume(mrr=paying_accounts)
        assert small.loc["2026-10", "tickets"] == 4 and small.loc["2026-10", "excluded"] == 2
        assert small.loc["2026-10", "per_100_accounts"] == 4 / 80 * 100
        small
        """
    ),
    md(
        """
        ## Where the source articles go wrong

        The 6-metrics article gets the essentials right: **set apart general inquiries and
        spam** before counting, and a spike may come from **new users** rather than a broken
        feature. **What it leaves out**: how to tell the two apart — divide by the customer
        base (the rate per 100 paying accounts below); which date counts (creation, not
        closing); and that a month with no tickets is a 0. Its advice to "invest in CS to
        reduce ticket volume" is a recommendation, not a measurement: check it on your own data
        (volume per account before and after). The KPI catalogue records no wrong formula.

        ## Ticket volume of this data
        """
    ),
    code(
        """
        tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
        volume = tickets.cs.ticket_volume(mrr=company.mrr)
        volume.tail(6).round(2)
        """
    ),
    md(
        """
        `excluded` keeps the spam and general inquiries visible: they were set apart, not lost.

        ## The same numbers by hand
        """
    ),
    code(
        """
        real = tickets[~tickets["category"].isin(["spam", "general"])]
        count = real.groupby(real["created_at"].dt.to_period("M")).size()
        paying = company.mrr[company.mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
        rate = count / paying.reindex(count.index) * 100
        assert (volume["tickets"] == count).all()
        assert np.allclose(volume["per_100_accounts"], rate)
        print(f"{month}: {count[month]} tickets from {paying[month]} paying accounts = "
              f"{rate[month]:.1f} per 100 paying accounts")
        """
    ),
    md("## Volume and rate together"),
    code(
        """
        from cskit.plotting import ticket_volume_chart

        ax = ticket_volume_chart(volume)
        plt.show()
        shown = volume[volume.index <= month]
        first, last = shown.iloc[0], shown.iloc[-1]
        print(f"In this data: {int(first['tickets'])} tickets in {shown.index[0]}, "
              f"{int(last['tickets'])} in {shown.index[-1]}; per 100 paying accounts "
              f"{first['per_100_accounts']:.1f} then {last['per_100_accounts']:.1f} "
              f"(range {shown['per_100_accounts'].min():.1f}–{shown['per_100_accounts'].max():.1f}).")
        """
    ),
    md(
        """
        When the count climbs because the customer base does, the rate per 100 paying accounts
        stays flat and the support load per customer has not changed; reading the bars alone
        would send the wrong message to whoever plans support staffing. Which of the two
        happened in this data over the last year is exercise 3.

        ## By channel and by category
        """
    ),
    code(
        """
        by_channel = tickets.cs.ticket_volume(by="channel")
        by_channel["tickets"].unstack("channel").tail(3)
        """
    ),
    code(
        """
        tickets.cs.ticket_volume(period="Q", by="category", exclude=())["tickets"].unstack(
            "category").tail(4)
        """
    ),
    md(
        """
        ## Common mistakes

        * **Counting spam and general inquiries** as support load.
        * **Reading growth as trouble**: compare the rate per 100 paying accounts.
        * **Counting by the date the ticket was closed** instead of created: closing backlogs
          then looks like a spike.
        * **Leaving out empty months**: a month with no tickets is a 0, not a gap.
        """
    ),
    *exercise_cells(["21-1", "21-2", "21-3"]),
]

from _nb import before_exercises as _before_exercises  # noqa: E402
from _nb import read_it as _read_it  # noqa: E402

CELLS = _before_exercises(CELLS, _read_it('ticket_volume'))
