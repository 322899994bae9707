"""Test configuration: hypothesis profiles, chosen with the HYPOTHESIS_PROFILE variable.

- ``dev`` (the default): few examples, for a quick run while editing.
- ``ci``: many more examples, no deadline (shared machines are noisy), and a reproduction
  blob printed for every failure.

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
    "ci",
    max_examples=300,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
