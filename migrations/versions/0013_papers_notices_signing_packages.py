"""papers: the TĐKT office's numbered notices (return of dossiers, results); signing packages

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('issuedpaper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('signer_prefix', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('signer_title', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('signer_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('stage_id', 'kind', name='uq_issuedpaper_stage_kind')
    )
    op.create_index(op.f('ix_issuedpaper_stage_id'), 'issuedpaper', ['stage_id'], unique=False)
    op.create_table('signingpackage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('manifest', sa.JSON(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_signingpackage_decision_id'), 'signingpackage', ['decision_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_signingpackage_decision_id'), table_name='signingpackage')
    op.drop_table('signingpackage')
    op.drop_index(op.f('ix_issuedpaper_stage_id'), table_name='issuedpaper')
    op.drop_table('issuedpaper')
