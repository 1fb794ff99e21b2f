"""``python -m arnorm``: the same as the ``arnorm`` command."""

from arnorm.cli import main

raise SystemExit(main())
