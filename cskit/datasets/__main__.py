"""Regenerate the sample company: ``python -m cskit.datasets --out data/sample``."""

from __future__ import annotations

import argparse

from cskit.datasets import SAMPLE_SEED, generate_sample, write_sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cskit.datasets", description=__doc__)
    parser.add_argument("--out", default="data/sample", help="directory to write (default data/sample)")
    parser.add_argument("--seed", type=int, default=SAMPLE_SEED, help="random seed (default 2026)")
    parser.add_argument("--accounts", type=int, default=3000, help="expected sign-ups (default 3000)")
    args = parser.parse_args(argv)
    company = generate_sample(seed=args.seed, n_accounts=args.accounts)
    for path in write_sample(company, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
