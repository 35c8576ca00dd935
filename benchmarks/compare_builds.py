"""Do two revisions of flashgen write the same decks? Prints what differs.

Checks out each revision into a temporary git worktree, builds the same inputs
with it (this checkout's Python environment, ``PYTHONPATH`` set to the
worktree) and compares, package by package, every note: GUID, note type,
fields, tags; plus deck names and descriptions. Used to show that a refactor
(for example the move into subpackages) changes no card.

Example::

    python benchmarks/compare_builds.py bc4f6c1 HEAD
    python benchmarks/compare_builds.py bc4f6c1 HEAD -- --level advanced ../shared/eval/genres

With no paths after ``--`` it builds the shipped samples at every level.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Notes = dict[str, dict[str, object]]


def _build(revision: str, args: list[str], work: Path) -> Path:
    tree = work / f"tree-{revision.replace('/', '_')}"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision],
        check=True,
        capture_output=True,
    )
    out = work / f"out-{revision.replace('/', '_')}"
    env = {**os.environ, "PYTHONPATH": str(tree), "FLASHGEN_CACHE_DIR": str(work / "cache")}
    try:
        for level in ("beginner", "intermediate", "advanced"):
            if "--level" in args and level != "advanced":
                continue
            extra = [] if "--level" in args else ["--level", level]
            command = [sys.executable, "-m", "flashgen", "build", *extra, *args]
            subprocess.run(
                [*command, "--out", str(out / level)],
                check=True,
                env=env,
                cwd=tree,
                capture_output=True,
            )
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
            check=False,
            capture_output=True,
        )
    return out


def _read(package: Path, work: Path) -> tuple[Notes, list[tuple[str, str]]]:
    """Every note of ``package`` keyed by GUID, and its decks' (name, description)."""
    target = work / "read.anki2"
    with zipfile.ZipFile(package) as z:
        target.write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(target)
    try:
        notes = {
            guid: {"mid": mid, "fields": flds.split("\x1f"), "tags": tags.split()}
            for guid, mid, flds, tags in conn.execute("SELECT guid, mid, flds, tags FROM notes")
        }
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        conn.close()
    target.unlink()
    described = sorted((d["name"], d.get("desc", "")) for d in decks.values())
    return notes, described


def compare(before: Path, after: Path, work: Path) -> list[str]:
    """Lines describing each difference between two output trees (empty when equal)."""
    problems: list[str] = []
    names_a = {p.relative_to(before) for p in before.rglob("*.apkg")}
    names_b = {p.relative_to(after) for p in after.rglob("*.apkg")}
    for name in sorted(names_a ^ names_b):
        problems.append(f"{name}: only in {'before' if name in names_a else 'after'}")
    for name in sorted(names_a & names_b):
        notes_a, decks_a = _read(before / name, work)
        notes_b, decks_b = _read(after / name, work)
        if decks_a != decks_b:
            problems.append(f"{name}: decks differ: {decks_a} != {decks_b}")
        for guid in sorted(notes_a.keys() | notes_b.keys()):
            if notes_a.get(guid) != notes_b.get(guid):
                problems.append(f"{name}: note {guid}: {notes_a.get(guid)} != {notes_b.get(guid)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("build_args", nargs="*", help="arguments for flashgen build (after --)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="flashgen-compare-") as tmp:
        work = Path(tmp)
        args = [str(Path(a).resolve()) if Path(a).exists() else a for a in options.build_args]
        before = _build(options.before, args, work)
        after = _build(options.after, args, work)
        packages = len(list(before.rglob("*.apkg")))
        notes = sum(len(_read(p, work)[0]) for p in before.rglob("*.apkg"))
        problems = compare(before, after, work)
    for line in problems:
        print(line)
    print(
        f"{options.before} vs {options.after}: {packages} packages, {notes} notes, "
        f"{len(problems)} differences"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
