"""Datasette plugin: pages that show a cluster's variants side by side."""
