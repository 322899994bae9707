"""Documents: the model as plain data, its text formats and its JSON Schema."""
