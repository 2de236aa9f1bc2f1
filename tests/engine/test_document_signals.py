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
    assert asks_for_latest("What does the current policy say about meals?")
    assert not asks_for_latest("What were Apple's total current liabilities?"), "a balance-sheet line, not a date"


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
    from rag.retrieval.document_names import DocumentNames, document_bonus, rerank_by_document
    from rag.retrieval.fusion import Scored

    rows = [
        {"doc_id": "a", "path": "/d/4983.txt", "title": "", "lead": "Cerebral white matter develops in newborns."},
        {"doc_id": "b", "path": "/d/5012.txt", "title": "", "lead": "Newborn infants and white matter imaging."},
    ]
    names = DocumentNames.build(rows)
    ranked = [Scored("b-1", 0.6, 0.8, 3.0), Scored("a-1", 0.5, 0.4, 1.0)]
    chunks = {"a-1": "a", "b-1": "b"}
    plain = document_bonus("cerebral white matter in newborns", chunks.values(), names)
    assert plain == {} and rerank_by_document(ranked, chunks, plain) == ranked
    named = rerank_by_document(ranked, chunks, document_bonus("what does 4983 say about white matter", chunks.values(), names))
    assert [s.chunk_id for s in named] == ["a-1", "b-1"]


def _filings():
    from rag.retrieval.document_names import DocumentNames

    rows = [
        {"doc_id": "acme", "path": "/f/2023 Q3 ACME.pdf", "title": "0000320193-23-000077",
         "lead": "FORM 10-Q Quarterly report. Acme Inc. Impeller seals and pumps."},
        {"doc_id": "zeta", "path": "/f/2023 Q3 ZETA.pdf", "title": "10-Q Zeta Corporation",
         "lead": "FORM 10-Q Quarterly report. Zeta Corporation."},
    ]
    return DocumentNames.build(rows)


def test_the_topic_drops_the_words_that_only_name_the_document():
    from rag.retrieval.document_names import topic

    names = _filings()
    assert topic("What was the gross margin for Acme in the latest 10-Q report?", names, "acme") == "What was the gross margin for in the"
    assert topic("In the third quarter of 2023, how much did Acme's R&D cost?", names, "acme") == "In the of how much did R D cost"
    assert topic("¿Cuál fue el margen de Zeta en el último informe?", names, "zeta") == "Cuál fue el margen de en el"


def test_the_topic_keeps_content_words_even_when_the_opening_words_hold_them():
    from rag.retrieval.document_names import topic

    names = _filings()
    # lower-case words of the lead are what the question asks about, not the document's name
    assert topic("How often are impeller seals replaced at Acme?", names, "acme") == "How often are impeller seals replaced at"
    # "most" and "current" stay unless they say "the newest"
    assert topic("What were Acme's most important current liabilities?", names, "acme") == "What were most important current liabilities"


def _acme_filings(folder) -> None:
    cover = "Acme Inc. Form 10-Q quarterly report for the third quarter 2023. Acme Inc. files this 10-Q report."
    certification = "I certify that I have reviewed this quarterly report on Form 10-Q of Acme Inc. for the third quarter 2023."
    filler = "Acme Inc. sells pumps, valves and seals to industrial customers in {} regions."
    answer = "Gross margin was 36,413 million, up from 35,885 million a year earlier."
    make_pdf(folder / "2023 Q3 ACME.pdf", [cover, certification] + [filler.format(n) for n in range(12)] + [answer])
    make_pdf(folder / "2023 Q3 ZETA.pdf", ["Zeta Corporation Form 10-Q quarterly report for the third quarter 2023.",
                                        "Zeta gross margin was 12,000 million."])


def test_inside_a_named_document_the_question_is_embedded_as_a_query(tmp_path):
    """An e5-style embedder has a query prompt: the words searched for inside the named report must get it too."""
    from rag.config import Config
    from rag.engine import Engine
    from tests.fakes import FakeEmbedder, FakeGenerator

    class QueryPromptEmbedder(FakeEmbedder):
        def __init__(self) -> None:
            super().__init__()
            self.queries: list[str] = []

        def embed_query(self, text: str):
            self.queries.append(text)
            return self.embed([text])[0]

    embedder = QueryPromptEmbedder()
    _acme_filings(tmp_path)
    engine = Engine(Config(data_dir=tmp_path / "data"), embedder=embedder, generator=FakeGenerator())
    try:
        engine.ingest([tmp_path])
        engine.search("What was Acme's gross margin in its Q3 2023 10-Q report?", k=3)
    finally:
        engine.close()
    assert embedder.queries == ["What was Acme's gross margin in its Q3 2023 10-Q report?",
                                "What was gross margin in its"]


def test_a_question_naming_a_report_finds_the_passage_that_answers_inside_it(tmp_path, fake_engine):
    """The cover page and the certifications share the words naming the report ("Acme", "10-Q", the quarter);
    the answer shares only what is asked. Ranked inside the named report, the answer comes first."""
    _acme_filings(tmp_path)
    engine = fake_engine()
    engine.ingest([tmp_path])
    top = engine.search("What was Acme's gross margin in its Q3 2023 10-Q report?", k=3)
    assert os.path.basename(top[0].source) == "2023 Q3 ACME.pdf" and "36,413" in top[0].text


def test_one_word_of_a_longer_title_does_not_name_the_document():
    from rag.retrieval.document_names import DocumentNames, clearly_named

    rows = [{"doc_id": d, "path": f"/w/{d}.md", "title": "", "lead": ""}
            for d in ("French_and_Indian_War", "Normans", "Private_school", "Apollo_program")]
    names = DocumentNames.build(rows)
    documents = [r["doc_id"] for r in rows]
    assert clearly_named("Which French king issued this declaration?", documents, names) == set()
    assert clearly_named("Which university began as a school of medicine?", documents, names) == set()
    assert clearly_named("Where did the Normans settle?", documents, names) == {"Normans"}
    assert clearly_named("When did the French and Indian war begin?", documents, names) == {"French_and_Indian_War"}


def test_words_every_filing_opens_with_name_none_of_them():
    """Filings' cover pages share lower-case boilerplate ("if changed since last report"): a question that ends with
    "since the last report" names the company's filing, not the ones whose cover happened to be read further."""
    from rag.retrieval.document_names import DocumentNames, document_bonus

    cover = "FORM 10-Q. {} (Former name, former address and former fiscal year, if changed since last report)"
    rows = [{"doc_id": f"acme-q{q}", "path": f"/f/2023 Q{q} ACME.pdf", "title": "", "lead": "Acme Inc. FORM 10-Q"}
            for q in (1, 2, 3)]
    rows += [{"doc_id": d, "path": f"/f/2023 Q3 {d.upper()}.pdf", "title": "", "lead": cover.format(f"{d.title()} Corp")}
             for d in ("zeta", "beta", "gamma")]
    names = DocumentNames.build(rows)
    bonus = document_bonus("Which risks in Acme's Q3 2023 10-Q are new since the last report?", names.terms, names)
    assert max(bonus, key=bonus.get) == "acme-q3"
    assert bonus["acme-q3"] > bonus["zeta"] == bonus["beta"] == bonus["gamma"]



def _filing_with_a_statement(folder) -> None:
    from tests.documents import make_docx

    def filler(region: int) -> str:
        return " ".join(f"Acme sells pumps, valves and seals to industrial customers in {region} regions through "
                        f"distributors, service partners and its own stores, and keeps spare parts near them ({part})."
                        for part in range(6))
    statement = [["", "Three Months Ended September 30, 2023", "Three Months Ended September 30, 2022"],
                 ["Revenue", "56,517", "50,122"], ["Cost of revenue", "16,302", "15,452"],
                 ["Gross margin", "40,215", "34,670"], ["Research and development", "6,659", "6,628"],
                 ["Sales and marketing", "5,187", "5,126"], ["Operating income", "26,895", "21,518"]]
    make_docx(folder / "2023 Q3 ACME.docx", [
        ("h1", "Acme Inc. Form 10-Q for the third quarter 2023"),
        ("p", "Gross margin increased driven by cloud services; gross margin percentage increased slightly and gross "
              "margin in devices decreased."),
        *[("p", filler(n)) for n in range(3)],
        ("h2", "Income statements"), ("table", statement),
        *[("p", filler(n)) for n in range(3, 6)],
    ])
    make_docx(folder / "2023 Q3 ZETA.docx", [("h1", "Zeta Corporation Form 10-Q for the third quarter 2023"),
                                             ("p", "Zeta sells valves.")])


def test_inside_a_named_document_a_table_row_the_question_names_ranks_above_prose_on_the_same_subject(tmp_path, fake_engine):
    """Prose saying "gross margin" three times shares more with the question than the income statement; the statement's
    row labelled "Gross margin" holds the figure asked."""
    _filing_with_a_statement(tmp_path)
    engine = fake_engine()
    engine.ingest([tmp_path])
    top = engine.search("What was Acme's gross margin in its Q3 2023 10-Q?", k=3)
    assert "40,215" in top[0].text
    # A question asking for a reason wants the prose that gives it, not the row.
    top = engine.search("What drove Acme's gross margin in its Q3 2023 10-Q?", k=3)
    assert "driven by cloud services" in top[0].text


def test_only_a_row_whose_own_label_the_question_names_earns_the_row_bonus():
    from rag.analysis import terms
    from rag.retrieval.within_document import ROW_LABEL_BONUS, named_row_bonus

    asked = set(terms("What was the gross margin of the cloud segment?", "en"))
    assert named_row_bonus("Gross margin | 2023: 40,215 | 2022: 34,670", asked, "en") == ROW_LABEL_BONUS
    assert named_row_bonus("Segment results: Gross margin | 2023: 40,215", asked, "en") == ROW_LABEL_BONUS
    assert named_row_bonus("Total gross margin | 2023: 40,215", asked, "en") == ROW_LABEL_BONUS
    assert named_row_bonus("Net gross margin | 2023: 40,215", asked, "en") == ROW_LABEL_BONUS
    assert named_row_bonus("Cloud | 2023: 1,200", asked, "en") == ROW_LABEL_BONUS / 2
    assert named_row_bonus("Gross margin percentage | 2023: 71 %", asked, "en") == 0.0
    assert named_row_bonus("Gross margin increased by 12% in the cloud segment.", asked, "en") == 0.0


def test_a_spanish_manual_s_specification_row_comes_before_its_prose_on_the_same_subject(tmp_path, fake_engine):
    from tests.documents import make_docx

    def filler(part: int) -> str:
        return " ".join(f"La bomba HP-12 se instala en el exterior sobre una base firme, lejos de ventanas y de "
                        f"dormitorios, con espacio libre alrededor para el mantenimiento ({part}, {n})." for n in range(6))

    make_docx(tmp_path / "Manual bomba de calor HP-12.docx", [
        ("h1", "Bomba de calor HP-12 - Manual de instalación"),
        ("p", "El circuito de refrigerante viene cargado de fábrica. Solo un técnico con certificado de gases "
              "fluorados puede abrir el circuito de refrigerante o añadir refrigerante."),
        *[("p", filler(n)) for n in range(3)],
        ("h2", "Datos técnicos"),
        ("table", [["Dato", "Valor"], ["Potencia calorífica", "12 kW"], ["Refrigerante", "R32"],
                   ["Nivel sonoro", "48 dB(A)"], ["Peso", "96 kg"]]),
        *[("p", filler(n)) for n in range(3, 6)],
    ])
    make_docx(tmp_path / "Normativa de viajes.docx", [("h1", "Normativa de viajes"), ("p", "Los viajes se aprueban antes.")])
    engine = fake_engine()
    engine.ingest([tmp_path])
    top = engine.search("¿Qué refrigerante usa la bomba de calor HP-12?", k=3)
    assert "Refrigerante | Valor: R32" in top[0].text
