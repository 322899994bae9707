"""Field rules and the validated base class of the model."""
