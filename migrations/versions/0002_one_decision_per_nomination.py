"""one decision per nomination

A nomination is listed by one decision only. Before this constraint, drafts prepared at the same moment could
list the same nomination and each take a decision number when signed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    twice = op.get_bind().execute(sa.text(
        "SELECT nomination_id, COUNT(*) FROM decisionitem GROUP BY nomination_id HAVING COUNT(*) > 1")).all()
    if twice:
        listed = ", ".join(f"nomination {n} in {c} decisions" for n, c in twice)
        raise RuntimeError(f"Cannot add the one-decision-per-nomination rule: {listed}. Void the extra drafts' "
                           "numbers and remove those drafts first.")
    with op.batch_alter_table('decisionitem', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_decisionitem_nomination', ['nomination_id'])


def downgrade() -> None:
    with op.batch_alter_table('decisionitem', schema=None) as batch_op:
        batch_op.drop_constraint('uq_decisionitem_nomination', type_='unique')
