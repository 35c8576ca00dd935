"""Definition HTML from CC-CEDICT senses (first version; card-design issue refines it)."""

from __future__ import annotations

import html
from collections.abc import Sequence


def format_definition(
    senses: Sequence[str], *, script: str = "simplified", max_senses: int = 4
) -> tuple[str, str]:
    """(definition_html, classifier_html) for one entry's senses."""
    kept = [s for s in senses if not s.startswith("CL:")]
    return html.escape("; ".join(kept[:max_senses]), quote=False), ""


def format_composed(parts: Sequence[tuple[str, str]]) -> str:
    """A gloss composed from parts, marked as composed: ``≈ 新质 (…) + 生产力 (…)``."""
    body = " + ".join(f"{html.escape(p)} ({html.escape(g)})" for p, g in parts)
    return f'<span class="composed">≈ {body}</span>'
