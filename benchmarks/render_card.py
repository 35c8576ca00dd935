"""Render one card of the sample deck, front and back, as the README's picture (docs/card.png).

Builds the shipped samples, renders the chosen word's Recognition card with
flashgen's own preview (the note type's templates and CSS), screenshots it in
headless Chromium and writes a small palette PNG:

    python benchmarks/render_card.py                 # docs/card.png, word 复兴
    python benchmarks/render_card.py --word 供给 --template Sentence -o /tmp/card.png

Needs Debian's ``chromium`` (``apt-get install chromium fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from flashgen.cards.preview import preview_html, read_cards
from flashgen.config import BuildConfig, Level
from flashgen.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 900, 1400  # the window; the picture is cropped to the card
# A palette of this many colours keeps the PNG small; tone colours and grey
# anti-aliasing fit well within it.
COLOURS = 64


def render(word: str, template: str, out: Path) -> Path:
    """Write ``out``: the ``template`` card of ``word`` from the sample decks, both sides."""
    with tempfile.TemporaryDirectory(prefix="flashgen-card-") as folder:
        tmp = Path(folder)
        report = build([], BuildConfig(level=Level.ADVANCED, out_dir=tmp / "decks"))
        for package in sorted({r.path for r in report.results if r.path}):
            cards, css, _ = read_cards(package)
            chosen = [c for c in cards if c.headword == word and c.template == template]
            if chosen:
                break
        else:
            raise SystemExit(f"no {template} card of {word} in the sample decks")
        page = preview_html(chosen, css, f"{word} · {template}")
        page = page.replace("</style>", "body{width:820px}</style>", 1)
        html = tmp / "card.html"
        html.write_text(page, encoding="utf-8")
        shot = tmp / "shot.png"
        subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={tmp / 'profile'}",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--screenshot={shot}",
                html.as_uri(),
            ],  # fmt: skip
            check=True,
            capture_output=True,
            timeout=60,
        )
        image = Image.open(shot).convert("RGB")
        background = image.getpixel((WIDTH - 1, HEIGHT - 1))
        # Crop to what differs from the page background (the card and its title).
        mask = Image.new("RGB", image.size, background)
        from PIL import ImageChops

        box = ImageChops.difference(image, mask).getbbox()
        if box is not None:
            left, top, right, bottom = box
            image = image.crop((max(left - 12, 0), max(top - 12, 0), right + 12, bottom + 12))
        out.parent.mkdir(parents=True, exist_ok=True)
        image.quantize(colors=COLOURS).save(out, optimize=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", default="复兴")
    parser.add_argument("--template", default="Recognition")
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "card.png")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is absent (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 1
    out = render(args.word, args.template, args.out)
    print(f"{out}: {out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
