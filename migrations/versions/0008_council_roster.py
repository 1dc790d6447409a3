"""council roster: the standing seats with their terms, and the seat each session member was copied from

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNCIL_ROLE = sa.Enum('chair', 'vice_chair', 'standing_vice_chair', 'secretary', 'member',
                       name='councilrole', native_enum=False, length=40)


def upgrade() -> None:
    op.create_table('councilseat',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('role', COUNCIL_ROLE, nullable=False),
    sa.Column('standing_body', sa.Boolean(), nullable=False),
    sa.Column('serves_from', sa.Date(), nullable=False),
    sa.Column('serves_until', sa.Date(), nullable=True),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_by', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    # Sessions recorded before the roster keep their typed-in members: seat_id stays empty for them.
    with op.batch_alter_table('councilmember', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seat_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_councilmember_seat_id'), ['seat_id'], unique=False)
        batch_op.create_foreign_key('fk_councilmember_seat_id_councilseat', 'councilseat', ['seat_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('councilmember', schema=None) as batch_op:
        batch_op.drop_constraint('fk_councilmember_seat_id_councilseat', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_councilmember_seat_id'))
        batch_op.drop_column('seat_id')
    op.drop_table('councilseat')
