"""``python -m timeline``: see :mod:`timeline.cli`."""

from timeline.cli import main

# Guarded: Dask's worker processes start by importing this module again (spawn).
if __name__ == "__main__":
    raise SystemExit(main())
