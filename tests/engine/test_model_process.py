"""The language model's own process: streaming across it, crash recovery, safe mode, cancel, and no orphans."""
from __future__ import annotations

import functools
import os
import time

import pytest

from rag.errors import ModelCrashed, ModelError
from rag.models.bundled import bundled_llm_path
from rag.models.generator import SAFE_MODE_FILE, LlamaGenerator
from rag.progress import CancelToken
from tests.engine import fake_model_backends as fakes

QUESTION = [{"role": "user", "content": "one two three four five six"}]


def _generator(tmp_path, factory, **kwargs) -> LlamaGenerator:
    return LlamaGenerator(bundled_llm_path(), 512, 1, 0, state_dir=tmp_path / "models", backend_factory=factory, **kwargs)


def test_answers_stream_from_a_separate_process_that_stays_warm(tmp_path):
    generator = _generator(tmp_path, fakes.EchoBackend)
    try:
        assert "".join(generator.stream(QUESTION, 64, 0.0)) == "one two three four five six "
        child = generator.load()["pid"]
        assert child != os.getpid()
        assert generator.count_tokens("a b c") == 3
        list(generator.stream(QUESTION, 64, 0.0))
        assert generator.load()["pid"] == child
    finally:
        generator.close()


def test_a_process_that_died_between_questions_is_replaced_without_a_message(tmp_path):
    import signal

    generator = _generator(tmp_path, fakes.EchoBackend)
    try:
        first = generator.load()["pid"]
        os.kill(first, signal.SIGKILL)  # the system's out-of-memory killer, or a user, while nobody was asking
        time.sleep(0.5)
        assert generator.count_tokens("a b c") == 3
        assert "".join(generator.stream(QUESTION, 64, 0.0)) == "one two three four five six "
        assert generator.load()["pid"] != first and not generator.safe_mode
    finally:
        generator.close()


def test_a_crash_on_the_first_decode_switches_to_safe_mode_answers_and_is_remembered(tmp_path):
    generator = _generator(tmp_path, fakes.CrashesOnFirstDecodeUnlessSafe)
    try:
        assert not generator.safe_mode
        assert "".join(generator.stream(QUESTION, 64, 0.0)).startswith("one two")
        assert generator.safe_mode and generator.load()["safe_mode"] is True
    finally:
        generator.close()
    note = (tmp_path / "models" / SAFE_MODE_FILE).read_text()
    assert "signal 11" in note and "SmolLM2" in note
    again = _generator(tmp_path, fakes.CrashesOnFirstDecodeUnlessSafe)
    try:
        assert again.safe_mode and again.load()["safe_mode"] is True
    finally:
        again.close()


def test_a_crash_mid_answer_becomes_a_plain_message_and_the_next_question_works(tmp_path):
    generator = _generator(tmp_path, functools.partial(fakes.CrashesMidAnswerOnce, marker=str(tmp_path / "crashed")))
    shown = []
    try:
        with pytest.raises(ModelCrashed, match="stopped unexpectedly; Faro restarted it"):
            for piece in generator.stream(QUESTION, 64, 0.0):
                shown.append(piece)
        assert shown == ["one ", "two "]
        assert "".join(generator.stream(QUESTION, 64, 0.0)) == "one two three four five six "
    finally:
        generator.close()


def test_a_model_that_crashes_even_in_safe_mode_gets_a_message_not_a_dead_app(tmp_path):
    generator = _generator(tmp_path, fakes.CrashesAlways)
    with pytest.raises(ModelError, match="even in safe mode"):
        generator.load()
    generator.close()


def test_a_python_level_load_error_is_a_model_error_with_its_reason(tmp_path):
    generator = _generator(tmp_path, fakes.FailsToLoad)
    with pytest.raises(ModelError, match="not a valid model file"):
        generator.load()
    assert not generator.safe_mode
    generator.close()


def test_a_faro_error_in_the_model_process_reaches_the_user_as_written(tmp_path):
    generator = _generator(tmp_path, fakes.DiskFull)
    with pytest.raises(ModelError) as raised:
        generator.load()
    assert str(raised.value).endswith(": Preparing the answer model needs about 200 MB of free disk space in /data, and "
                                      "5 MB are free. Free some space and try again.")
    assert "NotEnoughSpace" not in str(raised.value), "no Python class name in a message for the user"
    generator.close()


def test_stop_ends_generation_within_200_ms_even_before_the_first_token(tmp_path):
    slow_prompt = functools.partial(fakes.EchoBackend, first_piece_delay_s=1.5, delay_s=0.3)
    generator = _generator(tmp_path, slow_prompt)
    try:
        generator.load()
        cancel = CancelToken()
        pieces = generator.stream(QUESTION, 64, 0.0, cancel)
        began = time.monotonic()
        import threading

        threading.Timer(0.3, cancel.cancel).start()
        assert list(pieces) == []
        stopped_after = time.monotonic() - began - 0.3
        assert stopped_after < 0.2, stopped_after
        assert "".join(generator.stream(QUESTION, 64, 0.0)) == "one two three four five six "
    finally:
        generator.close()


def test_closing_the_generator_ends_its_process(tmp_path):
    generator = _generator(tmp_path, fakes.EchoBackend)
    child = generator.load()["pid"]
    generator.close()
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and os.path.exists(f"/proc/{child}"):
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{child}")


def test_a_load_that_takes_too_long_is_stopped_with_its_own_message(tmp_path, monkeypatch):
    import rag.models.model_process

    monkeypatch.setattr(rag.models.model_process, "START_TIMEOUT_S", 1.0)
    generator = _generator(tmp_path, fakes.LoadsForever)
    with pytest.raises(ModelError, match="did not finish loading within"):
        generator.load()
    assert not generator.safe_mode
    generator.close()
