"""Pacing: the assumptions that turn a workout's doses and rests into seconds."""

from __future__ import annotations

from typing import Final

import attrs

from ._rules import Checked, checked_field, member, number, to_enum, whole
from ._values import RangePoint

MAX_SEGMENTS: Final = 1_000_000
"""The largest ``max_segments`` a pacing may allow."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Pacing(Checked):
    """How long the things a workout leaves open take, in seconds.

    What the workout prescribes (a superset's rest between rounds, the workout's rest
    between sets, an exercise's tempo) always wins; pacing fills only the gaps.

    The defaults are those of a controlled, unhurried session:

    - ``seconds_per_rep`` 3: about one second up and two down (tempo 2-0-1-0).
    - ``switch_sides`` 5: change grip or stance for the other side.
    - ``transition`` 10: move to the next exercise and pick up its weights.
    - ``rest_between_rounds`` 30: the short rest that keeps supersets and circuits moving.
    - ``rest_between_sets`` 60: after a superset or between straight sets.
    - ``rest_between_blocks`` 60: from the warm-up into the main work, and so on.
    - ``range_point`` typical: the middle of every range (rests, reps, times, rounds).
    - ``max_reps_estimate`` 12: reps assumed for "as many as you can" without a time cap.
    - ``seconds_per_km`` 360: an easy 6:00/km run for distance doses.
    - ``max_segments`` 100 000: a timeline longer than this is refused, not built.
    """

    seconds_per_rep: float = checked_field(number(0.5, 60, " s"), default=3.0)
    switch_sides: int = checked_field(whole(0, 600, " s"), default=5)
    transition: int = checked_field(whole(0, 600, " s"), default=10)
    rest_between_rounds: int = checked_field(whole(0, 3600, " s"), default=30)
    rest_between_sets: int = checked_field(whole(0, 3600, " s"), default=60)
    rest_between_blocks: int = checked_field(whole(0, 3600, " s"), default=60)
    range_point: RangePoint = checked_field(
        member(RangePoint), default=RangePoint.TYPICAL, normalize=to_enum(RangePoint)
    )
    max_reps_estimate: int = checked_field(whole(1, 1000), default=12)
    seconds_per_km: int = checked_field(whole(60, 3600, " s"), default=360)
    max_segments: int = checked_field(whole(1, MAX_SEGMENTS), default=100_000)
