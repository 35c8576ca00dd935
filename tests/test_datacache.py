"""Derived tables are cached once per version, and old copies do not pile up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flashgen import datacache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHGEN_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_table_is_built_once_then_read_back(cache: Path) -> None:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    assert datacache.cached("numbers-1", ("flashgen",), build) == [1, 2, 3]
    assert datacache.cached("numbers-1", ("flashgen",), build) == [1, 2, 3]
    assert len(calls) == 1
    assert len(list(cache.glob("numbers-1-*.marshal"))) == 1


def test_writing_a_table_removes_its_older_formats_and_versions_only(cache: Path) -> None:
    stale = [cache / "numbers-1-0.0.1.marshal", cache / "numbers-0-0.1.0.marshal"]
    others = [
        cache / "numbers-extra-1-0.1.0.marshal",  # another table whose name starts alike
        cache / "numbersx-1-0.1.0.marshal",
        cache / "numbers-1-0.0.1.txt",  # not a cache file of ours
    ]
    for path in stale + others:
        path.write_bytes(b"old")
    datacache.cached("numbers-1", ("flashgen",), lambda: [1])
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in others)
    assert len(list(cache.glob("numbers-1-*.marshal"))) == 1


def test_a_corrupt_cache_file_is_rebuilt(cache: Path) -> None:
    datacache.cached("numbers-1", ("flashgen",), lambda: [1])
    (path,) = cache.glob("numbers-1-*.marshal")
    path.write_bytes(b"\x00not marshal")
    assert datacache.cached("numbers-1", ("flashgen",), lambda: [2]) == [2]


def test_a_new_stamp_rebuilds_the_table_and_removes_the_old_copy(cache: Path) -> None:
    assert datacache.cached("numbers-1", ("flashgen",), lambda: [1], stamp="aaa") == [1]
    assert datacache.cached("numbers-1", ("flashgen",), lambda: [2], stamp="aaa") == [1]
    assert datacache.cached("numbers-1", ("flashgen",), lambda: [3], stamp="bbb") == [3]
    (path,) = cache.glob("numbers-1-*.marshal")
    assert path.name.endswith("-bbb.marshal")


def _calls_cached(func: ast.FunctionDef) -> bool:
    """``func`` itself (not a function nested in it) calls ``datacache.cached``."""
    todo: list[ast.AST] = list(func.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "cached"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "datacache"
        ):
            return True
        todo.extend(ast.iter_child_nodes(node))
    return False


def test_every_function_that_reads_a_cache_file_keeps_its_value() -> None:
    # A table read from its cache file on every call instead of once per
    # process made a 13-book build 50% slower (single_function_words had no
    # @cache, and analysis asks for it per token).
    package = Path(__file__).resolve().parent.parent / "flashgen"
    # Called only by segment.tokenizer(), which is cached per glossary.
    by_cached_callers = {"segment.py:_cached_added_words"}
    uncached = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and _calls_cached(node):
                names = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
                where = f"{path.name}:{node.name}"
                if "cache" not in names and where not in by_cached_callers:
                    uncached.append(where)
    assert uncached == []
