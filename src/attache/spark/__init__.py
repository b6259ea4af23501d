"""The Spark path: the per-document analysis as a map step over any Hadoop-readable input, results as Parquet.

`job.run_ingest` is the Spark side (needs pyspark and Java); `load.load_analyses`
brings its Parquet output into the embedded store (needs pyarrow only).
pyspark and pyarrow are imported inside functions: attache works without them.
"""
