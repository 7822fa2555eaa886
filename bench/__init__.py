"""Benchmarks of the served site (`make bench`, bench/README.md): the production server on
PostgreSQL + Redis under wrk, every figure as a ratio to a one-line view served in the same run."""
