"""The hostile-input suite: generated hostile documents through every front end and exporter.

Each front end answers a hostile document with a workout or a `ValidationError` (the command
line with exit status 0 or 1 and no traceback); every workout accepted goes through every
exporter and renderer without an error and reads back equal. `python benchmarks/hostile.py`
runs the same generator for longer and prints the counts by outcome.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _hostile import FRONT_ENDS, changed_values, export_everything, hostile_document, keys_not_in_schema
from runstrength import ValidationError, Workout, catalog, from_dict, to_dict
from runstrength._errors import CODES


class TestHostileDocuments:
    """No hostile document makes any front end fail with anything but a ValidationError."""

    @pytest.mark.parametrize("front_end", sorted(FRONT_ENDS))
    @settings(max_examples=max(10, settings().max_examples))
    @given(seed=st.integers(0, 2**32 - 1))
    def test_front_end(self, front_end: str, seed: int, tmp_path_factory: pytest.TempPathFactory) -> None:
        """A workout or a ValidationError; an accepted workout survives every exporter."""
        folder = tmp_path_factory.mktemp("hostile")
        document = hostile_document(random.Random(seed))
        refused: ValidationError | None = None
        result: object = None
        try:
            result = FRONT_ENDS[front_end](document, folder)
        except ValidationError as error:
            refused = error
        if refused is not None:
            assert refused.problems
            assert all(problem.code in CODES for problem in refused.problems)
            assert "\x1b" not in str(refused)
        elif isinstance(result, Workout):
            assert export_everything(result, folder) > 0
            assert not keys_not_in_schema(document)  # accepted, so nothing was dropped
            assert not changed_values(document, result)  # nor changed

    # The command line is left out: argparse's parser is a cycle by design, made once a process.
    @pytest.mark.parametrize("front_end", sorted(set(FRONT_ENDS) - {"cli validate"}))
    @given(seed=st.integers(0, 2**32 - 1))
    def test_no_reference_cycle(
        self, front_end: str, seed: int, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        """Reading or refusing a document leaves no garbage only the cycle collector can free.

        An exception kept in a local variable holds its frame through its traceback: the
        workout read so far would live on until a collection, and refusing a run of
        documents would grow memory while the collector is off (as ``timeit`` turns it).
        """
        folder = tmp_path_factory.mktemp("cycles")
        document = hostile_document(random.Random(seed))
        # With the collector off, whatever the call makes stays in the youngest generation:
        # collecting that one alone, before and after, is enough and costs little.
        gc.collect(0)
        gc.disable()
        try:
            with contextlib.suppress(ValidationError):
                FRONT_ENDS[front_end](document, folder)
            assert 0 == gc.collect(0)
        finally:
            gc.enable()

    def test_changed_values_finds_what_a_reader_would_lose(self) -> None:
        """The oracle of `test_front_end` sees a value changed or lost, not a default left out."""
        document = to_dict(catalog.get("tabata-protocol"))
        workout = from_dict(document)
        assert [] == changed_values(document, workout)
        with_default = copy.deepcopy(document)
        with_default["blocks"][0]["items"][0]["sets"] = 1  # the default, which to_dict leaves out
        assert [] == changed_values(with_default, workout)
        changed = copy.deepcopy(document)
        changed["title"] = "Another title"
        changed["blocks"][0]["items"][0]["cues"] = [
            "One cue too many",
            *changed["blocks"][0]["items"][0]["cues"],
        ]
        assert [("title",), ("blocks", 0, "items", 0, "cues")] == changed_values(changed, workout)

    def test_generator_makes_both_outcomes(self, tmp_path: Path) -> None:
        """The generator's documents are not all refused: some changes keep a workout valid."""
        outcomes = set()
        for seed in range(200):
            try:
                FRONT_ENDS["from_dict"](hostile_document(random.Random(seed)), tmp_path)
                outcomes.add("accepted")
            except ValidationError:
                outcomes.add("refused")
        assert {"accepted", "refused"} == outcomes
