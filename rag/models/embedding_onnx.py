"""Embeds with a sentence-transformers BERT model exported once to ONNX, quantized to int8 and run by onnxruntime."""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from rag.child_process import prepare_child
from rag.errors import FaroError, MissingDependency, ModelError
from rag.models.disk_space import require_free_space
from rag.logs import output_to_log
from rag.models.embedding_model import INT8_SUFFIX, load_tokenizer, max_seq_length, token_spans
from rag.offline import enforce_offline

log = logging.getLogger(__name__)

OPSET = 17
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# Per-channel 7-bit weights: cosine ≥ 0.99 to the torch model; plain per-tensor QInt8 drifts to about 0.93.
QUANTIZATION = "qint8pc7"
# The full-precision export (about 90 MB for MiniLM) and its int8 copy (23 MB) are both on disk for a moment; a full
# disk otherwise failed inside the exporter with "Failed to find proper ai.onnx domain".
EXPORT_SPACE = 300 * 2**20
USE_TORCH = 'Use it in full precision: Settings → Embedding model → Full precision (embedding_backend = "torch").'


class OnnxInt8Embedder:
    """The model in ``model_dir`` as an int8 ONNX file cached in ``cache_dir``; mean pooling, L2-normalised rows."""

    def __init__(
        self,
        model_dir: Path,
        cache_dir: Path,
        model_id: str | None = None,
        batch_size: int = 32,
        threads: int | None = None,
    ) -> None:
        self.model_dir = Path(model_dir)
        if not (self.model_dir / "modules.json").is_file():
            raise ModelError(f"{self.model_dir} is not a sentence-transformers model folder (modules.json is missing).")
        _check_mean_pooling(self.model_dir)
        self.cache_dir = Path(cache_dir)
        self.model_id = model_id or f"{self.model_dir.name}{INT8_SUFFIX}"
        self.batch_size = batch_size
        self.threads = threads
        self.max_tokens = max_seq_length(self.model_dir)
        self._tokenizers: dict[str, object] = {}
        self._session = None
        self._input_names: set[str] = set()

    @property
    def onnx_path(self) -> Path:
        """Where the quantized model is cached; its name changes when the source model does."""
        return self.cache_dir / f"{_safe(self.model_id)}-{_fingerprint(self.model_dir)}.{QUANTIZATION}.onnx"

    @property
    def prepared(self) -> bool:
        """Whether the int8 model is already exported (the first use of a data folder exports it: about 7 s here)."""
        return self.onnx_path.is_file()

    def token_spans(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return token_spans(self._load_tokenizer(), texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        session = self._load_session()
        encodings = self._load_tokenizer(truncate=True).encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        result: np.ndarray | None = None
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            vectors = self._run(session, [encodings[i] for i in batch])
            if result is None:
                result = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            result[batch] = vectors
        return result

    def _run(self, session, encodings) -> np.ndarray:
        """Mean of the token vectors under the attention mask, L2-normalised (as the model's 1_Pooling and 2_Normalize)."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            n = len(encoding.ids)
            ids[row, :n] = encoding.ids
            mask[row, :n] = encoding.attention_mask
            types[row, :n] = encoding.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in self._input_names})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def _load_tokenizer(self, truncate: bool = False):
        """The model's tokenizer: whole texts for measuring, or cut to ``max_tokens`` (specials included) for embedding."""
        key = "truncated" if truncate else "whole"
        if key not in self._tokenizers:
            self._tokenizers[key] = load_tokenizer(self.model_dir, self.max_tokens if truncate else None)
        return self._tokenizers[key]

    def _load_session(self):
        if self._session is None:
            if not self.onnx_path.is_file():
                export_in_separate_process(self.model_dir, self.onnx_path)
            try:
                import onnxruntime
            except ImportError as exc:
                raise MissingDependency("onnxruntime", "The fast (ONNX) embedding model") from exc
            disable_telemetry = getattr(onnxruntime, "disable_telemetry_events", None)
            if disable_telemetry:
                disable_telemetry()
            options = onnxruntime.SessionOptions()
            if self.threads:
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
            options.log_severity_level = 3
            try:
                self._session = onnxruntime.InferenceSession(
                    str(self.onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ModelError(f"The ONNX embedding model {self.onnx_path} could not be loaded: {exc}") from exc
            self._input_names = {i.name for i in self._session.get_inputs()}
            log.info("Loaded ONNX embedding model %s", self.onnx_path)
        return self._session


def export_in_separate_process(model_dir: Path, target: Path, export: Callable[[Path, Path], Path] | None = None) -> Path:
    """``export`` (``export_int8``) in a fresh process, so torch and transformers never load into Faro's own process.

    What the exporters print (tracer warnings, quantizer advice) goes to the log file, not the user's terminal.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=prepare_child, initargs=(os.getpid(),)) as pool:
        try:
            problem = pool.submit(_export_reporting_problems, str(model_dir), str(target), export or export_int8).result()
        except BrokenProcessPool as exc:
            raise ModelError(f"Preparing the embedding model stopped unexpectedly ({exc}). {USE_TORCH}") from exc
    if problem:
        raise ModelError(problem)
    return target


def _export_reporting_problems(model_dir: str, target: str, export: Callable[[Path, Path], Path]) -> str:
    """Runs in the export process: the user-facing message of a failure, or '' (a message always pickles)."""
    try:
        with output_to_log():
            export(Path(model_dir), Path(target))
    except FaroError as exc:
        return str(exc)
    return ""


def export_int8(model_dir: Path, target: Path) -> Path:
    """Export the BERT in ``model_dir`` to ONNX and quantize its weights to int8 per channel, written atomically."""
    enforce_offline()
    try:
        import onnx  # noqa: F401  (onnxruntime's quantizer needs it)
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as exc:
        raise MissingDependency(exc.name or "onnx", "Preparing the fast (ONNX) embedding model") from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    require_free_space(target.parent, EXPORT_SPACE, "Preparing the fast (ONNX) embedding model")
    fp32 = target.with_name(f"{target.stem}.{os.getpid()}.fp32.onnx")
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager").eval()
        wrapper = _LastHiddenState(model)
        sample = {name: torch.ones((1, 8), dtype=torch.long) for name in INPUT_NAMES}
        sample["token_type_ids"] = torch.zeros((1, 8), dtype=torch.long)
        axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, "last_hidden_state")}
        with torch.no_grad():
            torch.onnx.export(
                wrapper, (), str(fp32), kwargs=sample, input_names=list(INPUT_NAMES), output_names=["last_hidden_state"],
                dynamic_axes=axes, opset_version=OPSET, dynamo=False, external_data=False,
            )
        quantize_dynamic(str(fp32), str(partial), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
        os.replace(partial, target)
    except MissingDependency:
        raise
    except Exception as exc:
        raise ModelError(f"The embedding model in {model_dir} could not be converted to ONNX: {exc}. {USE_TORCH}") from exc
    finally:
        fp32.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    log.info("Exported %s to %s", model_dir, target)
    return target


class _LastHiddenState:
    """Wraps the transformer so the exporter sees keyword inputs and one output (set up lazily: torch is heavy)."""

    def __new__(cls, model):
        import torch

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.model = model

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.model(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state

        return Wrapper()


def _check_mean_pooling(model_dir: Path) -> None:
    config = model_dir / "1_Pooling" / "config.json"
    try:
        pooling = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not pooling.get("pooling_mode_mean_tokens", True):
        raise ModelError(f"The ONNX embedder supports mean pooling only; {model_dir} uses another pooling. {USE_TORCH}")


def _fingerprint(model_dir: Path) -> str:
    digest = hashlib.sha1()
    for name in ("config.json", "tokenizer.json", "1_Pooling/config.json"):
        path = model_dir / name
        if path.is_file():
            digest.update(path.read_bytes())
    for weights in sorted(model_dir.glob("*.safetensors")) + sorted(model_dir.glob("*.bin")):
        digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
    return digest.hexdigest()[:10]


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
