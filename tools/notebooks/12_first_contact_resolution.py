"""Generator of notebooks/12_first_contact_resolution.ipynb: FCR and its definitional questions."""

from _nb import code, md, parameters, setup

NAME = "12_first_contact_resolution"

CELLS = [
    md(
        """
        # First contact resolution (FCR)

        **FCR** is the share of support requests solved at the first contact, with no
        follow-up (첫 문의 해결률 / 一次解決率 / 首次聯繫解決率). Customers who get an answer
        the first time are more satisfied and cost less to serve.

        The source article does not give one formula; it asks questions a team must answer
        first: *what counts as the first contact? do transfers count? do calls dropped while
        waiting count?* Different answers give different FCRs from the same tickets, so in
        cskit **each question is a parameter** with a documented default, and the result counts
        the tickets behind every number.
        """
    ),
    parameters(),
    code(setup('tickets')),
    md(
        """
        ## The formula and its questions

        $$\\text{FCR} = \\frac{\\text{tickets that qualify}}{\\text{resolved tickets}}$$

        | question | parameter | default |
        |---|---|---|
        | What is "first contact"? | `max_agent_replies` | 1 (solved with one agent reply; 0 also counts) |
        | Is a reopened ticket solved? | `reopen_window_days` | 7: a reopen within 7 days disqualifies (with only a True/False `reopened` column, any reopen does) |
        | Do transfers count? | `transferred=` column, `transfers_break_fcr` | no column; when given, a transfer disqualifies |
        | Do dropped calls count? | `dropped=` column | no column; when given, dropped contacts leave numerator *and* denominator |
        | Which contacts are out of scope? | `exclude_channels`, `exclude` (categories) | no channel; the `spam` category |
        | Out of what? | `denominator` | `"resolved"`; `"all"` counts open tickets as not solved |

        Unresolved tickets are never silently dropped: they are counted in `unresolved`.
        """
    ),
    code(
        """
        tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
        monthly = tickets.cs.fcr(period="M")
        monthly.tail(4)
        """
    ),
    md(
        """
        The reason columns (`too_many_replies`, `reopened`, `transferred`) count the tickets in
        the denominator that failed each test; a ticket can fail several.

        ## Same tickets, different definitions

        The last twelve months under each answer:
        """
    ),
    code(
        """
        last_year = tickets[tickets["created_at"].dt.to_period("M") > month - 12]
        definitions = {
            "default (1 reply, no reopen, spam out)": {},
            "up to 2 agent replies": {"max_agent_replies": 2},
            "reopens ignored": {"reopen_window_days": None},
            "2 replies and reopens ignored": {"max_agent_replies": 2, "reopen_window_days": None},
            "phone excluded": {"exclude_channels": ("phone",)},
            "spam counted": {"exclude": ()},
            "out of all tickets": {"denominator": "all"},
        }
        variants = pd.Series({name: last_year.cs.fcr(period=None, **kw)
                              for name, kw in definitions.items()},
                             name="FCR")
        spread = (variants.max() - variants.min()) * 100
        print(f"In this data the definitions span {spread:.1f} points; allowing two replies adds "
              f"{(variants.iloc[1] - variants.iloc[0]) * 100:+.1f}, ignoring reopens "
              f"{(variants.iloc[2] - variants.iloc[0]) * 100:+.1f}.")
        variants.round(3)
        """
    ),
    md(
        """
        The definition can matter more than most month-to-month changes. (When every reopened
        ticket also got a second agent reply, "reopens ignored" alone changes nothing — the
        reply test already failed it; with two replies allowed it does.) Pick a definition,
        write it next to the number, and keep it.

        ## The same number by hand
        """
    ),
    code(
        """
        kept = tickets[tickets["category"] != "spam"]
        resolved = kept[kept["resolved_at"].notna()]
        first_time = (resolved["agent_replies"] <= 1) & ~resolved["reopened"]
        by_hand = first_time.groupby(resolved["created_at"].dt.to_period("M")).mean()
        assert np.allclose(monthly["fcr"], by_hand)
        assert monthly["unresolved"].sum() == kept["resolved_at"].isna().sum()
        print(f"{month}: FCR {by_hand[month]:.1%} of {len(resolved[resolved['created_at'].dt.to_period('M') == month])} "
              f"resolved tickets; {int(monthly.loc[month, 'unresolved'])} still open.")
        """
    ),
    md("## By channel, with intervals"),
    code(
        """
        last_year.cs.fcr(by="channel", period=None)[["denominator", "qualifying", "fcr", "ci_low", "ci_high"]].round(3)
        """
    ),
    md("## The trend"),
    code(
        """
        from cskit.plotting import fcr_trend

        ax = fcr_trend(monthly)
        plt.show()
        """
    ),
    md(
        """
        ## Common mistakes

        * **Not writing the definition down**: FCR from two teams (or two tools) is only
          comparable when the parameters above are the same.
        * **Dividing by all tickets while calling it "of resolved"** — or the other way round.
        * **Letting spam and dropped calls in**: auto-closed spam looks like perfect FCR.
        * **Counting a ticket reopened the next day as solved**: it was not.
        * **Judging a small channel by its rate alone**: look at the interval.

        ## Exercises
        """
    ),
    code(
        """
        # Checker (run it; reading it gives the answers away)
        _ANSWERS = {1: 2 / 4, 2: float(last_year.cs.fcr(max_agent_replies=3, period=None)),
                    3: float(last_year.cs.fcr(denominator="all", exclude=(), period=None))}

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
        1. Five tickets: resolved with 1, 1, 3 replies and one with 1 reply that was reopened
           the next day; the fifth is still open. FCR with the defaults?
        2. The last twelve months' FCR when up to three agent replies count as first contact?
        3. The last twelve months' FCR out of **all** tickets, spam included?

        <details><summary>Hints</summary>

        1. The open ticket is not in the denominator. 2. `max_agent_replies=3`.
        3. `denominator="all", exclude=()`.
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


# --------------------------------------------------------------------------- issue 18
# "Why your dashboard shows a different number": one block, kept before the exercises.
from _nb import before_exercises  # noqa: E402

DASHBOARDS = [
    md(
        """
        ## Why your dashboard shows a different number

        Zendesk's "one-touch tickets" count solved tickets with fewer than two agent replies.
        A customer who reopens a ticket just to say thank you, solved again without a reply,
        keeps it one-touch; a reopen that needs another reply does not (that reply is in
        `agent_replies`). cskit's default is stricter: any reopen within 7 days disqualifies
        the ticket. `fcr(convention="zendesk", period=None)` drops the reopen test (sources in
        `docs/conventions.md`).
        """
    ),
    code(
        """
        recent = pd.period_range(month - 5, month, freq="M")
        cols = ["denominator", "too_many_replies", "reopened", "qualifying", "fcr"]
        both = {"cskit": company.tickets.cs.fcr(period="M"),
                "zendesk": company.tickets.cs.fcr(period="M", convention="zendesk")}
        side_by_side = pd.concat({name: table.loc[table.index.isin(recent), cols]
                                  for name, table in both.items()}, axis=1)
        # Tickets one-touch for Zendesk only: at most one reply, but reopened.
        side_by_side[("gap", "zendesk only")] = (side_by_side[("zendesk", "qualifying")]
                                        - side_by_side[("cskit", "qualifying")])
        side_by_side.round(3)
        """
    ),
    md(
        """
        The gap is the last column: tickets with at most one agent reply that were reopened
        (cskit's `reopened` column also counts reopened tickets that failed on replies, so
        it can be larger). Where the gap is 0, every reopen led to another reply and both
        definitions agree; a team whose customers often answer "thanks" after a ticket is
        solved sees Zendesk's figure higher.
        """
    ),
]
CELLS = before_exercises(CELLS, DASHBOARDS)

from _nb import before_exercises as _before_exercises  # noqa: E402
from _nb import read_it as _read_it  # noqa: E402

CELLS = _before_exercises(CELLS, _read_it('fcr'))
