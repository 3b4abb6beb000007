"""Mentions as JSON lines, for other scorers: one article ``{"id", "date", "text"}`` a line in,
one finding a line out (:mod:`.dates`: date expressions, :mod:`.entities`: named mentions).

The ``dates`` and ``entities`` commands (:mod:`timeline.cli`) open the files and turn
the counts into an exit code; everything else is here.
"""
