"""How many FIT work steps of the built-in workouts name their exercise, by category and exactly.

Run ``python benchmarks/fit_coverage.py`` to print, over every built-in workout (then over the
calibration set in ``benchmarks/calibration/``) and its modifications' exercises, the share of
exercises (and of work steps, as exported) that get an ``exercise_category`` and an exact
``exercise_name`` from Garmin's profile, and the exercises left without one. Needs the ``fit``
extra.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from garmin_fit_sdk import Decoder, Stream

from runstrength import Workout, catalog, export_fit, load
from runstrength._export.fit import MAX_STEPS, exercise_category


@dataclass(frozen=True)
class Coverage:
    """Counts over the catalogue."""

    steps: int
    categorised: int
    named: int
    exercises: int
    exercises_categorised: int
    exercises_named: int
    unnamed: tuple[str, ...]


CALIBRATION = Path(__file__).resolve().parent / "calibration"


def calibration_workouts() -> list[Workout]:
    """The calibration set's workouts (``benchmarks/calibration/``)."""
    return [load(path) for path in sorted(CALIBRATION.glob("*.yaml")) + sorted(CALIBRATION.glob("*.toml"))]


def measure(workouts: Sequence[Workout] | None = None) -> Coverage:
    """Decode each workout's export (the built-in ones by default) and count its steps' exercises."""
    chosen = [catalog.get(name) for name in catalog.names()] if workouts is None else list(workouts)
    steps = categorised = named = 0
    for workout in chosen:
        data = export_fit(workout, max_steps=MAX_STEPS)
        decoded, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
        # Typed loosely: the SDK's stubs name enum values in camelCase, its decoder in snake_case.
        messages = cast("dict[str, Any]", decoded)
        if errors:
            raise ValueError(errors)
        for step in messages["workout_step_mesgs"]:
            if step.get("intensity") in (None, "rest") or step["duration_type"] == "repeat_until_steps_cmplt":
                continue
            steps += 1
            categorised += step.get("exercise_category") is not None
            named += step.get("exercise_name") is not None
    names = sorted(
        {
            variant.name
            for workout in chosen
            for exercise in workout.exercises()
            for variant in (exercise, *(m.apply_to(exercise) for m in exercise.modifications))
        }
    )
    found = {name: exercise_category(name) for name in names}
    return Coverage(
        steps=steps,
        categorised=categorised,
        named=named,
        exercises=len(names),
        exercises_categorised=sum(value is not None for value in found.values()),
        exercises_named=sum(value is not None and value[1] is not None for value in found.values()),
        unnamed=tuple(name for name, value in found.items() if value is None or value[1] is None),
    )


def report(coverage: Coverage) -> str:
    """The counts as a few lines."""
    return "\n".join(
        [
            (
                f"work steps: {coverage.steps}; with a category {coverage.categorised} "
                f"({coverage.categorised / coverage.steps:.0%}); with an exact name {coverage.named} "
                f"({coverage.named / coverage.steps:.0%})"
            ),
            (
                f"distinct exercises: {coverage.exercises}; "
                f"with a category {coverage.exercises_categorised}; "
                f"with an exact name {coverage.exercises_named}"
            ),
            "without an exact name: " + (", ".join(coverage.unnamed) or "none"),
        ]
    )


def main() -> None:
    """Print the counts for the built-in workouts, then for the calibration set."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print(report(measure()))
    print("\ncalibration set (benchmarks/calibration):")
    print(report(measure(calibration_workouts())))


if __name__ == "__main__":
    main()
