"""`python -m bench [NAME ...] [ARGS]`: run every `bench_*.py` module's `main()` in turn, or only those named.

A name may be given with or without the `bench_` prefix (`core` or `bench_core`). Arguments after the
names go to the one benchmark named (`python -m bench quality ../shared/panel --json`). The exit
status is the number of benchmarks that failed or returned non-zero.
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
    given = [n if n.startswith("bench_") else f"bench_{n}" for n in argv]
    count = next((i for i, n in enumerate(given) if n not in names), len(given))
    wanted, rest = given[:count] or names, argv[count:]
    if argv and not count:
        print(f"unknown benchmark: {argv[0]} (available: {', '.join(names)})", file=sys.stderr)
        return 2
    if rest and len(wanted) != 1:
        print("arguments go to one benchmark: python -m bench NAME [ARGS]", file=sys.stderr)
        return 2
    failed = 0
    for name in wanted:
        print(f"== {name}", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            status = module.main(rest) if rest else module.main()
        except Exception:  # one broken benchmark must not hide the others' numbers
            traceback.print_exc()
            status = 1
        failed += 1 if status else 0
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
