"""Test configuration: hypothesis profiles, chosen with the HYPOTHESIS_PROFILE variable.

- ``dev`` (the default): few examples, for a quick run while editing.
- ``ci``: many more examples (as many as keep the whole CI run within 20 minutes on two
  cores), no deadline (shared machines are noisy), and a reproduction blob printed for every
  failure.
- ``quick``: a third of ``dev``'s examples, for the runs on the other Python versions, which
  check that everything works there; the ``ci`` run on the main Python searches deeply.

Whole-workout properties cost far more per example than value properties, so their tests
scale their example count down from the profile's (see ``tests/test_properties.py``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "quick",
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
