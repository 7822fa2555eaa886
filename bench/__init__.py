"""Benchmarks (`make bench`): each `bench/bench_*.py` module offers `run(report)`.

Every figure is printed beside a baseline measured in the same run (a one-line Django view
and a trivial page of the site), so it survives a noisy machine.
"""
