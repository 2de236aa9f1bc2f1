"""Faro's engine: the public API the CLI and the desktop app use (ingest, search, ask, remove, doctor)."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
import os
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from rag.analysis import document_language
from rag.answering import keyword_coverage, min_relevance, relevance
from rag.config import Config, default_data_dir
from rag.data_folder import prepare_data_dir
from rag.discovery import discover
from rag.document_signals import DocumentNames, rerank_by_document
from rag.embedder import Embedder, SentenceTransformerEmbedder, make_embedder, same_vector_space
from rag.embedding_onnx import OnnxInt8Embedder
from rag.errors import Cancelled, DataFolderError, EmbeddingMismatch
from rag.generator import Generator, LlamaGenerator
from rag.ingest import Ingestor, load_extracted
from rag.evidence import POOL_PASSAGES, Terms, evidence_stopwords, select_evidence
from rag.evidence_pool import document_passages, naming_words
from rag.grounded import GroundedAnswer, locate_evidence
from rag.keyword_index import KeywordIndex
from rag.language import guess_language, message
from rag.lock import DataFolderLock
from rag.messages import interface_language
from rag.question_kind import content_words
from rag.models import bundled_llm_path
from rag.offline import enforce_offline
from rag.loaders.reading import ReadOptions
from rag.parse_worker import IsolatedParser
from rag.progress import CancelToken, ProgressCallback, no_progress
from rag.registry import STATUS_INDEXING, STATUS_READY, Registry
from rag.retrieval import rank, to_hits
from rag.server_generator import ServerGenerator
from rag.store import Store
from rag.vector_recovery import active_vector_folder, rebuild_vector_store, remove_stale_vector_folders, vector_store_is_readable
from rag.types import Answer, DocumentRecord, Evidence, ExtractedDocument, Hit, IngestReport

log = logging.getLogger(__name__)

CANDIDATES = 50
LANGUAGES_FILLED = "document-languages-filled"
BUNDLED_EMBEDDING_ID = "all-MiniLM-L6-v2"


def store_name_for(collection: str) -> str:
    return "faro-" + hashlib.sha1(collection.encode("utf-8")).hexdigest()[:16]


class Engine:
    """One library (data folder) open for one process; all methods run on the caller's thread, without locks."""

    def __init__(
        self,
        config: Config,
        *,
        embedder: Embedder | None = None,
        generator: Generator | None = None,
        store: Store | None = None,
        parser: IsolatedParser | None = None,
    ) -> None:
        enforce_offline()
        self.config = config
        self.interface_language = interface_language(config.language)
        self.data_dir = prepare_data_dir(config.data_dir)
        self._lock = DataFolderLock(self.data_dir)
        try:
            self.registry = Registry(self.data_dir / "library.sqlite3")
        except Exception as exc:
            self._lock.release()
            raise DataFolderError(f"The library in {self.data_dir} cannot be opened: {exc}") from exc
        self._embedder = embedder
        self._generator = generator
        self._store = store
        self._parser = parser
        self._keyword: dict[str, KeywordIndex] = {}
        self._names: dict[str, tuple[int, DocumentNames]] = {}
        self.registry.ensure_collection(config.collection, store_name_for(config.collection))
        if not vector_store_is_readable(self.registry, lambda: self.store):
            self.rebuild_vector_store()
        remove_stale_vector_folders(self.registry, self.data_dir)
        self._recover_interrupted()
        self._fill_in_languages()

    @classmethod
    def open(cls, data_dir: str | os.PathLike | None = None, **overrides) -> "Engine":
        """The engine on ``data_dir`` (or FARO_HOME, or the platform folder) with saved settings and ``overrides``."""
        return cls(Config.load(default_data_dir(data_dir), **overrides))

    # Parts, created on first use so that opening the engine stays fast.

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.config, BUNDLED_EMBEDDING_ID)
        return self._embedder

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            c = self.config
            if c.answer_backend == "server":
                from rag.api_keys import load_api_key

                key = partial(load_api_key, c.server_url)  # read at each answer, so a newly saved key applies at once
                self._generator = ServerGenerator(c.server_url, c.server_model, key, c.n_ctx, c.server_wait_s)
            else:
                self._generator = LlamaGenerator(
                    c.llm_path or bundled_llm_path(), c.n_ctx, c.threads, c.n_gpu_layers, state_dir=self.data_dir / "models"
                )
        return self._generator

    @property
    def store(self) -> Store:
        if self._store is None:
            from rag.store import ChromaStore

            self._store = ChromaStore(active_vector_folder(self.registry, self.data_dir))
        return self._store

    def rebuild_vector_store(self) -> int:
        """Rebuild the vector store from the vectors the registry keeps; returns the passages restored."""
        self._store, restored = rebuild_vector_store(self.registry, self.data_dir)
        return restored

    @property
    def parser(self) -> IsolatedParser:
        if self._parser is None:
            self._parser = IsolatedParser(
                self.config.parse_timeout_s, self.config.parse_memory_mb, options=ReadOptions(ocr=self.config.ocr)
            )
        return self._parser

    @property
    def collection(self) -> str:
        return self.config.collection

    @property
    def store_name(self) -> str:
        return self.registry.store_name(self.collection) or store_name_for(self.collection)

    # Collections

    def collections(self) -> list[str]:
        return self.registry.collections()

    def use_collection(self, name: str) -> None:
        """Switch to collection ``name``, creating it if needed."""
        self.config = self.config.replace(collection=name)
        self.registry.ensure_collection(name, store_name_for(name))

    def delete_collection(self, name: str) -> None:
        store_name = self.registry.store_name(name)
        for record in self.registry.documents(name):
            self._forget_extracted(record.doc_id)
        self.registry.drop_collection(name)
        if store_name:
            self.store.drop(store_name)

    # Library

    def ingest(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        password: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> IngestReport:
        """Index files and folders (recursively); returns every file's outcome, even when cancelled."""
        files, report_first = discover(paths)
        report = IngestReport(outcomes=list(report_first))
        if not files:
            return report
        self._check_embedding_model()
        if not self.registry.documents(self.collection, STATUS_READY):
            built_with = self.registry.embedding_model(self.collection)
            if built_with and not same_vector_space(built_with, self.embedder.model_id):
                self.store.drop(self.store_name)
            self.registry.set_embedding_model(self.collection, self.embedder.model_id)
        ingestor = Ingestor(
            collection=self.collection,
            store_name=self.store_name,
            registry=self.registry,
            store=self.store,
            embedder=self.embedder,
            parser=self.parser,
            extracted_dir=self.data_dir / "extracted",
            chunk_tokens=self.config.chunk_tokens,
            chunk_overlap=self.config.chunk_overlap,
        )
        try:
            ingestor.run(files, password, progress, cancel or CancelToken(), report.outcomes)
        except Cancelled:
            report.cancelled = True
        return report

    def documents(self) -> list[DocumentRecord]:
        return self.registry.documents(self.collection)

    def document_text(self, doc_id: str) -> ExtractedDocument | None:
        """The text Faro extracted from a document (what passage offsets refer to)."""
        return load_extracted(self.data_dir / "extracted", doc_id)

    def remove(self, path: str | os.PathLike) -> bool:
        """Remove a document and all its passages; False if it was not in the collection."""
        record = self.registry.document_by_path(self.collection, str(Path(path).expanduser().absolute().resolve()))
        record = record or self.registry.document_by_path(self.collection, str(path))
        if record is None:
            return False
        with self.registry.transaction():
            self.registry.upsert_document(replace(record, status=STATUS_INDEXING))
            self.registry.delete_chunks(record.doc_id)
            self.registry.bump_generation(self.collection)
        self.store.delete_document(self.store_name, record.doc_id)
        self.registry.delete_document(record.doc_id)
        self._forget_extracted(record.doc_id)
        return True

    # Questions

    def search(self, query: str, k: int = 10, mode: str = "fused") -> list[Hit]:
        """The ``k`` passages that best match ``query`` (``mode``: fused, dense or keyword)."""
        hits, _ = self._search(query, k, mode)
        return hits

    def ask(
        self,
        question: str,
        *,
        on_token: Callable[[str], None] | None = None,
        cancel: CancelToken | None = None,
        on_status: Callable[[str], None] | None = None,
        on_evidence: Callable[[list[Evidence]], None] | None = None,
    ) -> Answer:
        """Answer from the collection's documents: the evidence first (given to ``on_evidence`` as soon as it is
        chosen), then the model's checked answer streamed to ``on_token``; abstains when nothing fits.

        ``on_status`` hears what Faro is doing while the model reads. Without a usable model the evidence is the answer.
        """
        cancel = cancel or CancelToken()
        language = guess_language(question)
        if not self.registry.documents(self.collection, "ready"):
            return Answer(question, message("empty", self.interface_language), (), abstained=True)
        hits, best_dense = self._search(question, POOL_PASSAGES, "fused")
        keyword = self.keyword_index()
        about = content_words(question)
        coverage = max((keyword_coverage(about, h.text + " " + h.source, keyword.tokenize) for h in hits[:3]), default=0.0)
        if not hits or relevance(best_dense, coverage) < min_relevance(self.config.min_relevance, language):
            return Answer(question, message("abstain", self.interface_language), (), abstained=True, closest=tuple(hits[:3]))
        pool = hits + self.document_passages(question, hits)
        naming = naming_words(self.registry, keyword, question, hits[0].doc_id)
        selection = select_evidence(question, pool, Terms(language, evidence_stopwords()), naming)
        evidence = locate_evidence(selection, self.document_text)
        if on_evidence:
            on_evidence(evidence)
        grounded = GroundedAnswer(question, language, hits, evidence, selection.weak, keyword.tokenize)
        c = self.config
        return grounded.write(lambda: self.generator, c.max_tokens, c.temperature, c.top_k, on_token, on_status, cancel)

    def document_passages(self, question: str, hits: list[Hit]) -> list[Hit]:
        """The passages of the best document (``hits[0]``'s) that evidence is also chosen from."""
        return document_passages(self.registry, self.keyword_index(), question, hits)

    def _search(self, query: str, k: int, mode: str) -> tuple[list[Hit], float]:
        self._check_embedding_model()
        dense: list[tuple[str, float]] = []
        keyword: list[tuple[str, float]] = []
        if mode in ("fused", "dense"):
            embed_query = getattr(self.embedder, "embed_query", None)
            vector = embed_query(query) if embed_query else self.embedder.embed([query])[0]
            dense = self.store.query(self.store_name, vector, max(CANDIDATES, k))
        if mode in ("fused", "keyword"):
            keyword = self.keyword_index().search(query, max(CANDIDATES, k))
        if mode == "fused":
            dense, keyword = self._complete_scores(query, vector, dense, keyword)
        ranked = rank(mode, dense, keyword)
        if mode == "fused":
            chunk_documents = {cid: row["doc_id"] for cid, row in self.registry.chunk_rows(s.chunk_id for s in ranked).items()}
            ranked = rerank_by_document(query, ranked, chunk_documents, self._document_names())
        ranked = ranked[: max(k * 2, k + 10)]
        rows = self.registry.chunk_rows(s.chunk_id for s in ranked)
        best_dense = max((s for _, s in dense), default=0.0)
        return to_hits(ranked, rows)[:k], best_dense

    def _complete_scores(self, query, vector, dense, keyword):
        """Give every candidate both scores, so fusion never treats "not in the other top list" as zero."""
        dense_ids, keyword_ids = {cid for cid, _ in dense}, {cid for cid, _ in keyword}
        missing_vectors = self.store.vectors(self.store_name, sorted(keyword_ids - dense_ids))
        dense = dense + [(cid, float(v @ vector)) for cid, v in missing_vectors.items()]
        missing_keyword = self.keyword_index().score(query, sorted(dense_ids - keyword_ids))
        return dense, keyword + list(missing_keyword.items())

    def _document_names(self) -> DocumentNames:
        generation = self.registry.generation(self.collection)
        cached = self._names.get(self.collection)
        if cached is None or cached[0] != generation:
            cached = (generation, DocumentNames.build(self.registry.document_names(self.collection)))
            self._names[self.collection] = cached
        return cached[1]

    def keyword_index(self) -> KeywordIndex:
        """The collection's keyword index, rebuilt first if the registry has changed since it was saved."""
        index = self._keyword.get(self.collection)
        if index is None:
            index = KeywordIndex(self.data_dir / "keyword" / self.store_name)
            self._keyword[self.collection] = index
        generation = self.registry.generation(self.collection)
        if not index.is_current(generation):
            index.rebuild(self.registry.searchable_chunks(self.collection), generation)
        return index

    # Settings and maintenance

    def apply_config(self, config: Config) -> None:
        """Use new settings; models whose settings changed are reloaded on next use."""
        old = self.config
        if config.data_dir != old.data_dir:
            raise DataFolderError("The data folder cannot change while Faro is open; restart Faro with --data-dir.")
        llm_fields = ("llm_path", "n_ctx", "n_threads", "n_gpu_layers", "answer_backend", "server_url", "server_model", "server_wait_s")
        if any(getattr(old, f) != getattr(config, f) for f in llm_fields) and isinstance(
            self._generator, (LlamaGenerator, ServerGenerator)
        ):
            self._generator.close()
            self._generator = None
        embedding_fields = ("embedding_model", "embedding_backend", "n_threads")
        if any(getattr(old, f) != getattr(config, f) for f in embedding_fields) and isinstance(
            self._embedder, (SentenceTransformerEmbedder, OnnxInt8Embedder)
        ):
            self._embedder = None
        parse_settings = ("parse_timeout_s", "parse_memory_mb", "ocr")
        if any(getattr(old, name) != getattr(config, name) for name in parse_settings) and self._parser:
            self._parser.close()
            self._parser = None
        if config.language != old.language:
            self.interface_language = interface_language(config.language)
        self.config = config
        self.registry.ensure_collection(config.collection, store_name_for(config.collection))

    def needs_reindex(self) -> bool:
        """Whether the collection was built with another embedding model than the one configured.

        The same model in full precision and as int8 counts as one: their vectors agree to a cosine of 0.99 or more.
        """
        built_with = self.registry.embedding_model(self.collection)
        if not built_with or same_vector_space(built_with, self.embedder.model_id):
            return False
        return bool(self.registry.documents(self.collection, STATUS_READY))

    def _check_embedding_model(self) -> None:
        if self.needs_reindex():
            raise EmbeddingMismatch(
                f"This collection was indexed with the embedding model '{self.registry.embedding_model(self.collection)}', "
                f"but Faro is now set to '{self.embedder.model_id}'. Re-index the collection (faro reindex) to use it."
            )

    def _recover_interrupted(self) -> None:
        """Documents left half-indexed by a crash are removed completely; the next ingest adds them again."""
        for record in self.registry.documents(status=STATUS_INDEXING):
            store_name = self.registry.store_name(record.collection)
            if store_name:
                self.store.delete_document(store_name, record.doc_id)
            with self.registry.transaction():
                self.registry.delete_chunks(record.doc_id)
                self.registry.delete_document(record.doc_id)
                self.registry.bump_generation(record.collection)
            self._forget_extracted(record.doc_id)
            log.warning("Removed half-indexed document %s after an interrupted ingest", record.path)

    def _fill_in_languages(self) -> None:
        """Documents indexed by an older Faro get their language from their passages, once."""
        if self.registry.meta(LANGUAGES_FILLED, "") == "yes":
            return
        for doc_id in self.registry.documents_without_language():
            self.registry.set_language(doc_id, document_language(row["text"] for row in self.registry.chunks_of(doc_id)))
        self.registry.set_meta(LANGUAGES_FILLED, "yes")

    def _forget_extracted(self, doc_id: str) -> None:
        (self.data_dir / "extracted" / f"{doc_id}.json").unlink(missing_ok=True)

    def close(self) -> None:
        for part in (self._parser, self._generator):
            close = getattr(part, "close", None)
            if close:
                close()
        self.registry.close()
        self._lock.release()

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

