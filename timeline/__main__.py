"""``python -m timeline``: see :mod:`timeline.cli`."""

from timeline.cli import main

raise SystemExit(main())
