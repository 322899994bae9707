"""Build a workout from scratch, check it, and save it as a document.

    python examples/build_custom_workout.py [OUTPUT_DIR]

Writes ``hotel-room-circuit.json`` (and ``.yaml`` when PyYAML is installed) to OUTPUT_DIR
(default: the current folder), then reads the file back to show that nothing was lost.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import runstrength
from runstrength import (
    Block,
    BlockKind,
    Duration,
    Equipment,
    Exercise,
    Frequency,
    Modification,
    ModificationKind,
    Range,
    Reps,
    Rest,
    Sides,
    Superset,
    Workout,
    build_timeline,
)


def hotel_room_circuit() -> Workout:
    """A body-weight session for a small room: a warm-up, two circuits and a stretch."""
    push_up = Exercise(
        name="Push-Up",
        dose=Reps(Range(8, 12)),
        targets=["chest", "arms"],
        cues=["Keep a straight line from head to heels.", "Lower until your chest nearly touches."],
        modifications=[
            Modification(name="Incline Push-Up", kind=ModificationKind.EASIER, notes="Hands on the bed."),
            Modification(name="Decline Push-Up", kind=ModificationKind.HARDER, notes="Feet on the bed."),
        ],
    )
    split_squat = Exercise(
        name="Split Squat",
        dose=Reps(10),
        sides=Sides.EACH,
        targets=["legs"],
        cues=["Drop the back knee straight down; keep the front heel planted."],
    )
    plank = Exercise(name="Plank", dose=Duration(30), targets=["core"])
    return Workout(
        title="Hotel Room Circuit",
        summary="No equipment, little space: strength for days on the road.",
        frequency=Frequency(Range(2, 3), note="On travel days."),
        rest_between_sets=Rest.between(60, 90, as_needed=True),
        equipment=[Equipment(name="towel")],
        blocks=[
            Block(
                name="Warm-up",
                kind=BlockKind.WARM_UP,
                items=[
                    Exercise(name="March in Place", dose=Duration(60)),
                    Exercise(name="Arm Circles", dose=Reps(10), sides=Sides.EACH),
                ],
            ),
            Block(
                name="Circuit",
                items=[
                    Superset(exercises=[push_up, split_squat, plank], rounds=3, label="circuit"),
                    Superset(
                        exercises=[
                            Exercise(name="Glute Bridge", dose=Reps(15)),
                            Exercise(name="Reverse Snow Angel", dose=Reps(10)),
                        ],
                        rounds=2,
                        rest_between_rounds=Rest(20),
                    ),
                ],
            ),
            Block(
                name="Stretch",
                kind=BlockKind.COOL_DOWN,
                items=[Exercise(name="Child's Pose", dose=Duration(60))],
            ),
        ],
    )


def show_a_mistake() -> None:
    """A workout that breaks rules: every problem is reported at once, with its path."""
    try:
        Superset(exercises=[Exercise(name="Plank", dose=Duration(30))], rounds=0)
    except runstrength.ValidationError as error:
        print("A superset of one exercise and no rounds is refused:")
        for problem in error.problems:
            print(f"  {problem}")


def main(argv: list[str]) -> int:
    """Build, check, save and reload the workout."""
    output = Path(argv[0]) if argv else Path()
    output.mkdir(parents=True, exist_ok=True)
    workout = hotel_room_circuit()
    timeline = build_timeline(workout)
    low, high = timeline.total_range
    print(f"{workout.title}: {len(timeline)} segments, about {timeline.total / 60:.0f} min")
    print(f"  from {low / 60:.0f} to {high / 60:.0f} min, depending on ranges and rests as needed")
    show_a_mistake()

    suffixes = [".json"]
    try:
        runstrength.dumps(workout, "yaml")
        suffixes.append(".yaml")
    except runstrength.MissingExtraError:
        print("PyYAML is not installed: writing JSON only")
    for suffix in suffixes:
        path = output / f"hotel-room-circuit{suffix}"
        runstrength.dump(workout, path)  # the format comes from the suffix
        if runstrength.load(path) != workout:
            print(f"{path} did not read back as the same workout", file=sys.stderr)
            return 1
        print(f"wrote {path} and read it back unchanged")
    return 0


if __name__ == "__main__":
    # A reader that stops early (`| head`) ends the script quietly, as it does any shell tool.
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    raise SystemExit(main(sys.argv[1:]))
