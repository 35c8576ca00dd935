"""Property-based: any text at all goes through the whole pipeline without a crash.

Arbitrary Unicode (mixed scripts, control characters, lone surrogates written
as undecodable bytes, markup, debris, empty lines) is written to a file, read
the way ``flashgen build`` reads it (decode, clean, title), analysed and turned
into cards. Nothing but a :class:`~flashgen.errors.FlashgenError` may stop a
document, and every card's example shows its headword.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cli_run import Cli
from e2e import SPRING_FESTIVAL, TAIWAN_NEWS, visible
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashgen.config import BuildConfig, Level
from flashgen.pipeline import BuildReport, load_documents, plan

# Real sentences, so that most examples have Chinese words worth a card.
_SENTENCES = [
    s + "。" for text in (SPRING_FESTIVAL, TAIWAN_NEWS) for s in text.strip().split("。") if s
]
# Things messy files contain: line breaks of every kind, controls, invisible marks,
# markup, word-processor debris, page numbers, mixed punctuation.
_DEBRIS = [
    "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x07", "\x85", "\u2028", "\u200b", "\ufeff",
    "<p>", "</div>", "<br/>", "**", "# ", "- ", "> ", "`", "[bookmark: _Toc30029]",
    "—　1　—\n", "第 3 页\n", "，", "!", "?", "……", "“", "”", "ＰＭ２.５", "iPhone 17", "30%",
]  # fmt: skip
_PIECE = st.one_of(
    st.sampled_from(_SENTENCES),
    st.sampled_from(_DEBRIS),
    st.text(max_size=12),  # any code point hypothesis likes, surrogates included
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=30),
)
TEXTS = st.lists(_PIECE, max_size=25).map("".join)
# How the text is saved; lone surrogates become bytes no strict decoder accepts.
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
LEVELS = st.sampled_from(list(Level))

# Example text is cut to about 60 characters plus "…" at each end.
MAX_EXAMPLE_CHARS = 70


def _write(folder: Path, name: str, text: str, encoding: str) -> Path:
    """Save ``text`` like an editor would; what the codec cannot encode is lost or escaped."""
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    path = folder / name
    path.write_bytes(text.encode(encoding, errors=errors))
    return path


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, encoding=ENCODINGS, level=LEVELS)
def test_any_text_gives_cards_whose_examples_show_their_headword(
    text: str, encoding: str, level: Level
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp), "doc.txt", text, encoding)
        config = BuildConfig(level=level, out_dir=Path(tmp) / "out")
        report = BuildReport()
        docs = load_documents(config, (path,), report)  # errors are reported, not raised
        for failure in report.failures:
            assert failure.startswith(f"{path}: ") or failure.startswith("doc.txt: ")
            assert "\n" not in failure
        for planned in plan(docs, config):
            for card in planned.spec.cards:
                example = visible(card.example)
                assert card.simplified in example or card.form in example, (card, example)
                assert len(example) <= MAX_EXAMPLE_CHARS, example
                assert "<" not in card.example.replace('<span class="hw">', "").replace(
                    "</span>", ""
                )


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.tuples(TEXTS, ENCODINGS), min_size=1, max_size=3))
def test_any_files_through_the_cli_never_give_a_traceback(
    texts: list[tuple[str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, (text, encoding) in enumerate(texts):
            _write(folder, f"{i}.txt", text, encoding)
        result = Cli(Path(tmp)).build(folder, "--out", Path(tmp) / "out", "--level", "beginner")
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert result.exit_code == (1 if errors else 0), result.output
        for line in errors:
            assert any(f"{i}.txt" in line for i in range(len(texts)))


def _containers() -> dict[str, bytes]:
    """A good EPUB book and Word document, to be damaged."""
    from test_e2e_formats import CHAPTERS, DOCX_PROSE, make_docx, make_epub

    return {"book.epub": make_epub(CHAPTERS), "lesson.docx": make_docx(DOCX_PROSE)}


DAMAGE = st.tuples(
    st.sampled_from(sorted(_containers())),
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    st.floats(0.05, 1),  # share of the file kept: downloads get cut off
    st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damage=DAMAGE)
def test_a_damaged_book_or_word_file_is_an_error_not_a_crash(
    damage: tuple[str, list[tuple[float, int]], float, bool],
) -> None:
    name, flips, kept, split = damage
    data = bytearray(_containers()[name])
    for where, byte in flips:
        data[int(where * len(data))] = byte
    data = data[: max(1, int(kept * len(data)))]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(bytes(data))
        config = BuildConfig(level=Level.BEGINNER, out_dir=Path(tmp), split_chapters=split)
        report = BuildReport()
        docs = load_documents(config, (path,), report)
        for failure in report.failures:
            assert failure.startswith(f"{name}: ") and "\n" not in failure
        for planned in plan(docs, config):
            assert all(c.simplified in visible(c.example) for c in planned.spec.cards)
