"""Generator of notebooks/22_response_time.ipynb: first response and resolution time."""

from _nb import code, md, parameters, setup

NAME = "22_response_time"

CELLS = [
    md(
        """
        # Response time

        **First response time** is how long a customer waits for the first answer from a
        person (첫 응답 시간 / 初回応答時間 / 首次回應時間). The source article ties it closely to
        satisfaction: when a support team is short-staffed, responses slow down and CSAT
        tends to fall with them (compare with notebook 06).

        cskit reports the **median** by default (a few tickets that wait for days pull the mean
        up, the median resists them), the mean and 90th percentile next to it, in calendar
        hours or **business hours**. Tickets with no response yet, and responses stamped before
        the ticket was created, are counted and reported — never silently dropped.
        """
    ),
    parameters(),
    code(setup('tickets')),
    md(
        """
        ## The formula

        $$\\text{first response time} = \\text{first\\_response\\_at} - \\text{created\\_at}
        \\qquad \\text{KPI} = \\operatorname{median} \\text{ (or mean) over the month's tickets}$$

        Options: `stat="median" | "mean"`; `business_hours=None` (calendar) or a spec such as
        `{"start": "09:00", "end": "18:00", "weekdays": (0, 1, 2, 3, 4), "holidays": [...]}`;
        `exclude=("spam",)`. A ticket belongs to the month it was **created** in.
        """
    ),
    code(
        """
        tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
        monthly = tickets.cs.response_time(period="M")
        monthly.tail(4).round(2)
        """
    ),
    md("## Median and mean by hand"),
    code(
        """
        kept = tickets[tickets["category"] != "spam"]
        hours = (kept["first_response_at"] - kept["created_at"]).dt.total_seconds() / 3600
        created_month = kept["created_at"].dt.to_period("M")
        assert np.allclose(monthly["median"], hours.groupby(created_month).median())
        assert np.allclose(monthly["mean"], hours.groupby(created_month).mean())
        this = hours[created_month == month]
        print(f"{month}: median {this.median():.2f} h, mean {this.mean():.2f} h — the mean is "
              f"{this.mean() / this.median():.1f}x the median because of a long tail")
        """
    ),
    md("## The trend"),
    code(
        """
        from cskit.plotting import response_time_chart

        ax = response_time_chart(monthly)
        plt.show()
        slowest = monthly["median"].idxmax()
        print(f"Slowest month in this data: {slowest} (median {monthly.loc[slowest, 'median']:.1f} h, "
              f"against {monthly['median'].median():.1f} h in a typical month).")
        """
    ),
    md(
        """
        Look for months that stand out in every line, and for the gap between mean and
        median: the long tail of slow tickets (often e-mail and web forms; see by channel
        below).

        ## Business hours

        A ticket created on Friday evening and answered on Monday morning waited 60 calendar
        hours but perhaps one business hour. If your team promises a response time "within
        business hours", measure it that way:
        """
    ),
    code(
        """
        from cskit.metrics.tickets import BusinessHours

        office = BusinessHours(start="09:00", end="18:00")
        friday = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-02 19:00"]),
                               "first_response_at": pd.to_datetime(["2026-10-05 10:00"])})
        print(f"calendar: {friday.cs.response_time(period=None):.1f} h, "
              f"business: {friday.cs.response_time(business_hours=office, period=None):.1f} h")
        by_channel = tickets[tickets["created_at"].dt.to_period("M") > month - 3].cs.response_time(
            by="channel", business_hours=office, period=None)
        by_channel[["measured", "median", "mean", "p90"]].round(2)
        """
    ),
    md(
        """
        ## Resolution time, and tickets still open

        `resolution_time` measures creation → resolution the same way. Tickets without a
        resolution are counted in `unresolved`, not timed:
        """
    ),
    code(
        """
        tickets.cs.resolution_time(period="Q").tail(3).round(1)
        """
    ),
    md(
        """
        ## Bad timestamps are reported

        A response stamped before its ticket was created (a time-zone mix-up, usually) is left
        out of the times with a warning that names the tickets, and counted in `invalid`;
        `on_invalid="raise"` stops instead.
        """
    ),
    code(
        """
        import warnings

        broken = pd.DataFrame({"ticket_id": ["T1", "T2"],
                               "created_at": pd.to_datetime(["2026-10-01 10:00"] * 2),
                               "first_response_at": pd.to_datetime(["2026-10-01 12:00",
                                                                    "2026-10-01 08:00"])})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = broken.cs.response_time(period="M")
        print(caught[0].message)
        result[["tickets", "measured", "invalid", "median"]]
        """
    ),
    md(
        """
        ## Common mistakes

        * **Reporting only the mean**: one ticket that waited a week moves it more than a
          hundred that were answered in minutes.
        * **Mixing calendar and business hours** between teams or months.
        * **Dropping unanswered tickets**: the slowest tickets are the ones with no response
          yet; count them (`no_response`).
        * **Time zones**: convert timestamps to the support team's zone before applying
          business hours.

        ## Exercises
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {1: 3.0, 2: 4.0,
                    3: float(tickets.cs.response_time(period="M", by="channel")
                             .loc[(month, "email"), "median"])}

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
        1. Five tickets answered after 1, 2, 3, 4 and 40 hours: the median?
        2. A ticket created Monday 16:00 and answered Tuesday 11:00, with business hours
           09:00–18:00: how many business hours?
        3. The median first response time of e-mail tickets in the report month?

        <details><summary>Hints</summary>

        1. The middle one. 2. 2 h on Monday + 2 h on Tuesday.
        3. `tickets.cs.response_time(period="M", by="channel")`.
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

CELLS = _before_exercises(CELLS, _read_it('response_time'))
