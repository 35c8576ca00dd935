"""The learner's own lists: words they know and their glossary, read in one place.

In: the build config (known-word files, an Anki collection, a glossary file).
Out: a :class:`.vocabulary.Vocabulary`. Parsers of each list format live in
:mod:`.known` and :mod:`.glossary`. These files are read, never written.
"""
