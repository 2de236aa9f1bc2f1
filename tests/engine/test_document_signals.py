"""Questions that name a document, a date or "the latest" rank that document first."""
from __future__ import annotations

import os

from rag.retrieval.document_names import asks_for_latest, date_key, question_terms
from tests.documents import make_pdf


def test_dates_come_from_the_file_name_before_the_title():
    assert date_key("2023 Q3 AAPL") == (2023, 3)
    assert date_key("Travel policy 2024") == (2024, 0)
    assert date_key("Form 10-Q filed 10/24/2023") == (2023, 4)
    assert date_key("pump manual") is None


def test_spelled_out_quarters_and_recency_words_in_english_and_spanish():
    assert {"q3", "2023"} <= question_terms("What changed in the third quarter of 2023?")
    assert "q1" in question_terms("¿Qué cambió en el primer trimestre?")
    assert asks_for_latest("What is in the most recent report?")
    assert asks_for_latest("¿Qué dice la última versión?") and asks_for_latest("la política vigente")
    assert not asks_for_latest("What did the 2022 report say?")


def _policies(tmp_path):
    text = "Travel by train when the trip is shorter than four hours. Meals are paid up to {} euros per day."
    for year, amount in ((2022, 25), (2023, 28), (2024, 30)):
        make_pdf(tmp_path / f"Travel policy {year}.pdf", [text.format(amount)])
    make_pdf(tmp_path / "Pump manual.pdf", ["Replace the pump seal every 500 hours."])


def test_a_question_naming_a_year_ranks_that_version_first(tmp_path, fake_engine):
    engine = fake_engine()
    _policies(tmp_path)
    engine.ingest([tmp_path])
    for year in (2022, 2023, 2024):
        top = engine.search(f"How much are meals paid per day in the {year} travel policy?", k=3)[0]
        assert os.path.basename(top.source) == f"Travel policy {year}.pdf"


def test_a_question_asking_for_the_latest_ranks_the_newest_version_first(tmp_path, fake_engine):
    engine = fake_engine()
    _policies(tmp_path)
    engine.ingest([tmp_path])
    assert os.path.basename(engine.search("latest travel policy meals per day", k=3)[0].source) == "Travel policy 2024.pdf"
    spanish = engine.search("¿Cuánto pagan las comidas según la última travel policy?", k=3)[0]
    assert os.path.basename(spanish.source) == "Travel policy 2024.pdf"


def test_a_question_that_names_no_document_keeps_the_plain_fused_ranking(tmp_path, fake_engine):
    from rag.retrieval.document_names import DocumentNames, rerank_by_document
    from rag.retrieval.fusion import Scored

    rows = [
        {"doc_id": "a", "path": "/d/4983.txt", "title": "", "lead": "Cerebral white matter develops in newborns."},
        {"doc_id": "b", "path": "/d/5012.txt", "title": "", "lead": "Newborn infants and white matter imaging."},
    ]
    names = DocumentNames.build(rows)
    ranked = [Scored("b-1", 0.6, 0.8, 3.0), Scored("a-1", 0.5, 0.4, 1.0)]
    chunks = {"a-1": "a", "b-1": "b"}
    assert rerank_by_document("cerebral white matter in newborns", ranked, chunks, names) == ranked
    named = rerank_by_document("what does 4983 say about white matter", ranked, chunks, names)
    assert [s.chunk_id for s in named] == ["a-1", "b-1"]
