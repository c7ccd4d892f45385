"""cskit._notebook: a data folder with some tables, and the clean stop when one is missing."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

import cskit
from cskit._notebook import open_company
from cskit.errors import CskitError


def _write(folder: Path, name: str, frame: pd.DataFrame) -> None:
    frame.to_csv(folder / f"{name}.csv", index=False, date_format="%Y-%m-%d %H:%M:%S")


@pytest.fixture(scope="module")
def sample() -> cskit.datasets.SampleCompany:
    return cskit.datasets.load_sample()


def test_folder_with_some_tables(tmp_path: Path, sample) -> None:
    surveys = sample.surveys.head(50)
    _write(tmp_path, "surveys", surveys)
    company = open_company(tmp_path, needs=("surveys",))
    pd.testing.assert_frame_equal(company.surveys, surveys.reset_index(drop=True),
                                  check_dtype=False)
    assert company.mrr is None and company.events is None and company.tickets is None


def test_mrr_is_derived_from_subscriptions(tmp_path: Path, sample) -> None:
    # The whole subscriptions table: the folder's as-of date (its latest start) bounds the
    # derived months, so two customers of 2023 alone would end the data in 2023.
    subs = sample.subscriptions
    _write(tmp_path, "subscriptions", subs)
    company = open_company(tmp_path, needs=("mrr",))
    # The same reader as `cskit report --data`: mrr derived up to the folder's as-of month.
    assert set(company.mrr.columns) >= {"customer_id", "month", "mrr"}
    # by hand: A00002's line of 6,156 every 3 months, no discount, runs 2023-11-03 to
    # 2025-02-03, so it counts 6,156 / 3 = 2,052 a month from 2023-11 to 2025-01
    line = subs[subs["customer_id"] == "A00002"].iloc[0]
    assert (line["amount"], line["interval"], line["discount"]) == (6156.0, "3", 0.0)
    a2 = company.mrr[company.mrr["customer_id"] == "A00002"].set_index("month")["mrr"]
    assert a2.index.min() == pd.Period("2023-11", "M")
    assert a2.index.max() == pd.Period("2025-01", "M")
    assert a2.loc[pd.Period("2024-06", "M")] == pytest.approx(2052.0)


def test_missing_table_outside_ipython_raises(tmp_path: Path, sample) -> None:
    _write(tmp_path, "surveys", sample.surveys.head(5))
    with pytest.raises(CskitError, match=r"tickets.*tickets\.csv"):
        open_company(tmp_path, needs=("surveys", "tickets"))


def test_unknown_table_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CskitError, match="unknown tables"):
        open_company(tmp_path, needs=("invoices",))
    with pytest.raises(CskitError, match="is not a folder"):
        open_company(tmp_path / "nowhere", needs=())


def test_notebook_stops_cleanly_under_papermill(tmp_path: Path, sample) -> None:
    """Missing tables: the message is the first output, later cells do not run, no error."""
    papermill = pytest.importorskip("papermill")
    data = tmp_path / "data"
    data.mkdir()
    _write(data, "surveys", sample.surveys.head(5))
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('data_dir = None\nlang = "en"')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "import cskit\nfrom cskit._notebook import open_company\n"
            "cskit.set_language(lang)\n"
            "company = open_company(data_dir, needs=('mrr', 'surveys'))\n"
            "print('setup done')"
        ),
        nbformat.v4.new_code_cell("raise RuntimeError('this cell must not run')"),
        nbformat.v4.new_code_cell("%matplotlib inline\nprint('nor this one')"),
    ]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    source, out = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(str(source), str(out), parameters={"data_dir": str(data)},
                               progress_bar=False, execution_timeout=120)
    done = nbformat.read(out, as_version=4)
    code = [c for c in done.cells if c.cell_type == "code"]
    setup_text = "".join(o.get("text", "") for o in code[2].outputs)  # after injected params
    assert setup_text.startswith("This notebook needs the table(s) mrr")
    assert "surveys" in setup_text and "mrr.csv" in setup_text
    assert "setup done" in setup_text  # the setup cell itself finishes
    assert code[3].outputs == [] and code[4].outputs == []
