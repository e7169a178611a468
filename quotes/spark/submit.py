"""The file to give spark-submit: `spark-submit [options] quotes/spark/submit.py INPUT... --out DIR`
(the `quotes` console script is no Python file spark-submit recognises)."""

from quotes.spark.commands import spark_build

if __name__ == "__main__":
    spark_build.main(prog_name="quotes spark-build")
