"""Whatever the bytes, a reader returns parts or raises InputError: never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

# Test modules of this folder: pytest puts a test module's folder on sys.path.
from test_formats_docx import make_docx
from test_formats_epub import CHAPTERS, make_epub
from testdata import DATA

from flashgen.errors import InputError
from flashgen.text.formats import SUPPORTED_SUFFIXES, Part, read_parts

SAMPLES = {".epub": make_epub(CHAPTERS), ".docx": make_docx()}
FORMATS = DATA / "formats"
for name in ["episode01.srt", "episode02.vtt", "episode03.ass", "news.html", "notes.md"]:
    SAMPLES[Path(name).suffix] = (FORMATS / name).read_bytes()


def read_or_refuse(suffix: str, data: bytes) -> None:
    try:
        parts = read_parts(Path("f" + suffix), data, decode=lambda b, _: b.decode("latin-1"))
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("f" + suffix)
    else:
        assert parts and all(isinstance(p, Part) for p in parts)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(SUPPORTED_SUFFIXES)), st.binary(max_size=2000))
def test_random_bytes(suffix: str, data: bytes) -> None:
    read_or_refuse(suffix, data)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_damaged_real_files(suffix: str, data: st.DataObject) -> None:
    sample = SAMPLES[suffix]
    cut = data.draw(st.integers(0, len(sample)))
    at = data.draw(st.integers(0, len(sample) - 1))
    flipped = sample[:at] + bytes([sample[at] ^ 0x55]) + sample[at + 1 :]
    read_or_refuse(suffix, sample[:cut])
    read_or_refuse(suffix, flipped)
