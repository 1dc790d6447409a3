"""standing body: a council session is the full council's or its standing body's; the standing body's appraisal
of each nomination (agreed or not, and why)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNCIL_BODY = sa.Enum('council', 'standing_body', name='councilbody', native_enum=False, length=40)


def upgrade() -> None:
    # Every session recorded before this was the full council's.
    with op.batch_alter_table('councilsession', schema=None) as batch_op:
        batch_op.add_column(sa.Column('body', COUNCIL_BODY, nullable=False, server_default='council'))
    op.create_table('standingresult',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('agreed', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['councilsession.id'], ),
    sa.PrimaryKeyConstraint('session_id', 'nomination_id')
    )


def downgrade() -> None:
    op.drop_table('standingresult')
    with op.batch_alter_table('councilsession', schema=None) as batch_op:
        batch_op.drop_column('body')
