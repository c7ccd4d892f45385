"""The data contract's default columns of each table (README, "The data contract").

Used to tell a user which table a frame looks like when a KPI is called on the
wrong one (``mrr.cs.nps()``).
"""

from __future__ import annotations

from collections.abc import Iterable

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "subscriptions": ("customer_id", "start", "end", "amount", "interval", "plan", "product",
                      "discount"),
    "mrr": ("customer_id", "month", "mrr", "plan", "product"),
    "events": ("user_id", "account_id", "timestamp", "event", "session_id", "duration_s"),
    "surveys": ("respondent_id", "account_id", "submitted_at", "survey", "score", "comment"),
    "tickets": ("ticket_id", "account_id", "created_at", "first_response_at", "resolved_at",
                "agent_replies", "reopened", "channel", "category"),
    "costs": ("month", "category", "amount"),
    "accounts": ("account_id", "signup_at", "segment", "plan", "seats", "trial_start",
                 "converted_at", "first_login_at"),
}


def looks_like(columns: Iterable[object]) -> str | None:
    """The table whose default columns this frame's columns cover best, or None.

    A table counts when at least 30 % of its default columns (and two or more) are
    present; ties go to the table with fewer columns (the more specific match).

    Examples
    --------
    >>> looks_like(["customer_id", "month", "mrr", "plan"])
    'mrr'
    >>> looks_like(["ticket_id", "created_at", "account_id"])
    'tickets'
    >>> looks_like(["a", "b"]) is None
    True
    """
    present = {str(c) for c in columns}
    best, best_score = None, 0.0
    for table, cols in TABLE_COLUMNS.items():
        hits = sum(c in present for c in cols)
        score = hits / len(cols)
        if hits >= 2 and score >= 0.3 and score > best_score:
            best, best_score = table, score
    return best
