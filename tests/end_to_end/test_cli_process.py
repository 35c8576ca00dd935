"""The ``flashgen`` process itself: exit status and complete output, though it skips teardown.

``flashgen.cli.run`` ends the process with ``os._exit`` after flushing its
streams; these tests run it as a user does, in a child process with pipes.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from cli_run import flashgen_process, sample


def test_a_build_prints_every_line_and_leaves_a_whole_package(tmp_path: Path) -> None:
    done = flashgen_process(
        "build", sample("1-"), sample("4-"), "--out", tmp_path / "decks", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    assert sum(bool(re.search(r" cards\).* -> ", line)) for line in lines) == 2
    assert any(line.startswith("2 documents,") for line in lines)
    packages = sorted((tmp_path / "decks").glob("*.apkg"))
    assert len(packages) == 2
    for package in packages:
        with zipfile.ZipFile(package) as z:
            assert z.testzip() is None
            assert "collection.anki2" in z.namelist()


def test_a_missing_input_exits_1_with_its_error(tmp_path: Path) -> None:
    done = flashgen_process("build", tmp_path / "missing.txt", "--out", tmp_path, cwd=tmp_path)
    assert done.returncode == 1
    assert "missing.txt: no such file or folder" in done.stderr


def test_a_usage_error_exits_2(tmp_path: Path) -> None:
    done = flashgen_process("build", "--no-such-option", cwd=tmp_path)
    assert done.returncode == 2
    assert "No such option" in done.stderr


def test_version_exits_0(tmp_path: Path) -> None:
    done = flashgen_process("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("flashgen, version ")


def test_under_a_profiler_the_process_exits_normally_so_the_profile_is_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "run.prof"
    done = flashgen_process(
        "--version", cwd=tmp_path, python_args=("-m", "cProfile", "-o", str(out))
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
