"""Benchmarks that print numbers: `python -m bench` runs every `bench_*.py` module's `main()`."""
