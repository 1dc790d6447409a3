"""Stage flows: each finishes, idempotently, the automated part of one stage a person recorded through the API."""
