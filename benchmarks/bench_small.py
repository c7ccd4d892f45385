"""Benchmark: every accessor KPI on the sample company — small data must stay instant.

Usage::

    .venv/bin/python benchmarks/bench_small.py

In one fresh process: imports cskit (timed), loads the sample company, then calls
every registered KPI (``cskit.registry.KPIS``) through ``df.cs`` on the table it
is registered for, with its defaults: the first call (which pays any one-off
cost: imports, caches, a JIT compile if there were one) and the best of
``--repeat`` later calls. A KPI whose defaults need more than its table (another
frame, a parameter) is listed as skipped with the reason.

Writes ``results/small.csv``: ``kpi, table, rows, first_call_ms, best_ms`` and
prints the table; exits 1 if a later call takes 50 ms or more, or a first call 1 s
or more.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "small.csv")
    args, unknown = ap.parse_known_args(argv)
    if unknown:  # benchmarks/run.py passes the same options to every script
        print(f"ignoring options meant for other benchmarks: {' '.join(unknown)}")
    t = time.perf_counter()
    import cskit
    from cskit.registry import KPIS

    import_s = time.perf_counter() - t
    company = cskit.datasets.load_sample()
    rows, skipped = [], []
    for name, info in sorted(KPIS.items()):
        frame = getattr(company, info.table, None)
        if not isinstance(frame, pd.DataFrame):
            skipped.append((name, f"no sample table {info.table!r}"))
            continue
        call = getattr(frame.cs, name)
        t = time.perf_counter()
        try:
            call()
        except Exception as exc:  # a KPI needing more than its table: not a timing
            skipped.append((name, f"{type(exc).__name__}: {str(exc)[:80]}"))
            continue
        first = time.perf_counter() - t
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            call()
            best = min(best, time.perf_counter() - t)
        rows.append({"kpi": name, "table": info.table, "rows": len(frame),
                     "first_call_ms": round(first * 1000, 1), "best_ms": round(best * 1000, 1)})
    table = pd.DataFrame(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(args.out, index=False)
    print(f"import cskit: {import_s * 1000:.0f} ms; {os.cpu_count()} CPUs; "
          f"best of {args.repeat} later calls")
    print(table.to_string(index=False))
    for name, why in skipped:
        print(f"skipped {name}: {why}")
    slow = table[(table["best_ms"] >= 50) | (table["first_call_ms"] >= 1000)]
    if len(slow):
        print("FAIL: not instant: " + ", ".join(slow["kpi"]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
