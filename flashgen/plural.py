"""Counts in messages, said as people say them: "1 word", "2 words", "1 document".

>>> counted(1, "word"), counted(141, "word"), counted(0, "card")
('1 word', '141 words', '0 cards')
>>> words_and_cards(1, 3), words_and_cards(141, 423, new=True)
('1 word (3 cards)', '141 new words (423 cards)')
"""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def words_and_cards(words: int, cards: int, *, new: bool = False) -> str:
    """Notes are words to a learner; Anki counts cards (up to three per word)."""
    noun = "new word" if new else "word"
    return f"{counted(words, noun)} ({counted(cards, 'card')})"
