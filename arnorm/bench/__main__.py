"""Entry point of ``python -m arnorm.bench``."""

import sys

from arnorm.bench.run import main

sys.exit(main())
