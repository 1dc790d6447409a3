"""The domain and its storage, in four rooms; dependencies point down this list, never up:

- `recording/`: what people did, validated against the rules and stored, noting the stage a flow must finish;
- `storage/`: the database (engines, moves, numbers, locks, shared queries) and the catalogue file's loader;
- `tables/`: SQLModel tables, one module per aggregate, with their Create/Public schemas;
- `domain/`: the pure rules (state machine, votes, eligibility, quotas, permissions, scope, catalogue types).
  It imports nothing impure: no database, no web framework, no Prefect (tests/test_domain_purity.py).
"""
