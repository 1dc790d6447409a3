"""public comment before the council's vote: windows, the dossiers they list, the comments sent

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT_STATUS = sa.Enum('received', 'answered', 'held', name='commentstatus', native_enum=False, length=40)


def upgrade() -> None:
    op.create_table('commentwindow',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('opens_on', sa.Date(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=False),
    sa.Column('working_days', sa.Integer(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('published_at', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('commentwindowitem',
    sa.Column('window_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], ),
    sa.ForeignKeyConstraint(['window_id'], ['commentwindow.id'], ),
    sa.PrimaryKeyConstraint('window_id', 'nomination_id'),
    sa.UniqueConstraint('nomination_id', name='uq_commentwindowitem_nomination')
    )
    op.create_table('publiccomment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('window_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('sender_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('contact', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('client_address', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', COMMENT_STATUS, nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('handled_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], ),
    sa.ForeignKeyConstraint(['window_id'], ['commentwindow.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('nomination_id', 'fingerprint', name='uq_publiccomment_once')
    )
    for column in ('window_id', 'nomination_id', 'client_address', 'received_at', 'status'):
        op.create_index(op.f(f'ix_publiccomment_{column}'), 'publiccomment', [column], unique=False)


def downgrade() -> None:
    for column in ('window_id', 'nomination_id', 'client_address', 'received_at', 'status'):
        op.drop_index(op.f(f'ix_publiccomment_{column}'), table_name='publiccomment')
    op.drop_table('publiccomment')
    op.drop_table('commentwindowitem')
    op.drop_table('commentwindow')
