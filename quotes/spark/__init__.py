"""The same pipeline on Apache Spark (the `spark` extra), for archives past one machine.

read (the single-machine readers on each file) → extract (the same functions per article;
speakers unified per corpus on the driver) → keys (candidate pairs of wordings, a superset of
the single-machine clustering's) → components (label propagation) → clusters (cluster_quotes on
each component) → Parquet tables named and shaped as the SQLite tables; load (pyarrow only)
puts them into the database Datasette publishes. Only commands.py is imported by the CLI.
"""
