"""member units' accounts, the block's printed pledge, closed scoring rounds reopened

A member unit's role names the unit it speaks for (rolegrant.unit_id). A block's signed pledge keeps its number and
the printed document, frozen with its SHA-256. A closed scoring round opened again is logged with its reason and the
ranking it had.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0021'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('rolegrant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_rolegrant_unit_id_unit', 'unit', ['unit_id'], ['id'])
    with op.batch_alter_table('blockpledge', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('content', sa.LargeBinary(), nullable=False, server_default=sa.text("''")))
    op.create_table('scoringreopening',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scoring_id', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
    sa.Column('previous_result', sa.JSON(), nullable=False),
    sa.Column('previous_closed_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('previous_closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reopened_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('reopened_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['scoring_id'], ['blockscoring.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scoringreopening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoringreopening_scoring_id'), ['scoring_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('scoringreopening', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scoringreopening_scoring_id'))
    op.drop_table('scoringreopening')
    with op.batch_alter_table('blockpledge', schema=None) as batch_op:
        for column in ('content', 'sha256', 'filename', 'number'):
            batch_op.drop_column(column)
    with op.batch_alter_table('rolegrant', schema=None) as batch_op:
        batch_op.drop_constraint('fk_rolegrant_unit_id_unit', type_='foreignkey')
        batch_op.drop_column('unit_id')
