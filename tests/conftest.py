"""Settings for every test module: the hypothesis profile.

``ARNORM_HYPOTHESIS_PROFILE=long`` runs 5,000 examples a property (the run before a release);
the default ``ci`` runs 300.  Registered here, not in one test module, so that the profile
holds whichever test files are run (``pytest tests/test_line_speedups.py`` alone too).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("ARNORM_HYPOTHESIS_PROFILE", "ci"))
