from quotes.model import Citation, Cluster, Quote
from tests.test_cluster_union import cluster, news

QUOTE = (
    "No one could have responded quickly enough to protect our employees "
    "who were trapped inside this building for hours."
)


def sources(clusters: list[Cluster], by_id: dict[str, Quote]) -> dict[str, str]:
    return {
        by_id[e.quote_id].article_id: by_id[e.source_quote_id].article_id
        for c in clusters
        for e in c.edges
        if e.kind == "copy"
    }


def test_each_later_quote_points_to_an_earlier_one() -> None:
    clusters, by_id = cluster(
        news("first", f'"{QUOTE}" Crane said.', published="2024-03-01", outlet="Riverton Ledger"),
        news("second", f'"{QUOTE}" Crane said.', published="2024-03-02", outlet="Valley Dispatch"),
    )
    assert sources(clusters, by_id) == {"second": "first"}


def test_a_credited_outlet_outweighs_a_nearer_date() -> None:
    clusters, by_id = cluster(
        news("ledger", f'"{QUOTE}" he said.', published="2024-03-01", outlet="Riverton Ledger"),
        news("post", f'"{QUOTE}" he said.', published="2024-03-02", outlet="Northgate Post"),
        news(
            "copy",
            f'"{QUOTE}" he said, the Riverton Ledger reported.',
            published="2024-03-03",
            outlet="Daily Beacon",
            credit="Riverton Ledger",
        ),
    )
    assert sources(clusters, by_id)["copy"] == "ledger"
    edge = next(e for c in clusters for e in c.edges if by_id[e.quote_id].article_id == "copy")
    assert "credits Riverton Ledger" in edge.evidence


def test_a_shared_truncation_points_to_the_copy_that_made_it() -> None:
    cut = "No one could have responded quickly enough to protect our employees"
    clusters, by_id = cluster(
        news("full", f'"{QUOTE}" he said.', published="2024-03-01", outlet="Riverton Ledger"),
        news("cut", f'"{cut}," he said.', published="2024-03-02", outlet="Northgate Post"),
        news("full2", f'"{QUOTE}" he said.', published="2024-03-03", outlet="Valley Dispatch"),
        news("cut2", f'"{cut}," he said.', published="2024-03-04", outlet="Daily Beacon"),
    )
    found = sources(clusters, by_id)
    assert found["cut2"] == "cut"
    assert found["full2"] == "full"


def test_an_undated_article_is_linked_only_when_it_credits_its_source() -> None:
    citations = (Citation("credits", "Willamette Week", "WWeek reported", 0, 14),)
    clusters, by_id = cluster(
        news("dated", f'"{QUOTE}" he said.', published="2024-03-01", outlet="Willamette Week"),
        news("credits", f'"{QUOTE}" he said, WWeek reported.', published=None, outlet="Blog"),
        news("silent", f'"{QUOTE}" he said.', published=None, outlet="Other Blog"),
        citations=citations,
    )
    assert sources(clusters, by_id) == {"credits": "dated"}


def test_confidence_is_lower_when_sources_are_alike() -> None:
    clusters, _ = cluster(
        news("a", f'"{QUOTE}" he said.', published="2024-03-01", outlet="Riverton Ledger"),
        news("b", f'"{QUOTE}" he said.', published="2024-03-01", outlet="Northgate Post"),
        news("c", f'"{QUOTE}" he said.', published="2024-03-02", outlet="Daily Beacon"),
    )
    [edge] = [e for c in clusters for e in c.edges]
    assert edge.confidence < 0.6


def test_the_same_house_apostrophes_are_not_evidence_of_copying() -> None:
    said = "We weren't told, and we didn't know the building was closing for good."
    curly = said.replace("'", "’")
    clusters, by_id = cluster(
        news("first", f'"{said}" she said.', published="2024-03-01", outlet="Riverton Ledger"),
        news("older", f'"{curly}" she said.', published="2024-03-02", outlet="Northgate Post"),
        news("nearer", f'"{said}" she said.', published="2024-03-03", outlet="Valley Dispatch"),
        news("copy", f'"{curly}" she said.', published="2024-03-04", outlet="Daily Beacon"),
    )
    assert sources(clusters, by_id)["copy"] == "nearer"


def test_in_a_quotation_reprinted_hundreds_of_times_a_copy_weighs_the_outlet_it_credits() -> None:
    days = [f"2024-{month:02d}-{d:02d}" for month in range(1, 11) for d in range(1, 29)]
    reprints = [
        news(f"r{k:03d}", f'"{QUOTE}" he said.', published=day, outlet=f"Outlet {k % 7}")
        for k, day in enumerate(days[:200])
    ]
    clusters, by_id = cluster(
        news("wire", f'"{QUOTE}" he said.', published="2023-12-01", outlet="Harbor Wire"),
        *reprints,
        news(
            "copy",
            f'"{QUOTE}" he said, Harbor Wire reported.',
            published=days[200],
            outlet="Daily Beacon",
            credit="Harbor Wire",
        ),
    )
    found = sources(clusters, by_id)
    assert found["copy"] == "wire"  # far past the last MAX_SOURCES before it, but credited
    assert found["r150"] == "r149"  # the nearest earlier reprint, the others being alike
