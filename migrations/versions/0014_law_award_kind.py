"""law holds: each award record says what it was given for (regular, đột xuất, thematic), since only regular awards
count toward a higher one (ND 152/2025 Điều 4 khoản 3); a screening result keeps the day the office checked the
dossier, which meets the 5-working-day deadline to return it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-12
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AWARD_KIND = sa.Enum('regular', 'sudden', 'thematic', name='awardkind', native_enum=False, length=40)


def upgrade() -> None:
    # Every record made before this was of a regular award: the year-end round is the only one recorded here.
    with op.batch_alter_table('awardrecord', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', AWARD_KIND, nullable=False, server_default='regular'))
    with op.batch_alter_table('screeningresult', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screened_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('screeningresult', schema=None) as batch_op:
        batch_op.drop_column('screened_on')
    with op.batch_alter_table('awardrecord', schema=None) as batch_op:
        batch_op.drop_column('kind')
