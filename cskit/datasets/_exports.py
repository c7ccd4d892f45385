"""A company's contract tables written back out as the raw exports of the tools
that hold them — Stripe, Zendesk, Typeform, Mixpanel, HubSpot and a finance sheet —
with the mess real exports carry, to test the loaders end to end."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

_STRIPE_COLUMNS = [
    "id", "Customer ID", "Customer Description", "Customer Email", "Plan", "Product", "Quantity",
    "Currency", "Interval", "Interval Count", "Amount", "Status", "Created (UTC)", "Start (UTC)",
    "Start Date (UTC)", "Current Period Start (UTC)", "Current Period End (UTC)",
    "Trial Start (UTC)", "Trial End (UTC)", "Application Fee Percent", "Coupon", "Tax Percent",
    "Canceled At (UTC)", "Cancel At Period End", "Ended At (UTC)", "account_id (metadata)",
]
_NPS_QUESTION = "How likely are you to recommend us to a friend or colleague?"


@dataclass(frozen=True)
class RawExports:
    """Where :func:`write_exports` put each export, and how to read them back.

    Attributes
    ----------
    folder : Path
    files : dict
        ``{"stripe": ..., "zendesk": ..., "typeform": ..., "mixpanel": ...,
        "hubspot": ..., "finance": ...}`` (only the tables the company has).
    account_property : str
        The Mixpanel property holding the account id (``account=``).
    hubspot_properties : dict
        ``properties=`` for ``read_accounts(..., source="hubspot")``.
    categories : dict
        ``categories=`` for ``read_costs(..., source="finance")``: the sheet's line
        labels → the company's cost categories (``None``: not a CS cost).
    mess : dict
        What was added on purpose and how many: blank rows, tickets without an
        organisation, partial survey responses, anonymous events.
    """

    folder: Path
    files: dict[str, Path]
    account_property: str = "company_id"
    hubspot_properties: dict[str, str | None] = field(default_factory=dict)
    categories: dict[str, str | None] = field(default_factory=dict)
    mess: dict[str, int] = field(default_factory=dict)

    def read(self) -> dict[str, pd.DataFrame]:
        """Read every export back with its ``cskit.read_*`` loader, by table name.

        The loaders' warnings (blank rows, orphan tickets, partial responses…) are
        issued as usual, so a caller can check that the mess is reported.
        """
        from cskit import io

        readers = {
            "stripe": ("subscriptions", lambda f: io.read_subscriptions(
                f, source="stripe", columns={"account_id (metadata)": "customer_id"})),
            "zendesk": ("tickets", lambda f: io.read_tickets(f, source="zendesk")),
            "typeform": ("surveys", lambda f: io.read_surveys(f, source="typeform")),
            "mixpanel": ("events", lambda f: io.read_events(
                f, source="mixpanel", account=self.account_property)),
            "hubspot": ("accounts", lambda f: io.read_accounts(
                f, source="hubspot", properties=self.hubspot_properties)),
            "finance": ("costs", lambda f: io.read_costs(
                f, source="finance", categories=self.categories)),
        }
        return {readers[tool][0]: readers[tool][1](path) for tool, path in self.files.items()}


def _utc(values: pd.Series, fmt: str = "%Y-%m-%d %H:%M:%S") -> pd.Series:
    return values.dt.strftime(fmt).where(values.notna(), "")


def _with_blank_rows(frame: pd.DataFrame, rng: np.random.Generator, n: int) -> pd.DataFrame:
    """``n`` rows of empty cells at random places (spreadsheets leave them)."""
    blank = pd.DataFrame([[""] * frame.shape[1]] * n, columns=frame.columns)
    at = np.sort(rng.integers(1, len(frame) + 1, size=n))
    parts, last = [], 0
    for i, cut in enumerate(at):  # n is a handful: a loop over inserted rows, not data rows
        parts += [frame.iloc[last:cut], blank.iloc[[i]]]
        last = cut
    parts.append(frame.iloc[last:])
    return pd.concat(parts, ignore_index=True)


def _stripe(subs: pd.DataFrame) -> pd.DataFrame:
    interval = subs["interval"].astype("str")
    recurring = interval.isin(["month", "year"]) | interval.str.fullmatch(r"\d+")
    subs = subs[recurring.to_numpy()].reset_index(drop=True)
    interval = subs["interval"].astype("str")
    count = np.where(interval.str.fullmatch(r"\d+"), interval, "1")
    # Stripe shows the coupon separately; here it is folded into the price so the export
    # carries the same revenue (the loader does not read coupons).
    discount = subs["discount"].fillna(0.0) if "discount" in subs.columns else 0.0
    amount = (subs["amount"] * (1.0 - discount)).round(2)
    ended = subs["end"].notna()
    ids = subs["customer_id"].astype("str")
    out = pd.DataFrame({c: "" for c in _STRIPE_COLUMNS}, index=subs.index)
    out = out.assign(**{
        "id": "sub_" + pd.Series(np.arange(1, len(subs) + 1), index=subs.index).astype(str),
        "Customer ID": "cus_" + ids,
        "Customer Description": "Customer " + ids,
        "Plan": subs.get("plan", ""),
        "Product": subs.get("product", ""),
        "Quantity": "1",
        "Currency": subs["currency"].astype("str").str.lower() if "currency" in subs else "usd",
        "Interval": np.where(interval == "year", "year", "month"),
        "Interval Count": count,
        "Amount": amount.map("{:.2f}".format),
        "Status": np.where(ended, "canceled", "active"),
        "Created (UTC)": _utc(subs["start"], "%Y-%m-%d %H:%M"),
        "Start (UTC)": _utc(subs["start"], "%Y-%m-%d %H:%M"),
        "Start Date (UTC)": _utc(subs["start"], "%Y-%m-%d %H:%M"),
        "Canceled At (UTC)": _utc(subs["end"], "%Y-%m-%d %H:%M"),
        "Cancel At Period End": "false",
        "Ended At (UTC)": _utc(subs["end"], "%Y-%m-%d %H:%M"),
        "account_id (metadata)": ids,
    })
    return out


def _zendesk(tickets: pd.DataFrame, rng: np.random.Generator, tz: str, n_orphans: int):
    created = tickets["created_at"]

    def local(values: pd.Series) -> pd.Series:  # ISO 8601 with the offset of that day
        text = values.dt.tz_localize("UTC").dt.tz_convert(tz).dt.strftime("%Y-%m-%dT%H:%M:%S%z")
        return text.where(values.notna(), "")

    minutes = ((tickets["first_response_at"] - created).dt.total_seconds() / 60).round(2)
    out = pd.DataFrame({
        "Summation column": "1",
        "Id": tickets["ticket_id"].astype("str"),
        "Requester": "Requester of " + tickets["account_id"].astype("str"),
        "Subject": "",
        "Status": np.where(tickets["resolved_at"].notna(), "solved", "open"),
        "Via": tickets["channel"].astype("str").str.title() if "channel" in tickets else "",
        "Ticket type": tickets["category"] if "category" in tickets else "",
        "Created at": local(created),
        "Organization": tickets["account_id"].astype("str"),
        "Solved at": local(tickets["resolved_at"]),
        "Reopens": tickets["reopened"].astype(int).astype(str) if "reopened" in tickets else "0",
        "Replies": tickets["agent_replies"].astype(str) if "agent_replies" in tickets else "",
        "First reply time in minutes": minutes.map("{:g}".format).where(minutes.notna(), ""),
    })
    # Tickets from people no organisation is linked to (a prospect, a personal address).
    pick = rng.choice(len(out), size=min(n_orphans, len(out)), replace=False)
    orphans = out.iloc[np.sort(pick)].assign(
        Id=lambda f: "Z" + f["Id"], Organization="", Requester="unknown requester")
    return pd.concat([out, orphans], ignore_index=True).sort_values(
        "Created at", kind="stable", ignore_index=True)


def _typeform(surveys: pd.DataFrame, rng: np.random.Generator, n_partial: int) -> pd.DataFrame:
    nps = surveys[surveys["survey"] == "nps"].reset_index(drop=True)
    submitted = _utc(nps["submitted_at"])
    out = pd.DataFrame({
        "#": nps.get("respondent_id", nps["account_id"]).astype("str") + "-"
        + pd.Series(np.arange(len(nps))).astype(str),
        _NPS_QUESTION: nps["score"].astype("int64").astype(str),
        "What is the main reason for your score?": nps.get("comment", pd.Series("", index=nps.index)),
        "account_id": nps["account_id"],
        "Response Type": "completed",
        "Start Date (UTC)": _utc(nps["submitted_at"] - pd.Timedelta(minutes=2)),
        "Stage Date (UTC)": "",
        "Submit Date (UTC)": submitted,
        "Network ID": "",
        "Tags": "",
    })
    pick = rng.choice(len(out), size=min(n_partial, len(out)), replace=False)
    partial = out.iloc[np.sort(pick)].assign(**{
        "#": lambda f: "p" + f["#"], _NPS_QUESTION: "",
        "What is the main reason for your score?": "", "Response Type": "partial",
        "Stage Date (UTC)": lambda f: f["Start Date (UTC)"], "Submit Date (UTC)": ""})
    return pd.concat([out, partial], ignore_index=True)


def _mixpanel(events: pd.DataFrame, account_property: str, n_anonymous: int) -> list[str]:
    seconds = events["timestamp"].astype("datetime64[s]").astype("int64")
    props = pd.DataFrame({"time": seconds, "distinct_id": events["user_id"].astype(str),
                          account_property: events["account_id"].astype(str)})
    if "session_id" in events:
        props["$session_id"] = events["session_id"].astype(str)
    if "duration_s" in events:
        props["$duration"] = events["duration_s"]
    records = [{"event": e, "properties": p}
               for e, p in zip(events["event"].astype(str), props.to_dict("records"), strict=True)]
    first = int(seconds.min()) if len(seconds) else 0
    records += [{"event": "Page Viewed", "properties": {"time": first + 3600 * i,
                                                        "distinct_id": f"anon-{i:04d}"}}
                for i in range(n_anonymous)]
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _hubspot(accounts: pd.DataFrame) -> pd.DataFrame:
    def ms(values: pd.Series) -> pd.Series:  # a timestamp property synced as epoch ms
        number = values.astype("datetime64[ms]").astype("int64").astype(str)
        return number.where(values.notna(), "")

    out = pd.DataFrame({
        "Record ID": (9_100_000 + np.arange(len(accounts))).astype(str),
        "Company name": "Company " + accounts["account_id"].astype(str),
        "Create Date": _utc(accounts["signup_at"]),
        "Lifecycle Stage": np.where(accounts["converted_at"].notna(), "Customer", "Opportunity")
        if "converted_at" in accounts else "",
        "Account ID": accounts["account_id"].astype(str),
    })
    for column, title in (("segment", "Segment"), ("plan", "Plan")):
        if column in accounts:
            out[title] = accounts[column]
    if "seats" in accounts:
        out["Seats"] = accounts["seats"].map("{:,}".format)
    for column, title in (("trial_start", "Trial start date"),
                          ("converted_at", "Became a Customer Date")):
        if column in accounts:
            out[title] = _utc(accounts[column])
    if "first_login_at" in accounts:
        out["First login date"] = ms(accounts["first_login_at"])
    return out


def _finance(costs: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str | None]]:
    labels = {c: f"{str(c).replace('_', ' ').capitalize()} (GL)" for c in costs["category"].unique()}
    wide = costs.assign(label=costs["category"].map(labels)).pivot_table(
        index="label", columns="month", values="amount", aggfunc="sum", sort=True)
    months = list(wide.columns)
    rent = pd.DataFrame([[5000.0] * len(months)], index=["Office rent"], columns=months)
    total = pd.DataFrame([wide.sum().to_numpy()], index=["Total"], columns=months)
    sheet = pd.concat([wide, rent, total])
    text = sheet.apply(lambda col: col.map(lambda v: "" if pd.isna(v) else f"{v:,.2f}"))
    text.columns = [m.strftime("%b %Y") for m in months]
    text = text.rename_axis("Line item").reset_index()
    mapping: dict[str, str | None] = {label: c for c, label in labels.items()}
    mapping["Office rent"] = None
    return text, mapping


def write_exports(company, out: str | Path, *, tz: str = "America/Los_Angeles",
                  seed: int = 0) -> RawExports:
    """Write a company's tables as the raw exports of the tools that hold them.

    Parameters
    ----------
    company : SampleCompany or any object with a ``tables()`` method
        Its ``subscriptions`` become Stripe's subscriptions export, ``tickets``
        Zendesk's ticket export, the NPS answers of ``surveys`` a Typeform
        responses export, ``events`` Mixpanel's raw export (JSON lines),
        ``accounts`` HubSpot's companies export and ``costs`` a finance sheet
        with one column per month. Tables the company lacks are skipped.
    out : str or Path
        Folder to write to (created if missing).
    tz : str, default "America/Los_Angeles"
        The help desk's zone: Zendesk times are written with that day's UTC
        offset, which changes with daylight saving.
    seed : int
        Which rows get the mess.

    Returns
    -------
    RawExports

    Notes
    -----
    The mess real exports carry: blank rows and rows of empty delimiters
    (Stripe, HubSpot, the finance sheet), thousands separators (seats, costs),
    UTC offsets that change across the year (Zendesk), epoch milliseconds
    (HubSpot's first-login property, as an integration syncs it), tickets
    without an organisation, partial survey responses without a score, anonymous
    events, a "Total" row and a line that is not a CS cost (finance). Coupons
    are folded into Stripe's amounts. Read back with the ``cskit.read_*``
    loaders (see ``docs/loading-data.md``); the KPIs come out the same.

    Examples
    --------
    >>> import tempfile, cskit
    >>> company = cskit.datasets.generate_sample(seed=1, n_accounts=40)
    >>> exports = cskit.datasets.write_exports(company, tempfile.mkdtemp())
    >>> sorted(exports.files)
    ['finance', 'hubspot', 'mixpanel', 'stripe', 'typeform', 'zendesk']
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    tables = company.tables() if hasattr(company, "tables") else dict(company)
    tables = {k: v for k, v in tables.items() if v is not None}
    files: dict[str, Path] = {}
    mess: dict[str, int] = {}
    categories: dict[str, str | None] = {}
    account_property = "company_id"
    hubspot_properties = {"account_id": "Account ID"}

    def csv(name: str, frame: pd.DataFrame) -> Path:
        path = folder / name
        path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        return path

    if "subscriptions" in tables:
        stripe = _with_blank_rows(_stripe(tables["subscriptions"]), rng, 2)
        files["stripe"] = csv("stripe_subscriptions.csv", stripe)
        mess["stripe_blank_rows"] = 2
    if "tickets" in tables:
        n = max(1, len(tables["tickets"]) // 50)
        files["zendesk"] = csv("zendesk_tickets.csv", _zendesk(tables["tickets"], rng, tz, n))
        mess["tickets_without_organization"] = n
    if "surveys" in tables and (tables["surveys"]["survey"] == "nps").any():
        n = max(1, int((tables["surveys"]["survey"] == "nps").sum()) // 20)
        files["typeform"] = csv("typeform_nps.csv", _typeform(tables["surveys"], rng, n))
        mess["partial_responses"] = n
    if "events" in tables:
        n = 3
        path = folder / "mixpanel_events.jsonl"
        path.write_text("\n".join(_mixpanel(tables["events"], account_property, n)) + "\n",
                        encoding="utf-8")
        files["mixpanel"] = path
        mess["anonymous_events"] = n
    if "accounts" in tables:
        files["hubspot"] = csv("hubspot_companies.csv",
                               _with_blank_rows(_hubspot(tables["accounts"]), rng, 1))
        mess["hubspot_blank_rows"] = 1
    if "costs" in tables:
        sheet, categories = _finance(tables["costs"])
        files["finance"] = csv("finance_costs.csv", _with_blank_rows(sheet, rng, 1))
        mess["finance_blank_rows"] = 1
    return RawExports(folder=folder, files=files, account_property=account_property,
                      hubspot_properties=hubspot_properties, categories=categories, mess=mess)
