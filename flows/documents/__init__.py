"""Context builders: load a stage's data and shape it for its document template. Wording stays in templates."""
