"""movements, registrations and pledges; criteria sets; block scoring with self-scores and the head's adjustments

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('movement',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('kind', sa.Enum('yearly', 'thematic', 'multi_year', name='movementkind', native_enum=False, length=40), nullable=False),
    sa.Column('from_year', sa.Integer(), nullable=False),
    sa.Column('until_year', sa.Integer(), nullable=False),
    sa.Column('launch_number', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('launched_on', sa.Date(), nullable=False),
    sa.Column('launched_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('content', sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('blockpledge',
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.Column('signatories', sa.JSON(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['emulationblock.id'], ),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('movement_id', 'block_id', 'year', name='uq_blockpledge_block_year')
    )
    with op.batch_alter_table('blockpledge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blockpledge_movement_id'), ['movement_id'], unique=False)

    op.create_table('criteriaset',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=True),
    sa.Column('owner_key', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('definition', sa.JSON(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['emulationblock.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', 'year', 'version', 'owner_key', name='uq_criteriaset_version')
    )
    with op.batch_alter_table('criteriaset', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_criteriaset_year'), ['year'], unique=False)

    op.create_table('movementblock',
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['emulationblock.id'], ),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], ),
    sa.PrimaryKeyConstraint('movement_id', 'block_id')
    )
    op.create_table('registration',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('award_code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('targets', sa.JSON(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['emulationblock.id'], ),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('movement_id', 'year', 'unit_id', name='uq_registration_unit_year')
    )
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registration_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registration_movement_id'), ['movement_id'], unique=False)

    op.create_table('blockscoring',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('round', sa.Enum('mid_year', 'final', name='scoringround', native_enum=False, length=40), nullable=False),
    sa.Column('criteria_set_id', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('open', 'closed', name='scoringstatus', native_enum=False, length=40), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['block_id'], ['emulationblock.id'], ),
    sa.ForeignKeyConstraint(['criteria_set_id'], ['criteriaset.id'], ),
    sa.ForeignKeyConstraint(['movement_id'], ['movement.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('block_id', 'year', 'round', name='uq_blockscoring_round')
    )
    with op.batch_alter_table('blockscoring', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blockscoring_block_id'), ['block_id'], unique=False)

    op.create_table('scoreentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scoring_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('criterion_code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('self_points', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.Column('evidence', sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
    sa.Column('submitted_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['scoring_id'], ['blockscoring.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scoring_id', 'unit_id', 'criterion_code', name='uq_scoreentry_criterion')
    )
    with op.batch_alter_table('scoreentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoreentry_scoring_id'), ['scoring_id'], unique=False)

    op.create_table('scoreadjustment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('scoring_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.Numeric(precision=8, scale=2), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=False),
    sa.Column('adjusted_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('adjusted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['scoreentry.id'], ),
    sa.ForeignKeyConstraint(['scoring_id'], ['blockscoring.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('scoreadjustment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scoreadjustment_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scoreadjustment_scoring_id'), ['scoring_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('scoreadjustment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scoreadjustment_scoring_id'))
        batch_op.drop_index(batch_op.f('ix_scoreadjustment_entry_id'))

    op.drop_table('scoreadjustment')
    with op.batch_alter_table('scoreentry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scoreentry_scoring_id'))

    op.drop_table('scoreentry')
    with op.batch_alter_table('blockscoring', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blockscoring_block_id'))

    op.drop_table('blockscoring')
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registration_movement_id'))
        batch_op.drop_index(batch_op.f('ix_registration_block_id'))

    op.drop_table('registration')
    op.drop_table('movementblock')
    with op.batch_alter_table('criteriaset', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_criteriaset_year'))

    op.drop_table('criteriaset')
    with op.batch_alter_table('blockpledge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blockpledge_movement_id'))

    op.drop_table('blockpledge')
    op.drop_table('movement')
