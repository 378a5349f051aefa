#!/usr/bin/env python3
"""Set-up and routine tasks on a fresh machine with only Python 3.11 (see README).

    python3 tasks.py build [PATH ...] [-o OUT]   virtualenv + install + polder build
    python3 tasks.py test [PYTEST ARGS]          virtualenv + test extras + Debian tools + pytest
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".polder-installed"
# Debian packages the tests use: a headless browser for the web pages, rapper as an
# independent RDF parser. Installed only when missing.
APT_PACKAGES = {"chromium": "/usr/bin/chromium", "chromium-driver": "/usr/bin/chromedriver",
                "raptor2-utils": "/usr/bin/rapper"}


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str) -> None:
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    run(BIN / "python", "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "-q", "-e", f"{ROOT}{extras}")
    STAMP.write_text(wanted)


def ensure_debian_packages() -> None:
    missing = [pkg for pkg, binary in APT_PACKAGES.items() if not Path(binary).exists()]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit(f"tests need Debian packages {', '.join(missing)}: install them (apt-get install {' '.join(missing)})")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def build(args: list[str]) -> int:
    ensure_venv("")
    return subprocess.call([str(BIN / "polder"), "build", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    ensure_venv("[test]")
    ensure_debian_packages()
    return subprocess.call([str(BIN / "python"), "-m", "pytest", *args], cwd=ROOT)


def main() -> int:
    tasks = {"build": build, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in tasks:
        print(__doc__)
        return 2
    return tasks[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
