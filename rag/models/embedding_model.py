"""What an embedding model folder declares (its tokenizer and passage length), and how its int8 export is named."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from rag.errors import ModelError

INT8_SUFFIX = "-int8"


def same_vector_space(model_id: str, other_id: str) -> bool:
    """Whether two embedders' vectors can be compared: the same model, whether run in full precision or as int8."""
    return model_id.removesuffix(INT8_SUFFIX) == other_id.removesuffix(INT8_SUFFIX)


def load_tokenizer(model_dir: Path, max_length: int | None = None):
    """The model's fast tokenizer without padding; cut to ``max_length`` tokens when given, else whole texts."""
    from tokenizers import Tokenizer

    tokenizer_file = model_dir / "tokenizer.json"
    if not tokenizer_file.is_file():
        raise ModelError(f"The embedding model in {model_dir} has no tokenizer.json.")
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    if max_length:
        tokenizer.enable_truncation(max_length=max_length)
    else:
        tokenizer.no_truncation()
    return tokenizer


def token_spans(tokenizer, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character span of every token of each text, special tokens excluded."""
    return [list(e.offsets) for e in tokenizer.encode_batch(list(texts), add_special_tokens=False)]


def max_seq_length(model_dir: Path) -> int:
    """The longest passage, in tokens, the model was trained on (256 when it does not say)."""
    config = model_dir / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text(encoding="utf-8")).get("max_seq_length", 256))
    except (OSError, ValueError):
        return 256
