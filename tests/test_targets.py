"""targets.toml: targets, directions and the KPI tree; bad files name the key and line."""

from __future__ import annotations

import textwrap

import pytest

import cskit
from cskit import report, targets
from cskit.errors import CskitError
from cskit.targets import TargetsError, parse_targets, read_targets, tree_order

KNOWN = ["mrr", "churn", "nps", "first_login_rate", "stickiness"]

GOOD = textwrap.dedent(
    """\
    # comment line
    [mrr]
    target = 1_200_000
    direction = "higher"
    note = "plan"

    [churn]
    target = "2.5%"
    direction = "lower"

      [churn.first_login_rate]
      target = 0.85

      [churn.stickiness]
      direction = "higher"

    [nps]
    target = 20
    """
)


def test_parse_good_file():
    parsed = parse_targets(GOOD, known=KNOWN)
    assert list(parsed) == ["mrr", "churn", "first_login_rate", "stickiness", "nps"]
    assert parsed["mrr"].target == 1_200_000.0
    assert parsed["mrr"].note == "plan"
    assert parsed["churn"].target == pytest.approx(0.025)  # "2.5%" = 2.5 / 100
    assert parsed["churn"].direction == "lower"
    assert parsed["first_login_rate"].direction is None  # left to the KPI
    assert parsed["stickiness"].target is None  # a direction without a target is fine
    assert parsed.parents() == {"first_login_rate": "churn", "stickiness": "churn"}
    assert parsed["nps"].parent is None
    # Lines of the tables, counted in GOOD above.
    assert [parsed[k].line for k in parsed] == [2, 7, 11, 14, 17]


def test_dotted_and_inline_forms():
    parsed = parse_targets('mrr.target = 5\nchurn = { target = 0.02, nps = { target = 1 } }\n',
                           known=KNOWN)
    assert parsed["mrr"].target == 5.0
    assert parsed["nps"].parent == "churn"


def test_empty_file_means_no_targets():
    assert len(parse_targets("# nothing yet\n")) == 0


@pytest.mark.parametrize(
    ("text", "key", "line", "message"),
    [
        ("[churn]\ndirection = 'down'\n", "churn.direction", 2,
         "churn.direction = 'down' is not a direction; use \"higher\" or \"lower\""),
        ("[churn]\n\ntarget = true\n", "churn.target", 3, "churn.target = true is not a number"),
        ("[churn]\ntarget = 'two'\n", "churn.target", 2, "is not a number"),
        ("[churn]\ntarget = 'x%'\n", "churn.target", 2, "is not a percentage"),
        ("[churn]\ntarget = [1]\n", "churn.target", 2, "must be a number, not a list"),
        ("[churn]\ntarget = nan\n", "churn.target", 2, "not a finite number"),
        ("[mrr]\ntarget = 1\n[churn]\ntargte = 0.1\n", "churn.targte", 4,
         "unknown key 'targte'"),
        ("[mrr]\n[churm]\ntarget = 0.1\n", "churm", 2, "'churm' is not a KPI of the report"),
        ("[churn]\n[churn.mrr]\n[mrr]\n", "mrr", 3, "the KPI 'mrr' is already in the file"),
        ("churn = 0.02\n", "churn", 1, "a KPI must be a table"),
        ("[nps]\nnote = 3\n", "nps.note", 2, "must be text"),
    ],
)
def test_bad_values_name_key_and_line(text, key, line, message):
    with pytest.raises(TargetsError) as caught:
        parse_targets(text, source="data/targets.toml", known=KNOWN)
    error = caught.value
    assert error.key == key
    assert error.line == line
    assert str(error).startswith(f"data/targets.toml, line {line}: ")
    assert message in str(error)
    assert isinstance(error, CskitError)


def test_invalid_toml_names_its_line():
    with pytest.raises(TargetsError) as caught:
        parse_targets("[mrr]\ntarget = 1\n[churn\n", source="t.toml")
    assert caught.value.line == 3
    assert str(caught.value).startswith("t.toml, line 3: not valid TOML:")
    with pytest.raises(TargetsError, match=r"line 2: not valid TOML"):
        parse_targets("[mrr]\ntarget = = 1\n", source="t.toml")


def test_unknown_kpi_lists_the_known_ones():
    with pytest.raises(TargetsError, match="did you mean 'churn'"):
        parse_targets("[chrun]\n", known=KNOWN)
    # Without `known`, any name is accepted (the report always passes its KPI ids).
    assert list(parse_targets("[anything]\ntarget = 1\n")) == ["anything"]


def test_read_targets_files(tmp_path):
    path = tmp_path / "targets.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert read_targets(path, known=KNOWN)["churn"].target == pytest.approx(0.025)
    with pytest.raises(TargetsError, match="no such file"):
        read_targets(tmp_path / "missing.toml")
    path.write_bytes(b"[mrr]\nnote = '\xff'\n")
    with pytest.raises(TargetsError, match="not UTF-8"):
        read_targets(path)


def test_load_targets_is_optional(tmp_path):
    assert len(targets.load_targets(tmp_path)) == 0  # no file: no targets, no error
    (tmp_path / "targets.toml").write_text("[nps]\ntarget = 30\n", encoding="utf-8")
    assert targets.load_targets(tmp_path)["nps"].target == 30.0


def test_sample_targets_file_is_valid_for_the_report():
    parsed = report.load_targets(None)
    ids = {k.name for k in report.KPIS}
    assert set(parsed) <= ids
    assert parsed.parents() == {"first_login_rate": "churn", "stickiness": "churn"}
    assert parsed["churn"].target == pytest.approx(0.025)
    assert parsed["net_revenue_churn"].target == 0.0
    # report.load_targets checks names against the report's KPIs.
    bad = cskit.datasets.sample_dir() / "targets.toml"
    with pytest.raises(TargetsError, match="not a KPI of the report"):
        report.load_targets(None, kpis=[k for k in report.KPIS if k.name != "nps"])
    assert bad.is_file()


def test_tree_order():
    rows = tree_order(["a", "b", "c", "d", "e"], {"c": "a", "d": "c", "e": "missing"})
    # c under a, d under c; e's parent is not shown, so e stays at the top.
    assert rows == [("a", 0, None), ("c", 1, "a"), ("d", 2, "c"), ("b", 0, None),
                    ("e", 0, None)]
    # A cycle cannot come from a file (a KPI has one place) but must not loop forever.
    assert sorted(tree_order(["x", "y"], {"x": "y", "y": "x"})) == [("x", 0, None),
                                                                    ("y", 1, "x")]
