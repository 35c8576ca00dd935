"""Pinyin: the reading of a word as used in its sentence, and how to write it.

In: a word and its sentence, or numbered syllables. Out: the reading in
CC-CEDICT's numbered form (:mod:`.readings`, with pypinyin's sentence reading
made fast in :mod:`.sentence`), tone marks and zhuyin (:mod:`.spelling`), and
tone-coloured HTML (:mod:`.html`).
"""
