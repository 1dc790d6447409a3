"""The HTTP face of the engine: records what people did and starts the stage flows. No business rule lives here."""
