"""Saved chats: per collection, surviving a restart, a damaged file set aside, Markdown export."""
from __future__ import annotations

from app.conversations import ChatHistory, ConversationStore, Exchange
from app.sources import SourceRef, citing_sentences

SOURCE = SourceRef(1, "/docs/manual.pdf", 2, 2, 10, 90, "The maximum operating pressure is 16 bar.")


def exchange(question: str = "What is the maximum pressure?") -> Exchange:
    return Exchange(question=question, answer="It is 16 bar [1].", sources=[SOURCE])


def test_chats_survive_a_restart_and_stay_per_collection(tmp_path):
    history = ChatHistory(ConversationStore(tmp_path), "site A")
    history.record(exchange())
    history.new_chat()
    history.record(exchange("Second chat?"))
    other = ChatHistory(ConversationStore(tmp_path), "site B")
    other.record(exchange("Only in B?"))

    again = ChatHistory(ConversationStore(tmp_path), "site A")
    assert [c.title for c in again.conversations] == ["Second chat?", "What is the maximum pressure?"]
    assert again.current.title == "Second chat?"
    restored = again.conversations[1].exchanges[0]
    assert restored.answer == "It is 16 bar [1]." and restored.sources == [SOURCE]
    assert [c.title for c in ChatHistory(ConversationStore(tmp_path), "site B").conversations] == ["Only in B?"]
    assert sorted(p.suffix for p in (tmp_path / "conversations").iterdir()) == [".json", ".json"]


def test_new_chat_reuses_an_unused_empty_chat(tmp_path):
    history = ChatHistory(ConversationStore(tmp_path), "default")
    first = history.new_chat()
    assert history.new_chat() is first
    history.record(exchange())
    assert history.new_chat() is not first
    assert len(history.conversations) == 2


def test_damaged_file_is_set_aside_not_fatal(tmp_path):
    store = ConversationStore(tmp_path)
    store.folder.mkdir()
    store.path_for("default").write_text("{not json", encoding="utf-8")
    history = ChatHistory(store, "default")
    assert history.current.exchanges == []
    assert any("damaged" in p.name for p in store.folder.iterdir())
    history.record(exchange())
    assert ChatHistory(ConversationStore(tmp_path), "default").current.exchanges[0].question == "What is the maximum pressure?"


def test_collection_names_with_odd_characters_get_distinct_files(tmp_path):
    store = ConversationStore(tmp_path)
    assert store.path_for("a/b") != store.path_for("a?b")
    assert store.path_for("../etc").parent == store.folder


def test_markdown_export_lists_sources_with_quotes():
    text = exchange().markdown()
    assert text.startswith("**Question:** What is the maximum pressure?")
    assert "It is 16 bar [1]." in text
    assert "1. manual.pdf, p. 2 — “The maximum operating pressure is 16 bar.”" in text


def test_citing_sentences_pick_the_sentences_with_the_marker():
    answer = "The pump runs at 16 bar [1]. The seal lasts 8000 hours [2]. Check it monthly [2]."
    assert citing_sentences(answer, 2) == "The seal lasts 8000 hours [2]. Check it monthly [2]."
    assert citing_sentences(answer, 3) == answer
