"""awards decided above the province: the Chairman's Tờ trình upward and the central decision

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'forwarding',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('council_session_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.Enum('draft', 'signed', name='decisionstatus', native_enum=False, length=40),
                  nullable=False),
        sa.Column('number', sa.String(length=40), nullable=True),
        sa.Column('issued_on', sa.Date(), nullable=True),
        sa.Column('signer_prefix', sa.String(length=100), nullable=False),
        sa.Column('signer_title', sa.String(length=100), nullable=False),
        sa.Column('signer_name', sa.String(length=255), nullable=False),
        sa.Column('created_by', sa.String(length=255), nullable=False),
        sa.Column('signed_by', sa.String(length=255), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['council_session_id'], ['councilsession.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'forwardingitem',
        sa.Column('forwarding_id', sa.Integer(), nullable=False),
        sa.Column('nomination_id', sa.Integer(), nullable=False),
        sa.Column('row_no', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['forwarding_id'], ['forwarding.id']),
        sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id']),
        sa.PrimaryKeyConstraint('forwarding_id', 'nomination_id'),
        sa.UniqueConstraint('nomination_id', name='uq_forwardingitem_nomination'),
    )
    op.create_table(
        'centraldecision',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('forwarding_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=60), nullable=False),
        sa.Column('decided_on', sa.Date(), nullable=False),
        sa.Column('decided_by', sa.String(length=255), nullable=False),
        sa.Column('recorded_by', sa.String(length=255), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['forwarding_id'], ['forwarding.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('forwarding_id', name='uq_centraldecision_forwarding'),
    )
    op.create_table(
        'centraldecisionitem',
        sa.Column('central_decision_id', sa.Integer(), nullable=False),
        sa.Column('nomination_id', sa.Integer(), nullable=False),
        sa.Column('awarded', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['central_decision_id'], ['centraldecision.id']),
        sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id']),
        sa.PrimaryKeyConstraint('central_decision_id', 'nomination_id'),
        sa.UniqueConstraint('nomination_id'),
    )


def downgrade() -> None:
    op.drop_table('centraldecisionitem')
    op.drop_table('centraldecision')
    op.drop_table('forwardingitem')
    op.drop_table('forwarding')
