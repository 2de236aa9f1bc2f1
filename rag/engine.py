"""Faro's engine: the public API the CLI and the desktop app use (ingest, search, ask, remove, check, reindex)."""
from __future__ import annotations

import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from rag.analysis import document_language
from rag.answer.choice import choose_evidence
from rag.answer.evidence import POOL_PASSAGES
from rag.answer.grounded import GroundedAnswer, locate_evidence
from rag.answer.language import abstain_message, guess_language, message, shared_language
from rag.answer.question_kind import REASON, question_kind
from rag.config import Config, default_data_dir
from rag.errors import Cancelled, DataFolderError, EmbeddingMismatch
from rag.ingest.discovery import discover
from rag.ingest.loaders.reading import ReadOptions
from rag.ingest.parse_worker import IsolatedParser
from rag.ingest.reader_updates import read_by_older_readers
from rag.ingest.pipeline import Ingestor
from rag.ingest.reindex import reindex_collection
from rag.messages import interface_language
from rag.models.bundled import bundled_llm_path
from rag.models.embedder import Embedder, SentenceTransformerEmbedder, make_embedder
from rag.models.embedding_model import same_vector_space
from rag.models.embedding_onnx import OnnxInt8Embedder
from rag.models.generator import Generator, LlamaGenerator
from rag.offline import enforce_offline
from rag.progress import CancelToken, ProgressCallback, no_progress
from rag.retrieval.search import Searcher
from rag.status import Status
from rag.store.doctor import DoctorReport, check_library, repair_library
from rag.store.keyword_index import KeywordIndex
from rag.store.library import Library, SavedTexts, StepHook, no_step
from rag.store.vectors import Store
from rag.types import Answer, DocumentRecord, Evidence, ExtractedDocument, FileOutcome, Hit, IngestReport

log = logging.getLogger(__name__)

LANGUAGES_FILLED = "document-languages-filled"
BUNDLED_EMBEDDING_ID = "all-MiniLM-L6-v2"


class Engine:
    """One library (data folder) open for one process; all methods run on the caller's thread, without locks.

    Methods that work on a collection take it as ``collection``; left out, it is the configured one.
    """

    def __init__(
        self,
        config: Config,
        *,
        embedder: Embedder | None = None,
        generator: Generator | None = None,
        store: Store | None = None,
        parser: IsolatedParser | None = None,
        on_step: StepHook = no_step,
    ) -> None:
        enforce_offline()
        self.config = config
        self.interface_language = interface_language(config.language)
        self.library = Library(config.data_dir, store=store, on_step=on_step)
        self.data_dir = self.library.data_dir
        self.registry = self.library.registry
        self._embedder = embedder
        self._generator = generator
        self._parser = parser
        self._searcher = Searcher(self.library, lambda: self.embedder)
        self.library.ensure_collection(config.collection)
        self.library.recover()
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
                from rag.models.api_keys import load_api_key
                from rag.models.server_generator import ServerGenerator  # network code, loaded only when chosen

                key = partial(load_api_key, c.server_url)  # read at each answer, so a newly saved key applies at once
                self._generator = ServerGenerator(c.server_url, c.server_model, key, c.n_ctx, c.server_wait_s)
            else:
                self._generator = LlamaGenerator(
                    c.llm_path or bundled_llm_path(), c.n_ctx, c.threads, c.n_gpu_layers, state_dir=self.data_dir / "models"
                )
        return self._generator

    @property
    def store(self) -> Store:
        return self.library.store

    def rebuild_vector_store(self) -> int:
        """Rebuild the vector store from the vectors the registry keeps; returns the passages restored."""
        return self.library.rebuild_vector_store()

    @property
    def parser(self) -> IsolatedParser:
        if self._parser is None:
            self._parser = IsolatedParser(
                self.config.parse_timeout_s, self.config.parse_memory_mb, options=ReadOptions(ocr=self.config.ocr)
            )
        return self._parser

    @property
    def collection(self) -> str:
        """The configured collection: the one a method works on when it is given none."""
        return self.config.collection

    def store_name(self, collection: str | None = None) -> str:
        return self.library.store_name(collection or self.collection)

    # Collections

    def collections(self) -> list[str]:
        return self.registry.collections()

    def remember_collection(self, name: str) -> None:
        """Create collection ``name`` if new and save it as the one Faro opens next time."""
        self.library.ensure_collection(name)
        self.config = self.config.replace(collection=name)
        self.config.save()

    def delete_collection(self, name: str) -> None:
        self.library.drop_collection(name)

    # Library

    def ingest(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        password: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        collection: str | None = None,
    ) -> IngestReport:
        """Index files and folders (recursively); returns every file's outcome, even when cancelled."""
        files, problems = self.find_files(paths)
        report = self.ingest_files(files, password=password, progress=progress, cancel=cancel, collection=collection)
        report.outcomes[:0] = problems
        return report

    @staticmethod
    def find_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileOutcome]]:
        """The documents among ``paths`` (folders searched recursively), and outcomes for paths that cannot be used."""
        files, problems = discover(paths)
        return files, list(problems)

    def ingest_files(
        self,
        files: Iterable[str | os.PathLike],
        *,
        password: str | None = None,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        collection: str | None = None,
        pause: Callable[[], bool] | None = None,
    ) -> IngestReport:
        """Index documents found by ``find_files``, many at once: the next file is parsed while one is embedded, and
        the passages of several documents are saved together. Returns every file's outcome, even when cancelled.

        ``pause`` is asked after each file is read; when it returns True the ingest saves what it has and returns,
        listing the files it did not reach in ``report.postponed`` (so a question can run, then the rest)."""
        collection = collection or self.collection
        self.library.ensure_collection(collection)
        files = [Path(f) for f in files]
        report = IngestReport(outcomes=[])
        if not files:
            return report
        self._check_embedding_model(collection)
        if not self.registry.documents(collection, Status.READY):
            built_with = self.registry.embedding_model(collection)
            if built_with and not same_vector_space(built_with, self.embedder.model_id):
                self.store.drop(self.store_name(collection))
            self.registry.set_embedding_model(collection, self.embedder.model_id)
        ingestor = Ingestor(
            collection=collection,
            library=self.library,
            embedder=self.embedder,
            parser=self.parser,
            chunk_tokens=self.config.chunk_tokens,
            chunk_overlap=self.config.chunk_overlap,
        )
        try:
            ingestor.run(files, password, progress, cancel or CancelToken(), report, pause or (lambda: False))
        except Cancelled:
            report.cancelled = True
        return report

    def documents(self, collection: str | None = None) -> list[DocumentRecord]:
        return self.registry.documents(collection or self.collection)

    def document_text(self, doc_id: str) -> ExtractedDocument | None:
        """The text Faro extracted from a document (what passage offsets refer to)."""
        return self.library.extracted_text(doc_id)

    @property
    def saved_texts(self) -> SavedTexts:
        """The extracted texts, readable from any thread."""
        return self.library.texts

    def remove(self, path: str | os.PathLike, collection: str | None = None) -> bool:
        """Remove a document and all its passages; False if it was not in the collection."""
        collection = collection or self.collection
        record = self.registry.document_by_path(collection, str(Path(path).expanduser().absolute().resolve()))
        record = record or self.registry.document_by_path(collection, str(path))
        if record is None:
            return False
        self.library.forget(record)
        return True

    # Questions

    def search(self, query: str, k: int = 10, mode: str = "fused", collection: str | None = None) -> list[Hit]:
        """The ``k`` passages that best match ``query`` (``mode``: fused, dense or keyword)."""
        hits, _ = self._search(collection or self.collection, query, k, mode)
        return hits

    def ask(
        self,
        question: str,
        *,
        on_token: Callable[[str], None] | None = None,
        cancel: CancelToken | None = None,
        on_status: Callable[[str], None] | None = None,
        on_evidence: Callable[[list[Evidence]], None] | None = None,
        collection: str | None = None,
    ) -> Answer:
        """Answer from the collection's documents: the evidence first (given to ``on_evidence`` as soon as it is
        chosen), then the model's checked answer streamed to ``on_token``; abstains when nothing fits.

        ``on_status`` hears what Faro is doing while the model reads. Without a usable model the evidence is the answer.
        """
        cancel = cancel or CancelToken()
        collection = collection or self.collection
        language = guess_language(question)
        if not self.registry.documents(collection, Status.READY):
            return Answer(question, message("empty", self.interface_language), (), abstained=True)
        hits, best_dense = self._search(collection, question, POOL_PASSAGES, "fused")
        keyword = self.keyword_index(collection)
        choice = choose_evidence(question, language, hits, best_dense, keyword, self.config.min_relevance,
                                 lambda: self.document_passages(question, hits, collection),
                                 self._searcher.closeness)
        if choice.selection is None:
            why = abstain_message(language, shared_language([h.text for h in hits[:3]]), self.interface_language)
            return Answer(question, why, (), abstained=True, closest=tuple(hits[:3]))
        evidence = locate_evidence(choice.selection, self.document_text)
        if on_evidence:
            on_evidence(evidence)
        grounded = GroundedAnswer(question, language, hits, evidence, choice.weak, keyword.tokenize, choice.unmentioned,
                                  choice.entity)
        c = self.config
        return grounded.write(lambda: self.generator, c.max_tokens, c.temperature, c.top_k, on_token, on_status, cancel)

    def document_passages(self, question: str, hits: list[Hit], collection: str | None = None) -> list[Hit]:
        """The passages of the best document (``hits[0]``'s) that evidence is also chosen from."""
        return self._searcher.document_passages(collection or self.collection, question, hits)

    def _search(self, collection: str, query: str, k: int, mode: str) -> tuple[list[Hit], float]:
        self._check_embedding_model(collection)
        return self._searcher.search(collection, query, k, mode, rows_answer=question_kind(query) != REASON)

    def keyword_index(self, collection: str | None = None) -> KeywordIndex:
        """The collection's keyword index, rebuilt first if the registry has changed since it was saved."""
        return self.library.keyword_index(collection or self.collection)

    # Settings and maintenance

    def apply_config(self, config: Config) -> None:
        """Use new settings; models whose settings changed are reloaded on next use."""
        old = self.config
        if config.data_dir != old.data_dir:
            raise DataFolderError("The data folder cannot change while Faro is open; restart Faro with --data-dir.")
        llm_fields = ("llm_path", "n_ctx", "n_threads", "n_gpu_layers", "answer_backend", "server_url", "server_model", "server_wait_s")
        server = sys.modules.get("rag.models.server_generator")  # never loaded unless the server backend was chosen
        built = (LlamaGenerator, server.ServerGenerator) if server else (LlamaGenerator,)
        if any(getattr(old, f) != getattr(config, f) for f in llm_fields) and isinstance(self._generator, built):
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
        self.library.ensure_collection(config.collection)

    def warm_up(self, collection: str | None = None) -> None:
        """Load the embedding model, the vector store and the answer model now, so the first question does not wait."""
        self.embedder.embed(["Faro is getting ready."])
        self.store.count(self.store_name(collection))
        self.load_answer_model()

    def load_answer_model(self) -> None:
        """Create and load the answer model now (instead of at the first question), so problems show up here."""
        load = getattr(self.generator, "load", None)
        if load is not None:
            load()

    def embedder_needs_preparing(self) -> bool:
        """Whether the embedding model must first be converted (a one-time wait the app explains)."""
        return not getattr(self.embedder, "prepared", True)

    @staticmethod
    def gpu_offload_supported() -> bool:
        from rag.models.generator import gpu_offload_supported

        return gpu_offload_supported()

    def reindex(
        self, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None, collection: str | None = None
    ) -> int:
        """Re-chunk and re-embed every ready document with the current settings; returns the documents re-indexed."""
        c = self.config
        collection = collection or self.collection
        return reindex_collection(self.library, collection, self.embedder, self.parser, c.chunk_tokens, c.chunk_overlap, progress, cancel)

    def read_by_older_readers(self) -> dict[str, list[str]]:
        """Per collection, the files an earlier Faro read less well than today's readers would (add them to re-read)."""
        return read_by_older_readers(self.library.registry)

    def check(self, collection: str | None = None) -> DoctorReport:
        """Whether registry, vector store, keyword index and saved texts agree."""
        return check_library(self.library, collection or self.collection)

    def repair(self, collection: str | None = None) -> DoctorReport:
        """Check, then make registry, vector store, keyword index and saved texts agree."""
        return repair_library(self.library, collection or self.collection, lambda: self.embedder, self._read_again)

    def _read_again(self, path: Path) -> ExtractedDocument:
        self.parser.submit(path)
        return self.parser.result()

    def needs_reindex(self, collection: str | None = None) -> bool:
        """Whether the collection was built with another embedding model than the one configured.

        The same model in full precision and as int8 counts as one: their vectors agree to a cosine of 0.99 or more.
        """
        collection = collection or self.collection
        built_with = self.registry.embedding_model(collection)
        if not built_with or same_vector_space(built_with, self.embedder.model_id):
            return False
        return bool(self.registry.documents(collection, Status.READY))

    def _check_embedding_model(self, collection: str) -> None:
        if self.needs_reindex(collection):
            raise EmbeddingMismatch(
                f"This collection was indexed with the embedding model '{self.registry.embedding_model(collection)}', "
                f"but Faro is now set to '{self.embedder.model_id}'. Re-index the collection (faro reindex) to use it."
            )

    def _fill_in_languages(self) -> None:
        """Documents indexed by an older Faro get their language from their passages, once."""
        if self.registry.meta(LANGUAGES_FILLED, "") == "yes":
            return
        for doc_id in self.registry.documents_without_language():
            self.registry.set_language(doc_id, document_language(row["text"] for row in self.registry.chunks_of(doc_id)))
        self.registry.set_meta(LANGUAGES_FILLED, "yes")

    def close(self) -> None:
        for part in (self._parser, self._generator):
            close = getattr(part, "close", None)
            if close:
                close()
        self.library.close()

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

