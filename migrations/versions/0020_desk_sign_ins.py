"""desk sign-ins kept on the server, so signing out (or disabling the account, or resetting its password) ends a
desk session where it is checked, not only in the browser

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0020'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Cookies issued before this name no server session: they are refused and their holders sign in again.
    op.create_table(
        'desksignin',
        sa.Column('id_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('ended_because', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id_hash'),
    )
    op.create_index(op.f('ix_desksignin_user_id'), 'desksignin', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_desksignin_user_id'), table_name='desksignin')
    op.drop_table('desksignin')
