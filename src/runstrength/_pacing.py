"""Pacing: the assumptions that turn a workout's doses and rests into seconds."""

from __future__ import annotations

from typing import Final

import attrs

from ._spec.rules import Member, Number, Whole
from ._spec.validated import Validated, ruled
from ._values import Intensity, RangePoint, to_range_point

_PACE: Final = Whole(60, 3600, " s")
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
    - ``range_point`` typical: the middle of every range (rests, reps, times, rounds); a
      count (rounds, sets, efforts) takes the lower of two middle counts: 2–3 rounds are 2.
    - ``max_reps_estimate`` 12: reps assumed for "as many as you can" without a time cap.
    - ``seconds_per_km`` 360: an easy 6:00/km run for distance doses.
    - ``max_segments`` 100 000: a timeline longer than this is refused, not built.

    Paces by intensity, in seconds per km, for a runner whose easy pace is 6:00/km
    (``easy`` is ``seconds_per_km``; `seconds_per_km_at` reads the table):

    - ``pace_walk`` 600 (a brisk walk, 6 km/h) and ``pace_jog`` 420 (a recovery jog).
    - ``pace_10k`` 300, ``pace_5k`` 285 and ``pace_mile`` 255: race paces, each faster
      than the longer race's.
    - ``pace_sprint`` 210: flat out over a short distance.
    - ``effort_seconds`` 20: one effort given by its intensity alone ("3 hill sprints").
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
        metadata=ruled(
            Member(RangePoint),
            "Which point of every range to use: min, typical (the middle) or max. A count of "
            "rounds, sets or efforts takes, at typical, the lower of its two middle counts "
            "(2–3 rounds: 2); min and max are its ends.",
        ),
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
    pace_walk: int = attrs.field(
        default=600, metadata=ruled(_PACE, "Walking pace for ``intensity: walk``, in seconds per km.")
    )
    pace_jog: int = attrs.field(
        default=420, metadata=ruled(_PACE, "Jogging pace for ``intensity: jog``, in seconds per km.")
    )
    pace_10k: int = attrs.field(
        default=300, metadata=ruled(_PACE, "10 km race pace for ``intensity: 10k``, in seconds per km.")
    )
    pace_5k: int = attrs.field(
        default=285, metadata=ruled(_PACE, "5 km race pace for ``intensity: 5k``, in seconds per km.")
    )
    pace_mile: int = attrs.field(
        default=255, metadata=ruled(_PACE, "Mile race pace for ``intensity: mile``, in seconds per km.")
    )
    pace_sprint: int = attrs.field(
        default=210, metadata=ruled(_PACE, "Sprinting pace for ``intensity: sprint``, in seconds per km.")
    )
    effort_seconds: int = attrs.field(
        default=20,
        metadata=ruled(
            Whole(1, 3600, " s"),
            "Seconds of one effort given by its intensity alone, with no time or distance.",
        ),
    )

    def seconds_per_km_at(self, intensity: Intensity | None) -> int:
        """The pace of an intensity, in seconds per km (``None`` and ``easy``: ``seconds_per_km``).

        >>> Pacing().seconds_per_km_at(Intensity.FIVE_K)
        285
        """
        if intensity is None or intensity is Intensity.EASY:
            return self.seconds_per_km
        paces: int = getattr(self, f"pace_{intensity.value}")
        return paces
