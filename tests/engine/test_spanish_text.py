"""Spanish and English text processing: passage language, Snowball stems, per-language stopwords, localised messages."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rag.analysis import detect_language, document_language, query_terms, terms
from rag.answer.language import shared_language
from rag.messages import SPANISH, interface_language, localize, system_language
from rag.store.keyword_index import KeywordIndex
from tests.documents import make_docx, make_pdf

RAG = Path(__file__).resolve().parents[2] / "rag"


def test_passage_language_is_told_from_each_languages_own_stopwords():
    assert detect_language("Los empleados tienen derecho a veintidós días de vacaciones pagadas cada año.") == "es"
    assert detect_language("Employees are entitled to twenty-two days of paid holiday every year.") == "en"
    assert detect_language("2023 Q3 — 12.400 / 310") == ""
    mixed = "Los empleados tienen veintidós días de vacaciones al año.\n\nThe seal must be replaced every 500 hours of use."
    assert document_language([mixed + "\n\nEl sello se cambia cada año en la revisión."]) == "es,en"


def test_stems_match_word_forms_and_words_typed_without_accents():
    assert terms("Las políticas de vacaciones", "es") == terms("politica vacacion", "es")
    assert terms("replacing the seals", "en") == terms("replaced seal", "en")
    assert "once" in terms("El equipo ganó once partidos.", "es"), "Spanish 'once' (eleven) is not an English stopword here"
    assert "once" not in terms("It happened once.", "en")


def test_keyword_search_stems_each_passage_in_its_language_and_keeps_accents_for_display(tmp_path):
    index = KeywordIndex(tmp_path / "kw")
    passages = [
        ("es", "Las políticas de vacaciones de los empleados: veintidós días hábiles.", "es"),
        ("en", "Replacing the pump seals is required every 500 operating hours.", "en"),
        ("short", "Panthers 24", "es"),
    ]
    index.rebuild(passages, 1)
    assert [cid for cid, _ in index.search("politica de vacacion", 5)] == ["es"]
    assert [cid for cid, _ in index.search("when are seals replaced?", 5)] == ["en"]
    assert [cid for cid, _ in index.search("How many interceptions did the Panthers have?", 5)] == ["short"]
    assert passages[0][1] in [text for cid, text, _ in passages if cid == "es"]


def test_a_question_finds_passages_in_either_language():
    stems = query_terms("What did the Panthers lead the league in?")
    assert {"panther", "panthers"} <= set(stems), "English and Spanish stems of each word"
    assert "the" not in stems and "what" not in stems


def test_a_word_missing_from_the_index_finds_its_cognate_in_the_other_language(tmp_path):
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("es", "Los Panthers lideraron la liga en intercepciones con 24.", "es"),
                   ("en", "The stadium was built in 1923 and renovated later.", "en")], 1)
    assert [cid for cid, _ in index.search("interceptions", 5)] == ["es"]
    assert index.search("stadiums", 5)[0][0] == "en", "a word the index knows is not widened"


def test_a_question_finds_the_translation_of_its_words_in_the_other_language(tmp_path):
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("es", "Hoteles: se reembolsan como máximo cinco noches por viaje.", "es"),
                   ("en", "The pump manual lists the spare parts.", "en")], 1)
    assert [cid for cid, _ in index.search("How many nights per trip?", 5)] == ["es"]
    assert [cid for cid, _ in index.search("¿Qué piezas de la bomba?", 5)] == ["en"]


def test_an_index_saved_by_an_older_analysis_is_rebuilt(tmp_path):
    index = KeywordIndex(tmp_path / "kw")
    index.rebuild([("1", "Las vacaciones son de 22 días.", "es")], 7)
    meta = tmp_path / "kw" / "ids.json"
    meta.write_text(meta.read_text().replace('"analysis"', '"old-analysis"'))
    assert not KeywordIndex(tmp_path / "kw").is_current(7)


def test_each_document_records_its_language(tmp_path, fake_engine):
    engine = fake_engine()
    make_docx(tmp_path / "politica.docx", [("h1", "Política de vacaciones"), ("p", "Los empleados tienen veintidós días de vacaciones al año y pueden pedirlas con un mes de antelación.")])
    make_pdf(tmp_path / "pump.pdf", ["The pump seal must be replaced every 500 hours, and the filter is checked at the same time."])
    make_pdf(tmp_path / "mixed.pdf", ["El sello de la bomba se cambia cada 500 horas y el filtro se revisa a la vez que el sello.",
                                      "The seal of the pump is changed every 500 hours and the filter is checked with it."])
    engine.ingest([tmp_path])
    languages = {Path(r.path).name: r.language for r in engine.documents()}
    assert languages == {"politica.docx": "es", "pump.pdf": "en", "mixed.pdf": languages["mixed.pdf"]}
    assert sorted(languages["mixed.pdf"].split(",")) == ["en", "es"]


def _message_templates() -> set[str]:
    """Every literal message given to a FaroError or a file outcome's reason in rag/ ("{}" for each value)."""
    import rag.errors

    errors = {name for name, value in vars(rag.errors).items() if isinstance(value, type) and issubclass(value, Exception)}

    def template(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = template(node.left), template(node.right)
            return None if left is None or right is None else left + right
        return None

    found = set()
    for path in RAG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)) and node.args:
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                if name in errors:
                    found.add(template(node.args[0]))
                elif name == "FileOutcome" and len(node.args) > 2:
                    found.add(template(node.args[2]))
    return {t for t in found if t and any(c.isalpha() for c in t)}


def test_every_engine_message_has_a_spanish_text():
    missing = sorted(t for t in _message_templates() if t not in SPANISH and t not in ("onnxruntime",))
    assert not missing, f"add these to rag.messages.SPANISH: {missing}"


def test_messages_are_shown_in_the_interface_language_with_their_values():
    reason = "The file is 900 MB; Faro reads files up to 500 MB."
    assert localize(reason, "es") == "El archivo ocupa 900 MB; Faro lee archivos de hasta 500 MB."
    assert localize(reason, "en") == reason
    nested = "The library in /data cannot be opened: The model file /m.gguf does not exist."
    assert localize(nested, "es") == "No se puede abrir la biblioteca de /data: El archivo de modelo /m.gguf no existe."
    assert localize("embedding 64/128 passages", "es") == "calculando vectores 64/128 pasajes"
    assert localize("Something no catalogue knows.", "es") == "Something no catalogue knows."


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "es_ES.UTF-8"}, "es"), ({"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, "es"), ({"LANG": "C.UTF-8"}, "en"), ({}, "en"),
])
def test_the_interface_language_follows_the_system_unless_set(environ, expected):
    assert system_language(environ) == expected
    assert interface_language("es") == "es" and interface_language("en") == "en"
    assert interface_language("auto", system=expected) == expected


def test_the_hint_to_ask_in_the_other_language_needs_every_closest_passage_in_it():
    """An English question over a mixed library was told "they are in Spanish" when two of its three closest passages
    were Spanish and the one that mattered English."""
    spanish = "Los martes son presenciales para todos los equipos."
    english = "The default user is admin and the password is changeme."
    assert shared_language([spanish, spanish]) == "es"
    assert shared_language([english, spanish, spanish]) is None
