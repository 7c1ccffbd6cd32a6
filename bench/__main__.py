"""`python -m bench [NAME ...]`: run every `bench_*.py` module's `main()` in turn, or only those named.

A name may be given with or without the `bench_` prefix (`core` or `bench_core`). The exit status is
the number of benchmarks that failed or returned non-zero.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path


def available() -> list[str]:
    return sorted(p.stem for p in Path(__file__).resolve().parent.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    names = available()
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv] or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)} (available: {', '.join(names)})", file=sys.stderr)
        return 2
    failed = 0
    for name in wanted:
        print(f"== {name}", flush=True)
        try:
            status = importlib.import_module(f"bench.{name}").main()
        except Exception:  # one broken benchmark must not hide the others' numbers
            traceback.print_exc()
            status = 1
        failed += 1 if status else 0
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
