"""index the lookups a nation's year makes on tables that grow with it: a stage's transitions, a nomination's
proposal, a decision's award records (each was a sequential scan over every province's rows)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-04
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (('transition', 'stage_id'), ('proposalitem', 'nomination_id'), ('awardrecord', 'decision_id'))


# Plain CREATE INDEX, no batch: SQLite needs no copy of the table for an index (the transition log keeps its
# triggers), and a nation's tables index in well under a second.
def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f'ix_{table}_{column}'), table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f'ix_{table}_{column}'), table_name=table)
