from sqlite_utils import Database

from quotes import db as store
from quotes.cluster import cluster_quotes
from tests.test_cluster_seeds import seed_corpus


def test_clusters_alterations_and_provenance_are_saved_as_rows(fresh_db: Database) -> None:
    quotes, articles, citations, _ = seed_corpus()
    clusters = cluster_quotes(quotes, articles, citations)
    store.save_articles(fresh_db, articles.values())
    store.save_quotes(fresh_db, quotes, clusters)
    store.ensure_db_shape(fresh_db)
    crane = next(c for c in clusters if c.canonical_text.startswith("Every person"))
    row = fresh_db["clusters"].get(crane.id)
    assert (row["quote_count"], row["article_count"], row["first_published"]) == (
        2,
        2,
        "2018-07-30",
    )
    changed = list(fresh_db["alterations"].rows_where("op = ?", ["substitution"]))
    assert [(r["canonical"], r["variant"]) for r in changed] == [("as", "than")]
    edges = list(fresh_db["provenance"].rows)
    assert edges and {e["kind"] for e in edges} == {"copy"}
    assert all(
        fresh_db["quotes"].get(e["source_quote_id"])["article_id"].startswith("003") for e in edges
    )
