"""revocations of awards (Law Điều 93) and the flags they raise on later nominations

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUND = sa.Enum('false_declaration', 'forged_dossier', 'unlawful_appraisal', name='revocationground',
                 native_enum=False, length=40)
STATUS = sa.Enum('draft', 'signed', name='decisionstatus', native_enum=False, length=40)


def upgrade() -> None:
    op.create_table('revocation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_record_id', sa.Integer(), nullable=False),
    sa.Column('ground', GROUND, nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('issued_here', sa.Boolean(), nullable=False),
    sa.Column('status', STATUS, nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('signer_prefix', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('signer_title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('signer_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('prize', sa.JSON(), nullable=False),
    sa.Column('prepared_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('signed_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['award_record_id'], ['awardrecord.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('award_record_id')
    )
    op.create_table('revocationflag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revocation_id', sa.Integer(), nullable=False),
    sa.Column('nomination_id', sa.Integer(), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('article', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('message_vi', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['nomination_id'], ['nomination.id'], ),
    sa.ForeignKeyConstraint(['revocation_id'], ['revocation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('revocation_id', 'nomination_id', 'rule', name='uq_revocationflag_rule')
    )
    op.create_index(op.f('ix_revocationflag_nomination_id'), 'revocationflag', ['nomination_id'], unique=False)
    op.create_index(op.f('ix_revocationflag_revocation_id'), 'revocationflag', ['revocation_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_revocationflag_revocation_id'), table_name='revocationflag')
    op.drop_index(op.f('ix_revocationflag_nomination_id'), table_name='revocationflag')
    op.drop_table('revocationflag')
    op.drop_table('revocation')
