"""The heavy KPIs as Ibis expressions: one definition, compiled for each engine.

Each function takes Ibis tables and returns an Ibis expression; nothing here
runs a query. The same expression compiles to DuckDB SQL (over Parquet, out of
core) and to Spark SQL (``ibis.to_sql(expr, dialect="pyspark")``), so there is no
second hand-written copy that could drift from the first.

Importing this module needs nothing optional; calling a function needs Ibis
(the ``engines`` extra).

Conventions match the pandas metrics of :mod:`cskit.metrics` (the tests check
it): a customer's rows in a month are summed and a month counts only when the
total is > 0; months are integers ``m = year × 12 + month − 1``; days are days
since 1970-01-01.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Ibis is an optional dependency: imported where used
    import ibis.expr.types as ir

__all__ = [
    "active_users",
    "churn",
    "cohort_retention",
    "customer_months",
    "month_changes",
    "mrr_movements",
    "mrr_totals",
    "prepare_events",
    "prepare_mrr",
    "retention",
]


def _month_number(column: ir.Value) -> ir.IntegerValue:
    """``YYYY-MM`` text, a date or a timestamp as ``year × 12 + month − 1``."""
    if column.type().is_string():
        return (column.substr(0, 4).cast("int64") * 12 + column.substr(5, 2).cast("int64") - 1)
    return column.year().cast("int64") * 12 + column.month().cast("int64") - 1


def prepare_mrr(table: ir.Table, *, customer: str = "customer_id", month: str = "month",
                mrr: str = "mrr") -> ir.Table:
    """An ``mrr`` table as ``customer, m, mrr`` (integer months, float MRR)."""
    return table.select(
        customer=table[customer].cast("string"),
        m=_month_number(table[month]),
        mrr=table[mrr].cast("float64"),
    )


def customer_months(prepared: ir.Table) -> ir.Table:
    """One row per customer and month with MRR > 0 (several lines summed)."""
    summed = prepared.group_by(["customer", "m"]).aggregate(mrr=prepared.mrr.sum())
    return summed.filter(summed.mrr > 0)


def mrr_totals(cm: ir.Table) -> ir.Table:
    """MRR and paying customers per month: ``m, mrr, customers``."""
    return cm.group_by("m").aggregate(mrr=cm.mrr.sum(), customers=cm.count()).order_by("m")


def month_changes(cm: ir.Table) -> ir.Table:
    """Each customer's MRR this month and last month (0 when not paying), for every
    month after the data's first in which either is > 0, with the customer's first
    paying month: ``customer, m, prev, cur, first_m``."""
    import ibis

    by_customer = ibis.window(group_by=cm.customer)
    first_m = cm.m.min().over(by_customer)
    current = cm.select(customer=cm.customer, m=cm.m, cur=cm.mrr, first_m=first_m)
    later = cm.view()
    shifted = later.select(customer=later.customer, m=later.m + 1, prev=later.mrr,
                           first_m=later.m.min().over(ibis.window(group_by=later.customer)))
    joined = current.outer_join(shifted, ["customer", "m"])
    both = joined.select(
        customer=joined.customer.coalesce(joined.customer_right),
        m=joined.m.coalesce(joined.m_right),
        prev=joined.prev.coalesce(0.0),
        cur=joined.cur.coalesce(0.0),
        first_m=joined.first_m.coalesce(joined.first_m_right),
    )
    bounds = cm.view()
    kept = both.filter((both.m > bounds.m.min().as_scalar())
                       & (both.m <= bounds.m.max().as_scalar()))
    return kept.select("customer", "m", "prev", "cur", "first_m")


def mrr_movements(changes: ir.Table) -> ir.Table:
    """Per month: ``start, new, expansion, contraction, churn, reactivation, end``.

    new = MRR of a customer paying for the first time; reactivation = MRR of a
    customer back after a gap; expansion / contraction = change of a customer
    paying in both months; churn = last month's MRR of a customer paying nothing
    now. ``start + new + expansion − contraction − churn + reactivation = end``.
    """
    import ibis

    c = changes
    zero = ibis.literal(0.0)
    both = (c.prev > 0) & (c.cur > 0)
    return c.group_by("m").aggregate(
        start=c.prev.sum(),
        new=ibis.ifelse((c.prev == 0) & (c.m == c.first_m), c.cur, zero).sum(),
        expansion=ibis.ifelse(both & (c.cur > c.prev), c.cur - c.prev, zero).sum(),
        contraction=ibis.ifelse(both & (c.cur < c.prev), c.prev - c.cur, zero).sum(),
        churn=ibis.ifelse((c.prev > 0) & (c.cur == 0), c.prev, zero).sum(),
        reactivation=ibis.ifelse((c.prev == 0) & (c.m > c.first_m), c.cur, zero).sum(),
        end=c.cur.sum(),
    ).order_by("m")


def churn(changes: ir.Table) -> ir.Table:
    """Logo churn per month: ``start_customers, churned, churn`` (÷ customers at start)."""
    import ibis

    c = changes
    table = c.group_by("m").aggregate(
        start_customers=(c.prev > 0).sum().cast("int64"),
        churned=((c.prev > 0) & (c.cur == 0)).sum().cast("int64"),
    )
    return table.mutate(
        churn=ibis.ifelse(table.start_customers > 0,
                               table.churned.cast("float64") / table.start_customers, None)
    ).order_by("m")


def retention(movements: ir.Table) -> ir.Table:
    """Monthly net and gross revenue retention from the movements (new business and
    reactivation excluded): ``nrr = (start + expansion − contraction − churn) ÷ start``,
    ``grr = (start − contraction − churn) ÷ start`` (never above 1)."""
    import ibis

    mv = movements
    kept = mv.start - mv.contraction - mv.churn
    return mv.select(
        "m", "start",
        nrr=ibis.ifelse(mv.start > 0, (kept + mv.expansion) / mv.start, None),
        grr=ibis.ifelse(mv.start > 0, kept / mv.start, None),
    ).order_by("m")


def cohort_retention(cm: ir.Table) -> ir.Table:
    """Logo retention by first-payment cohort: ``cohort, age, customers, size, retention``
    (share of the cohort paying ``age`` months after its first month)."""
    firsts = cm.group_by("customer").aggregate(cohort=cm.m.min())
    rows = cm.inner_join(firsts, "customer")
    counts = rows.group_by(["cohort", rows.m.name("m")]).aggregate(customers=rows.count())
    counts = counts.mutate(age=counts.m - counts.cohort)
    sizes = counts.filter(counts.age == 0).select("cohort", size=counts.customers)
    table = counts.inner_join(sizes, "cohort")
    return table.select(
        "cohort", "age", "customers", "size",
        retention=table.customers.cast("float64") / table.size,
    ).order_by(["cohort", "age"])


def prepare_events(table: ir.Table, *, user: str = "user_id",
                   timestamp: str = "timestamp") -> ir.Table:
    """An ``events`` table as distinct ``user, d`` (days since 1970-01-01)."""
    import ibis

    day = table[timestamp].cast("timestamp").date()
    epoch = ibis.date(1970, 1, 1)
    prepared = table.select(user=table[user].cast("string"),
                            d=day.delta(epoch, unit="day").cast("int64"))
    return prepared.distinct()


def active_users(user_days: ir.Table, *, window: int = 28) -> ir.Table:
    """DAU, WAU (7 days) and MAU (``window`` days) on every day with a change.

    A sweep, not a trailing ``count(DISTINCT …)``: each active user-day adds one
    user to the trailing counts from that day until ``window`` days later or the
    user's next active day, whichever comes first; the counts are running sums
    of those +1 / −1 steps. Days without any step keep the previous counts (fill
    them after running the query).
    """
    import ibis

    ud = user_days
    following = ud.d.lead().over(ibis.window(group_by=ud.user, order_by=ud.d))
    nx = ud.mutate(nd=following)
    one, zero, minus = ibis.literal(1), ibis.literal(0), ibis.literal(-1)
    starts = nx.select(day=nx.d, dau=one, w=one, mo=one)
    week_end = nx.select(day=ibis.least(nx.d + 7, nx.nd.coalesce(nx.d + 7)), dau=zero, w=minus,
                         mo=zero)
    month_end = nx.select(day=ibis.least(nx.d + window, nx.nd.coalesce(nx.d + window)),
                          dau=zero, w=zero, mo=minus)
    steps = starts.union(week_end, distinct=False).union(month_end, distinct=False)
    per_day = steps.group_by("day").aggregate(dau=steps.dau.sum(), w=steps.w.sum(),
                                              mo=steps.mo.sum())
    running = ibis.cumulative_window(order_by=per_day.day)
    last_day = ud.d.max().as_scalar()
    return per_day.filter(per_day.day <= last_day).select(
        "day", "dau", wau=per_day.w.sum().over(running), mau=per_day.mo.sum().over(running),
    ).order_by("day")
