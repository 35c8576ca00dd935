"""Hostile EPUB and Word files: deep nesting, zip bombs, documents over the input limit.

A ``.docx`` with 5,000 nested content controls or runs used to raise
RecursionError; a 1.5 kB EPUB whose chapter (or ``container.xml``) inflates to
hundreds of megabytes took gigabytes of memory. Members are now inflated a
chunk at a time within the document's budget and a ratio limit.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hostile import SENTENCE, make_epub, nested_docx, zip_bomb_docx, zip_bomb_epub

from flashgen.errors import InputError
from flashgen.text.formats import read_parts
from flashgen.text.formats.archive import MAX_RATIO


@pytest.mark.parametrize("tag", ["sdtContent", "r"])
def test_deeply_nested_docx_is_read(tag: str) -> None:
    [part] = read_parts(Path("deep.docx"), nested_docx(tag, 5000))
    assert part.lines == (SENTENCE,)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.epub", lambda: zip_bomb_epub("OEBPS/c1.xhtml", 16 << 20)),
        ("bomb.epub", lambda: zip_bomb_epub("META-INF/container.xml", 16 << 20)),
        ("bomb.docx", lambda: zip_bomb_docx(16 << 20)),
    ],
    ids=["chapter", "container.xml", "document.xml"],
)
def test_a_zip_bomb_is_refused_in_one_line_with_little_memory(name: str, data) -> None:
    bomb = data()
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as caught:
            read_parts(Path(name), bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert message.startswith(f"{name}: not a valid") and "\n" not in message
    assert f"{MAX_RATIO} times" in message
    assert peak < 8 << 20  # the old reader inflated all 16 MB first


def _incompressible_chapter(size: int) -> str:
    """Random Han characters (about 3 bytes each, hardly compressible): no bomb, just big."""
    rng = random.Random(size)
    chars = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(size // 3))
    return f"<p>{chars}</p>"


def test_the_budget_is_shared_by_a_documents_members() -> None:
    book = make_epub([_incompressible_chapter(600_000), _incompressible_chapter(600_000)])
    assert len(read_parts(Path("big.epub"), book, max_bytes=2 << 20)[0].lines) == 2
    with pytest.raises(InputError, match=r"^big\.epub: more than 1 MB .*--max-input-mb"):
        read_parts(Path("big.epub"), book, max_bytes=1 << 20)


def test_a_plain_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<p>{SENTENCE}</p>" * 40_000, encoding="utf-8")
    with pytest.raises(InputError, match=r"^page\.html: more than 1 MB"):
        read_parts(page, max_bytes=1 << 20)
    assert read_parts(page, max_bytes=8 << 20)[0].lines


def test_small_members_may_compress_well() -> None:
    # 500 kB of one repeated sentence inflates ~1,000 times, but stays under the ratio floor.
    book = make_epub([f"<p>{SENTENCE}</p>" * 6000])
    [part] = read_parts(Path("repetitive.epub"), book)
    assert len(part.lines) == 6000


def test_a_stored_member_larger_than_the_limit_is_not_read_whole() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * (3 << 20) + b"</w:document>")
    with pytest.raises(InputError, match=r"more than 2 MB"):
        read_parts(Path("stored.docx"), buffer.getvalue(), max_bytes=2 << 20)
