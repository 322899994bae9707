"""Pacing: the assumptions that turn a workout's doses and rests into seconds."""

from __future__ import annotations

from typing import Final

import attrs

from ._spec.rules import Member, Number, Whole
from ._spec.validated import Validated, ruled
from ._values import RangePoint, to_range_point

MAX_SEGMENTS: Final = 1_000_000
"""The largest ``max_segments`` a pacing may allow."""


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Pacing(Validated):
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

    seconds_per_rep: float = attrs.field(
        default=3.0, metadata=ruled(Number(0.5, 60, " s"), "Seconds one repetition takes without a tempo.")
    )
    switch_sides: int = attrs.field(
        default=5, metadata=ruled(Whole(0, 600, " s"), "Seconds to change sides.")
    )
    transition: int = attrs.field(
        default=10, metadata=ruled(Whole(0, 600, " s"), "Seconds to move on to the next exercise.")
    )
    rest_between_rounds: int = attrs.field(
        default=30, metadata=ruled(Whole(0, 3600, " s"), "Rest between rounds the workout leaves open.")
    )
    rest_between_sets: int = attrs.field(
        default=60,
        metadata=ruled(Whole(0, 3600, " s"), "Rest after a superset or straight set, when left open."),
    )
    rest_between_blocks: int = attrs.field(
        default=60, metadata=ruled(Whole(0, 3600, " s"), "Rest between blocks, when left open.")
    )
    range_point: RangePoint = attrs.field(
        default=RangePoint.TYPICAL,
        converter=to_range_point,
        metadata=ruled(Member(RangePoint), "Which point of every range to use: min, typical or max."),
    )
    max_reps_estimate: int = attrs.field(
        default=12, metadata=ruled(Whole(1, 1000), "Reps assumed for a max-reps set without a time cap.")
    )
    seconds_per_km: int = attrs.field(
        default=360,
        metadata=ruled(Whole(60, 3600, " s"), "Running pace for distance doses, in seconds per km."),
    )
    max_segments: int = attrs.field(
        default=100_000, metadata=ruled(Whole(1, MAX_SEGMENTS), "The most segments a timeline may have.")
    )
    rest_minimal: int = attrs.field(
        default=10,
        metadata=ruled(Whole(0, 3600, " s"), "Seconds of a rest stated as minimal (``length: minimal``)."),
    )
    rest_short: int = attrs.field(
        default=30,
        metadata=ruled(Whole(0, 3600, " s"), "Seconds of a rest stated as short (``length: short``)."),
    )
    rest_as_needed: int = attrs.field(
        default=90,
        metadata=ruled(Whole(0, 3600, " s"), "Seconds of a rest taken as needed, without seconds or length."),
    )
