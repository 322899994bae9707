"""Registers runstrength's strategies with hypothesis, which calls the hook when it is imported.

Named in the ``hypothesis`` entry-point group, so ``st.from_type(runstrength.Workout)`` (and
``st.builds`` of anything with runstrength fields) uses the always-valid strategies of
`runstrength.strategies` rather than inferring invalid ones from the attrs fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every model and value type with ``st.register_type_strategy``."""
    # Imported here: hypothesis calls the hook while it loads, and ``import runstrength``
    # alone never imports hypothesis.
    from hypothesis import strategies as st  # noqa: PLC0415

    from . import _model, _pacing, _values  # noqa: PLC0415

    types = (
        *(_model.Workout, _model.Block, _model.Superset, _model.Exercise, _model.Modification),
        *(_model.Intervals, _model.Emom, _model.Amrap, _model.ForTime, _model.Level, _pacing.Pacing),
        *(
            _values.Range,
            _values.Reps,
            _values.Duration,
            _values.Distance,
            _values.MaxReps,
            _values.Ascending,
        ),
        *(_values.Ladder, _values.Rest, _values.Load, _values.LoadLadder, _values.Effort, _values.Tempo),
        *(_values.Equipment, _values.Credit, _values.Source, _values.Frequency),
    )
    for cls in types:
        st.register_type_strategy(cls, _strategy_for)


def _strategy_for(cls: type) -> SearchStrategy[Any]:
    """The strategy for ``cls``, looked up when hypothesis first needs it.

    `runstrength.strategies` imports hypothesis, so it cannot be imported while hypothesis
    is still loading (it may be the very import that loads hypothesis): hence this lookup.
    """
    from .strategies import _by_type  # noqa: PLC0415

    return _by_type()[cls]
