"""Questions with reference answers for the answer benchmark: sec10q by question type, XQuAD by language, off-topic."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

SINGLE_CHUNK = "Single-Doc Single-Chunk RAG"
MULTI_CHUNK = "Single-Doc Multi-Chunk RAG"

# Questions no library of filings or encyclopedia articles answers; Faro should say so rather than answer.
OFF_TOPIC = (
    "What is the best recipe for chocolate chip cookies?",
    "How do I change a flat tyre on a bicycle?",
    "What time does the bakery on Main Street open on Sundays?",
    "Who won the 1998 FIFA World Cup final?",
    "How many legs does a spider have?",
    "What is the boiling point of water on Mount Everest?",
    "How do I reset my home wifi router password?",
    "What are good exercises for lower back pain?",
    "Which planet has the most moons?",
    "How long should I boil an egg for a soft yolk?",
    "What is the plot of the novel Moby-Dick?",
    "How do I knit a scarf for beginners?",
    "¿Cuál es la receta tradicional de la paella valenciana?",
    "¿Cómo se cambia el aceite de una motocicleta?",
    "¿Qué tiempo hará mañana en Sevilla?",
    "¿Cuántas patas tiene una araña?",
    "¿Cómo se cuida un cactus en invierno?",
    "¿Quién escribió Cien años de soledad?",
    "¿Cuál es la mejor época para visitar la Patagonia?",
    "¿Cómo se prepara un buen gazpacho andaluz?",
)

# Thirty more questions no library here answers, in Spanish and in English (written 2026-12-06 to calibrate how
# much a Spanish question read through its English gloss needs over English passages), asked over every library.
MORE_OFF_TOPIC_ES = (
    "¿Cuánto tiempo hay que hervir un huevo para que quede pasado por agua?",
    "¿Cuál es la capital de Australia?",
    "¿Qué vacunas necesito para viajar a Tailandia?",
    "¿Cómo se planta un limonero en maceta?",
    "¿Quién pintó Las Meninas?",
    "¿Cuántos kilómetros tiene el Camino de Santiago francés?",
    "¿Cómo puedo quitar una mancha de vino tinto de un mantel?",
    "¿Qué equipo ganó la Liga española en 2010?",
    "¿Cuál es el horario de la biblioteca municipal los sábados?",
    "¿Cómo se calcula la letra del DNI?",
    "¿Qué ejercicios son buenos para el dolor de rodilla?",
    "¿Cuántas calorías tiene una manzana?",
    "¿Cuál es el río más largo de España?",
    "¿Cómo se hace una tortilla de patatas?",
    "¿Qué significa el refrán «a quien madruga Dios le ayuda»?",
    "¿Cuándo se celebra la Feria de Abril de Sevilla?",
    "¿Cómo se renueva el pasaporte en España?",
    "¿Qué temperatura debe tener el agua para hacer té verde?",
    "¿Quién compuso el Concierto de Aranjuez?",
    "¿Cuántos jugadores tiene un equipo de balonmano?",
    "¿Cómo se poda un rosal?",
    "¿Cuál es la montaña más alta de los Pirineos?",
    "¿Qué raza de perro es mejor para un piso pequeño?",
    "¿Cómo se declara la renta de un autónomo?",
    "¿Cuánto cuesta el abono de transporte en Madrid?",
    "¿Qué plantas de interior necesitan poca luz?",
    "¿Cuál es la diferencia entre un huracán y un tifón?",
    "¿Cómo se aprende a nadar de adulto?",
    "¿Qué libros escribió Miguel de Unamuno?",
    "¿Cuántos años vive una tortuga de tierra?",
)

MORE_OFF_TOPIC_EN = (
    "How long should I boil an egg for a runny yolk?",
    "What is the capital of Australia?",
    "Which vaccines do I need to travel to Thailand?",
    "How do I plant a lemon tree in a pot?",
    "Who painted the Mona Lisa?",
    "How many kilometres long is the Camino de Santiago?",
    "How do I remove a red wine stain from a tablecloth?",
    "Which team won the Premier League in 2010?",
    "What are the opening hours of the public library on Saturdays?",
    "How do I renew my driving licence?",
    "What exercises help with knee pain?",
    "How many calories are in an apple?",
    "What is the longest river in Spain?",
    "How do I make a Spanish omelette?",
    "When is the Seville April Fair held?",
    "What temperature should the water be for green tea?",
    "Who composed the Four Seasons?",
    "How many players are on a handball team?",
    "How do I prune a rose bush?",
    "What is the highest mountain in the Pyrenees?",
    "Which dog breed is best for a small flat?",
    "How do freelancers file their income tax return?",
    "How much does a monthly bus pass cost in Madrid?",
    "Which houseplants need little light?",
    "What is the difference between a hurricane and a typhoon?",
    "How can an adult learn to swim?",
    "Which books did George Orwell write?",
    "How long does a tortoise live?",
    "How do I clean a cast iron pan?",
    "What is the best way to store fresh basil?",
)

# Questions about the topics of the English XQuAD articles that the articles do not answer (each checked against the
# text): the hardest case for "the documents do not answer", as the library is about what is asked.
NEAR_TOPIC = (
    "Who designed the Fresno water tower?", "What is the population of Newcastle's twin city?",
    "When did Newcastle United last win the league?", "Who was the mayor of Jacksonville in 1990?",
    "How tall is the tallest tree in the Amazon?", "What vaccine prevents the Black Death today?",
    "How many MSPs does the Green Party have?", "What is the GDP of Fresno?",
    "Which Super Bowl 50 commercial was the most expensive?", "What did Martin Luther eat for breakfast?",
    "How many pharmacists work in the UK?", "What is the oxygen content of the atmosphere of Mars?",
    "When was the first Huguenot church in New York built?", "What was Kublai Khan's favourite food?",
    "How much did the Apollo 1 spacecraft cost?", "What is the tallest building in Jacksonville?",
    "Which civil disobedience leader won a Nobel Prize in 2010?", "What is the largest private school in Germany?",
    "How many goals did Newcastle United score in 2015?", "Who painted the ceiling of the Scottish Parliament?",
    "What is the boiling point of oxygen in Fahrenheit?", "Which Doctor Who actor was born in Fresno?",
    "How many Huguenots live in France today?", "What is the name of Fresno's airport?",
    "Who built the first steam engine in Newcastle?", "How much rain falls in the Amazon each year?",
    "What is the capital of the Yuan dynasty's Korea province?", "Who was Denver's head coach in Super Bowl 40?",
    "What did the IPCC say about sea levels in 2021?",
)
# The same for the Spanish XQuAD articles (each checked against their text), many of them the questions above in Spanish.
NEAR_TOPIC_ES = (
    "¿Quién diseñó la torre de agua de Fresno?", "¿Cuántos habitantes tiene Fresno?",
    "¿Cuál es el nombre del aeropuerto de Fresno?", "¿Cuándo ganó la liga por última vez el Newcastle United?",
    "¿Quién era el alcalde de Jacksonville en 1990?", "¿Qué altura tiene el árbol más alto del Amazonas?",
    "¿Qué vacuna previene hoy la peste negra?", "¿Cuántos diputados tiene el Partido Verde en el Parlamento escocés?",
    "¿Qué comía Martín Lutero en el desayuno?", "¿Cuántos farmacéuticos trabajan en el Reino Unido?",
    "¿Cuánto oxígeno tiene la atmósfera de Marte?", "¿Cuál era la comida favorita de Kublai Kan?",
    "¿Cuánto costó la nave Apolo 1?", "¿Cuál es el edificio más alto de Jacksonville?",
    "¿Cuál es el colegio privado más grande de Alemania?", "¿Quién pintó el techo del Parlamento escocés?",
    "¿Qué actor de Doctor Who nació en Fresno?", "¿Cuántos hugonotes viven hoy en Francia?",
    "¿Cuánta lluvia cae en el Amazonas cada año?", "¿Quién fue el entrenador de Denver en la Super Bowl 40?",
    "¿En qué año se fundó la Universidad de Chicago?", "¿Cuántos suscriptores tiene Sky en Alemania?",
    "¿Qué dijo el IPCC sobre el nivel del mar en 2021?", "¿Cuál es el PIB de Fresno?",
    "¿Cuántos goles marcó el Newcastle United en 2015?",
)


@dataclass(frozen=True)
class Reference:
    """A question, the document that answers it (file stem), its reference answer(s) and its group."""

    question: str
    document: str
    answers: tuple[str, ...]
    group: str


def sec10q_questions(csv_path: Path, question_type: str) -> list[Reference]:
    """The sec10q questions of one type whose answer is in a single filing, with the reference answer text."""
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Reference(row["Question"].strip(), re.sub(r"[*]", "", row["Source Docs"]).strip(), (row["Answer"],),
                  "single-chunk" if question_type == SINGLE_CHUNK else "multi-chunk")
        for row in rows if row["Question Type"].strip() == question_type
    ]


def _articles(json_path: Path) -> list[dict]:
    return json.loads(json_path.read_text(encoding="utf-8"))["data"]


def mixed_xquad_questions(xquad: Path, asked: str, group: str, every: int = 1) -> list[Reference]:
    """Every ``every``-th XQuAD question in ``asked`` ("en" or "es") over the mixed library (odd-numbered articles in
    English, even-numbered ones in Spanish), with the spans of the language its article is held in."""
    english = xquad_questions(xquad / "xquad.en.json", group)
    spanish = xquad_questions(xquad / "xquad.es.json", group)
    questions = []
    for en, es in zip(english, spanish):
        held = en if int(en.document[:2]) % 2 else es
        questions.append(Reference((en if asked == "en" else es).question, held.document, held.answers, group))
    return questions[::every]


def xquad_questions(json_path: Path, group: str, every: int = 1, spans_from: Path | None = None) -> list[Reference]:
    """Every ``every``-th question of an XQuAD file, with its answer spans and the article's file stem.

    XQuAD is parallel: with ``spans_from`` (the other language's file) the spans come from there, for questions asked
    in one language over a library in the other.
    """
    questions = []
    if spans_from is not None:
        others = xquad_questions(spans_from, group)
        return [Reference(q.question, o.document, o.answers, group)
                for q, o in zip(xquad_questions(json_path, group), others)][::every]
    for number, article in enumerate(_articles(json_path), start=1):
        title = article.get("title") or f"Article {number}"
        stem = f"{number:02d}-{re.sub(r'[^A-Za-z0-9]+', '_', title)[:60]}"
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                spans = tuple(dict.fromkeys(a["text"].strip() for a in qa["answers"]))
                questions.append(Reference(qa["question"].strip(), stem, spans, group))
    return questions[::every]
