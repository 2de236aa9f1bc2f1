"""The reference pipeline: LangChain's "chat with your PDF" recipe, as its documentation shows it (bench extra)."""
from __future__ import annotations

import time
from pathlib import Path

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
RETRIEVAL_K = 4
PEER_PACKAGES = ("langchain_community", "langchain_text_splitters", "langchain_chroma")


def peer_available() -> str | None:
    """None when the LangChain packages are installed, else why the peer cannot run."""
    import importlib.util

    missing = [name for name in PEER_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        return f"the LangChain peer needs the bench extra (pip install -e '.[bench]'); missing: {', '.join(missing)}"
    return None


def _embeddings(model_dir: Path, threads: int, timings: dict | None = None):
    import torch
    from langchain_community.embeddings import HuggingFaceEmbeddings
    from langchain_core.embeddings import Embeddings

    torch.set_num_threads(threads)
    inner = HuggingFaceEmbeddings(model_name=str(model_dir), model_kwargs={"device": "cpu"})
    if timings is None:
        return inner

    class TimedEmbeddings(Embeddings):
        """The recipe's embeddings, with the time spent in them added to ``timings['embed']``."""

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            started = time.perf_counter()
            try:
                return inner.embed_documents(texts)
            finally:
                timings["embed"] = timings.get("embed", 0.0) + time.perf_counter() - started

        def embed_query(self, text: str) -> list[float]:
            return inner.embed_query(text)

    return TimedEmbeddings()


def _chroma(persist_dir: Path, embeddings):
    from langchain_chroma import Chroma

    return Chroma(collection_name="langchain", embedding_function=embeddings, persist_directory=str(persist_dir))


def load_sources(sources: list[Path]) -> tuple[list, list[str]]:
    """The recipe's loaders: ``PyPDFLoader`` for PDFs (a page per document), ``TextLoader`` for text files."""
    from langchain_community.document_loaders import PyPDFLoader, TextLoader

    documents, failed = [], []
    for path in sources:
        loader = PyPDFLoader(str(path)) if path.suffix.lower() == ".pdf" else TextLoader(str(path), encoding="utf-8")
        try:
            documents.extend(loader.load())
        except Exception as exc:  # the recipe has no error handling; a file it cannot read is counted as failed
            failed.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:120]}")
    return documents, failed


def ingest(sources: list[Path], persist_dir: Path, model_dir: Path, threads: int) -> dict:
    """Load → split (1000/200) → embed (HuggingFaceEmbeddings) → Chroma, timed by stage; wall includes model load."""
    from rag.offline import enforce_offline

    enforce_offline()
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    timings: dict[str, float] = {}
    started = time.perf_counter()
    embeddings = _embeddings(model_dir, threads, timings)
    timings["open_model"] = time.perf_counter() - started
    mark = time.perf_counter()
    documents, failed = load_sources(sources)
    timings["parse"] = time.perf_counter() - mark
    mark = time.perf_counter()
    splits = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP).split_documents(documents)
    timings["chunk"] = time.perf_counter() - mark
    mark = time.perf_counter()
    from langchain_chroma import Chroma

    Chroma.from_documents(documents=splits, embedding=embeddings, persist_directory=str(persist_dir))
    timings["store"] = time.perf_counter() - mark - timings.get("embed", 0.0)
    wall = time.perf_counter() - started
    pages = sum(1 for d in documents if "page" in d.metadata) or 0
    return {
        "wall_s": wall,
        "files": len(sources),
        "indexed": len(sources) - len(failed),
        "failed": failed,
        "pages": pages,
        "chunks": len(splits),
        "texts_embedded": len(splits),
        "stages_s": timings,
    }


class PeerIndex:
    """A persisted peer collection opened for search (similarity search, as the recipe's retriever does)."""

    def __init__(self, persist_dir: Path, model_dir: Path, threads: int) -> None:
        from rag.offline import enforce_offline

        enforce_offline()
        self.store = _chroma(persist_dir, _embeddings(model_dir, threads))

    def count(self) -> int:
        return self.store._collection.count()

    def search(self, query: str, k: int = RETRIEVAL_K) -> list[str]:
        """The ``source`` of each of the ``k`` most similar chunks, best first."""
        return [d.metadata.get("source", "") for d in self.store.similarity_search(query, k=k)]
