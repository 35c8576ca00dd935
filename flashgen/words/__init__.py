"""Words: from a document's sentences to the words that get a card, in card order.

In: documents (and the learner's vocabulary). Out: for each document the
chosen words (:class:`~flashgen.models.Chosen`), each with its best example.
Stages: segmentation (:mod:`.segment`), the corpus term pass (:mod:`.terms`),
word-hood judgement (:mod:`.wordhood`, with :mod:`.parts`, :mod:`.derivations`
and :mod:`.idioms`), analysis of a document into word uses
and examples (:mod:`.analyse`, :mod:`.examples`), the level rule
(:mod:`.levels`) and selection, one note per word (:mod:`.selection`).
"""
