"""XQuAD (English and Spanish) as two libraries of Markdown articles, and whether search finds each answer's passage."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("es", "en")


@dataclass(frozen=True)
class XquadQuestion:
    """One question id asked in each language, with the answer span as written in each language's article."""

    qid: str
    question: dict[str, str]
    answers: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Xquad:
    """Per language: article title → paragraphs; and the questions, present in both languages."""

    articles: dict[str, dict[str, list[str]]]
    questions: list[XquadQuestion]


def _read(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8-sig"))["data"]


def load_xquad(folder: Path, max_questions: int | None = None) -> Xquad:
    """``xquad.en.json`` and ``xquad.es.json``: the same articles and question ids in both languages."""
    articles: dict[str, dict[str, list[str]]] = {}
    asked: dict[str, dict[str, str]] = {}
    answers: dict[str, dict[str, tuple[str, ...]]] = {}
    for language in LANGUAGES:
        articles[language] = {}
        for article in _read(folder / f"xquad.{language}.json"):
            paragraphs = articles[language].setdefault(article["title"], [])
            for paragraph in article["paragraphs"]:
                paragraphs.append(paragraph["context"].lstrip("\ufeff").strip())
                for qa in paragraph["qas"]:
                    asked.setdefault(qa["id"], {})[language] = qa["question"].strip()
                    answers.setdefault(qa["id"], {})[language] = tuple(a["text"] for a in qa["answers"])
    questions = [XquadQuestion(qid, asked[qid], answers[qid]) for qid in asked if set(asked[qid]) == set(LANGUAGES)]
    return Xquad(articles, questions[:max_questions] if max_questions else questions)


def write_articles(xquad: Xquad, language: str, folder: Path) -> list[Path]:
    """Each article as ``NN-Title.md``: a heading, then its paragraphs separated by blank lines."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (title, paragraphs) in enumerate(xquad.articles[language].items(), 1):
        path = folder / f"{number:02d}-{title}.md"
        text = f"# {title.replace('_', ' ')}\n\n" + "\n\n".join(paragraphs) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _flat(text: str) -> str:
    return " ".join(text.split())


def answer_found(texts: list[str], answers: tuple[str, ...]) -> bool:
    """Whether any answer span appears (spacing aside) in any of the retrieved passages."""
    flat = [_flat(t) for t in texts]
    return any(_flat(answer) in passage for answer in answers for passage in flat)


def hit_rate(engine, xquad: Xquad, asked_in: str, library: str, mode: str, k: int = 4) -> tuple[float, list[str]]:
    """Share of questions (asked in ``asked_in``) whose answer span (in ``library``'s language) is in the top ``k``."""
    misses = []
    for question in xquad.questions:
        hits = engine.search(question.question[asked_in], k=k, mode=mode)
        if not answer_found([h.text for h in hits], question.answers[library]):
            misses.append(question.qid)
    total = len(xquad.questions)
    return (total - len(misses)) / total if total else 0.0, misses
