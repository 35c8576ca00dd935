"""Cards: from chosen words to the files a learner imports.

In: chosen words. Out: annotated :class:`~flashgen.models.Card` records
(:mod:`.annotate`: reading, definition via :mod:`.definitions`, traditional
form, example fields) and the files: Anki packages (:mod:`.apkg`, written only
through :mod:`.output`), TSV word lists (:mod:`.wordlist`) and HTML previews
(:mod:`.preview`). The note type's fields and templates are :mod:`.notetype`.
"""
