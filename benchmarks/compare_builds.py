"""Do two revisions of flashgen write the same files? Prints every difference.

Checks out each revision into a temporary git worktree and runs the same
builds with it (this checkout's Python environment, ``PYTHONPATH`` set to the
worktree, a cache folder of its own). Then, file by file:

- packages (``.apkg``): every note (GUID, note type, fields, tags, in note
  order), every card (its note's GUID, template, deck, position, in card
  order), every deck (ID, name, description) and every note type (its JSON,
  without modification times) must be equal;
- word lists (``.tsv``) and previews (``.html``) must be byte-identical.

The default matrix, used to show that the move into subpackages changed
nothing (see ``benchmarks/README.md``), runs at every level: the shipped
samples (alone, with ``--list --preview``, with ``--single``), the seed text,
the four genre texts of ``../shared/eval/genres``, and 呐喊 with
``--split chapters``; each of those with ``--jobs 1`` and with ``--jobs 2``.
Within a revision the two job counts must agree too.

Example::

    python benchmarks/compare_builds.py bc4f6c1 8f02bc9
    python benchmarks/compare_builds.py bc4f6c1 HEAD -- --level advanced ../shared/eval/genres

With build arguments after ``--``, only that one build is compared.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LEVELS = ("beginner", "intermediate", "advanced")


def default_matrix() -> dict[str, list[str]]:
    """Name of a build -> its arguments (without ``--level``, ``--jobs``, ``--out``)."""
    seed = sorted((SHARED / "corpus" / "seed").glob("*.txt"))
    genres = SHARED / "eval" / "genres"
    nahan = SHARED / "corpus" / "luxun" / "呐喊.txt"
    builds: dict[str, list[str]] = {
        "samples": [],
        "samples-list-preview": ["--list", "--preview"],
        "samples-single": ["--single", "{out}/all.apkg"],
    }
    if seed:
        builds["seed"] = [str(seed[0])]
    if genres.is_dir():
        builds["genres"] = [str(p) for p in sorted(genres.glob("*.txt"))]
    if nahan.is_file():
        builds["nahan-chapters"] = [str(nahan), "--split", "chapters"]
    return builds


def _worktree(revision: str, work: Path) -> Path:
    tree = work / f"tree-{revision.replace('/', '_')}"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), revision],
        check=True,
        capture_output=True,
    )
    return tree


def _run_builds(revision: str, builds: dict[str, list[str]], jobs: str, work: Path) -> Path:
    """Every build of ``builds`` at every level with ``--jobs JOBS``; the output root."""
    tree = _worktree(revision, work)
    root = work / f"out-{revision.replace('/', '_')}-j{jobs}"
    env = {**os.environ, "PYTHONPATH": str(tree), "FLASHGEN_CACHE_DIR": str(work / "cache")}
    env.pop("FLASHGEN_LEXICON", None)
    try:
        for name, args in builds.items():
            levels = [None] if "--level" in args else list(LEVELS)
            for level in levels:
                out = root / name / (level or "given")
                out.mkdir(parents=True)
                extra = [] if level is None else ["--level", level]
                command = [sys.executable, "-m", "flashgen", "build", *extra, "--jobs", jobs]
                filled = [a.replace("{out}", str(out)) for a in args]
                subprocess.run(
                    [*command, *filled, "--out", str(out)],
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
    return root


def _without_times(value: Any) -> Any:
    """A note type's JSON without the fields that record when it was written."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in ("mod", "usn")}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def read_package(package: Path, work: Path) -> dict[str, Any]:
    """What a learner gets from ``package``: notes, cards, decks and note types."""
    target = work / "read.anki2"
    with zipfile.ZipFile(package) as z:
        target.write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(target)
    try:
        notes = [
            (guid, mid, flds.split("\x1f"), tags.split())
            for guid, mid, flds, tags in conn.execute(
                "SELECT guid, mid, flds, tags FROM notes ORDER BY id"
            )
        ]
        cards = conn.execute(
            "SELECT n.guid, c.ord, c.did, c.due FROM cards c JOIN notes n ON n.id = c.nid "
            "ORDER BY c.id"
        ).fetchall()
        decks_json, models_json = conn.execute("SELECT decks, models FROM col").fetchone()
    finally:
        conn.close()
    target.unlink()
    decks = sorted(
        (int(i), d["name"], d.get("desc", "")) for i, d in json.loads(decks_json).items()
    )
    models = _without_times(json.loads(models_json))
    return {"notes": notes, "cards": cards, "decks": decks, "note types": models}


def compare(before: Path, after: Path, work: Path) -> list[str]:
    """Lines describing each difference between two output trees (empty when equal)."""
    problems: list[str] = []
    files_a = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    files_b = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    for name in sorted(files_a ^ files_b):
        problems.append(f"{name}: only in {'the first' if name in files_a else 'the second'}")
    for name in sorted(files_a & files_b):
        if name.suffix == ".apkg":
            a, b = read_package(before / name, work), read_package(after / name, work)
            for part in a:
                if a[part] != b[part]:
                    problems.append(f"{name}: {part} differ")
        elif (before / name).read_bytes() != (after / name).read_bytes():
            problems.append(f"{name}: bytes differ")
    return problems


def _count(root: Path, work: Path) -> tuple[int, int, int]:
    packages = sorted(root.rglob("*.apkg"))
    notes = sum(len(read_package(p, work)["notes"]) for p in packages)
    others = len([p for p in root.rglob("*") if p.suffix in (".tsv", ".html")])
    return len(packages), notes, others


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("build_args", nargs="*", help="one build's arguments (after --)")
    options = parser.parse_args()
    if options.build_args:
        args = [str(Path(a).resolve()) if Path(a).exists() else a for a in options.build_args]
        builds = {"given": args}
    else:
        builds = default_matrix()
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="flashgen-compare-") as tmp:
        work = Path(tmp)
        outputs = {
            (rev, jobs): _run_builds(rev, builds, jobs, work)
            for rev in (options.before, options.after)
            for jobs in ("1", "2")
        }
        pairs = [
            ((options.before, "1"), (options.after, "1")),
            ((options.before, "2"), (options.after, "2")),
            ((options.before, "1"), (options.before, "2")),
            ((options.after, "1"), (options.after, "2")),
        ]
        for a, b in pairs:
            for line in compare(outputs[a], outputs[b], work):
                problems.append(f"{a[0]} --jobs {a[1]} vs {b[0]} --jobs {b[1]}: {line}")
        packages, notes, others = _count(outputs[(options.before, "1")], work)
    for line in problems:
        print(line)
    print(
        f"{options.before} vs {options.after}: builds {', '.join(builds)} at every level, "
        f"--jobs 1 and 2: {packages} packages, {notes} notes, {others} word lists and "
        f"previews each; {len(problems)} differences"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
