"""Runs a command under strace and lists its network attempts and the files it writes, in every process it starts."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

TRACED = "connect,sendto,sendmsg,open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2"
_WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT")
_PATH_CALL = re.compile(r'^(\d+)\s+(open|openat|creat|mkdir|mkdirat|rename|renameat|renameat2)\((.*)')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_NETWORK = re.compile(r'^(\d+)\s+(connect|sendto|sendmsg)\((.*)')


@dataclass
class Observed:
    """What the traced process tree tried."""

    network: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def strace_available() -> bool:
    return shutil.which("strace") is not None


def run_traced(command: list[str], log: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["strace", "-f", "-qq", "--seccomp-bpf", "-s", "256", "-e", f"trace={TRACED}", "-o", str(log), *command],
        **kwargs,
    )


def read_trace(log: Path, cwd: Path) -> Observed:
    """Connections and datagrams to internet addresses (DNS included) and paths opened for writing, created or renamed.

    Creating a socket is not counted (libuuid opens one to read the MAC address); local AF_UNIX connections to
    nscd are user-name lookups, while a DNS lookup without nscd shows as an AF_INET send to port 53.
    """
    observed = Observed()
    for line in log.read_text(errors="replace").splitlines():
        network = _NETWORK.match(line)
        if network:
            if "AF_INET" in network.group(3):
                observed.network.append(line)
            continue
        match = _PATH_CALL.match(line)
        if not match or "= -1" in line:
            continue
        call, args = match.group(2), match.group(3)
        paths = _QUOTED.findall(args)
        if not paths:
            continue
        if call in ("open", "openat") and not any(flag in args for flag in _WRITE_FLAGS):
            continue
        target = paths[-1] if call.startswith("rename") else paths[0]
        observed.written.append(os.path.normpath(os.path.join(cwd, target)))
    return observed


def outside(paths: list[str], allowed: list[Path]) -> list[str]:
    """The paths under none of the ``allowed`` folders (devices and the process's own /proc entries are fine)."""
    roots = [str(Path(a).resolve()) for a in allowed] + ["/dev", "/proc"]
    return sorted({p for p in paths if not any(p == r or p.startswith(r + os.sep) for r in roots)})
