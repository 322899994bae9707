"""Pacing: the assumptions that turn a workout's doses and rests into seconds."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

import attrs

from ._spec.rules import Member, Number, Optional, Whole
from ._spec.validated import Validated, ruled
from ._values import Intensity, RangePoint, to_range_point

_PACE: Final = Whole(60, 3600, " s")
MAX_SEGMENTS: Final = 1_000_000
"""The largest ``max_segments`` a pacing may allow."""


class Movement(StrEnum):
    """What kind of exercise a repetition belongs to, for its default time per rep.

    The plan decides it from the exercise (`runstrength._plan.movement`): its load, its
    equipment, and the words of its name.
    """

    CYCLIC = "cyclic"
    """A quick, repeated step or swing counted one contact at a time: jumping jacks, high knees."""
    BODYWEIGHT = "bodyweight"
    """A controlled move against body weight: squats, push-ups, sit-ups, lunges."""
    LOADED = "loaded"
    """A lift with a weight, a machine or a band: presses, rows, deadlifts, curls."""


_REP: Final = Number(0.5, 60, " s")
_SECONDS: Final = Whole(0, 600, " s")
_REST: Final = Whole(0, 3600, " s")


@attrs.frozen(kw_only=True, eq=False, repr=False, getstate_setstate=False)
class Pacing(Validated):
    """How long the things a workout leaves open take, in seconds.

    What the workout prescribes (a superset's rest between rounds, the workout's rest
    between sets, an exercise's tempo) always wins; pacing fills only the gaps.

    The defaults were chosen on forty-one published workouts whose sources state their length
    (``benchmarks/calibration/``; each value's reason is in the documentation's "Pacing" page):

    - time per rep by kind of movement (`Movement`): ``seconds_per_rep_cyclic`` 0.75 (a
      jumping jack, a high knee), ``seconds_per_rep_bodyweight`` 2.5 (a squat, a push-up) and
      ``seconds_per_rep_loaded`` 2.5 (a lift); a tempo beats all three.
    - ``set_up`` 60: before each set at a station (a bar to load, a machine to adjust) that
      stands alone in its block, warm-up sets included.
    - ``transition_in_place`` 0 and ``transition_equipment`` 10: on to the next exercise with
      the same equipment (or none), or to other equipment.
    - ``rest_between_sets_bodyweight`` 0 and ``rest_between_sets_loaded`` 60: after a set or
      a superset when the workout leaves it open, by what was just done.
    - ``switch_sides`` 5, ``rest_between_rounds`` 30, ``rest_between_blocks`` 0.
    - ``range_point`` typical: the middle of every range (rests, reps, times, rounds); a
      count (rounds, sets, efforts) takes the lower of two middle counts: 2–3 rounds are 2.
    - ``max_reps_estimate`` 12: reps assumed for "as many as you can" without a time cap.
    - ``seconds_per_km`` 360: an easy 6:00/km run for distance doses.
    - ``max_segments`` 100 000: a timeline longer than this is refused, not built.
    - ``rest_minimal`` 10, ``rest_short`` 30, ``rest_as_needed`` 90: rests stated in words.

    Paces by intensity, in seconds per km, for a runner whose easy pace is 6:00/km
    (``easy`` is ``seconds_per_km``; `seconds_per_km_at` reads the table):

    - ``pace_walk`` 600 (a brisk walk, 6 km/h) and ``pace_jog`` 420 (a recovery jog).
    - ``pace_10k`` 300, ``pace_5k`` 285 and ``pace_mile`` 255: race paces, each faster
      than the longer race's.
    - ``pace_sprint`` 210: flat out over a short distance.
    - ``effort_seconds`` 20: one effort given by its intensity alone ("3 hill sprints").

    ``seconds_per_rep``, ``transition`` and ``rest_between_sets`` are single values that,
    when given, apply to every exercise and replace the tables above (as they did before the
    tables existed); ``None`` (the default) uses the tables.
    """

    seconds_per_rep: float | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(_REP), "Seconds every repetition takes without a tempo (None: by movement, see below)."
        ),
    )
    switch_sides: int = attrs.field(default=5, metadata=ruled(_SECONDS, "Seconds to change sides."))
    transition: int | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(_SECONDS),
            "Seconds to move on to any next exercise (None: by whether the equipment changes).",
        ),
    )
    rest_between_rounds: int = attrs.field(
        default=30, metadata=ruled(_REST, "Rest between rounds the workout leaves open.")
    )
    rest_between_sets: int | None = attrs.field(
        default=None,
        metadata=ruled(
            Optional(_REST),
            "Rest after any superset or straight set, when left open (None: by load, see below).",
        ),
    )
    rest_between_blocks: int = attrs.field(
        default=0, metadata=ruled(_REST, "Rest between blocks, when left open.")
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
    seconds_per_rep_cyclic: float = attrs.field(
        default=0.75,
        metadata=ruled(_REP, "Seconds per rep of a quick repeated move (jumping jacks, high knees)."),
    )
    seconds_per_rep_bodyweight: float = attrs.field(
        default=2.5, metadata=ruled(_REP, "Seconds per rep of a body-weight move (squat, push-up).")
    )
    seconds_per_rep_loaded: float = attrs.field(
        default=2.5, metadata=ruled(_REP, "Seconds per rep of a lift with a weight, machine or band.")
    )
    set_up: int = attrs.field(
        default=60,
        metadata=ruled(_SECONDS, "Seconds to set up each set of loaded work that stands alone in its block."),
    )
    transition_in_place: int = attrs.field(
        default=0,
        metadata=ruled(_SECONDS, "Seconds to the next exercise when the equipment stays the same (or none)."),
    )
    transition_equipment: int = attrs.field(
        default=10, metadata=ruled(_SECONDS, "Seconds to the next exercise when the equipment changes.")
    )
    rest_between_sets_bodyweight: int = attrs.field(
        default=0,
        metadata=ruled(_REST, "Rest after a set or superset of body-weight work, when left open."),
    )
    rest_between_sets_loaded: int = attrs.field(
        default=60, metadata=ruled(_REST, "Rest after a set or superset of loaded work, when left open.")
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

    def rep_seconds(self, movement: Movement) -> float:
        """Seconds one repetition of a ``movement`` takes without a tempo.

        >>> Pacing().rep_seconds(Movement.CYCLIC), Pacing(seconds_per_rep=3).rep_seconds(Movement.CYCLIC)
        (0.75, 3)
        """
        return self.gap_seconds(f"seconds_per_rep_{movement.value}")

    def gap_seconds(self, field: str) -> float:
        """Seconds of the pacing field named ``field``, or of the single value that replaces it.

        When given, ``seconds_per_rep`` replaces the ``seconds_per_rep_*`` table, ``transition``
        replaces ``transition_in_place`` and ``transition_equipment``, and ``rest_between_sets``
        replaces ``rest_between_sets_bodyweight`` and ``rest_between_sets_loaded``.

        >>> (
        ...     Pacing().gap_seconds("transition_in_place"),
        ...     Pacing(transition=10).gap_seconds("transition_in_place"),
        ... )
        (0, 10)
        """
        replaced_by = _REPLACED_BY.get(field)
        if replaced_by is not None:
            single: float | None = getattr(self, replaced_by)
            if single is not None:
                return single
        seconds: float = getattr(self, field)
        return seconds


_REPLACED_BY: Final = {
    **{f"seconds_per_rep_{movement.value}": "seconds_per_rep" for movement in Movement},
    "transition_in_place": "transition",
    "transition_equipment": "transition",
    "rest_between_sets_bodyweight": "rest_between_sets",
    "rest_between_sets_loaded": "rest_between_sets",
}
"""The single-valued fields that, when given, replace a table's fields."""
