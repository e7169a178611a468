"""The real-news development corpus: stories gathered from the web, annotated by hand.

Page texts live outside git (default /work/realnews, or $REALNEWS_DIR); the repository keeps
only the gold in bench/gold/ as offsets and hashes. See bench/README.md, "Real news".
"""
