"""Text in: paths (files, folders, standard input) to :class:`~flashgen.models.Document` records.

In: paths and read options. Out: documents, each a title, a source and clean
text lines (a book's chapters are documents of their own with ``--split
chapters``). Owns finding the inputs (:mod:`.documents`), decoding bytes
(:mod:`.decode`), reading each format (:mod:`.formats`) and cleaning text
(:mod:`.markup` for HTML, :mod:`.markdown`, :mod:`.clean`).
"""
