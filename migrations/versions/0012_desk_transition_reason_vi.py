"""desk: a transition's reason in Vietnamese, beside the English one, for the desk's timeline

Rows written before it have no Vietnamese reason: the creation line (one fixed sentence) is filled in; for the
others the desk shows the English reason as it was stored (a person's own words are usually Vietnamese already).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('transition') as batch:
        batch.add_column(sa.Column('reason_vi', sa.Text(), nullable=False, server_default=''))
    op.execute("UPDATE transition SET reason_vi = 'Được đề cử tại hội nghị tổng kết của Khối' "
               "WHERE rule = 'meeting.candidate'")


def downgrade() -> None:
    with op.batch_alter_table('transition') as batch:
        batch.drop_column('reason_vi')
