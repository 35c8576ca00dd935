"""Reference data about Chinese words, from installed packages, loaded once and cached.

In: a word. Out: facts about it: its CC-CEDICT entries (:mod:`.cedict`), HSK
level (:mod:`.hsk`), frequency in Zipf units (:mod:`.frequency`), whether a
dictionary lists it as a lexical unit (:mod:`.headwords`), its traditional
form (:mod:`.traditional`); and the named Han character ranges (:mod:`.han`).
Nothing here knows about documents or cards.
"""
