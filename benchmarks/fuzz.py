"""Fuzz ``flashgen build`` with hostile documents: no traceback, no hang, nothing changed outside.

Each run builds one folder of generated documents in a child process with a
time limit, then checks that

- no traceback reached the user and the exit status is 0 or 1 (1: some document failed);
- the run ended within the limit (``--timeout``, default 60 s);
- no file outside ``--out`` changed: the inputs, and a "victim" file that
  symbolic links in the input folder point to, are hashed before and after.

Documents are random (bytes, mutated Chinese text, every supported suffix) and
structural: markup nested thousands deep, tags left open, zip bombs (chapter,
container.xml, document.xml), nested Word files, truncated containers, GBK,
Big5, UTF-16 and half-UTF-8 files, broken subtitles, names that are not UTF-8 or
hold tabs, newlines and ``:::``, FIFOs, dangling links, link loops and links to
``/dev/zero``. Runs vary the options too (``--title``, ``--encoding``,
``--list``, ``--preview``, ``--split chapters``, ``--max-input-mb``).

    python benchmarks/fuzz.py                      # 24 runs of 26 documents (624), seed 15
    python benchmarks/fuzz.py --runs 4 --seed 3    # a quicker look
    python benchmarks/fuzz.py --source /tmp/old    # fuzz another checkout's flashgen
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import (  # noqa: E402 - the generators live with the tests
    GOOD_TEXT,
    SENTENCE,
    make_docx,
    make_epub,
    nested_docx,
    para,
    zip_bomb_docx,
    zip_bomb_epub,
)

SUFFIXES = [".txt", ".html", ".md", ".srt", ".vtt", ".ass", ".epub", ".docx"]
PHRASES = [
    "春节是中国最重要的传统节日",
    "人们在这一天贴春联、吃饺子",
    "科学家在实验室里研究新的疫苗",
    "图书馆的阅览室里坐满了学生",
    "他们一起唱歌跳舞，庆祝丰收",
    "经济发展需要创新和改革",
    "我們今天去臺北的故宮博物院",
    "Hello world",
    "１２３ＡＢＣ",
    "《红楼梦》是一部小说",
]
MARKUP_BITS = [
    "<p>",
    "</p>",
    "<div>",
    "<a href='#n1'>",
    "</a>",
    "<sup>",
    "<!--",
    "-->",
    "<![",
    "<",
    ">",
]
MARKUP_BITS += [
    "<script>",
    "</script>",
    "&amp;",
    "&#x4e2d;",
    "<td>",
    "<tr>",
    "<br/>",
    "<h1>",
    "<p <p",
]
Doc = tuple[str, bytes]  # (file name as bytes-safe str, content)


def chinese(rng: random.Random, sentences: int) -> str:
    return "\n".join(
        "".join(rng.choice(PHRASES) for _ in range(rng.randint(1, 4))) + rng.choice("。！？；")
        for _ in range(sentences)
    )


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Flip, drop, duplicate and insert bytes at random."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not out:
            break
        i = rng.randrange(len(out))
        op = rng.randrange(4)
        if op == 0:
            out[i] = rng.randrange(256)
        elif op == 1:
            del out[i : i + rng.randint(1, 50)]
        elif op == 2:
            out[i:i] = out[i : i + rng.randint(1, 200)]
        else:
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 10)))
    return bytes(out)


def srt(rng: random.Random) -> str:
    cues = []
    for n in range(1, rng.randint(2, 30)):
        timing = f"00:00:{n % 60:02d},000 --> 00:00:{(n + 1) % 60:02d},500"
        if rng.random() < 0.3:
            timing = rng.choice(["00:00:01.000 -> 00:00:02", "0:1 --> x", "--> 00:00:03,000", ""])
        cues.append(f"{n}\n{timing}\n{chinese(rng, 1)}")
    return "\n\n".join(cues)


def ass(rng: random.Random) -> str:
    events = "\n".join(
        f"Dialogue: 0,0:00:{i % 60:02d}.00,0:00:{i % 60:02d}.50,Default,,0,0,0,,"
        + chinese(rng, 1).replace("\n", "\\N")
        for i in range(rng.randint(1, 20))
    )
    return f"[Script Info]\nTitle: {chinese(rng, 1)}\n\n[Events]\n{events}\n"


def deep_markup(rng: random.Random) -> str:
    unit = rng.choice([f"<tr><td><p>{SENTENCE}", f"<font>{SENTENCE}", "<div>", "<a href='#x'>"])
    return "<html><body><table>" + unit * rng.randint(800, 5000) + SENTENCE


def open_markup(rng: random.Random) -> str:
    bits = [rng.choice(MARKUP_BITS + PHRASES) for _ in range(rng.randint(10, 4000))]
    return "<html><body>" + "".join(bits)


def truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randint(0, max(len(data) - 1, 0))]


def epub(rng: random.Random) -> bytes:
    chapters = [f"<h1>第{i}章</h1><p>{chinese(rng, 5)}</p>" for i in range(rng.randint(1, 5))]
    return make_epub(chapters)


def docx(rng: random.Random) -> bytes:
    return make_docx("".join(para(line) for line in chinese(rng, 8).split("\n")))


def stored_docx(size: int) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * size + b"</w:document>")
    return buffer.getvalue()


def structural(rng: random.Random) -> Doc:
    """One hostile document of a kind chosen at random."""
    kinds: list[Callable[[], Doc]] = [
        lambda: ("deep.html", deep_markup(rng).encode()),
        lambda: ("deep.txt", deep_markup(rng).encode()),
        lambda: ("open.html", open_markup(rng).encode()),
        lambda: ("deep.epub", make_epub([deep_markup(rng)])),
        lambda: ("nested.docx", nested_docx(rng.choice(["sdtContent", "r"]), 5000)),
        lambda: ("bomb.epub", zip_bomb_epub("OEBPS/c1.xhtml", rng.choice([8, 32]) << 20)),
        lambda: ("bombc.epub", zip_bomb_epub("META-INF/container.xml", 16 << 20)),
        lambda: ("bomb.docx", zip_bomb_docx(16 << 20)),
        lambda: ("big.docx", stored_docx(3 << 20)),
        lambda: ("cut.epub", truncated(epub(rng), rng)),
        lambda: ("cut.docx", truncated(docx(rng), rng)),
        lambda: ("bad.epub", mutate(rng, epub(rng))),
        lambda: ("bad.docx", mutate(rng, docx(rng))),
        lambda: ("gbk.txt", chinese(rng, 20).encode("gbk")),
        lambda: (
            "big5.txt",
            "我們今天去臺北的故宮博物院參觀。\n".encode("big5") * rng.randint(1, 50),
        ),
        lambda: ("u16.txt", chinese(rng, 10).encode("utf-16")),
        lambda: ("u16nobom.txt", chinese(rng, 10).encode("utf-16-le")),
        lambda: ("mixed.txt", chinese(rng, 5).encode() + chinese(rng, 5).encode("gbk")),
        lambda: ("cues.srt", srt(rng).encode()),
        lambda: ("cues.vtt", ("WEBVTT\n\n" + srt(rng).replace(",", ".")).encode()),
        lambda: ("script.ass", ass(rng).encode()),
        lambda: ("notes.md", ("# " + chinese(rng, 1) + "\n\n" + chinese(rng, 10)).encode()),
        lambda: ("empty.txt", b""),
        lambda: ("nul.txt", b"\0" * rng.randint(1, 5000)),
    ]
    return rng.choice(kinds)()


def random_doc(rng: random.Random) -> Doc:
    """Random bytes, or mutated Chinese text, under any supported suffix."""
    suffix = rng.choice(SUFFIXES)
    if rng.random() < 0.3:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 5000)))
    elif suffix == ".epub":
        data = mutate(rng, epub(rng)) if rng.random() < 0.5 else epub(rng)
    elif suffix == ".docx":
        data = mutate(rng, docx(rng)) if rng.random() < 0.5 else docx(rng)
    else:
        text = chinese(rng, rng.randint(1, 40)).encode(rng.choice(["utf-8", "gbk", "utf-8-sig"]))
        data = mutate(rng, text) if rng.random() < 0.5 else text
    return f"r{suffix}", data


def file_name(rng: random.Random, index: int, base: str) -> bytes:
    """A distinct file name, sometimes not UTF-8 or holding tabs, newlines and colons."""
    stem, _, suffix = base.rpartition(".")
    style = rng.randrange(6)
    if style == 0:
        raw = "春节".encode("gbk") + b"\xff"
    elif style == 1:
        raw = "上册:::下册\t第\n一".encode()
    elif style == 2:
        raw = ("长" * 80).encode()
    else:
        raw = stem.encode()
    return b"%03d-" % index + raw + b"." + suffix.encode()


@dataclass
class Outcome:
    """What the fuzz found."""

    runs: int = 0
    documents: int = 0
    status: dict[int, int] = field(default_factory=dict)
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)
    slowest: float = 0.0


def snapshot(folder: Path, skip: Path) -> dict[str, str]:
    """Hash of every regular file below ``folder`` (links not followed), ``skip`` left out."""
    hashes = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        if Path(dirpath) == skip or skip in Path(dirpath).parents:
            dirnames.clear()
            continue
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                hashes[os.fsdecode(bytes(path))] = "special"
                continue
            hashes[os.fsdecode(bytes(path))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def options(rng: random.Random) -> list[str]:
    """Random build options: each run varies a few."""
    chosen: list[str] = []
    if rng.random() < 0.3:
        chosen += ["--list"]
    if rng.random() < 0.2:
        chosen += ["--preview"]
    if rng.random() < 0.3:
        chosen += ["--split", "chapters"]
    if rng.random() < 0.2:
        chosen += ["--max-input-mb", "1"]
    if rng.random() < 0.2:
        chosen += ["--encoding", rng.choice(["gbk", "big5", "latin-1", "rot13", "utf-16", "hex"])]
    if rng.random() < 0.3:
        chosen += ["--title", rng.choice(["a\tb", "x\ny", "上册:::下册", "/..", ""])]
    chosen += ["--level", rng.choice(["beginner", "intermediate", "advanced"])]
    return chosen


@dataclass(frozen=True)
class Settings:
    per_run: int
    timeout: float
    source: Path  # the folder holding the flashgen package to run


def one_run(rng: random.Random, number: int, settings: Settings, out: Outcome) -> None:
    with tempfile.TemporaryDirectory(prefix="flashgen-fuzz-") as tmp:
        root = Path(tmp)
        inputs, decks = root / "in", root / "out"
        inputs.mkdir()
        victim = root / "victim.txt"
        victim.write_text(GOOD_TEXT, encoding="utf-8")
        for i in range(settings.per_run):
            base, data = structural(rng) if rng.random() < 0.6 else random_doc(rng)
            name = file_name(rng, i, base)
            with open(os.path.join(os.fsencode(inputs), name), "wb") as file:
                file.write(data)
        os.mkfifo(inputs / "pipe.txt")
        (inputs / "dangling.txt").symlink_to(root / "gone.txt")
        (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
        (inputs / "zero.txt").symlink_to("/dev/zero")
        (inputs / "victim.txt").symlink_to(victim)
        before = snapshot(root, decks)
        args = [sys.executable, "-m", "flashgen", "build", str(inputs), "--out", str(decks)]
        args += options(rng)
        if rng.random() < 0.3:
            args.insert(4, "-")  # standard input is empty (/dev/null)
        started = time.perf_counter()
        label = f"run {number}: {' '.join(args[3:])!r}"
        try:
            done = subprocess.run(
                args,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=settings.timeout,
                cwd=root,
                env={**os.environ, "PYTHONPATH": str(settings.source)},
                check=False,
            )
        except subprocess.TimeoutExpired:
            out.hangs.append(label)
            return
        finally:
            out.runs += 1
            out.documents += settings.per_run
            out.slowest = max(out.slowest, time.perf_counter() - started)
        out.status[done.returncode] = out.status.get(done.returncode, 0) + 1
        stderr = done.stderr.decode("utf-8", "replace")
        if b"Traceback" in done.stderr + done.stdout or done.returncode not in (0, 1):
            out.tracebacks.append(f"{label}\n{stderr[-2000:]}")
        after = snapshot(root, decks)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        out.touched += [f"{label}: {path}" for path in changed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=24)
    parser.add_argument("--per-run", type=int, default=26)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--source", type=Path, default=ROOT, help="folder with flashgen/")
    args = parser.parse_args()
    settings = Settings(args.per_run, args.timeout, args.source.resolve())
    rng = random.Random(args.seed)
    outcome = Outcome()
    started = time.perf_counter()
    for number in range(1, args.runs + 1):
        one_run(rng, number, settings, outcome)
        print(
            f"run {number}/{args.runs}: {outcome.documents} documents, "
            f"{len(outcome.tracebacks)} tracebacks, {len(outcome.hangs)} hangs, "
            f"{len(outcome.touched)} files touched outside --out",
            flush=True,
        )
    print(
        f"\n{outcome.runs} runs, {outcome.documents} documents (+5 special files a run) "
        f"in {time.perf_counter() - started:.0f} s; exit statuses {outcome.status}; "
        f"slowest run {outcome.slowest:.1f} s"
    )
    for problem in outcome.tracebacks + outcome.hangs + outcome.touched:
        print(f"PROBLEM {problem}")
    failed = outcome.tracebacks or outcome.hangs or outcome.touched
    print("FAIL" if failed else "OK: no traceback, no hang, nothing touched outside --out")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
