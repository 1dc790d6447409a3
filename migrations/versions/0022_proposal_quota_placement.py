"""a proposal keeps how its quota's places were given (by votes or by the tie-break)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql


revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Earlier proposals gave no place by rank: an empty placement, which is what they did. JSONB on PostgreSQL, since
    # proposals are read with SELECT DISTINCT, which plain json cannot compare.
    column_type = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quota_placement', column_type, nullable=False, server_default=sa.text("'{}'")))


def downgrade() -> None:
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_column('quota_placement')
