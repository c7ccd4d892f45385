"""Generator of notebooks/21_ticket_volume.ipynb: monthly ticket volume and its rate."""

from _nb import code, md, parameters, setup

NAME = "21_ticket_volume"

CELLS = [
    md(
        """
        # Monthly ticket volume

        **Ticket volume** is the number of support requests customers submit per month
        (월별 문의 건수 / 月間問い合わせ件数 / 每月工單量). A rise can mean a bad release,
        confusing onboarding, or accounts in trouble — accounts often file more tickets in the
        months before they churn.

        The source article adds two instructions: **set apart general inquiries and spam**
        before counting, and look at volume **relative to the customer base** — a spike may only
        mean there are more customers. So cskit reports the count, what was excluded, and
        **tickets per 100 paying accounts**.
        """
    ),
    parameters(),
    code(setup('tickets', 'mrr')),
    md(
        """
        ## The formula

        $$\\text{volume} = \\#\\{\\text{tickets created in the month, not spam or general}\\}
        \\qquad \\text{rate} = \\frac{\\text{volume}}{\\text{paying accounts}} \\times 100$$

        `ticket_volume(period="M", exclude=("spam", "general"), mrr=mrr)`: `mrr` is the
        `mrr` frame (an account counts in a month when its MRR is above zero; for a quarter,
        the mean of its months) or a Series of counts. Months without tickets show 0.
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
              f"{rate[month]:.1f} per 100 accounts")
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
              f"{int(last['tickets'])} in {shown.index[-1]}; per 100 accounts "
              f"{first['per_100_accounts']:.1f} then {last['per_100_accounts']:.1f} "
              f"(range {shown['per_100_accounts'].min():.1f}–{shown['per_100_accounts'].max():.1f}).")
        """
    ),
    md(
        """
        In a growing company the count climbs because the customer base does; if the rate
        per 100 accounts stays flat, support load per customer has not changed. Reading the
        bars alone would send the wrong message to whoever plans support staffing.

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

        ## Exercises
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {1: 45 / 300 * 100,
                    2: int(tickets.cs.ticket_volume(exclude=()).loc[month, "tickets"]),
                    3: float(tickets.cs.ticket_volume(period="Y", mrr=company.mrr)
                             .iloc[-1]["per_100_accounts"])}

        def check(number, answer):
            if answer is None:
                print(f"Exercise {number}: no answer yet.")
                return
            ok = abs(float(answer) - _ANSWERS[number]) <= 5e-3
            print(f"Exercise {number}: {'correct' if ok else 'not quite, try again'}.")
        """
    ),
    md(
        """
        1. 45 tickets in a month with 300 paying accounts: tickets per 100 accounts?
        2. How many tickets were created in the report month with nothing excluded?
        3. Tickets per 100 paying accounts for the latest year (mean monthly count)?

        <details><summary>Hints</summary>

        1. 45 / 300 × 100. 2. `exclude=()`. 3. `period="Y", mrr=company.mrr`.
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

CELLS = _before_exercises(CELLS, _read_it('ticket_volume'))
