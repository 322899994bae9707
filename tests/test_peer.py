"""The strict pydantic peer the benchmarks compare with reads what runstrength reads, and no more."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Final

import pydantic
import pytest
from hypothesis import given, settings

import runstrength
from runstrength import strategies

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
WHOLE_WORKOUTS: Final = settings(max_examples=max(5, settings().max_examples // 4))


@pytest.fixture(scope="module")
def peer() -> Iterator[ModuleType]:
    """The strict pydantic model of the document, ``benchmarks/_pydantic_peer.py``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module("_pydantic_peer")


def _written_back(peer: ModuleType, text: str) -> Any:
    """What the peer writes back after reading ``text``, as plain data."""
    return json.loads(peer.Workout.model_validate_json(text).model_dump_json(exclude_defaults=True))


def _document(*items: dict[str, Any], **block: Any) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Test",
        "blocks": [{"name": "Main", **block, "items": list(items)}],
    }


def _curl(**fields: Any) -> dict[str, Any]:
    return {"name": "Curl", "dose": {"reps": 8}, **fields}


def _pair(**fields: Any) -> dict[str, Any]:
    return {"type": "superset", "exercises": [_curl(), _curl(name="Row")], **fields}


LEVEL = {
    "name": "advanced",
    "blocks": [{"block": "Main", "rounds": 3}],
    "exercises": [{"exercise": "Curl", "dose": {"reps": 12}, "load": {"amount": 10, "unit": "kg"}}],
    "rest_between_sets": {"seconds": 90},
}

VALID = {
    "plain": _document(_curl()),
    "rep range": _document(_curl(dose={"reps": {"min": 6, "max": 8}})),
    "seconds per side": _document(_curl(dose={"seconds": 30}, sides="each")),
    "distance": _document(_curl(dose={"distance": 1.5, "unit": "km"})),
    "max reps": _document(_curl(dose={"max_reps": True, "time_cap": 60})),
    "ladder over rounds": _document(_curl(dose={"ladder": [{"reps": 10}, {"reps": 8}]}), rounds=2),
    "superset": _document(_pair(rounds={"min": 2, "max": 3}, rest_between_rounds={"seconds": 60})),
    "intervals": _document(_curl(dose={"seconds": 20}), format={"type": "intervals", "work": 20, "rest": 10}),
    "emom": _document(_curl(), format={"type": "emom", "every": 60, "duration": 600}),
    "emom of supersets": _document(_pair(), format={"type": "emom", "every": 60, "duration": 600}),
    "load and effort": _document(_curl(load={"amount": 12.5, "unit": "kg"}, effort={"rpe": 7})),
    "tempo": _document(_curl(tempo="3-1-X-0")),
    "stated duration": {**_document(_curl()), "stated_duration": {"min": 600, "max": 900}},
    "text with a line break": _document(_curl(notes="Slowly.\nThen fast.")),
    "optional exercise": _document(_curl(), _curl(name="Row", optional=True)),
    "optional block": {
        **_document(_curl()),
        "blocks": [
            {"name": "Main", "items": [_curl()]},
            {"name": "Finisher", "optional": True, "items": [_curl()]},
        ],
    },
    "load ladder over sets": _document(
        _curl(sets=2, load={"ladder": [{"level": "light"}, {"level": "heavy"}]})
    ),
    "levels": {**_document(_curl(), rounds=2), "levels": [LEVEL]},
}

INVALID = {
    "reps as text": _document(_curl(dose={"reps": "8"})),
    "fractional reps": _document(_curl(dose={"reps": 8.9})),
    "whole reps written as a decimal": _document(_curl(dose={"reps": 8.0})),
    "reps as true": _document(_curl(dose={"reps": True})),
    "no reps": _document(_curl(dose={"reps": 0})),
    "range upside down": _document(_curl(dose={"reps": {"min": 8, "max": 6}})),
    "two dose kinds": _document(_curl(dose={"reps": 8, "seconds": 30})),
    "unknown field": _document(_curl(rpes=8)),
    "unknown side": _document(_curl(sides="sideways")),
    "padded name": _document(_curl(name=" Curl")),
    "control character in a name": _document(_curl(name="Cu\x07rl")),
    "lonely superset": _document({"type": "superset", "exercises": [_curl()]}),
    "unknown item type": _document(_curl(type="circuit")),
    "ladder without matching rounds": _document(_curl(dose={"ladder": [{"reps": 10}, {"reps": 8}]})),
    "rest between single sets": _document(_curl(rest_between_sets={"seconds": 60})),
    "sets inside a superset": _document(_pair(exercises=[_curl(sets=2), _curl(name="Row")])),
    "emom not a multiple": _document(_curl(), format={"type": "emom", "every": 60, "duration": 90}),
    "superset in intervals": _document(_pair(), format={"type": "intervals", "work": 20}),
    "ladder step longer than the work interval": _document(
        _curl(dose={"ladder": [{"seconds": 30}, {"seconds": 10}]}),
        rounds=2,
        format={"type": "intervals", "work": 20},
    ),
    "round length of one round in a range": _document(
        _curl(), rounds={"min": 1, "max": 1}, stated_round_duration=60
    ),
    "emom superset of two rounds": _document(
        _pair(rounds=2), format={"type": "emom", "every": 60, "duration": 600}
    ),
    "load unit without amount": _document(_curl(load={"unit": "kg"})),
    "effort out of range": _document(_curl(effort={"rpe": 11})),
    "tempo without time": _document(_curl(tempo="0-0-0-0")),
    "tempo with other digits": _document(_curl(tempo="\u0663-1-1-0")),
    "distance over 100 km": _document(_curl(dose={"distance": 70, "unit": "mi"})),
    "not a web address": _document(_curl(video="ftp://example.com/curl.mp4")),
    "repeated target": _document(_curl(targets=["arms", "arms"])),
    "stated duration under a minute": {**_document(_curl()), "stated_duration": 59},
    "wrong schema version": {**_document(_curl()), "schema_version": 2},
    "optional superset member leaving one": _document(
        _pair(exercises=[_curl(optional=True), _curl(name="Row")])
    ),
    "every item optional": _document(_curl(optional=True)),
    "load ladder without matching sets": _document(_curl(sets=3, load={"ladder": [{"level": "light"}] * 2})),
    "load ladder in an amrap": _document(
        _curl(load={"ladder": [{"level": "light"}] * 2}), format={"type": "amrap", "time_cap": 600}
    ),
    "level named like a kind": {**_document(_curl()), "levels": [{**LEVEL, "name": "easier"}]},
    "level naming no block": {
        **_document(_curl()),
        "levels": [{**LEVEL, "blocks": [{"block": "Finisher", "rounds": 3}]}],
    },
    "level that breaks a ladder": {
        **_document(_curl(dose={"ladder": [{"reps": 10}, {"reps": 8}]}), rounds=2),
        "levels": [{"name": "advanced", "blocks": [{"block": "Main", "rounds": 3}]}],
    },
    "level without changes": {**_document(_curl()), "levels": [{"name": "beginner"}]},
    "level changing a block twice": {
        **_document(_curl()),
        "levels": [{"name": "advanced", "blocks": [{"block": "Main", "rounds": 3}] * 2}],
    },
    "level changing an exercise twice": {
        **_document(_curl()),
        "levels": [{"name": "advanced", "exercises": [{"exercise": "Curl", "dose": {"reps": 12}}] * 2}],
    },
    "modification leaving an uneven split": _document(
        _curl(
            sides="each",
            per_side=False,
            dose={"reps": 10},
            modifications=[{"name": "Short Curl", "kind": "easier", "dose": {"reps": 7}}],
        )
    ),
    "modification ladder without matching sets": _document(
        _curl(
            sets=3, modifications=[{"name": "Ramp", "kind": "harder", "dose": {"ladder": [{"reps": 8}] * 2}}]
        )
    ),
    "duplicate block names": {
        **_document(_curl()),
        "blocks": [{"name": "Main", "items": [_curl()]}, {"name": "Main", "items": [_curl()]}],
    },
}


class TestBuiltInWorkouts:
    """The peer reads the whole catalogue, so benchmarks can compare on every workout."""

    @pytest.mark.parametrize("name", runstrength.catalog.names())
    def test_reads_and_writes_back_like_runstrength(self, peer: ModuleType, name: str) -> None:
        """The peer accepts the built-in workout's JSON and writes back the data runstrength writes."""
        workout = runstrength.catalog.get(name)
        assert runstrength.to_dict(workout) == _written_back(peer, runstrength.dumps(workout))


class TestGeneratedWorkouts:
    """The peer reads every workout runstrength's own strategies generate."""

    @WHOLE_WORKOUTS
    @given(strategies.workouts())
    def test_reads_and_writes_back_like_runstrength(
        self, peer: ModuleType, workout: runstrength.Workout
    ) -> None:
        """A generated workout's JSON is accepted by the peer, which writes back the same data."""
        assert runstrength.to_dict(workout) == _written_back(peer, runstrength.dumps(workout))


class TestExamples:
    """Hand-written documents, valid and invalid: the comparison is like for like."""

    @pytest.mark.parametrize("document", VALID.values(), ids=VALID.keys())
    def test_accepts_what_runstrength_accepts(self, peer: ModuleType, document: dict[str, Any]) -> None:
        """A document runstrength reads, the peer reads too, and both write the same data back."""
        text = json.dumps(document)
        assert runstrength.to_dict(runstrength.loads(text)) == _written_back(peer, text)

    @pytest.mark.parametrize("document", INVALID.values(), ids=INVALID.keys())
    def test_refuses_what_runstrength_refuses(self, peer: ModuleType, document: dict[str, Any]) -> None:
        """A document runstrength refuses, the peer refuses too."""
        text = json.dumps(document)
        with pytest.raises(runstrength.ValidationError):
            runstrength.loads(text)
        with pytest.raises(pydantic.ValidationError):
            peer.Workout.model_validate_json(text)
