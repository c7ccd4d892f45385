"""The exercise cells of a KPI notebook: the question in Markdown, then an answer cell.

The question is the locale's English text (``training.<id>.q``), so the notebook and
``cskit.training.question`` say the same; the answer and the checker live in
``cskit/training/_nbNN.py`` and are never shown in a cell. Hints come after a wrong answer.
"""

from __future__ import annotations

from _nb import code, md

import cskit


def exercise_cells(ids: list[str], intro: str = "") -> list:
    """``## Exercises`` and, per exercise, its question and an answer cell."""
    cskit.set_language("en")
    lead = intro or (
        "Write your answer in place of `None` and run the cell: `cskit.training.check` says "
        "whether it is right on the data this notebook reads (`data=company`). A hint comes "
        "after a wrong answer, the explanation after a right one. Rates are fractions "
        "(5 % = 0.05); a choice is a letter."
    )
    cells = [md(f"## Exercises\n\n{lead}")]
    for number, exercise in enumerate(ids, start=1):
        cells.append(md(f"**{number}.** {cskit.training.question(exercise)}"))
        cells.append(code(f"answer_{number} = None\n"
                          f"cskit.training.check({exercise!r}, answer_{number}, data=company)"))
    return cells
