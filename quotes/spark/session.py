"""A SparkSession for the build, its Python workers running this interpreter."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from pyspark.sql import SparkSession


def java_home() -> str | None:
    """The Java installation on PATH, for pyspark when JAVA_HOME is unset."""
    java = shutil.which("java")
    return str(Path(java).resolve().parent.parent) if java else None


def make_session(master: str | None = None, **conf: str) -> SparkSession:
    """The running session (spark-submit's) or a new one on `master`; quiet (WARN), no web UI
    unless asked; in local mode, Python workers on this interpreter, which has quotes."""
    if master and master.startswith("local"):  # on a cluster, spark-submit's settings decide
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if "JAVA_HOME" not in os.environ and (home := java_home()):
        os.environ["JAVA_HOME"] = home
    builder = SparkSession.builder.appName("quotes").config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    # label propagation's plans grow with each round: their full text exhausted the driver's heap
    builder = builder.config("spark.sql.maxPlanStringLength", "100000")
    if master:
        builder = builder.master(master)
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark
