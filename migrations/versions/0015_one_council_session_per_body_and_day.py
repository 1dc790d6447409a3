"""one council session per body, day and year under review

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    twice = op.get_bind().execute(sa.text(
        "SELECT year, body, held_on FROM councilsession GROUP BY year, body, held_on HAVING COUNT(*) > 1")).all()
    if twice:
        listed = ", ".join(f"{b} on {d} for {y}" for y, b, d in twice)
        raise RuntimeError(f"Cannot add the one-session-per-body-and-day rule: {listed} opened several sessions. "
                           "Keep one of each and remove the others first.")
    with op.batch_alter_table('councilsession', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_councilsession_year_body_day', ['year', 'body', 'held_on'])


def downgrade() -> None:
    with op.batch_alter_table('councilsession', schema=None) as batch_op:
        batch_op.drop_constraint('uq_councilsession_year_body_day', type_='unique')
