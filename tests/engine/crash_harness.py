"""Kills a real ingest subprocess (SIGKILL) at chosen steps and at random moments, and collects what it finds on restart.

Used by tests/engine/test_crash_safety.py and packaging/corpus_report.py. Every kill is followed by a restart
that opens the library (recovery runs) and checks tests/engine/invariants.py before ingesting again; a final
uninterrupted run must finish the rest. ``run_campaign`` returns every kill with the phase it landed in.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from tests.documents import REPO, SHARED


# Steps of the commit protocol, killed in this order, each on the first document of a run: a changed file whose
# previous version is indexed (its old reading must stay until the new one is saved), or with "new:" a file never
# indexed before. "open:..." kills the restart itself, while it puts right what the kill before left.
PAUSE_POINTS = (
    "ingest:reading#1",
    "ingest:embed#2",
    "ingest:txn.open#1",
    "ingest:txn.commit#1",
    "ingest:chroma.upsert#1",
    "ingest:store.add.end#1",
    "open:store.delete_ids.end#1",
    "ingest:saved_text#1",
    "ingest:registry.replace_chunks#1",
    "ingest:txn.commit#2",
    "ingest:store.delete_ids.begin#1",
    "ingest:store.delete_ids.end#1",
    "new:ingest:txn.open#1",
    "new:ingest:store.add.end#1",
    "open:store.delete_document.end#1",
    "new:ingest:saved_text#1",
    "new:ingest:txn.commit#2",
    "ingest:registry.duplicate#1",
)
CHANGING_DOCUMENTS = 12
WORDS = (
    "safety valve pressure report revenue quarter policy engineer pump turbine inspection contract invoice "
    "schedule maintenance warranty customer supplier audit budget risk compliance training manual procedure "
    "operator alarm sensor calibration torque bearing seal gasket flange pipeline boiler cooling heating "
    "ventilation electrical circuit breaker fuse transformer generator battery inverter panel cable conduit"
).split()


@dataclass
class Kill:
    """One SIGKILL: how it was aimed, the last step the process reported, and what the restart found."""

    number: int
    aim: str
    phase: str
    violations: list[str] = field(default_factory=list)
    stray_workers: int = 0
    ready_before: list[str] = field(default_factory=list)


@dataclass
class CampaignResult:
    seed: int
    kills: list[Kill]
    final_violations: list[str]
    final_problems: list[str]
    seconds: float

    @property
    def violation_count(self) -> int:
        return sum(len(k.violations) + k.stray_workers for k in self.kills) + len(self.final_violations) + len(self.final_problems)

    def phases(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for kill in self.kills:
            counted[kill.phase] = counted.get(kill.phase, 0) + 1
        return dict(sorted(counted.items()))


class Documents:
    """A folder of generated documents (PDF, DOCX, text, Markdown), rewritten in new versions on demand."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.versions: dict[str, int] = {}
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(CHANGING_DOCUMENTS):
            self.rewrite(self.changing_name(number))
        same = _paragraphs(random.Random(7), "duplicate", 1, 600)
        for name in ("dup-a.txt", "dup-b.txt"):
            (folder / name).write_text("\n\n".join(same), encoding="utf-8")
        (folder / "zz-damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer\n")
        filing = SHARED / "eval" / "sec10q" / "docs" / "2023 Q3 AAPL.pdf"
        if filing.exists():
            shutil.copyfile(filing, folder / "filing.pdf")
            self.versions["filing.pdf"] = 0

    @staticmethod
    def changing_name(number: int) -> str:
        return f"c{number:02d}." + ("pdf", "docx", "txt", "md")[number % 4]

    def rewrite(self, name: str) -> None:
        version = self.versions.get(name, 0) + 1
        self.versions[name] = version
        path = self.folder / name
        if name == "filing.pdf":
            with open(path, "ab") as handle:
                handle.write(f"\n% version {version}\n".encode())
            return
        paragraphs = _paragraphs(self.rng, f"{path.stem} version {version}", 10, 170)
        tmp = path.with_name("tmp-" + name)
        _write(tmp, paragraphs)
        os.replace(tmp, path)

    def add_new(self) -> None:
        """A file never indexed before, named to be read first."""
        name = f"a{len([n for n in self.versions if n.startswith('a')]):02d}.txt"
        self.rewrite(name)

    def rewrite_some(self) -> None:
        names = sorted(self.versions)
        for name in self.rng.sample(names, k=max(2, len(names) // 2)):
            self.rewrite(name)

    def current_hashes(self) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in self.folder.iterdir() if p.is_file()}


def _paragraphs(rng: random.Random, label: str, count: int, words: int) -> list[str]:
    result = []
    for number in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(words))
        result.append(f"{label} paragraph {number}. {body.capitalize()}.")
    return result


def _write(path: Path, paragraphs: list[str]) -> None:
    suffix = path.suffix
    if suffix == ".pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_font("Helvetica", size=10)
        for paragraph in paragraphs:
            pdf.add_page()
            pdf.multi_cell(0, 5, paragraph)
        pdf.output(str(path))
    elif suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_heading(paragraphs[0][:40], level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
        document.save(str(path))
    else:
        heading = "# Notes\n\n" if suffix == ".md" else ""
        path.write_text(heading + "\n\n".join(paragraphs), encoding="utf-8")


class Child:
    """One crash_child process and the lines it printed."""

    def __init__(self, library: Path, docs: Path, pause_at: str | None = None, *, skip_recovery: bool = False) -> None:
        command = [sys.executable, "-m", "tests.engine.crash_child", str(library), str(docs)]
        if pause_at:
            command += ["--pause-at", pause_at]
        if skip_recovery:
            command.append("--skip-recovery")
        self.process = subprocess.Popen(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
        )
        self.lines: list[str] = []
        self.seen_at: dict[str, float] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self._stderr.extend(self.process.stderr), daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.seen_at.setdefault(line.split(" ", 1)[0].strip(), time.monotonic())
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, prefix: str, timeout: float) -> str | None:
        """The first line starting with ``prefix`` (None if the process ended or time ran out first)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if line is None:
                self._queue.put(None)
                return None
            self.lines.append(line)
            if line.startswith(prefix):
                return line

    def kill(self) -> int:
        """SIGKILL the process; returns how many of its parse workers were still alive 5 s later."""
        workers = _children(self.process.pid)
        self.process.send_signal(signal.SIGKILL)
        self.finish()
        deadline = time.monotonic() + 5
        while workers and time.monotonic() < deadline:
            workers = [pid for pid in workers if process_alive(pid)]
            time.sleep(0.05)
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        return len(workers)

    def finish(self, timeout: float = 300) -> None:
        self.process.wait(timeout=timeout)
        while self.wait_for("", 0.5) is not None:
            pass

    def value(self, prefix: str):
        line = next((l for l in self.lines if l.startswith(prefix + " ")), None)
        return json.loads(line[len(prefix) + 1 :]) if line else None

    def ingest_seconds(self) -> float | None:
        """How long the ingest ran, if it finished."""
        if "DONE" in self.seen_at and "INGEST-START" in self.seen_at:
            return self.seen_at["DONE"] - self.seen_at["INGEST-START"]
        return None

    def last_mark(self) -> str:
        return next((l[5:] for l in reversed(self.lines) if l.startswith("MARK ")), "start")

    def stderr_tail(self) -> str:
        return "".join(self._stderr)[-3000:]


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def process_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def run_campaign(workdir: Path, random_kills: int = 20, seed: int | None = None, log=print) -> CampaignResult:
    """Calibrate, kill at every PAUSE_POINT, kill ``random_kills`` times at random moments, then finish."""
    seed = seed if seed is not None else random.SystemRandom().randrange(1 << 30)
    log(f"crash campaign seed={seed}")
    rng = random.Random(seed)
    started = time.monotonic()
    documents = Documents(workdir / "docs", rng)
    library = workdir / "library"
    campaign = _Campaign()

    calibration, seconds = _uninterrupted(library, documents.folder)
    problems = _run_problems(calibration, "calibration")
    log(f"first ingest, uninterrupted: {seconds:.1f} s")

    for number, aim in enumerate(PAUSE_POINTS):
        pause_at = aim.removeprefix("new:")
        if aim.startswith("new:"):
            documents.add_new()
        else:
            documents.rewrite(documents.changing_name(CHANGING_DOCUMENTS - 1 - number % CHANGING_DOCUMENTS))
        child = Child(library, documents.folder, pause_at)
        kill = campaign.kill_when(child, lambda c: c.wait_for("PAUSE", 120) is not None, f"at {pause_at}")
        if kill.phase == "not reached":
            problems.append(f"pause point {pause_at} was never reached: {child.stderr_tail()[-500:]}")
    documents.rewrite_some()
    measured, typical_seconds = _uninterrupted(library, documents.folder)
    campaign.judge(measured)
    problems += _run_problems(measured, "measuring run")
    log(f"typical ingest after rewriting half of the files: {typical_seconds:.1f} s")
    for _ in range(random_kills):
        documents.rewrite_some()
        delay = rng.uniform(0.0, typical_seconds)
        child = Child(library, documents.folder)
        campaign.kill_when(child, lambda c: _sleep_after_start(c, delay), f"{delay:.2f} s into the ingest")
        finished_in = child.ingest_seconds()
        if finished_in is not None:  # the machine is faster than measured: aim earlier from now on
            typical_seconds = (typical_seconds + finished_in) / 2

    final = Child(library, documents.folder)
    final.finish()
    campaign.judge(final)
    final_check = final.value("FINAL")
    final_violations = ["the final run reported no final check"] if final_check is None else final_check
    problems += _run_problems(final, "final run") + _completion_problems(final.value("DONE"), documents)
    problems += [f"kill {k.number} ({k.aim}) was never followed by a check" for k in campaign.unchecked]
    result = CampaignResult(seed, campaign.kills, final_violations, problems, time.monotonic() - started)
    for kill in campaign.kills:
        log(f"kill {kill.number:2d} {kill.aim:<45} landed after {kill.phase:<40} violations: {kill.violations}")
    return result


class _Campaign:
    """The kills so far; a run's CHECK judges the state left by every kill since the previous CHECK."""

    def __init__(self) -> None:
        self.kills: list[Kill] = []
        self.unchecked: list[Kill] = []

    def judge(self, child: Child) -> None:
        check = child.value("CHECK")
        if check is None:
            return
        ready = set(child.value("READY") or [])
        for kill in self.unchecked:
            kill.violations.extend(check)
            lost = sorted(set(kill.ready_before) - ready)
            if lost:  # no kill may take a ready document out of the library (a changed file keeps its old reading)
                kill.violations.append(f"ready before the kill, not after it: {lost}")
        self.unchecked.clear()

    def kill_when(self, child: Child, ready, aim: str) -> Kill:
        reached = ready(child)
        stray = child.kill() if child.process.poll() is None else 0
        child.finish()
        self.judge(child)
        phase = child.last_mark() if reached else "not reached"
        if child.value("DONE") is not None:
            phase = "after the ingest finished"
        kill = Kill(len(self.kills), aim, phase, stray_workers=stray, ready_before=child.value("READY") or [])
        self.kills.append(kill)
        self.unchecked.append(kill)
        return kill


def _uninterrupted(library: Path, docs: Path) -> tuple[Child, float]:
    """A run left to finish, and how long its ingest took."""
    child = Child(library, docs)
    child.finish()
    return child, child.ingest_seconds() or 0.0


def _sleep_after_start(child: Child, delay: float) -> bool:
    if child.wait_for("INGEST-START", 120) is None:
        return False
    time.sleep(delay)
    return True


def _run_problems(child: Child, label: str) -> list[str]:
    if child.process.returncode != 0:
        return [f"{label} exited with {child.process.returncode}: {child.stderr_tail()}"]
    return [f"{label}: {v}" for v in (child.value("FINAL") or [])]


def _completion_problems(done: dict | None, documents: Documents) -> list[str]:
    """After the final run, every file is in the registry in its current version, with the expected status."""
    if done is None:
        return ["the final ingest did not finish"]
    problems = []
    hashes = documents.current_hashes()
    expected = {name: "ready" for name in hashes}
    expected.update({"dup-b.txt": "duplicate", "zz-damaged.pdf": "failed"})
    for name, status in expected.items():
        found = done["documents"].get(name)
        if found is None:
            problems.append(f"{name} is not in the registry after the final ingest")
        elif found[0] != status:
            problems.append(f"{name} is {found[0]}, expected {status}")
        elif found[1] != hashes[name]:
            problems.append(f"{name} is indexed in an old version")
    extra = set(done["documents"]) - set(expected)
    if extra:
        problems.append(f"registry has documents that are not files: {sorted(extra)}")
    return problems
