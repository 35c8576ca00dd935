"""Nothing lost: what an adversarial run found on the output side, each case once.

Concurrent builds, planted links and other tools' files in the output folder,
names that collide once made safe, files in the way that flashgen did not
write, word lists that cannot be written, a killed build's workers, and a
collection caught mid-transaction. Small generated inputs, no large files.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from cli_run import flashgen, sample

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = sample("4-").read_text(encoding="utf-8").splitlines()[1:]


def _text(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join([title, *ARTICLE]) + "\n", encoding="utf-8")
    return path


def _part(folder: Path, name: str, title: str, i: int) -> Path:
    """Write part ``i`` (0-11) of the samples: each of the four cut in three, so
    that every part has words no other part has and gets a deck of its own."""
    lines = sample(f"{i % 4 + 1}-").read_text(encoding="utf-8").splitlines()[1:]
    third = len(lines) // 3
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "\n".join([title, *lines[i // 4 * third : (i // 4 + 1) * third]]) + "\n", "utf-8"
    )
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _whole(package: Path) -> bool:
    with zipfile.ZipFile(package) as z:
        return z.testzip() is None and "collection.anki2" in z.namelist()


@pytest.mark.slow
def test_two_builds_into_one_folder_take_turns_and_leave_whole_packages(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    for i in range(12):
        _part(texts, f"{i:02}.txt", f"第{i}篇", i)
    out = tmp_path / "decks"
    command = [sys.executable, "-m", "flashgen", "build", str(texts), "-o", str(out)]
    runs = [
        subprocess.Popen(
            command, env=_env(), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr.decode()
        assert b"cannot write" not in stderr
    alone = tmp_path / "alone"
    assert subprocess.run([*command[:-1], str(alone)], env=_env(), cwd=tmp_path).returncode == 0
    packages = sorted(out.glob("*.apkg"))
    assert [p.name for p in packages] == sorted(p.name for p in alone.glob("*.apkg"))
    assert all(_whole(p) for p in packages)
    assert not [p for p in out.iterdir() if p.name.endswith(".partial")]


def test_titles_that_become_the_same_file_name_get_a_word_list_each(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    for i, title in enumerate(["甲/乙", "甲:乙", "甲 乙", "甲?乙"]):
        _part(texts, f"{i}.txt", title, i)
    result = flashgen("build", texts, "-o", tmp_path / "out", "--list", "--level", "intermediate")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.apkg"))) == 4
    assert len(list((tmp_path / "out").glob("*.tsv"))) == 4


def test_long_titles_that_truncate_alike_are_both_built(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    stem = "长" * 90  # longer than a file name may be: both truncate to the same name
    _part(texts, "a.txt", stem + "甲", 0)
    _part(texts, "b.txt", stem + "乙", 1)
    result = flashgen("build", texts, "-o", tmp_path / "out", "--level", "intermediate", "--list")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.apkg"))) == 2


def test_single_never_replaces_an_input_text(tmp_path: Path) -> None:
    source = _text(tmp_path, "src.txt", "标题")
    before = source.read_bytes()
    result = flashgen("build", source, "--single", source)
    assert result.exit_code == 1
    assert source.read_bytes() == before
    assert "not a flashgen package" in result.stderr and "--force" in result.stderr


def test_force_replaces_a_file_flashgen_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "all.apkg"
    target.write_text("mine")
    source = _text(tmp_path, "src.txt", "标题")
    assert flashgen("build", source, "--single", target).exit_code == 1
    assert target.read_text() == "mine"
    assert flashgen("build", source, "--single", target, "--force").exit_code == 0
    assert _whole(target)


def test_a_rebuild_replaces_its_own_packages_old_and_new(tmp_path: Path) -> None:
    source = _text(tmp_path, "src.txt", "标题")
    assert flashgen("build", source, "-o", tmp_path / "out").exit_code == 0
    package = tmp_path / "out" / "标题.apkg"
    with zipfile.ZipFile(package) as z:
        assert z.comment.startswith(b"flashgen")
    # A package written before packages carried the comment is known by its note type.
    legacy = tmp_path / "legacy.apkg"
    with zipfile.ZipFile(package) as z, zipfile.ZipFile(legacy, "w") as w:
        for item in z.infolist():
            w.writestr(item, z.read(item))
    legacy.replace(package)
    result = flashgen("build", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_preview_never_replaces_a_package(tmp_path: Path) -> None:
    assert flashgen("build", sample("4-"), "-o", tmp_path).exit_code == 0
    (package,) = tmp_path.glob("*.apkg")
    before = package.read_bytes()
    result = flashgen("preview", package, "-o", package)
    assert result.exit_code == 1
    assert package.read_bytes() == before
    assert "not a flashgen preview" in result.stderr


def test_preview_and_list_never_replace_a_users_files(tmp_path: Path) -> None:
    """--out is the input folder, which holds the user's own 春节.html and 春节.tsv."""
    folder = tmp_path / "notes"
    _text(folder, "春节.txt", "春节")
    (folder / "春节.html").write_text("<p>my own page</p>", encoding="utf-8")
    (folder / "春节.tsv").write_text("my\tlist\n", encoding="utf-8")
    result = flashgen("build", folder / "春节.txt", "-o", folder, "--preview", "--list")
    assert result.exit_code == 1
    assert (folder / "春节.html").read_text(encoding="utf-8") == "<p>my own page</p>"
    assert (folder / "春节.tsv").read_text(encoding="utf-8") == "my\tlist\n"
    assert _whole(folder / "春节.apkg")
    assert "春节.apkg" in result.stdout  # the package itself was written and said so


def test_a_word_list_that_cannot_be_written_does_not_unsay_its_package(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "标题.tsv").mkdir(parents=True)  # a folder where the word list should go
    result = flashgen("build", _text(tmp_path, "src.txt", "标题"), "-o", out, "--list")
    assert result.exit_code == 1
    assert _whole(out / "标题.apkg")
    assert f"-> {out / '标题.apkg'}" in result.stdout
    assert "not written" not in result.stdout
    assert result.stderr.count("error: ") == 1 and "标题.tsv" in result.stderr


def test_other_tools_partial_files_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in (".notes.txt.partial", ".deck.apkg.partial", "x.partial"):
        (out / name).write_text("another tool's")
    assert flashgen("build", sample("4-"), "-o", out).exit_code == 0
    for name in (".notes.txt.partial", ".deck.apkg.partial", "x.partial"):
        assert (out / name).read_text() == "another tool's"


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split()
        found += [int(c) for c in children]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_killing_a_build_ends_its_workers(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    for i in range(40):
        _text(texts, f"{i:02}.txt", f"第{i}篇")
    command = [sys.executable, "-m", "flashgen", "build", str(texts), "-o", str(tmp_path / "o")]
    build = subprocess.Popen([*command, "--jobs", "2"], env=_env(), cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            workers = _children(build.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        if build.poll() is None:
            build.kill()


def test_known_anki_never_reads_another_programs_uncommitted_changes(tmp_path: Path) -> None:
    """A rollback-journal collection in the middle of someone's write transaction."""
    from anki.collection import Collection

    path = tmp_path / "profile" / "collection.anki2"
    path.parent.mkdir()
    col = Collection(str(path))
    basic, default = col.models.by_name("Basic"), col.decks.id("Default")
    assert basic is not None and default is not None
    for word in ("学习", "经济", "发展"):
        note = col.new_note(basic)
        note["Front"], note["Back"] = word, "x"
        col.add_note(note, default)
    col.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE notes SET flds = 'bogus' || char(31) || 'x'")
        result = flashgen("build", sample("4-"), "--known-anki", path, "-o", tmp_path / "out")
        assert result.exit_code == 1
        assert "another program is writing" in result.stderr
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    result = flashgen("build", sample("4-"), "--known-anki", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
