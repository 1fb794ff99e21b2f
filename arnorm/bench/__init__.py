"""``python -m arnorm.bench``: how fast arnorm cleans text, by profile and rule family.

The corpus is built deterministically from ``seeds/`` (:mod:`arnorm.bench.corpus`), or read
from files given on the command line; ``--compare`` times the installed baselines
(:mod:`arnorm.bench.baselines`) side by side in the same run and prints ratios.
"""
