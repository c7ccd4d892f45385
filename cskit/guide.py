"""Read it, act on it: benchmarks, levers and first actions for each KPI.

Every KPI notebook ends with the same three questions a new CSM asks about a
number: *is it good* (a published benchmark, with its source, year and
caveats), *what moves it* (the levers), and *what do I do first when it moves*
(three concrete actions). :func:`read_it` returns that guidance as a
:class:`GuideEntry`, which Jupyter shows as Markdown and ``print`` as text;
:func:`kpis` lists the keys and :func:`markdown_table` renders the whole guide
for ``docs/benchmarks.md``.

The content lives in :mod:`cskit._guide_data`. Benchmarks are facts with their
source; when we could only read a figure on a secondary page, ``via`` says
where, and a figure that is only a commonly quoted threshold is marked
``kind="rule of thumb"`` with its usual attribution. The wording is ours.

Examples
--------
>>> from cskit import guide
>>> entry = guide.read_it("churn")
>>> entry.kpi, len(entry.actions)
('churn', 3)
>>> guide.read_it("grr").kpi      # aliases lead to the entry that covers them
'nrr'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from cskit._guide_data import ENTRIES, NOTEBOOKS
from cskit.errors import InvalidParameterError

__all__ = [
    "KINDS",
    "NOTEBOOKS",
    "Benchmark",
    "GuideEntry",
    "kpis",
    "markdown_table",
    "read_it",
]

#: What a benchmark figure is, from the firmest to the loosest.
KINDS = ("measured", "survey", "compilation", "rule of thumb")


def _md(text: str) -> str:
    r"""Escape what Markdown renderers would misread: ``$`` starts maths in Jupyter.

    Examples
    --------
    >>> print(_md("$1.13 vs $0.27"))
    \$1.13 vs \$0.27
    """
    return text.replace("$", "\\$")


@dataclass(frozen=True)
class Benchmark:
    """One published figure and where it comes from.

    Attributes
    ----------
    figure : str
        The range or value, in words (``"median monthly churn 5.15 % for B2B"``).
    publisher : str
        Who published it.
    report : str
        The report, article or page.
    year : int
        The year of the source (of its data when the report says so).
    kind : str
        One of :data:`KINDS`.
    caveats : str
        Segment, ACV, sample, survey vs measured, and how the source defines the KPI.
    url : str or None
        The publisher's own page, when we read the figure there.
    via : str or None
        The secondary page where we read it, when the original was not available.
    """

    figure: str
    publisher: str
    report: str
    year: int
    kind: str
    caveats: str
    url: str | None = None
    via: str | None = None

    def citation(self) -> str:
        """Publisher, report and year, with the address when there is one.

        Examples
        --------
        >>> Benchmark("x", "Pub", "Report", 2020, "survey", "none").citation()
        'Pub, *Report* (2020)'
        """
        text = f"{_md(self.publisher)}, *{_md(self.report)}* ({self.year})"
        if self.url:
            text += f", <{self.url}>"
        if self.via:
            text += f"; read via <{self.via}>"
        return text


@dataclass(frozen=True, repr=False)
class GuideEntry:
    """The "Read it, act on it" guidance for one KPI.

    Shown as Markdown in Jupyter (``_repr_markdown_``) and as plain text by
    ``str()``, ``repr()`` and ``print`` (so a console shows the text too).

    Attributes
    ----------
    kpi : str
        The key (see :func:`kpis`).
    title : str
        The KPI's name.
    benchmarks : tuple of Benchmark
        Published reference points, each with its source and caveats.
    levers : tuple of str
        What moves the number.
    actions : tuple of str
        The first three things a CSM does when it moves, in order.
    aliases : tuple of str
        Other keys :func:`read_it` accepts for this entry.
    """

    kpi: str
    title: str
    benchmarks: tuple[Benchmark, ...]
    levers: tuple[str, ...]
    actions: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def as_of(self) -> int:
        """Year of the most recent source in the entry.

        Examples
        --------
        >>> read_it("fcr").as_of
        2022
        """
        return max(b.year for b in self.benchmarks)

    def to_markdown(self, heading: str = "###") -> str:
        """The entry as Markdown, under a heading of the given level.

        Examples
        --------
        >>> print(read_it("quick_ratio").to_markdown().splitlines()[0])
        ### Read it, act on it: SaaS quick ratio
        """
        lines = [f"{heading} Read it, act on it: {_md(self.title)}", "",
                 f"**Benchmarks** (sources up to {self.as_of}; a benchmark is context, "
                 "not a target — read the caveats):", ""]
        for b in self.benchmarks:
            lines.append(f"- **{_md(b.figure)}** — {b.citation()}. *{b.kind.capitalize()}.* "
                         f"Caveats: {_md(b.caveats)}")
        lines += ["", "**What moves it:**", ""]
        lines += [f"- {_md(lever)}" for lever in self.levers]
        lines += ["", "**When it moves, first:**", ""]
        lines += [f"{i}. {_md(action)}" for i, action in enumerate(self.actions, start=1)]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __str__(self) -> str:
        lines = [f"Read it, act on it: {self.title} (sources up to {self.as_of})", "",
                 "Benchmarks:"]
        for b in self.benchmarks:
            where = f" {b.url}" if b.url else ""
            where += f" (read via {b.via})" if b.via else ""
            lines += [f"  - {b.figure}",
                      f"    Source: {b.publisher}, {b.report} ({b.year}){where} [{b.kind}]",
                      f"    Caveats: {b.caveats}"]
        lines += ["", "What moves it:"] + [f"  - {lever}" for lever in self.levers]
        lines += ["", "When it moves, first:"]
        lines += [f"  {i}. {action}" for i, action in enumerate(self.actions, start=1)]
        return "\n".join(lines)

    __repr__ = __str__


def _build() -> dict[str, GuideEntry]:
    entries = {}
    for key, data in ENTRIES.items():
        benchmarks = tuple(
            Benchmark(figure=b["figure"], publisher=b["publisher"], report=b["report"],
                      year=b["year"], kind=b["kind"], caveats=b["caveats"],
                      url=b.get("url"), via=b.get("via"))
            for b in data["benchmarks"]
        )
        entries[key] = GuideEntry(kpi=key, title=data["title"], benchmarks=benchmarks,
                                  levers=tuple(data["levers"]), actions=tuple(data["actions"]),
                                  aliases=tuple(data["aliases"]))
    return entries


_ENTRIES = _build()
_ALIASES = {alias: entry.kpi for entry in _ENTRIES.values() for alias in entry.aliases}


def kpis() -> list[str]:
    """The KPI keys that have guidance, in the notebooks' order.

    Examples
    --------
    >>> kpis()[:4]
    ['churn', 'mrr', 'arpa', 'nrr']
    >>> len(kpis())
    22
    """
    return list(_ENTRIES)


def read_it(kpi: str) -> GuideEntry:
    """The "Read it, act on it" guidance for a KPI.

    Parameters
    ----------
    kpi : str
        A key from :func:`kpis` or one of its aliases (``"grr"``, ``"arpu"``,
        ``"dau_mau"``…); case and surrounding spaces are ignored.

    Returns
    -------
    GuideEntry
        Benchmarks with sources and caveats, levers, and three first actions.

    Raises
    ------
    cskit.errors.InvalidParameterError
        For an unknown key; the message lists the known keys.

    Examples
    --------
    >>> entry = read_it("NPS")
    >>> entry.title, entry.benchmarks[0].year
    ('Net Promoter Score (NPS)', 2021)
    >>> read_it("chrun")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: kpi='chrun' has no guide entry. Did you mean 'churn'? Known keys: churn, mrr, arpa, ...
    """
    if not isinstance(kpi, str):
        raise InvalidParameterError(
            f"kpi must be a string such as 'churn', got {type(kpi).__name__} {kpi!r}."
        )
    key = kpi.strip().lower()
    key = _ALIASES.get(key, key)
    if key in _ENTRIES:
        return _ENTRIES[key]
    close = difflib.get_close_matches(key, [*_ENTRIES, *_ALIASES], n=1)
    hint = f" Did you mean {_ALIASES.get(close[0], close[0])!r}?" if close else ""
    raise InvalidParameterError(
        f"kpi={kpi!r} has no guide entry.{hint} Known keys: {', '.join(_ENTRIES)} "
        f"(aliases: {', '.join(_ALIASES)})."
    )


def markdown_table() -> str:
    """The whole guide as the Markdown page ``docs/benchmarks.md``.

    A summary table (KPI, benchmark, source, year, kind) followed by each KPI's
    full entry. ``tests/test_guide.py`` checks that the committed page equals
    this output; regenerate it with
    ``python -c "import cskit.guide as g; open('docs/benchmarks.md', 'w').write(g.markdown_table())"``.

    Examples
    --------
    >>> page = markdown_table()
    >>> page.startswith("# KPI benchmarks")
    True
    """
    def cell(text: str) -> str:
        return _md(text).replace("|", "\\|")

    lines = [
        "# KPI benchmarks: read it, act on it",
        "",
        "<!-- Generated by cskit.guide.markdown_table(); do not edit by hand. -->",
        "",
        "Each KPI notebook ends with the same guidance, from `cskit.guide.read_it(kpi)`: a "
        "published benchmark with its source, year and caveats; what moves the number; and "
        "the first three things a CSM does when it moves. A benchmark is context, not a "
        "target: compare like with like (segment, contract value, monthly vs annual, survey "
        "vs measured, the source's definition) and prefer your own trend.",
        "",
        "*Kind* says what a figure is: **measured** (a vendor's platform data), **survey** "
        "(self-reported), **compilation** (a summary of other sources) or **rule of thumb** "
        "(a commonly quoted threshold, with its usual attribution). Where we could read a "
        "figure only on a secondary page, the table says *via*. Sources change: check the "
        "page when a number matters.",
        "",
        "| KPI (key) | Benchmark | Source | Year | Kind |",
        "|---|---|---|---|---|",
    ]
    for entry in _ENTRIES.values():
        for b in entry.benchmarks:
            source = f"{b.publisher}, *{b.report}*"
            if b.url:
                source += f" ([link]({b.url}))"
            if b.via:
                source += f" (via [{b.via.split('/')[2]}]({b.via}))"
            lines.append(f"| {cell(entry.title)} (`{entry.kpi}`) | {cell(b.figure)} | "
                         f"{cell(source)} | {b.year} | {b.kind} |")
    lines += ["", "## KPI by KPI", ""]
    for entry in _ENTRIES.values():
        lines += [entry.to_markdown(heading="###").rstrip("\n"), ""]
    return "\n".join(lines)
