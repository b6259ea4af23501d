"""The file to hand to spark-submit: `spark-submit [options] .../attache/spark/submit.py INPUT... --out DIR`.

It takes the arguments of `attache spark ingest`. Imports are absolute:
spark-submit runs this file as a script, outside its package.
"""
import sys

from attache.cli.main import main

if __name__ == "__main__":
    sys.argv = ["attache", "spark", "ingest", *sys.argv[1:]]
    main()
