"""Regenerate the sample company: ``python -m cskit.datasets --out data/sample``.

``python -m cskit.datasets --second --out DIR`` writes the second company instead
(:func:`cskit.datasets.make_company`: 14 months, euros, only some tables).
"""

from __future__ import annotations

import argparse

from cskit.datasets import SAMPLE_SEED, generate_sample, make_company, write_company, write_sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cskit.datasets", description=__doc__)
    parser.add_argument("--out", default="data/sample", help="directory to write (default data/sample)")
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED, help="random seed (default 2026)")
    parser.add_argument("--accounts", type=int, default=3000, help="expected sign-ups (default 3000)")
    parser.add_argument("--second", action="store_true",
                        help="write the second company (make_company, seed 12 unless --seed)")
    args = parser.parse_args(argv)
    if args.second:
        seed = 12 if args.seed == SAMPLE_SEED else args.seed
        paths = write_company(make_company(seed=seed), args.out)
    else:
        paths = write_sample(generate_sample(seed=args.seed, n_accounts=args.accounts), args.out)
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
