"""Output end to end: never half-written, and the learner's own files never touched.

A build killed with SIGKILL while it writes leaves only complete packages (the
old ones intact) plus hidden ``.partial`` files, which the next run removes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from anki_collection import anki_notes
from cli_run import Cli, apkgs, child_env, command, deck_lines, error_lines
from e2e import SPRING_FESTIVAL

from flashgen.atomic import PARTIAL_NAME


def _corpus(folder: Path) -> Path:
    """The shipped samples as files: three packages, 70-270 kB, each written in ~0.1 s.

    (The 求是 summary repeats the first article: all its words are in the first deck.)
    """
    from flashgen import resources

    folder.mkdir()
    for name in resources.sample_names():
        (folder / name).write_bytes(resources.sample_bytes(name))
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _kill_while_writing(corpus: Path, out: Path, cwd: Path) -> list[str]:
    """Run ``python -m flashgen build`` and SIGKILL it once a ``.partial`` file appears.

    Returns the partial files seen at the moment of the kill.
    """
    proc = subprocess.Popen(
        command("build", corpus, "--out", out),
        cwd=cwd,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            partials = [e.name for e in os.scandir(out) if e.name.endswith(".partial")]
            if partials:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return partials
            time.sleep(0.001)
        return []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.anki
def test_a_build_killed_while_writing_leaves_only_complete_packages(
    cli: Cli, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path / "texts")
    out = tmp_path / "decks"
    first = cli.build(corpus, "--out", out)  # the decks of an earlier run
    assert first.exit_code == 0, first.output
    old = {p.name: _digest(p) for p in apkgs(out)}
    assert len(old) >= 3

    partials = _kill_while_writing(corpus, out, tmp_path)
    if not partials:
        pytest.fail("the build finished before a .partial file was seen; cannot test a kill")
    assert all(PARTIAL_NAME.match(p) for p in partials)
    leftovers = [p.name for p in out.glob(".*.partial")]
    assert leftovers, "SIGKILL cannot clean up: the leftover must be there"

    # Every package in the folder is complete: the old one, or the new one whole.
    assert {p.name for p in apkgs(out)} == set(old)
    for package in apkgs(out):
        assert zipfile.is_zipfile(package) and zipfile.ZipFile(package).testzip() is None
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(out))
    assert len({n.deck for n in notes}) == len(old)
    assert all(PARTIAL_NAME.match(name) for name in leftovers)

    again = cli.build(corpus, "--out", out)
    assert again.exit_code == 0
    assert "removed, left by an interrupted run" in again.stderr
    assert not list(out.glob(".*.partial"))


@pytest.mark.anki
def test_a_build_never_writes_to_the_learners_vocab_files(cli: Cli, tmp_path: Path) -> None:
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    known = vocab / "known.txt"
    glossary = vocab / "glossary.tsv"
    known.write_bytes("# 我认识的词\n春节\r\n节日\n".encode())
    glossary.write_bytes("压岁钱\tya1 sui4 qian2\tmoney given to children at New Year\n".encode())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (known, glossary)}
    (tmp_path / "春节.txt").write_text(SPRING_FESTIVAL, encoding="utf-8")
    # vocab/ is looked up in the current folder: the cli fixture's, tmp_path
    result = cli.build("春节.txt", "--out", "decks", "--level", "intermediate", "--list")
    assert result.exit_code == 0, result.output
    notes = anki_notes(tmp_path / "c.anki2", *apkgs(tmp_path / "decks"))
    words = {n.fields["Simplified"]: n for n in notes}
    assert "压岁钱" in words and "money given" in words["压岁钱"].fields["Definition"]
    assert "节日" not in words  # known words get no card: the files were read
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (known, glossary)} == before
    assert sorted(p.name for p in vocab.iterdir()) == ["glossary.tsv", "known.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_package_that_cannot_be_written_is_one_error_and_the_others_are_written(
    cli: Cli, tmp_path: Path, jobs: str
) -> None:
    """A folder where one package should go: that deck fails in one line, the rest is built."""
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = cli.build(corpus, "--out", out, "--jobs", jobs)
    assert first.exit_code == 0, first.output
    built = sorted(p.name for p in apkgs(out))
    assert len(built) >= 2
    blocked = out / built[0]
    blocked.unlink()
    (blocked / "in the way").mkdir(parents=True)
    result = cli.build(corpus, "--out", out, "--jobs", jobs)
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {blocked}: cannot write (Is a directory)"]
    assert "-> not written" in result.output
    assert sorted(p.name for p in apkgs(out) if p.is_file()) == built[1:]
    assert not list(out.glob(".*.partial"))
    assert ", 1 failed," in result.output


def test_a_single_package_that_cannot_be_written_is_one_error(cli: Cli, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    single = tmp_path / "all.apkg"
    (single / "in the way").mkdir(parents=True)
    result = cli.build(corpus, "--single", single, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {single}: cannot write (Is a directory)"]
    # Every document with a word of its own failed; one with none (the 求是
    # summary repeats the first article) would not have.
    with_words = sum(1 for line in deck_lines(result.stdout) if line.words)
    assert with_words >= 3 and f"4 documents, {with_words} failed," in result.output


def test_no_temporary_folder_is_one_error_per_package_and_nothing_is_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each package's collection database is built in the temporary folder first."""
    import tempfile

    corpus = _corpus(tmp_path / "corpus")
    built = cli.build(corpus, "--out", tmp_path / "built", "--jobs", "1")
    assert built.exit_code == 0, built.output
    names = sorted(p.name for p in apkgs(tmp_path / "built"))
    out = tmp_path / "out"
    missing = tmp_path / "no such folder"
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    result = cli.build(corpus, "--out", out, "--jobs", "1")
    assert result.exit_code == 1
    reason = "no temporary folder to build it in (No such file or directory)"
    assert sorted(error_lines(result)) == [f"error: {out / n}: {reason}" for n in names]
    assert not apkgs(out) and not list(out.glob(".*.partial"))
    assert not missing.exists()
